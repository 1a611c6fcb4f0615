package dev.quire.ui.shell;

import dev.quire.ui.StudioWindow;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;

class QuitWindowTest extends StudioWindow {

    @Test
    void ctrlQClosesTheWindowAsItsCloseButtonDoes() throws TimeoutException {
        start();
        Window window = fx(() -> main().view().getScene().getWindow());
        assertTrue(fx(window::isShowing));
        press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        waitUntil("the window closed", () -> !window.isShowing());
    }
}
