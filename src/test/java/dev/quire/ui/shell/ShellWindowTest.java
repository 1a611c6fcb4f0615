package dev.quire.ui.shell;

import dev.quire.ui.StudioWindow;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellWindowTest extends StudioWindow {

    private String problemShown() {
        return fx(() -> lookup(".status-bar .status-problem").queryAs(Label.class).getText());
    }

    @Test
    void aBackgroundFailureNobodyHandledIsSaidInTheStatusBar() throws TimeoutException {
        start();
        waitUntil("the window settles", () -> main().view().lookup(".status-bar") != null);
        onFx(() -> main().model().background().read(() -> {
            throw new IllegalStateException("the library file was moved away");
        }).describedAs("Quire could not read the scene").start());

        waitUntil("the failure is in the status bar", () -> problemShown().contains("library file was moved away"));
        assertTrue(problemShown().startsWith("Quire could not read the scene: "), problemShown());
    }

    @Test
    void aFailedWriteWithoutADescriptionStillSaysSomething() throws TimeoutException {
        start();
        onFx(() -> main().model().background().write(() -> {
            throw new IllegalStateException("disk full");
        }).start());

        waitUntil("the failure is in the status bar", () -> problemShown().endsWith("disk full"));
        assertTrue(problemShown().startsWith("Something Quire was doing in the background failed"), problemShown());
    }
}
