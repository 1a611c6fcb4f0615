package dev.quire.ui.editor;

import dev.quire.model.Prose;
import dev.quire.ui.prose.ProseArea;
import dev.quire.ui.stitch.SceneHost;
import dev.quire.ui.stitch.StitchViewModel;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The scene editor as its stitching pane sees it, and what an accepted composition does to it: put in as one edit
 * that Ctrl+Z (or {@link #undoAccept}) takes back, the window told what was done. Prose put in from the library is
 * not an edit, so the pane's anchors do not follow it.
 */
final class EditorSceneHost implements SceneHost {

    private final ProseArea area;
    private final SceneEditorViewModel model;
    private final BooleanSupplier open;
    private final Runnable showScene;
    private BiConsumer<String, BooleanSupplier> accepted = (what, undo) -> { };
    private boolean showingProse;

    /**
     * @param open      whether the scene's tab is still in the window
     * @param showScene shows the scene's text, provenance coloured, instead of the stitching pane
     */
    EditorSceneHost(ProseArea area, SceneEditorViewModel model, BooleanSupplier open, Runnable showScene) {
        this.area = area;
        this.model = model;
        this.open = open;
        this.showScene = showScene;
    }

    /** Puts prose from the library into the editor: not an edit, so nothing follows it (anchors stay). */
    void showProse(Prose prose) {
        showingProse = true;
        try {
            area.setProse(prose);
        } finally {
            showingProse = false;
        }
    }

    /** An accepted composition, put into the editor as one edit that Ctrl+Z (or {@link #undoAccept}) takes back. */
    private void showAccepted(Prose prose) {
        showingProse = true;
        try {
            area.replaceAsOneEdit(prose);
        } finally {
            showingProse = false;
        }
    }

    /** Where a continuation or rewrite goes moves with the writer's edits before it. */
    void followEdits(StitchViewModel stitch) {
        area.plainTextChanges().subscribe(change -> {
            if (!showingProse) {
                stitch.sceneEdited(change.getPosition(), change.getRemoved().length(), change.getInserted().length());
            }
        });
    }

    /** See {@link SceneEditorView#undoAccept()}. */
    boolean undoAccept() {
        var undo = area.getUndoManager();
        if (!open.getAsBoolean()) {
            // the scene's tab was closed: its editor no longer holds the text
            return false;
        }
        if (undo.isAtMarkedPosition() && undo.isUndoAvailable()) {
            undo.undo();
            area.requestFocus();
            return true;
        } else {
            model.problemProperty().set("The scene has changed since that accept, so Undo would take back your"
                    + " later edits too: press Ctrl+Z in the text to step back, or find the earlier text in"
                    + " Revisions….");
            return false;
        }
    }

    /** See {@link SceneEditorView#onAccepted}. */
    void onAccepted(BiConsumer<String, BooleanSupplier> listener) {
        this.accepted = listener;
    }

    @Override
    public int caret() {
        return area.getCaretPosition();
    }

    @Override
    public int[] selection() {
        return new int[] {area.getSelection().getStart(), area.getSelection().getEnd()};
    }

    @Override
    public String text() {
        return area.getText();
    }

    @Override
    public void saveScene() {
        model.saveSceneSoon();
    }

    @Override
    public void sceneReplaced(Prose prose) {
        model.replaced(prose, this::showProse);
        showScene.run();
    }

    @Override
    public void accepted(Prose prose, String what) {
        model.replaced(prose, this::showAccepted);
        showScene.run();
        area.requestFocus();
        accepted.accept(what, this::undoAccept);
    }
}
