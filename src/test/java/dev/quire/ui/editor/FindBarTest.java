package dev.quire.ui.editor;

import dev.quire.model.Prose;
import dev.quire.ui.prose.ProseArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Find and replace over a scene's text: matches, stepping with wrap-around, replace one, replace all. */
class FindBarTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    @Test
    void findsEveryMatchStepsAroundAndReplaces() throws Exception {
        List<Object> results = onFx(() -> {
            ProseArea area = new ProseArea();
            area.setProse(Prose.plain("The gauge, the ledger.\nThe tide and THE creek."));
            FindBar bar = new FindBar(area);
            bar.findField().setText("the");
            List<Integer> found = bar.matches();
            area.moveTo(0);
            bar.step(1);
            int first = area.getSelection().getStart();
            bar.step(1);
            int second = area.getSelection().getStart();
            bar.step(-1);
            int back = area.getSelection().getStart();
            bar.replaceField().setText("a");
            bar.replaceOne();
            String afterOne = area.getText();
            bar.replaceAll();
            return List.of(found, first, second, back, afterOne, area.getText());
        });

        assertEquals(List.of(0, 11, 23, 36), results.get(0), "case-insensitive, across paragraphs");
        assertEquals(0, results.get(1), "the match at the caret");
        assertEquals(11, results.get(2), "next");
        assertEquals(0, results.get(3), "previous");
        assertEquals("a gauge, the ledger.\nThe tide and THE creek.", results.get(4), "the selected match only");
        assertEquals("a gauge, a ledger.\na tide and a creek.", results.get(5));
    }

    @Test
    void wholeWordsSkipsMatchesInsideLongerWords() throws Exception {
        List<Integer> found = onFx(() -> {
            ProseArea area = new ProseArea();
            area.setProse(Prose.plain("The other theme: then the end."));
            FindBar bar = new FindBar(area);
            bar.wholeWordsBox().setSelected(true);
            bar.findField().setText("the");
            return bar.matches();
        });

        assertEquals(List.of(0, 22), found);
    }
}
