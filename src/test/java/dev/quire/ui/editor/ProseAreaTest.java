package dev.quire.ui.editor;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.ui.prose.ProseArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor gives back exactly the prose it was given, so opening a scene never rewrites it. */
class ProseAreaTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void proseReadsBackExactlyAsLoadedAcrossParagraphsStylesAndVariants() throws Exception {
        Provenance b = Provenance.variant("B", 7L);
        Prose loaded = new Prose.Builder()
                .append("The gauge read ", b, false, false)
                .append("eleven point four", b, true, false)
                .append("\n")
                .append("She did not round.", Provenance.WRITER, false, true)
                .append("\n")
                .append("Across the creek a hand went up.", Provenance.variant("C", 8L), true, false)
                .build();

        Prose readBack = WaitForAsyncUtils.asyncFx(() -> {
            ProseArea area = new ProseArea();
            area.setProse(loaded);
            return area.prose();
        }).get(30, TimeUnit.SECONDS);

        assertEquals(loaded, readBack);
    }

    @Test
    void aLineBreakShowsAsANewLineAndShiftEnterTypesOne() throws Exception {
        Prose letter = new Prose.Builder().append("Dear Father,\u2028the lamp is ")
                .append("lit", Provenance.WRITER, true, false).append(".").append("\n").append("She sealed it.").build();
        ProseArea area = WaitForAsyncUtils.asyncFx(() -> {
            ProseArea a = new ProseArea();
            a.setPrefSize(800, 400);
            a.setProse(letter);
            return a;
        }).get(30, TimeUnit.SECONDS);
        FxToolkit.setupSceneRoot(() -> area);
        FxToolkit.showStage();
        WaitForAsyncUtils.waitForFxEvents();

        WaitForAsyncUtils.asyncFx(() -> {
            assertEquals(2, area.getParagraphLinesCount(0), "the letter's first paragraph is drawn on two lines");
            assertEquals(1, area.getParagraphLinesCount(1));
            String drawn = area.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                    .map(n -> ((javafx.scene.text.Text) n).getText()).collect(Collectors.joining());
            assertTrue(drawn.contains("Dear Father,\nthe lamp is "), drawn);
            assertFalse(drawn.contains("\u2028"), drawn);
            assertEquals(letter, area.prose(), "the prose keeps its line break");

            area.moveTo(area.getLength());
            area.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.ENTER, true, false, false, false));
            area.replaceSelection("Ada");
            return null;
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        String text = WaitForAsyncUtils.asyncFx(() -> area.prose().text()).get(30, TimeUnit.SECONDS);
        assertEquals("Dear Father,\u2028the lamp is lit.\nShe sealed it.\u2028Ada", text);
        assertEquals(2, (int) WaitForAsyncUtils.asyncFx(() -> area.getParagraphLinesCount(1)).get(30, TimeUnit.SECONDS));
    }
}
