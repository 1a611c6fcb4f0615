package dev.quire.ui.shell;

import dev.quire.ui.StudioWindow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThemeWindowTest extends StudioWindow {

    private List<String> themeClasses() {
        return fx(() -> main().view().getStyleClass().stream().filter(c -> c.startsWith("theme-")).toList());
    }

    private boolean buttonOffers(String text) {
        return fx(() -> lookup(".top-bar .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .anyMatch(b -> b.getText().equals(text)));
    }

    @Test
    void ctrlShiftDSwitchesBetweenLightAndDarkAndTheChoiceSurvivesARestart() throws TimeoutException {
        start();
        assertEquals(List.of("theme-light"), themeClasses(), "a new library starts light");

        shortcut(KeyCode.D, KeyCombination.SHIFT_DOWN);
        assertEquals(List.of("theme-dark"), themeClasses());
        assertEquals(true, buttonOffers("Light theme"), "the top bar offers the way back");

        restart();
        assertEquals(List.of("theme-dark"), themeClasses(), "the dark theme was remembered");

        shortcut(KeyCode.D, KeyCombination.SHIFT_DOWN);
        assertEquals(List.of("theme-light"), themeClasses());
        restart();
        assertEquals(List.of("theme-light"), themeClasses(), "and so was switching back");
    }
}
