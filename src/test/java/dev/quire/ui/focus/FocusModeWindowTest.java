package dev.quire.ui.focus;

import dev.quire.ui.StudioWindow;
import dev.quire.ui.common.KeyText;
import dev.quire.ui.editor.SceneEditorView;
import dev.quire.ui.shell.MainView;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 §3 in the real window: F11 shows the scene's text alone, full screen and centred; typing there is the
 * scene's and is saved; the current sentence stays bright; Esc puts the window back as it was.
 */
class FocusModeWindowTest extends StudioWindow {

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void f11ShowsTheSceneAloneTypingIsSavedAndEscLeaves() throws TimeoutException {
        start();
        SceneEditorView editor = waitForOpenScene();
        long sceneId = fx(() -> editor.model().sceneId());
        FocusMode focus = fx(() -> main().focus());

        push(KeyCode.F11);
        waitUntil("focus mode is on", () -> focus.activeProperty().get());

        assertNull(fx(() -> main().view().getScene().lookup(".top-bar")), "no top bar");
        assertNull(fx(() -> main().view().getScene().lookup(".status-bar")), "no status bar");
        assertTrue(fx(() -> inside(editor.area(), focus.view())), "the scene's own text area is in focus mode");
        assertTrue(fx(() -> ((Stage) main().view().getScene().getWindow()).isFullScreen()), "full screen");
        double width = fx(() -> editor.area().getWidth());
        javafx.geometry.Insets padding = fx(() -> editor.area().getPadding());
        assertEquals(width - padding.getLeft() - padding.getRight(), FocusMode.MEASURE, 1.0,
                "the text runs at the measure, centred");
        assertEquals(padding.getLeft(), padding.getRight(), 0.5);

        onFx(() -> {
            editor.area().requestFocus();
            editor.area().moveTo(editor.area().getLength());
        });
        write(" Focus kept.");
        onFx(editor::flush);
        waitUntil("what was typed in focus mode is the scene's, saved", () -> main().model().studio().scenes()
                .get(sceneId).orElseThrow().prose().text().endsWith(" Focus kept."));

        onFx(() -> focus.highlightProperty().set(FocusMode.Highlight.SENTENCE));
        waitUntil("the rest of the page dims around the sentence", () -> focus.shades()[0].isVisible()
                && focus.shades()[1].isVisible());
        onFx(() -> main().view().getScene().getRoot().layout()); // a layout pass leaves the shades where they were put
        double litTop = fx(() -> focus.shades()[0].getHeight());
        double litBottom = fx(() -> focus.shades()[1].getLayoutY());
        double shaded = fx(() -> focus.shades()[0].getHeight() + focus.shades()[1].getHeight());
        assertTrue(litBottom > litTop, "a bright band is left between the shades: " + litTop + ".." + litBottom);
        assertTrue(shaded > 100, "the shades cover the rest of the page: " + shaded);
        onFx(() -> focus.typewriterProperty().set(true));
        waitUntil("typewriter scrolling makes room to keep the line central", () ->
                editor.area().getPadding().getBottom() > 100);

        type(KeyCode.ESCAPE);
        waitUntil("Esc left focus mode", () -> !focus.activeProperty().get());
        assertTrue(fx(() -> main().view().getScene().lookup(".top-bar") != null), "the top bar is back");
        assertTrue(fx(() -> inside(editor.area(), editor.view())), "the text area is back in its editor");
        assertFalse(fx(() -> ((Stage) main().view().getScene().getWindow()).isFullScreen()));
        assertTrue(fx(() -> main().shortcuts().stream().anyMatch(s -> s.keys().equals(KeyText.of(MainView.FOCUS)))),
                "the F1 sheet lists focus mode");
    }
}
