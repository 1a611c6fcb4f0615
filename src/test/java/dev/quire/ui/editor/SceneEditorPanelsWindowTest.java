package dev.quire.ui.editor;

import dev.quire.ui.StudioWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The find bar and the continuity panel are made when first wanted, and then work as they always did. */
class SceneEditorPanelsWindowTest extends StudioWindow {

    @Test
    void ctrlFBringsTheFindBarAboveTheTextWithTheSelectionToFind() throws TimeoutException {
        start();
        SceneEditorView editor = waitForOpenScene();
        assertTrue(fx(() -> editor.view().lookupAll(".find-bar").isEmpty()), "no find bar before it is asked for");

        clickOn(editor.area());
        onFx(() -> editor.area().selectRange(4, 11));
        shortcut(KeyCode.F);

        waitUntil("the find bar shows", () -> editor.view().lookup(".find-bar") instanceof FindBar bar
                && bar.isVisible() && bar.getScene() != null);
        FindBar bar = fx(() -> (FindBar) editor.view().lookup(".find-bar"));
        assertEquals("kitchen", fx(() -> bar.findField().getText()));
        Node parent = fx(bar::getParent);
        assertEquals(bar, fx(() -> ((javafx.scene.layout.Pane) parent).getChildren().get(0)), "above the text");

        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("the find bar goes", () -> !bar.isVisible());
        shortcut(KeyCode.F);
        waitUntil("the same bar comes back", () -> bar.isVisible());
        assertEquals(1, fx(() -> editor.view().lookupAll(".find-bar").size()));
    }

    @Test
    void aContinuityCheckBringsItsPanelUnderTheToolbarWhichSaysWhatHappened() throws TimeoutException {
        start();
        SceneEditorView editor = waitForOpenScene();
        assertTrue(fx(() -> editor.view().lookupAll(".continuity-panel").isEmpty()), "no panel before a check");

        // no provider is set up: the check cannot go, and the panel says so
        onFx(() -> editor.model().continuity().check());

        waitUntil("the panel shows", () -> editor.view().lookup(".continuity-panel") != null
                && editor.view().lookup(".continuity-panel").isVisible());
        waitUntil("it says why the check could not run", () -> editor.view().lookup(".continuity-message")
                instanceof Label l && l.getText().contains("provider"));
        assertFalse(fx(() -> editor.model().continuity().stateProperty().get()
                == ContinuityViewModel.State.IDLE));
    }

    @Test
    void theSummaryToggleBringsTheScenesSummaryToReadAndEdit() throws TimeoutException {
        start();
        SceneEditorView editor = waitForOpenScene();
        assertTrue(fx(() -> editor.view().lookupAll(".scene-summary-text").isEmpty()), "made when first shown");

        clickOn(fx(() -> editor.view().lookup(".summary-toggle")));

        waitUntil("the summary shows", () -> editor.view().lookup(".scene-summary-text") instanceof TextArea area
                && area.isVisible() && area.getScene() != null);
        TextArea area = fx(() -> (TextArea) editor.view().lookup(".scene-summary-text"));
        assertEquals(fx(() -> editor.model().summaryProperty().get()), fx(area::getText));
        onFx(() -> area.setText("Odile reads the screen alone and does not round."));
        assertEquals("Odile reads the screen alone and does not round.",
                fx(() -> editor.model().summaryProperty().get()));

        clickOn(fx(() -> editor.view().lookup(".summary-toggle")));
        waitUntil("it folds away", () -> !area.isVisible());
    }
}
