package dev.quire.ui.shell;

import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 §3, in the real window: the window opens where and as big as it was left, the binder's and the
 * composition's dividers stay where they were dragged, the generate panel's options start folded away, and the
 * Prompt Preview opens at the size of its content.
 */
class LaptopLayoutWindowTest extends StudioWindow {

    private Stage stage() {
        return fx(() -> (Stage) main().view().getScene().getWindow());
    }

    private SplitPane stitchSplit(SceneEditorView editor) {
        return fx(() -> (SplitPane) editor.stitchView().lookup(".stitch-split"));
    }

    private SplitPane workspace() {
        return fx(() -> (SplitPane) main().view().lookup(".workspace"));
    }

    private SceneEditorView openWithPane() {
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.stitchView() != null
                && editor.stitchView().model().loadedProperty().get());
        return editor;
    }

    @Test
    void theWindowsPlaceSizeAndDividersSurviveARestart() throws TimeoutException {
        start();
        SceneEditorView editor = openWithPane();
        Stage stage = stage();
        onFx(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1100);
            stage.setHeight(700);
        });
        clickOn(editor.area());
        shortcut(KeyCode.DIGIT2);
        waitUntil("the stitching pane shows", () -> editor.stitchView().getScene() != null);
        SplitPane split = stitchSplit(editor);
        onFx(() -> split.setDividerPositions(0.7));
        double dragged = fx(() -> split.getDividers().get(0).getPosition());
        // away from both the pane's own start (0.56) and the memory's (0.6), so a forgotten place shows
        assertTrue(Math.abs(dragged - 0.6) > 0.02 && Math.abs(dragged - 0.56) > 0.02, "the divider moved: " + dragged);
        SplitPane workspace = workspace();
        onFx(() -> workspace.setDividerPositions(0.3));

        restart();
        Stage again = stage();
        assertEquals(40, fx(again::getX), 1);
        assertEquals(30, fx(again::getY), 1);
        assertEquals(1100, fx(again::getWidth), 1);
        assertEquals(700, fx(again::getHeight), 1);
        assertEquals(0.3, fx(() -> workspace().getDividers().get(0).getPosition()), 0.02,
                "the binder is as wide as it was left");
        SceneEditorView reopened = openWithPane();
        clickOn(reopened.area());
        shortcut(KeyCode.DIGIT2);
        waitUntil("the stitching pane shows", () -> reopened.stitchView().getScene() != null);
        assertEquals(dragged, fx(() -> stitchSplit(reopened).getDividers().get(0).getPosition()), 0.01,
                "the composition's divider is where it was dragged");
    }

    @Test
    void theBinderFoldsAwayForRoomToWriteAndStaysFoldedAfterARestart() throws TimeoutException {
        start();
        SceneEditorView editor = openWithPane();
        double before = fx(() -> editor.area().getWidth());
        assertEquals(2, fx(() -> workspace().getItems().size()), "the binder beside the tabs");

        clickOn(editor.area());
        shortcut(KeyCode.BACK_SLASH);
        waitUntil("the binder folds away", () -> workspace().getItems().size() == 1);
        waitUntil("the scene takes the room", () -> editor.area().getWidth() > before + 100);

        restart();
        SceneEditorView again = openWithPane();
        assertEquals(1, fx(() -> workspace().getItems().size()), "still folded away after a restart");
        Node binderButton = fx(() -> lookup((javafx.scene.control.ToggleButton b) -> "Binder".equals(b.getText()))
                .query());
        clickOn(binderButton);
        waitUntil("the Binder button brings it back", () -> workspace().getItems().size() == 2);
        assertTrue(fx(() -> again.view().getScene() != null));
    }

    @Test
    void aMaximisedWindowOpensMaximisedAndKeepsItsSizeForLater() throws TimeoutException {
        start();
        Stage stage = stage();
        onFx(() -> {
            stage.setX(60);
            stage.setY(50);
            stage.setWidth(1000);
            stage.setHeight(640);
        });
        onFx(() -> stage.setMaximized(true));
        restart();
        assertTrue(fx(() -> stage().isMaximized()), "it opens maximised");
        assertEquals(new dev.quire.ui.common.LayoutMemory.Placement(60, 50, 1000, 640, true),
                fx(() -> main().model().layout().placement().orElseThrow()),
                "and keeps the size it had before, to return to");
    }

    @Test
    void theGeneratePanelsOptionsStartFoldedAwayAndTheFrameIsInThem() throws TimeoutException {
        start();
        SceneEditorView editor = openWithPane();
        Node options = fx(() -> editor.generatePanel().lookup(".generate-options"));
        Node summary = fx(() -> editor.generatePanel().lookup(".options-summary"));
        assertFalse(fx(options::isVisible), "the options are folded away");
        assertTrue(fx(summary::isVisible), "a line says what they are set to");
        assertTrue(fx(() -> ((javafx.scene.control.Label) summary).getText().contains("3 variants")),
                fx(() -> ((javafx.scene.control.Label) summary).getText()));
        clickOn(fx(() -> editor.generatePanel().lookup(".options-fold")));
        waitUntil("the options unfold", options::isVisible);
        assertTrue(fx(() -> editor.generatePanel().lookup(".generate-frame").isVisible()));
    }

    @Test
    void thePromptPreviewOpensAtTheSizeOfItsContentNotAToken200() throws TimeoutException {
        start();
        openWithPane();
        shortcut(KeyCode.P, KeyCombination.SHIFT_DOWN);
        waitUntil("the Prompt Preview is open", () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().contains("Prompt preview")));
        Stage preview = fx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().contains("Prompt preview")).map(w -> (Stage) w).findFirst().orElseThrow());
        double screenWidth = fx(() -> javafx.stage.Screen.getPrimary().getVisualBounds().getWidth());
        double screenHeight = fx(() -> javafx.stage.Screen.getPrimary().getVisualBounds().getHeight());
        assertEquals(Math.min(1040, screenWidth * 0.95), fx(preview::getWidth), 1);
        assertEquals(Math.min(720, screenHeight * 0.95), fx(preview::getHeight), 1);
        onFx(preview::close);
    }
}
