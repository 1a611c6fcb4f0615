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
 * writer types is theirs, whatever it is typed next to; Ctrl+I and Ctrl+B toggle emphasis. The scene
 * editor, the stitching pane's composition, revisions and chat messages all show prose in one.
 */
public final class ProseArea extends StyledTextArea<String, ProseStyle> {

    private static final javafx.geometry.Insets PARAGRAPH_GAP = new javafx.geometry.Insets(0, 0, 11, 0);
    private static final KeyCombination ITALIC = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BOLD = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);

    public ProseArea() {
        // space between paragraphs and lines, set on each paragraph's text flow as it is made
        super("", (flow, paragraphStyle) -> {
            flow.setLineSpacing(4);
            flow.setPadding(PARAGRAPH_GAP);
        }, ProseStyle.WRITER,
                (text, style) -> text.getStyleClass().addAll(style.styleClasses()));
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
}
