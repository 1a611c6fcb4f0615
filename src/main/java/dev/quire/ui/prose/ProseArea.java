package dev.quire.ui.prose;

import dev.quire.model.Prose;
import dev.quire.model.Span;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.StyledTextArea;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.function.UnaryOperator;

/**
 * A RichTextFX area that holds {@link Prose}: italics, bold and provenance per character. What the
 * writer types is theirs, whatever it is typed next to; Ctrl+I and Ctrl+B toggle emphasis; Shift+Enter breaks the
 * line inside the paragraph (U+2028, drawn as a new line). The scene
 * editor, the stitching pane's composition, revisions and chat messages all show prose in one.
 */
public final class ProseArea extends StyledTextArea<String, ProseStyle> {

    private static final javafx.geometry.Insets PARAGRAPH_GAP = new javafx.geometry.Insets(0, 0, 11, 0);
    private static final KeyCombination ITALIC = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BOLD = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination LINE_BREAK = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHIFT_DOWN);
    /** A line break inside a paragraph: a letter's lines, verse, a sign. */
    public static final char LINE = '\u2028';

    public ProseArea() {
        // space between paragraphs and lines, set on each paragraph's text flow as it is made
        super("", (flow, paragraphStyle) -> {
            flow.setLineSpacing(4);
            flow.setPadding(PARAGRAPH_GAP);
        }, ProseStyle.WRITER,
                (text, style) -> {
                    text.getStyleClass().addAll(style.styleClasses());
                    showLineBreaks(text);
                });
        getStyleClass().add("prose-area");
        setWrapText(true);
        setUseInitialStyleForInsertion(false);
        caretPositionProperty().addListener((obs, old, pos) -> setTextInsertionStyle(styleBeforeCaret()));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ITALIC.match(e)) {
                toggle(s -> s.italic(), (s, on) -> s.withItalic(on));
                e.consume();
            } else if (BOLD.match(e)) {
                toggle(s -> s.bold(), (s, on) -> s.withBold(on));
                e.consume();
            } else if (LINE_BREAK.match(e) && isEditable()) {
                replaceSelection(String.valueOf(LINE));
                requestFollowCaret();
                e.consume();
            }
        });
    }

    /** Replaces the whole text, leaving nothing to undo. */
    public void setProse(Prose prose) {
        replaceText(prose.text());
        if (!prose.isEmpty()) {
            StyleSpansBuilder<ProseStyle> b = new StyleSpansBuilder<>(prose.spans().size());
            for (Span s : prose.spans()) {
                b.add(new ProseStyle(s.italic(), s.bold(), s.provenance()), s.length());
            }
            setStyleSpans(0, b.create());
        }
        getUndoManager().forgetHistory();
        moveTo(0);
        requestFollowCaret();
    }

    /**
     * Makes the text {@code prose} as one edit the writer can undo in one step (Ctrl+Z): only the part that differs
     * is replaced, with the caret after it, so what was there before and after keeps its place. The undo history is
     * marked just after it ({@code getUndoManager().isAtMarkedPosition()} tells whether it is still the last edit).
     */
    public void replaceAsOneEdit(Prose prose) {
        Prose now = prose();
        String before = now.text();
        String after = prose.text();
        int max = Math.min(before.length(), after.length());
        int head = 0;
        while (head < max && before.charAt(head) == after.charAt(head)) {
            head++;
        }
        int tail = 0;
        while (tail < max - head && before.charAt(before.length() - 1 - tail) == after.charAt(after.length() - 1 - tail)) {
            tail++;
        }
        // text that stays must keep its provenance and emphasis too; else the whole text is the edit
        if (!now.slice(0, head).equals(prose.slice(0, head))
                || !now.slice(before.length() - tail, before.length()).equals(prose.slice(after.length() - tail,
                after.length()))) {
            head = 0;
            tail = 0;
        }
        Prose middle = prose.slice(head, after.length() - tail);
        org.fxmisc.richtext.model.ReadOnlyStyledDocument<String, String, ProseStyle> doc =
                org.fxmisc.richtext.model.ReadOnlyStyledDocument.fromString("", "", ProseStyle.WRITER, getSegOps());
        int pos = 0;
        for (Span s : middle.spans()) {
            doc = doc.concat(org.fxmisc.richtext.model.ReadOnlyStyledDocument.fromString(
                    middle.text().substring(pos, pos + s.length()), "",
                    new ProseStyle(s.italic(), s.bold(), s.provenance()), getSegOps()));
            pos += s.length();
        }
        getUndoManager().preventMerge();
        replace(head, before.length() - tail, doc);
        getUndoManager().preventMerge();
        getUndoManager().mark();
        moveTo(head + middle.text().length());
        requestFollowCaret();
    }

    /**
     * The current text as prose, for autosave. Paragraph breaks are always plain and the writer's:
     * RichTextFX gives a break the style of the text before it, which would make prose that was
     * only loaded differ from what was saved.
     */
    public Prose prose() {
        String text = getText();
        if (text.isEmpty()) {
            return Prose.EMPTY;
        }
        Prose.Builder b = new Prose.Builder();
        int pos = 0;
        for (StyleSpan<ProseStyle> s : getStyleSpans(0, text.length())) {
            ProseStyle st = s.getStyle();
            int end = pos + s.getLength();
            int from = pos;
            for (int br = text.indexOf('\n', from); br >= 0 && br < end; br = text.indexOf('\n', br + 1)) {
                b.append(text.substring(from, br), st.provenance(), st.italic(), st.bold());
                b.append("\n");
                from = br + 1;
            }
            b.append(text.substring(from, end), st.provenance(), st.italic(), st.bold());
            pos = end;
        }
        return b.build();
    }

    /**
     * JavaFX draws U+2028 as nothing, gluing the lines together; a new line in the drawn text breaks the line in the
     * paragraph's text flow instead, one character for one, so the caret and selections keep their places.
     */
    private static void showLineBreaks(javafx.scene.text.Text text) {
        String t = text.getText();
        if (t.indexOf(LINE) >= 0) {
            text.setText(t.replace(LINE, '\n'));
        }
    }

    private ProseStyle styleBeforeCaret() {
        int pos = getCaretPosition();
        if (getLength() == 0) {
            return ProseStyle.WRITER;
        }
        return getStyleAtPosition(pos).byWriter();
    }

    private void toggle(java.util.function.Predicate<ProseStyle> isOn,
                        java.util.function.BiFunction<ProseStyle, Boolean, ProseStyle> set) {
        var sel = getSelection();
        if (sel.getLength() == 0) {
            ProseStyle current = getTextInsertionStyle() == null ? styleBeforeCaret() : getTextInsertionStyle();
            setTextInsertionStyle(set.apply(current, !isOn.test(current)));
            return;
        }
        StyleSpans<ProseStyle> spans = getStyleSpans(sel);
        boolean allOn = true;
        for (StyleSpan<ProseStyle> s : spans) {
            allOn &= isOn.test(s.getStyle());
        }
        boolean on = !allOn;
        UnaryOperator<ProseStyle> change = s -> set.apply(s, on);
        setStyleSpans(sel.getStart(), spans.mapStyles(change));
    }

    /**
     * A character range's bounds on screen where the text actually shows: the area's bottom padding cuts off a line
     * that runs under it, which {@link #getCharacterBoundsOnScreen} still reports; empty then.
     */
    public java.util.Optional<javafx.geometry.Bounds> visibleBoundsOnScreen(int from, int to) {
        javafx.geometry.Point2D bottom = localToScreen(0, Math.max(0, getHeight() - getInsets().getBottom()));
        return getCharacterBoundsOnScreen(from, to).filter(b -> bottom == null || b.getMaxY() <= bottom.getY() + 1);
    }
}
