package dev.quire.ui.shell;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.store.SummaryRepository;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import dev.quire.ui.StudioWindow;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Summarising a whole story from the binder in the real window: estimate, progress in the status bar, Stop. */
class SummariseWindowTest extends StudioWindow {

    private static final Pattern MARK = Pattern.compile("PART-(\\d+)-TEXT");

    private MockWebServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger arrived = new AtomicInteger();

    @AfterEach
    void stopServer() {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    /** Answers scenes 1 and 2 at once; holds the others until the test lets them go. */
    private void provider() {
        server = Wire.start();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.incrementAndGet();
                String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
                Matcher m = MARK.matcher(body);
                int part = m.find() ? Integer.parseInt(m.group(1)) : 0;
                if (part > 2) {
                    release.await(20, TimeUnit.SECONDS);
                }
                return Wire.sse(Wire.openAi("Part " + part + " is summed up.")).build();
            }
        });
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            setup.providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                    server.url("/v1").toString().replaceAll("/$", ""), "local", 32_000, 500), null);
            setup.providers().setDefaultProfile("loop");
            long story = setup.stories().list().get(0).id();
            for (int i = 1; i <= 6; i++) {
                setup.scenes().append(Scene.titled(story, "Part " + i)
                        .withProse(Prose.plain("PART-" + i + "-TEXT The tide came in over the flats, " + i + ".")));
            }
        }
    }

    private void chooseFromScenesMenu(String item) {
        onFx(() -> {
            TreeCell<?> cell = lookup(".tree-cell").queryAll().stream()
                    .filter(n -> n instanceof TreeCell<?> c && "Scenes".equals(c.getText()))
                    .map(n -> (TreeCell<?>) n).findFirst().orElseThrow();
            cell.getContextMenu().getItems().stream().filter(m -> item.equals(m.getText())).findFirst()
                    .orElseThrow().fire();
        });
    }

    private String activity() {
        return fx(() -> lookup(".activity-text").queryAs(Label.class).getText());
    }

    private boolean activityShown() {
        return fx(() -> lookup(".activity").query().isVisible());
    }

    private List<SummaryRepository.SceneSummary> summaries() {
        return fx(() -> main().model().studio().summaries().list(main().model().openStoryProperty().get().story()
                .id()));
    }

    @Test
    void aBatchShowsItsProgressAndStopKeepsWhatIsDone() throws Exception {
        provider();
        start();
        waitForOpenScene();
        waitUntil("the binder lists every scene", () -> binderSceneRows().size() == 10);

        chooseFromScenesMenu("Summarise missing and stale…");
        waitUntil("the estimate is shown", () -> lookup(".dialog-pane").tryQuery().isPresent());
        String question = fx(() -> ((javafx.scene.control.DialogPane) lookup(".dialog-pane").query()).getHeaderText());
        assertEquals("Summarise 6 scenes?", question, "the writer's own summaries are left alone");
        clickOn("Summarise");

        waitUntil("two are done and the rest are in flight", () -> activityShown()
                && activity().startsWith("Summarising 2 of 6"));
        assertTrue(arrived.get() >= 3, "several requests at once");
        clickOn(".activity-stop");

        waitUntil("the batch has stopped", () -> !activityShown());
        try {
            waitUntil("the status bar says what was kept",
                    () -> lookup(".status-bar .status-notice").queryAs(Label.class).getText().startsWith("Stopped: 2 scenes"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + fx(() -> lookup(".status-bar .status-notice").queryAs(Label.class)
                    .getText()), e);
        }
        List<SummaryRepository.SceneSummary> after = summaries();
        assertEquals(List.of("Part 1 is summed up.", "Part 2 is summed up."), after.stream()
                .filter(s -> s.title().startsWith("Part") && !s.missing()).map(SummaryRepository.SceneSummary::summary)
                .toList());
        assertEquals(4, after.stream().filter(s -> s.title().startsWith("Part") && s.missing()).count(),
                "nothing was kept for the scenes stopped in flight");
        assertEquals(4, after.stream().filter(s -> !s.title().startsWith("Part") && !s.missing()).count(),
                "the sample's own summaries are untouched");
    }
}
