package dev.quire.ui.stitch;

import dev.quire.model.Prose;

/**
 * The composition as the pane's editor holds it. The view model reads it and puts text into it only through
 * here; the editor reports each of the writer's edits back ({@link StitchViewModel#compositionEdited}).
 */
public interface CompositionText {

    /** Holds nothing and shows nothing: until a view gives the pane its editor. */
    CompositionText NONE = new CompositionText() {
        @Override
        public Prose prose() {
            return Prose.EMPTY;
        }

        @Override
        public void show(Prose prose) {
        }

        @Override
        public void insert(int at, Prose piece) {
        }
    };

    /** The text with every character's provenance and emphasis. */
    Prose prose();

    /** The plain text, cheaper than {@link #prose()} where provenance does not matter. */
    default String text() {
        return prose().text();
    }

    /** Replaces the whole text with nothing to undo: what the library holds, or nothing after Accept. */
    void show(Prose prose);

    /** Puts {@code piece} in at {@code at} as one edit the writer can undo, with the cursor after it. */
    void insert(int at, Prose piece);
}
