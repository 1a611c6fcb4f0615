package dev.quire.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TipsTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void open() throws Exception {
        fx(() -> {
            Startup.release();
            return null;
        });
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(15, TimeUnit.SECONDS);
    }

    @Test
    void aTooltipIsGivenAtOnceOutsideAStartUp() throws Exception {
        Button button = fx(Button::new);
        fx(() -> {
            Tips.set(button, "All stories (Ctrl+L)");
            return null;
        });
        assertEquals("All stories (Ctrl+L)", fx(() -> button.getTooltip().getText()));
    }

    @Test
    void whileTheStudioStartsTooltipsComeOnceTheWindowIsUpUnlessTheControlShowsSomethingElseByThen()
            throws Exception {
        Button button = fx(Button::new);
        Label reused = fx(Label::new);
        fx(() -> {
            Startup.hold();
            Tips.set(button, "Search the whole story");
            Tips.set(reused, "1 The Crossed Sevens · 443 words", () -> false);
            return null;
        });
        assertNull(fx(button::getTooltip), "no tooltip is made before the first frame");

        fx(() -> {
            Startup.release();
            return null;
        });
        assertEquals("Search the whole story", fx(() -> button.getTooltip().getText()));
        assertNull(fx(reused::getTooltip), "a row that shows another entry by then does not get the old tooltip");
    }
}
