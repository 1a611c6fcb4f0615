package dev.quire.studio;

import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandle;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderError;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.Generation;
import dev.quire.store.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one recorder of streamed text, driven as a provider drives it (every callback on its lane), into a library
 * stand-in that notes each save and when it came.
 */
class StreamRecorderTest {

    static final Duration INTERVAL = Generator.SAVE_INTERVAL;
    static final ProviderError DROPPED = new ProviderError(ProviderError.Kind.CONNECTION_DROPPED,
            "The connection dropped.", null, null, true, null);

    final ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2);
    final Library library = new Library();
    final List<String> heard = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** What the recorder saved, in order, each with the time it came. */
    static final class Library implements StreamRecorder.Target {
        record Save(String what, String text, long at) {
        }

        final List<Save> saves = Collections.synchronizedList(new ArrayList<>());
        volatile PersistenceException refuseStreaming;

        @Override
        public void saveStreaming(int variant, String text) {
            if (refuseStreaming != null) {
                throw refuseStreaming;
            }
            saves.add(new Save("streaming " + variant, text, System.nanoTime()));
        }

        @Override
        public void saveEnded(VariantResult result, String text) {
            saves.add(new Save("ended " + result.index() + " " + result.status(), text, System.nanoTime()));
        }

        @Override
        public void saveOutcome(Generation.Status status, Generation.Usage usage, String error) {
            saves.add(new Save("outcome " + status + (error == null ? "" : ": " + error), null, System.nanoTime()));
        }

        List<Save> streaming() {
            synchronized (saves) {
                return saves.stream().filter(s -> s.what().startsWith("streaming")).toList();
            }
        }

        List<String> whats() {
            synchronized (saves) {
                return saves.stream().map(Save::what).toList();
            }
        }
    }

    StreamRecorder recorder(int variants) {
        return new StreamRecorder(variants, library, pool, INTERVAL, new GenerationHandler() {
            @Override
            public void onText(int variant, String delta) {
                heard.add(delta);
            }

            @Override
            public void onFinished(List<VariantResult> results) {
                heard.add("finished after " + library.whats());
            }
        }, Runnable::run);
    }

    /** Runs the provider's callbacks on the recorder's lane, as a provider does, and waits until they ran. */
    static void feed(StreamRecorder recorder, Runnable callbacks) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        recorder.lane().execute(() -> {
            callbacks.run();
            ran.countDown();
        });
        assertTrue(ran.await(5, TimeUnit.SECONDS));
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out");
            Thread.sleep(10);
        }
    }

    static VariantResult result(int index, String text, VariantResult.Status status) {
        ProviderError error = status == VariantResult.Status.FAILED || status == VariantResult.Status.INCOMPLETE
                ? DROPPED : null;
        return new VariantResult(index, text, status, null, new Usage(10, 5, null, null), error);
    }

    @Test
    void theFirstWordsAreSavedAtOnceAndTheRestAtMostOncePerInterval() throws Exception {
        StreamRecorder recorder = recorder(1);

        feed(recorder, () -> {
            for (int i = 0; i < 20; i++) {
                recorder.onText(0, "w" + i + " ");
            }
        });
        assertEquals(List.of("w0 "), library.streaming().stream().map(Library.Save::text).toList(),
                "only the first delta is saved at once");
        await(() -> library.streaming().size() == 2);

        List<Library.Save> saves = library.streaming();
        assertTrue(saves.get(1).text().startsWith("w0 w1 ") && saves.get(1).text().endsWith("w19 "),
                "one delayed save holds all the rest: " + saves.get(1).text());
        long apart = saves.get(1).at() - saves.get(0).at();
        assertTrue(apart >= INTERVAL.toNanos() - TimeUnit.MILLISECONDS.toNanos(50), "not before the interval: "
                + TimeUnit.NANOSECONDS.toMillis(apart) + " ms");
        assertEquals(20, heard.size(), "the caller hears every delta");
        Thread.sleep(INTERVAL.toMillis() + 200);
        assertEquals(2, library.streaming().size(), "nothing new, nothing saved");
    }

    @Test
    void theFinalTextIsSavedWhenTheVariantEndsAndTheOutcomeBeforeTheCallerHearsTheEnd() throws Exception {
        StreamRecorder recorder = recorder(1);

        feed(recorder, () -> {
            recorder.onText(0, "One ");
            recorder.onText(0, "two.");
            recorder.onVariantFinished(result(0, "One two.", VariantResult.Status.COMPLETE));
            recorder.onFinished(List.of(result(0, "One two.", VariantResult.Status.COMPLETE)));
        });
        StreamRecorder.Ending ending = recorder.done().get(5, TimeUnit.SECONDS);

        assertEquals(List.of("streaming 0", "ended 0 COMPLETE", "outcome COMPLETE"), library.whats());
        assertEquals("One two.", library.saves.get(1).text());
        assertEquals("finished after " + library.whats(), heard.get(heard.size() - 1));
        assertEquals(Generation.Status.COMPLETE, ending.status());
        assertEquals(new Usage(10, 5, null, null), ending.usage());
        assertNull(ending.saveFailure());
        Thread.sleep(INTERVAL.toMillis() + 200);
        assertEquals(3, library.saves.size(), "the delayed save of a variant that ended never comes");
    }

    @Test
    void aVariantThatBreaksOffKeepsTheTextThatArrived() throws Exception {
        StreamRecorder recorder = recorder(2);

        feed(recorder, () -> {
            recorder.onText(0, "Half a ");
            recorder.onText(0, "sentence");
            recorder.onText(1, "Whole.");
            // a failed result carries no text of its own: what was streamed is what is kept
            recorder.onVariantFinished(result(0, "", VariantResult.Status.FAILED));
            recorder.onVariantFinished(result(1, "Whole.", VariantResult.Status.COMPLETE));
            recorder.onFinished(List.of(result(0, "", VariantResult.Status.FAILED),
                    result(1, "Whole.", VariantResult.Status.COMPLETE)));
        });
        StreamRecorder.Ending ending = recorder.done().get(5, TimeUnit.SECONDS);

        Library.Save ended = library.saves.stream().filter(s -> s.what().equals("ended 0 FAILED")).findFirst()
                .orElseThrow();
        assertEquals("Half a sentence", ended.text());
        assertEquals(Generation.Status.PARTIAL, ending.status());
        assertEquals("The connection dropped.", ending.error());
        assertTrue(library.whats().contains("outcome PARTIAL: The connection dropped."), library.whats().toString());
    }

    @Test
    void cancellingKeepsTheTextSoFar() throws Exception {
        StreamRecorder recorder = recorder(1);

        feed(recorder, () -> recorder.onText(0, "So far"));
        feed(recorder, () -> recorder.onText(0, " and no further"));
        feed(recorder, () -> {
            recorder.onVariantFinished(result(0, "So far and no further", VariantResult.Status.CANCELLED));
            recorder.onFinished(List.of(result(0, "So far and no further", VariantResult.Status.CANCELLED)));
        });
        StreamRecorder.Ending ending = recorder.done().get(5, TimeUnit.SECONDS);

        assertEquals(List.of("streaming 0", "ended 0 CANCELLED", "outcome CANCELLED"), library.whats());
        assertEquals("So far and no further", library.saves.get(1).text());
        assertEquals(Generation.Status.CANCELLED, ending.status());
        assertNull(ending.error());
    }

    @Test
    void aSaveTheLibraryRefusesIsReportedAndTheStreamGoesOn() throws Exception {
        PersistenceException full = new PersistenceException("The disk is full.");
        library.refuseStreaming = full;
        StreamRecorder recorder = recorder(1);

        feed(recorder, () -> {
            recorder.onText(0, "Kept ");
            recorder.onText(0, "anyway.");
            recorder.onVariantFinished(result(0, "Kept anyway.", VariantResult.Status.COMPLETE));
            recorder.onFinished(List.of(result(0, "Kept anyway.", VariantResult.Status.COMPLETE)));
        });
        StreamRecorder.Ending ending = recorder.done().get(5, TimeUnit.SECONDS);

        assertSame(full, ending.saveFailure());
        assertEquals(List.of("Kept ", "anyway."), heard.subList(0, 2), "the caller still hears the text");
        assertEquals(List.of("ended 0 COMPLETE", "outcome COMPLETE"), library.whats(), "the end is still saved");
        assertEquals("Kept anyway.", ending.results().get(0).text());
    }

    @Test
    void aDelayedSaveStillGoesInWhenTheExecutorShutsDownAndLaterTextIsSavedAtOnce() throws Exception {
        StreamRecorder recorder = recorder(1);
        feed(recorder, () -> {
            recorder.onText(0, "Before ");
            recorder.onText(0, "closing");
        });

        pool.shutdown(); // as Studio.close() does
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals("Before closing", library.streaming().get(library.streaming().size() - 1).text());

        feed(recorder, () -> recorder.onText(0, ", after."));
        assertEquals("Before closing, after.", library.streaming().get(library.streaming().size() - 1).text(),
                "no timer can be set any more: saved at once");
    }

    @Test
    void aRequestThatCannotBeSentIsRecordedAsFailed() {
        StreamRecorder recorder = recorder(1);
        ChatProvider refusing = new ChatProvider() {
            @Override
            public ProviderProfile profile() {
                throw new UnsupportedOperationException();
            }

            @Override
            public GenerationHandle stream(ChatRequest request, GenerationHandler handler,
                                           java.util.concurrent.Executor callbacks) {
                throw new IllegalStateException("no");
            }

            @Override
            public GenerationHandle streamOne(ChatRequest request, int variantIndex, GenerationHandler handler,
                                              java.util.concurrent.Executor callbacks) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> listModels() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Duration testConnection() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Duration testConnection(String model) {
                throw new UnsupportedOperationException();
            }
        };

        assertThrows(IllegalStateException.class, () -> recorder.send(refusing,
                ChatRequest.builder().message(dev.quire.llm.ChatMessage.user("Hello.")).build()));
        assertEquals(List.of("outcome FAILED: Quire could not send the request (IllegalStateException)."),
                library.whats());
    }
}
