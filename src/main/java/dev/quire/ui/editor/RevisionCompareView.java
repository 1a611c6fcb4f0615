package dev.quire.ui.editor;

import dev.quire.stitch.SentenceDiff;
import dev.quire.stitch.WordDiff;
import javafx.geometry.Insets;
import org.fxmisc.richtext.StyleClassedTextArea;

import java.util.List;

/**
 * A revision compared with the scene now, a sentence at a time: kept sentences read plainly, a sentence that went is
 * struck through whole, a new one is underlined whole, and an edited sentence shows struck as it was and then as it
 * is, with only its changed words picked out.
 */
final class RevisionCompareView {

    /** Kept text. */
    static final String SAME = "rev-same";
    /** A sentence only in the revision, or the revision's form of an edited one. */
    static final String REMOVED = "rev-removed";
    /** A sentence only in the scene now, or the new form of an edited one. */
    static final String ADDED = "rev-added";
    /** Inside an edited sentence: a word that changed. */
    static final String WORD = "rev-word";

    private final StyleClassedTextArea area = new StyleClassedTextArea(false);

    RevisionCompareView() {
        area.getStyleClass().addAll("prose-area", "revision-diff");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPadding(new Insets(12, 20, 12, 20));
    }

    /** Shows what changed from {@code before} (the revision) to {@code after} (the scene now). */
    void show(String before, String after) {
        area.clear();
        for (SentenceDiff.Block b : SentenceDiff.between(before, after)) {
            switch (b.kind()) {
                case SAME -> append(b.after(), List.of(SAME));
                case REMOVED -> append(b.before(), List.of(REMOVED));
                case ADDED -> append(b.after(), List.of(ADDED));
                case CHANGED -> {
                    // the sentence as it was, then as it is; a space keeps the two apart on one line
                    for (WordDiff.Piece p : words(b.words(), WordDiff.Kind.REMOVED)) {
                        append(p.text(), p.kind() == WordDiff.Kind.SAME ? List.of(REMOVED) : List.of(REMOVED, WORD));
                    }
                    append(" ", List.of(SAME));
                    for (WordDiff.Piece p : words(b.words(), WordDiff.Kind.ADDED)) {
                        append(p.text(), p.kind() == WordDiff.Kind.SAME ? List.of(ADDED) : List.of(ADDED, WORD));
                    }
                }
            }
        }
        area.moveTo(0);
        area.requestFollowCaret();
    }

    /** One side of an edited sentence: the kept pieces and that side's own; the earlier side without its trailing space. */
    private static List<WordDiff.Piece> words(List<WordDiff.Piece> all, WordDiff.Kind side) {
        List<WordDiff.Piece> out = new java.util.ArrayList<>();
        for (WordDiff.Piece p : all) {
            if (p.kind() == WordDiff.Kind.SAME || p.kind() == side) {
                out.add(p);
            }
        }
        if (side == WordDiff.Kind.REMOVED && !out.isEmpty()) {
            WordDiff.Piece last = out.get(out.size() - 1);
            String trimmed = last.text().stripTrailing();
            out.set(out.size() - 1, new WordDiff.Piece(trimmed, last.kind()));
        }
        return out;
    }

    private void append(String text, List<String> styles) {
        if (text.isEmpty()) {
            return;
        }
        int from = area.getLength();
        // JavaFX draws a line break inside a paragraph (U+2028) as nothing; here a new line shows it
        area.appendText(text.replace('\u2028', '\n'));
        area.setStyle(from, area.getLength(), styles);
    }

    StyleClassedTextArea area() {
        return area;
    }
}
