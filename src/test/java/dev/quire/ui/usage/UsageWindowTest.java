package dev.quire.ui.usage;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Generation;
import dev.quire.model.StorySummary;
import dev.quire.store.UsageRepository;
import dev.quire.studio.Studio;
import dev.quire.ui.StudioWindow;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Usage page in the studio window: reached from the top bar, with its chart, table, saving and budget. */
class UsageWindowTest extends StudioWindow {

    /** Two Sonnet requests of a cached scene prompt, and one to a model nobody priced. */
    private void seed() {
        try (Studio studio = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            studio.providers().save(new ProviderProfile("claude", ProviderKind.ANTHROPIC, "https://api.anthropic.com",
                    "claude-sonnet-4-5", 200_000, 4096), null);
            long story = studio.stories().list().get(0).id();
            UsageRepository usage = new UsageRepository(studio.database());
            Generation g = studio.generations().create(new Generation(0, story, null, null, "scene", "claude",
                    "claude-sonnet-4-5", "{}", "{}", null, 2, Generation.Usage.NONE, Instant.now(), Instant.now(),
                    Generation.Status.COMPLETE, null));
            usage.recordVariant(g.id(), 0, null, new UsageRepository.Counts(30_000, 1_200, 0, 29_000), Instant.now());
            usage.recordVariant(g.id(), 1, null, new UsageRepository.Counts(30_000, 1_100, 29_000, 0), Instant.now());
            Generation other = studio.generations().create(new Generation(0, story, null, null, "scene", "claude",
                    "claude-mystery-9", "{}", "{}", null, 1, Generation.Usage.NONE, Instant.now(), Instant.now(),
                    Generation.Status.COMPLETE, null));
            usage.recordVariant(other.id(), 0, null, new UsageRepository.Counts(500, 100, null, null), Instant.now());
        }
    }

    private Button topBarButton(String text) {
        return fx(() -> lookup(".button").queryAll().stream().filter(n -> n instanceof Button b
                && text.equals(b.getText()) && b.isVisible()).map(n -> (Button) n).findFirst().orElseThrow());
    }

    @Test
    void theUsagePageShowsSpendByDayStoryAndModelWithTheCacheSavingAndKeepsABudget() throws TimeoutException {
        seed();
        start();
        clickOn(topBarButton("Usage"));
        waitUntil("the page has read the library", () -> lookup(".usage-summary").tryQueryAs(Label.class)
                .map(l -> l.getText().contains("3 requests")).orElse(false));

        String summary = fx(() -> lookup(".usage-summary").queryAs(Label.class).getText());
        assertTrue(summary.contains("29.0K read from the cache"), summary);
        assertTrue(summary.contains("the cache saved $"), summary);

        @SuppressWarnings("unchecked")
        TableView<dev.quire.studio.Spending.Line> table = fx(() -> lookup(".usage-by-model").queryAs(TableView.class));
        List<String> models = fx(() -> table.getItems().stream().map(l -> l.model() + " " + UsageViewModel.cost(l))
                .toList());
        assertEquals(2, models.size(), models.toString());
        assertTrue(models.contains("claude-mystery-9 no price"), "an unknown model shows no made-up cost: " + models);
        // Sonnet: 29,000 written at $3.75, 29,000 read at $0.30, 2,000 uncached at $3, 2,300 out at $15 per million
        double sonnet = (29_000 * 3.75 + 29_000 * 0.30 + 2_000 * 3.0 + 2_300 * 15.0) / 1_000_000;
        assertTrue(models.contains("claude-sonnet-4-5 " + dev.quire.studio.Spending.money(sonnet)), models.toString());

        int days = fx(() -> {
            @SuppressWarnings("unchecked")
            StackedBarChart<String, Number> chart = lookup(".usage-by-day").queryAs(StackedBarChart.class);
            return chart.getData().get(0).getData().size();
        });
        assertEquals(1, days, "one day of requests");
        Node byStory = fx(() -> lookup(".usage-by-story").query());
        assertTrue(byStory != null);

        clickOn(fx(() -> lookup(".daily-cap").queryAs(TextField.class))).write("5");
        clickOn(topBarButton("Save budget"));
        waitUntil("the budget is saved", () -> lookup(".usage-message").queryAs(Label.class).getText()
                .equals("Budget saved."));
        assertEquals(5.0, fx(() -> main().model().studio().spending().dailyCap().orElseThrow()));
        StorySummary story = fx(() -> main().model().studio().stories().list().get(0));
        assertTrue(fx(() -> main().model().studio().spending().capWarning(story.id(), 10.0)).isPresent(),
                "a request past the cap is warned of");

        clickOn(topBarButton("Done"));
        waitUntil("the page is gone", () -> lookup(".usage-page").tryQuery().isEmpty());
    }
}
