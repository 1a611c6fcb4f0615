package dev.quire.ui.targets;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.SceneHeader;
import dev.quire.model.SceneRevision;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 §3 in the real window: word targets for the story and the day are set from the status bar, whose
 * progress follows the writing, and the history chart counts the writer's words apart from the model's.
 */
class TargetsWindowTest extends StudioWindow {

    private String targetsText() {
        return fx(() -> lookup(".status-bar .targets-open").queryAs(Button.class).getText());
    }

    @SuppressWarnings("unchecked")
    private List<XYChart.Series<String, Number>> chart() {
        return fx(() -> List.copyOf(lookup(".targets-chart").queryAs(StackedBarChart.class).getData()));
    }

    private static int today(XYChart.Series<String, Number> series) {
        return series.getData().get(series.getData().size() - 1).getYValue().intValue();
    }

    @Test
    void targetsAreSetFromTheStatusBarAndTheChartKeepsTheWritersWordsApartFromTheModels() throws TimeoutException {
        start();
        SceneEditorView editor = waitForOpenScene();
        long open = fx(() -> editor.model().sceneId());
        assertEquals("Set a word target", targetsText());

        clickOn(".status-bar .targets-open");
        waitUntil("the targets window shows", () -> lookup(".targets-story-field").tryQuery().isPresent());
        clickOn(".targets-story-field").write("100000");
        clickOn(".targets-daily-field").write("50");
        clickOn(".targets-save");
        waitUntil("the status bar shows both targets", () -> targetsText().contains("/ 100,000 · Today 0 / 50"));
        double progress = fx(() -> lookup(".status-bar .targets-story").queryAs(ProgressBar.class).getProgress());
        assertTrue(progress > 0 && progress < 1, "the story's words count towards its length: " + progress);

        onFx(() -> editor.area().appendText(" One two three four five."));
        onFx(editor::flush);
        waitUntil("today's words follow the writing", () -> targetsText().endsWith("Today 5 / 50"));
        assertEquals(0.1, fx(() -> lookup(".status-bar .targets-today").queryAs(ProgressBar.class).getProgress()),
                0.001);

        long storyId = fx(() -> main().model().openStoryProperty().get().story().id());
        var studio = fx(() -> main().model().studio());
        long other = studio.scenes().headers(storyId).stream().mapToLong(SceneHeader::id).filter(id -> id != open)
                .findFirst().orElseThrow();
        Prose before = studio.scenes().get(other).orElseThrow().prose();
        Prose accepted = before.replace(before.text().length(), before.text().length(),
                Prose.from(" Thunder rolled in.", Provenance.variant("A", 1L)));
        studio.scenes().replaceProse(other, accepted, SceneRevision.Kind.ACCEPT);

        clickOn(".status-bar .targets-open");
        waitUntil("the chart has today's words by source", () -> chart().size() == 3
                && today(chart().get(1)) == 3);
        assertEquals("You", chart().get(0).getName());
        assertEquals(5, today(chart().get(0)), "the writer's five words");
        assertEquals("Model", chart().get(1).getName());
        assertEquals(14, chart().get(0).getData().size(), "two weeks of days");
        assertEquals(100000, studio.targets().of(storyId).story(), "kept in the library");
    }
}
