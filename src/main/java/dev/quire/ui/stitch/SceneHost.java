package dev.quire.ui.stitch;

import dev.quire.model.Prose;

/** What the stitching pane needs from the scene editor beside it. */
public interface SceneHost {

    /** No editor beside the pane yet: nothing selected, nothing to save. */
    SceneHost NONE = new SceneHost() {
        @Override
        public int caret() {
            return 0;
        }

        @Override
        public int[] selection() {
            return new int[] {0, 0};
        }

        @Override
        public void saveScene() {
        }

        @Override
        public void sceneReplaced(Prose prose) {
        }
    };

    /** The editor's caret. */
    int caret();

    /** The editor's selection, as {start, end}. */
    int[] selection();

    /** The editor's text, to space a continuation or rewrite from the words beside it. */
    default String text() {
        return "";
    }

    /**
     * Queues a save of the scene's unsaved edits on the library's writer thread, so work queued there next sees
     * what the writer sees.
     */
    void saveScene();

    /** The scene's text changed in the library (an accepted composition): show it. */
    void sceneReplaced(Prose prose);

    /**
     * An accepted composition made the scene's text {@code prose}: show it as one edit the writer can undo, and say
     * {@code what} was done.
     */
    default void accepted(Prose prose, String what) {
        sceneReplaced(prose);
    }
}
