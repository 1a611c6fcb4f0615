package dev.quire.ui.common;

import dev.quire.store.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundTest {

    private final Background background = Background.direct();
    private final List<Background.Failure> unhandled = Collections.synchronizedList(new ArrayList<>());

    {
        background.onUnhandled(unhandled::add);
    }

    @AfterEach
    void close() {
        background.close();
    }

    @Test
    void aFailureWithNoHandlerReachesTheReporterWithWhatFailed() {
        IllegalStateException boom = new IllegalStateException("the disk is full");
        background.read(() -> {
            throw boom;
        }).describedAs("Quire could not read the scene").start();

        assertEquals(1, unhandled.size());
        assertSame(boom, unhandled.get(0).error());
        assertEquals("Quire could not read the scene: the disk is full", unhandled.get(0).message());
    }

    @Test
    void aTypedHandlerTakesOnlyItsOwnType() {
        AtomicReference<PersistenceException> handled = new AtomicReference<>();
        background.read(() -> {
            throw new PersistenceException("locked", null);
        }).onError(PersistenceException.class, handled::set).start();
        background.read(() -> {
            throw new IllegalArgumentException("not a library");
        }).onError(PersistenceException.class, handled::set).start();

        assertEquals("locked", handled.get().getMessage());
        assertEquals(1, unhandled.size(), "the other type is not swallowed");
        assertInstanceOf(IllegalArgumentException.class, unhandled.get(0).error());
    }

    @Test
    void theFirstMatchingHandlerTakesTheFailure() {
        List<String> took = new ArrayList<>();
        background.read(() -> {
            throw new PersistenceException("locked", null);
        }).onError(PersistenceException.class, e -> took.add("persistence"))
                .onError(e -> took.add("any")).start();

        assertEquals(List.of("persistence"), took);
        assertTrue(unhandled.isEmpty());
    }

    @Test
    void aHandlerThatThrowsIsReportedNotLost() {
        background.read(() -> "text").onSuccess(t -> {
            throw new IllegalStateException("the view went away");
        }).start();
        background.read(() -> {
            throw new IllegalStateException("first");
        }).onError(e -> {
            throw new IllegalStateException("second");
        }).start();

        assertEquals(List.of("the view went away", "second"),
                unhandled.stream().map(f -> f.error().getMessage()).toList());
    }

    @Test
    void anErrorIsReportedEvenWithAHandlerForRuntimeExceptions() throws InterruptedException {
        CountDownLatch reported = new CountDownLatch(1);
        background.onUnhandled(f -> {
            unhandled.add(f);
            reported.countDown();
        });
        AtomicReference<RuntimeException> handled = new AtomicReference<>();
        background.write(() -> {
            throw new StackOverflowError("deep");
        }).onError(handled::set).start();

        assertTrue(reported.await(5, TimeUnit.SECONDS), "the error reached the reporter");
        assertInstanceOf(StackOverflowError.class, unhandled.get(0).error());
        assertNull(handled.get());
        assertTrue(unhandled.get(0).message().startsWith("Something Quire was doing in the background failed"),
                unhandled.get(0).message());
    }

    @Test
    void writesRunOneAtATimeInTheOrderGiven() throws Exception {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 200; i++) {
            int n = i;
            background.write(() -> {
                order.add(n);
                threads.add(Thread.currentThread().getName());
            }).start();
        }
        background.writer().submit(() -> { }).get(10, TimeUnit.SECONDS);

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertEquals(expected, order);
        assertTrue(threads.stream().allMatch(t -> t.startsWith("quire-io-")), threads.get(0));
    }

    @Test
    void closeLetsQueuedWritesFinish() {
        Background own = Background.direct();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            int n = i;
            own.write(() -> done.add(n)).start();
        }
        own.close();
        assertEquals(50, done.size());
    }

    @Test
    void workStartedAfterCloseIsReportedRatherThanDropped() {
        Background own = Background.direct();
        List<Background.Failure> said = new ArrayList<>();
        own.onUnhandled(said::add);
        own.close();
        own.write(() -> { }).describedAs("Quire could not save the note").start();
        assertEquals(1, said.size());
        assertTrue(said.get(0).message().startsWith("Quire could not save the note: the library is closing"),
                said.get(0).message());
    }

    @Test
    void slowReadsNeverHoldUpAWrite() throws Exception {
        Background pooled = Background.pooled(Runnable::run);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(Background.READERS + 1);
        try {
            // more slow reads than may run at once: a provider's test, an export, a probe
            for (int i = 0; i <= Background.READERS; i++) {
                pooled.read(() -> {
                    started.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }).start();
            }
            CountDownLatch written = new CountDownLatch(1);
            pooled.write(written::countDown).start();

            assertTrue(written.await(10, TimeUnit.SECONDS), "the write ran while every read slot was taken");
            assertEquals(1, started.getCount(), "only READERS reads run at once; the rest wait their turn");
        } finally {
            release.countDown();
            pooled.close();
        }
    }
}
