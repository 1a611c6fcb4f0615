package dev.quire.studio;

import dev.quire.store.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The autosaver on real executors: a single-thread scheduled saver, and a single-thread "FX"
 * executor standing in for the thread that owns the editor. Nothing waits by sleeping; every
 * wait is on a latch or future the callbacks complete, with a generous timeout.
 */
class AutosaverTest {

    private static final long TIMEOUT_S = 15;

    private ScheduledExecutorService saver;
    private ExecutorService fx;
    private ScheduledExecutorService typist;

    /** The editor's text; the snapshot reads it. */
    private final AtomicReference<String> editor = new AtomicReference<>("");
    /** Every value that reached the save callback, in order. */
    private final List<String> saved = Collections.synchronizedList(new ArrayList<>());
    private final List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger savedCallbacks = new AtomicInteger();

    @BeforeEach
    void startExecutors() {
        saver = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "test-saver"));
        fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-fx"));
        typist = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "test-typist"));
    }

    @AfterEach
    void stopExecutors() throws InterruptedException {
        for (ExecutorService e : List.of(typist, fx, saver)) {
            e.shutdownNow();
            assertTrue(e.awaitTermination(TIMEOUT_S, TimeUnit.SECONDS));
        }
    }

    private Autosaver<String> autosaver(Consumer<String> save, Duration quiet, Duration maxDelay,
                                        java.util.concurrent.Executor snapshotThread, Runnable onSaved) {
        return new Autosaver<>(saver, snapshotThread, editor::get, v -> {
            saved.add(v);
            save.accept(v);
        }, quiet, maxDelay, failures::add, () -> {
            savedCallbacks.incrementAndGet();
            onSaved.run();
        });
    }

    /** Waits until every task already queued on the executor has run. */
    private static void drain(ExecutorService executor) throws Exception {
        executor.submit(() -> { }).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    @Test
    void savesOnceTheWriterPausesForTheQuietPeriod() throws Exception {
        Duration quiet = Duration.ofMillis(150);
        CompletableFuture<Long> savedAt = new CompletableFuture<>();
        CountDownLatch onSaved = new CountDownLatch(1);
        Autosaver<String> autosaver = autosaver(v -> savedAt.complete(System.nanoTime()), quiet,
                Duration.ofSeconds(30), fx, onSaved::countDown);

        editor.set("The kitchen clock said ten.");
        long changedAt = System.nanoTime();
        autosaver.changed();
        assertTrue(autosaver.hasUnsavedChanges());

        long at = savedAt.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertTrue(onSaved.await(TIMEOUT_S, TimeUnit.SECONDS));
        assertEquals(List.of("The kitchen clock said ten."), saved);
        assertTrue(at - changedAt >= quiet.toNanos(), "saved only after the quiet period");
        assertFalse(autosaver.hasUnsavedChanges());
        assertEquals(List.of(), failures);
    }

    @Test
    void burstOfChangesIsSavedOnceWithTheLatestText() throws Exception {
        CountDownLatch onSaved = new CountDownLatch(1);
        Autosaver<String> autosaver = autosaver(v -> { }, Duration.ofMillis(500), Duration.ofSeconds(30), fx,
                onSaved::countDown);

        for (String text : List.of("T", "Th", "The", "The l", "The ledger")) {
            editor.set(text);
            autosaver.changed();
        }

        assertTrue(onSaved.await(TIMEOUT_S, TimeUnit.SECONDS));
        drain(fx);
        drain(saver);
        assertEquals(List.of("The ledger"), saved);
        assertEquals(1, savedCallbacks.get());
    }

    @Test
    void savesWithinTheMaxDelayWhileChangesKeepComing() throws Exception {
        AtomicBoolean typing = new AtomicBoolean(true);
        AtomicInteger keystrokes = new AtomicInteger();
        CompletableFuture<Boolean> savedWhileTyping = new CompletableFuture<>();
        Autosaver<String> autosaver = autosaver(v -> savedWhileTyping.complete(typing.get()),
                Duration.ofSeconds(2), Duration.ofMillis(300), fx, () -> { });

        // a writer who never pauses: a keystroke every 20 ms, for up to 4 s (twice the quiet period)
        typist.scheduleAtFixedRate(() -> {
            if (!typing.get()) {
                return;
            }
            if (savedWhileTyping.isDone() || keystrokes.get() >= 200) {
                typing.set(false);
                return;
            }
            editor.set("keystroke " + keystrokes.incrementAndGet());
            autosaver.changed();
        }, 0, 20, TimeUnit.MILLISECONDS);

        assertTrue(savedWhileTyping.get(TIMEOUT_S, TimeUnit.SECONDS), "saved before the typing stopped");
        assertTrue(saved.get(0).startsWith("keystroke "), saved.toString());
        assertTrue(keystrokes.get() < 200);
    }

    @Test
    void flushSavesOnTheCallingThreadBeforeReturning() throws Exception {
        Autosaver<String> autosaver = autosaver(v -> { }, Duration.ofMinutes(1), Duration.ofMinutes(1), fx,
                () -> { });

        List<String> savedWhenFlushReturned = fx.submit(() -> {
            editor.set("Closing the window now.");
            autosaver.changed();
            autosaver.flush();
            return List.copyOf(saved);
        }).get(TIMEOUT_S, TimeUnit.SECONDS);

        assertEquals(List.of("Closing the window now."), savedWhenFlushReturned);
        assertFalse(autosaver.hasUnsavedChanges());
        assertEquals(1, savedCallbacks.get());
    }

    @Test
    void saveSoonQueuesTheWriteAheadOfLaterWorkWithoutWaitingForIt() throws Exception {
        Autosaver<String> autosaver = autosaver(v -> { }, Duration.ofMinutes(1), Duration.ofMinutes(1), fx,
                () -> { });
        // the writer thread is busy, so a caller that waited for the save would never return
        CountDownLatch release = new CountDownLatch(1);
        saver.submit(() -> release.await(TIMEOUT_S, TimeUnit.SECONDS));

        List<String> savedWhenReturned = fx.submit(() -> {
            editor.set("Generate reads this.");
            autosaver.changed();
            autosaver.saveSoon();
            return List.copyOf(saved);
        }).get(TIMEOUT_S, TimeUnit.SECONDS);
        java.util.concurrent.Future<List<String>> seenByLaterWork = saver.submit(() -> List.copyOf(saved));
        release.countDown();

        assertEquals(List.of(), savedWhenReturned, "saveSoon returned before writing");
        assertEquals(List.of("Generate reads this."), seenByLaterWork.get(TIMEOUT_S, TimeUnit.SECONDS),
                "work queued on the writer after saveSoon sees the save");
        assertFalse(autosaver.hasUnsavedChanges());
    }

    @Test
    void flushWithNothingUnsavedDoesNotSave() throws Exception {
        Autosaver<String> autosaver = autosaver(v -> { }, Duration.ofMinutes(1), Duration.ofMinutes(1), fx,
                () -> { });

        fx.submit(() -> {
            editor.set("saved once");
            autosaver.changed();
            autosaver.flush();
            autosaver.flush();
        }).get(TIMEOUT_S, TimeUnit.SECONDS);

        assertEquals(List.of("saved once"), saved);
    }

    @Test
    void failedSaveIsReportedKeptUnsavedAndRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Boolean> unsavedWhenReported = new CompletableFuture<>();
        CountDownLatch onSaved = new CountDownLatch(1);
        AtomicReference<Autosaver<String>> ref = new AtomicReference<>();
        Autosaver<String> autosaver = new Autosaver<>(saver, fx, editor::get, v -> {
            if (attempts.incrementAndGet() == 1) {
                throw new PersistenceException("Could not save the scene's text: the disk is full.");
            }
            saved.add(v);
        }, Duration.ofMillis(50), Duration.ofSeconds(30), e -> {
            failures.add(e);
            unsavedWhenReported.complete(ref.get().hasUnsavedChanges());
        }, onSaved::countDown);
        ref.set(autosaver);

        editor.set("Precious paragraph.");
        autosaver.changed();

        assertTrue(unsavedWhenReported.get(TIMEOUT_S, TimeUnit.SECONDS), "still unsaved after the failure");
        assertTrue(onSaved.await(TIMEOUT_S, TimeUnit.SECONDS), "retried without another change");
        assertEquals(1, failures.size());
        assertEquals("Could not save the scene's text: the disk is full.", failures.get(0).getMessage());
        assertEquals(2, attempts.get());
        assertEquals(List.of("Precious paragraph."), saved);
        assertFalse(autosaver.hasUnsavedChanges());
    }

    @Test
    void stoppedAutosaverDropsPendingChangesAndIgnoresNewOnes() throws Exception {
        Duration quiet = Duration.ofMillis(100);
        Autosaver<String> autosaver = autosaver(v -> { }, quiet, Duration.ofSeconds(30), fx, () -> { });
        editor.set("a scene the writer just deleted");
        autosaver.changed();

        autosaver.stop();
        autosaver.changed();

        assertFalse(autosaver.hasUnsavedChanges());
        // wait, on the saver itself, until well past the moment the save would have been due
        saver.schedule(() -> { }, quiet.toMillis() * 3, TimeUnit.MILLISECONDS).get(TIMEOUT_S, TimeUnit.SECONDS);
        drain(fx);
        drain(saver);
        fx.submit(autosaver::flush).get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(List.of(), saved);
        assertEquals(0, savedCallbacks.get());
    }

    /**
     * Holds the saver so that a snapshot taken on the FX thread is queued for writing but not yet
     * written, then runs {@code onFx} on the FX thread and returns what had been saved when it ended.
     * {@code dispatched} is counted down when the saver hands the snapshot to the FX thread.
     */
    private List<String> withASnapshotQueuedForWriting(Autosaver<String> autosaver, CountDownLatch dispatched,
                                                       Runnable onFx) throws Exception {
        CountDownLatch fxGate = new CountDownLatch(1);
        CountDownLatch saverHeld = new CountDownLatch(1);
        CountDownLatch saverGate = new CountDownLatch(1);
        fx.execute(() -> await(fxGate));

        editor.set("older text");
        autosaver.changed(); // quiet period zero: the saver hands the snapshot to FX at once
        assertTrue(dispatched.await(TIMEOUT_S, TimeUnit.SECONDS));
        saver.execute(() -> {
            saverHeld.countDown();
            await(saverGate);
        });
        assertTrue(saverHeld.await(TIMEOUT_S, TimeUnit.SECONDS));
        fxGate.countDown(); // FX takes the snapshot; its write waits behind the held saver

        List<String> result = fx.submit(() -> {
            onFx.run();
            return List.copyOf(saved);
        }).get(TIMEOUT_S, TimeUnit.SECONDS);

        saverGate.countDown();
        drain(saver);
        drain(fx);
        drain(saver);
        return result;
    }

    /** Quiet period zero; counts {@code dispatched} down when a snapshot is handed to the FX thread. */
    private Autosaver<String> gatedAutosaver(CountDownLatch dispatched) {
        return new Autosaver<>(saver, r -> {
            fx.execute(r);
            dispatched.countDown();
        }, editor::get, saved::add, Duration.ZERO, Duration.ofMinutes(1), failures::add,
                savedCallbacks::incrementAndGet);
    }

    @Test
    void olderSnapshotNeverOverwritesANewerOne() throws Exception {
        CountDownLatch dispatched = new CountDownLatch(1);
        Autosaver<String> autosaver = gatedAutosaver(dispatched);

        List<String> afterFlush = withASnapshotQueuedForWriting(autosaver, dispatched, () -> {
            editor.set("newer text");
            autosaver.changed();
            autosaver.flush();
        });

        assertEquals(List.of("newer text"), afterFlush);
        assertEquals(List.of("newer text"), saved, "the queued older snapshot was skipped");
        assertFalse(autosaver.hasUnsavedChanges());
    }

    @Test
    void flushSavesASnapshotThatIsStillWaitingToBeWritten() throws Exception {
        CountDownLatch dispatched = new CountDownLatch(1);
        Autosaver<String> autosaver = gatedAutosaver(dispatched);
        AtomicBoolean unsavedBeforeFlush = new AtomicBoolean();

        List<String> afterFlush = withASnapshotQueuedForWriting(autosaver, dispatched, () -> {
            unsavedBeforeFlush.set(autosaver.hasUnsavedChanges());
            autosaver.flush();
        });

        assertEquals(List.of("older text"), afterFlush, "flush returned with the text still unwritten");
        assertTrue(unsavedBeforeFlush.get(), "a snapshot not yet written is unsaved work");
        assertEquals(List.of("older text"), saved);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for a gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
