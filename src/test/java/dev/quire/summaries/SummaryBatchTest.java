package dev.quire.summaries;

import dev.quire.store.SummaryRepository.SceneSummary;
import dev.quire.studio.Studio;
import dev.quire.studio.Summaries;
import dev.quire.studio.SummaryBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch as the studio window drives it: several requests at once, progress on its executor, and cancel. */
class SummaryBatchTest {

    @TempDir
    Path dir;

    Tides tides;
    ExecutorService ui;

    @AfterEach
    void tearDown() {
        if (ui != null) {
            ui.shutdownNow();
        }
        if (tides != null) {
            tides.close();
        }
    }

    @Test
    void atLeastFourRequestsAreInFlightAtOnceAndNoMoreThanTheProviderAllows() throws Exception {
        tides = new Tides(dir, 8).withProvider();
        CountDownLatch four = new CountDownLatch(4);
        tides.model.arrivals = four;
        // every request waits until four have arrived: a batch that sent fewer at once would wait out the latch
        tides.model.hold = body -> {
            try {
                four.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        };

        SummaryBatch.Result result;
        try (Studio studio = tides.open()) {
            Summaries summaries = studio.summarizer();
            SummaryBatch batch = summaries.start(summaries.plan(tides.storyId, Summaries.Options.DEFAULT),
                    SummaryBatch.Listener.NONE, Runnable::run);
            result = batch.done().get(30, TimeUnit.SECONDS);
        }

        assertEquals(4, tides.model.mostInFlight.get(), "four at once, the provider's fan-out bound");
        assertEquals(8, result.summarised(), result.toString());
        assertEquals(8, tides.server.getRequestCount());
    }

    @Test
    void eachSummaryIsSavedAsItArrivesNotAtTheEnd() throws Exception {
        tides = new Tides(dir, 2).withProvider();
        tides.model.hold = body -> FakeModel.scene(body) == 2;
        AtomicReference<String> seenWhileTwoWaited = new AtomicReference<>();

        try (Studio studio = tides.open()) {
            long first = tides.sceneIds.get(0);
            SummaryBatch.Listener listener = new SummaryBatch.Listener() {
                @Override
                public void onScene(SummaryBatch.SceneOutcome outcome) {
                    if (outcome.sceneId() == first) {
                        seenWhileTwoWaited.set(studio.summaries().get(first).orElseThrow().summary());
                        tides.model.releaseAll(); // only now may scene 2 be answered
                    }
                }
            };
            Summaries summaries = studio.summarizer();
            summaries.start(summaries.plan(tides.storyId, Summaries.Options.DEFAULT), listener, Runnable::run)
                    .done().get(30, TimeUnit.SECONDS);
        }

        assertEquals("SUMMARY-1", seenWhileTwoWaited.get(), "in the library while scene 2 was still waiting");
        assertEquals("SUMMARY-2", tides.summary(2).summary());
    }

    @Test
    void cancellingMidBatchKeepsWhatFinishedAndSendsNothingMore() throws Exception {
        tides = new Tides(dir, 6).withProvider();
        CountDownLatch five = new CountDownLatch(5);
        tides.model.arrivals = five;
        tides.model.hold = body -> FakeModel.scene(body) != 1; // scene 1 is answered; the rest wait

        SummaryBatch.Result result;
        try (Studio studio = tides.open()) {
            Summaries summaries = studio.summarizer();
            SummaryBatch batch = summaries.start(summaries.plan(tides.storyId, Summaries.Options.DEFAULT),
                    SummaryBatch.Listener.NONE, Runnable::run);
            // scenes 1 to 4 went first; scene 5 went when scene 1's summary came back
            assertTrue(five.await(10, TimeUnit.SECONDS), "five requests arrived");
            batch.cancel();
            result = batch.done().get(10, TimeUnit.SECONDS);
            tides.model.releaseAll();
        }

        assertTrue(result.cancelled());
        assertEquals(1, result.summarised());
        assertEquals(5, result.unfinished(), "four stopped in flight, one never sent");
        assertEquals(5, tides.server.getRequestCount(), "nothing sent after the cancel");
        assertEquals(5, tides.generations(), "scene 6 was never even recorded");
        assertEquals("SUMMARY-1", tides.summary(1).summary(), "what finished stays saved");
        for (int k = 2; k <= 6; k++) {
            SceneSummary s = tides.summary(k);
            assertTrue(s.missing(), "scene " + k);
            assertEquals("", s.state().failure(), "a cancel is not a failure");
        }
    }

    @Test
    void aSummaryTheWriterTypesWhileTheModelWorksIsKept() throws Exception {
        tides = new Tides(dir, 1).withProvider();

        SummaryBatch.Result result;
        try (Studio studio = tides.open()) {
            long id = tides.sceneIds.get(0);
            tides.model.hold = body -> {
                // the request is in; the writer types a summary before the reply comes
                dev.quire.model.Scene scene = studio.scenes().get(id).orElseThrow();
                studio.scenes().saveDetails(scene.withDetails(scene.title(), "WRITER-MARK typed meanwhile", null,
                        List.of(), false));
                return false;
            };
            result = studio.summarizer().summarize(tides.storyId, id, Summaries.Options.DEFAULT)
                    .done().get(30, TimeUnit.SECONDS);
        }

        assertEquals(SummaryBatch.Status.SKIPPED, result.scenes().get(0).status());
        assertEquals(Summaries.WRITERS, result.scenes().get(0).reason());
        assertEquals("WRITER-MARK typed meanwhile", tides.summary(1).summary());
        assertTrue(tides.summary(1).state().byWriter());
    }

    @Test
    void theListenerHearsProgressOnTheExecutorItGaveInOrder() throws Exception {
        tides = new Tides(dir, 3).withProvider();
        ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = Collections.synchronizedSet(new java.util.HashSet<>());
        List<SummaryBatch.Progress> progress = Collections.synchronizedList(new ArrayList<>());
        SummaryBatch.Listener listener = new SummaryBatch.Listener() {
            @Override
            public void onProgress(SummaryBatch.Progress p) {
                threads.add(Thread.currentThread().getName());
                progress.add(p);
            }

            @Override
            public void onScene(SummaryBatch.SceneOutcome outcome) {
                threads.add(Thread.currentThread().getName());
                heard.add("scene " + outcome.scene() + " " + outcome.status());
            }

            @Override
            public void onFinished(SummaryBatch.Result result) {
                threads.add(Thread.currentThread().getName());
                heard.add("finished");
            }
        };

        SummaryBatch.Result result;
        try (Studio studio = tides.open()) {
            Summaries summaries = studio.summarizer();
            SummaryBatch batch = summaries.start(summaries.plan(tides.storyId, Summaries.Options.DEFAULT), listener,
                    ui);
            result = batch.done().get(30, TimeUnit.SECONDS);
        }

        assertEquals(Set.of("test-ui"), threads);
        assertEquals(4, heard.size(), heard.toString());
        assertEquals("finished", heard.get(3), "done completes after the listener heard the end");
        assertTrue(heard.containsAll(List.of("scene 1 SUMMARISED", "scene 2 SUMMARISED", "scene 3 SUMMARISED")));
        SummaryBatch.Progress last = progress.get(progress.size() - 1);
        assertEquals(3, last.total());
        assertEquals(3, last.done());
        assertEquals(0, last.failed());
        assertFalse(last.current().isEmpty());
        assertTrue(result.ok());
    }

    @Test
    void oneSceneIsSummarisedThroughTheStudioEvenWhenItsSummaryIsUpToDate() throws Exception {
        tides = new Tides(dir, 2).withProvider();
        try (Studio studio = tides.open()) {
            studio.summaries().saveMade(tides.sceneIds.get(1), "OLD-2", Tides.text(2));
        }
        assertFalse(tides.summary(2).stale());

        SummaryBatch.Result result;
        try (Studio studio = tides.open()) {
            result = studio.summarizer().summarize(tides.storyId, tides.sceneIds.get(1), Summaries.Options.DEFAULT)
                    .done().get(30, TimeUnit.SECONDS);
        }

        assertEquals(1, result.scenes().size());
        assertEquals(SummaryBatch.Status.SUMMARISED, result.scenes().get(0).status());
        assertEquals("SUMMARY-2", tides.summary(2).summary());
        assertTrue(tides.summary(1).missing(), "only the one asked for");
        assertEquals(1, tides.server.getRequestCount());
    }
}
