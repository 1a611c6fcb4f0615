package dev.quire.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The app's background work. Reads and short jobs run on a small pool; writes to the library run on
 * one thread, in order, so autosaves never overtake each other. Results come back through
 * {@link Fx}. Tests build one with {@link #direct()} and everything runs on the calling thread.
 */
public final class Background implements AutoCloseable {

    private final Executor work;
    private final ScheduledExecutorService writer;
    private final Executor results;

    private Background(Executor work, ScheduledExecutorService writer, Executor results) {
        this.work = work;
        this.writer = writer;
        this.results = results;
    }

    public static Background create() {
        return new Background(Executors.newFixedThreadPool(2, named("quire-work")), writerThread(), Fx.executor());
    }

    /** Work and results on the caller's thread; the writer is still a real scheduler for timed saves. */
    public static Background direct() {
        return new Background(Runnable::run, writerThread(), Runnable::run);
    }

    private static ScheduledExecutorService writerThread() {
        ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, named("quire-save"));
        // on close every editor flushes first; timers still waiting then have nothing left to save
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        writer.setRemoveOnCancelPolicy(true);
        return writer;
    }

    /** The single thread that writes to the library, also used to time autosaves. */
    public ScheduledExecutorService writer() {
        return writer;
    }

    /** Where results are delivered: the FX thread in the app. */
    public Executor results() {
        return results;
    }

    public <T> Task<T> read(Supplier<T> job) {
        return new Task<>(work, job);
    }

    public <T> Task<T> write(Supplier<T> job) {
        return new Task<>(writer, job);
    }

    /** A job, its success and failure handlers, started by {@link #start()}. Handlers run via {@link #results()}. */
    public final class Task<T> {
        private final Executor executor;
        private final Supplier<T> job;
        private Consumer<T> onSuccess = t -> { };
        private Consumer<RuntimeException> onError = e -> { };

        private Task(Executor executor, Supplier<T> job) {
            this.executor = executor;
            this.job = job;
        }

        public Task<T> onSuccess(Consumer<T> handler) {
            this.onSuccess = handler;
            return this;
        }

        public Task<T> onError(Consumer<RuntimeException> handler) {
            this.onError = handler;
            return this;
        }

        public void start() {
            executor.execute(() -> {
                T result;
                try {
                    result = job.get();
                } catch (RuntimeException e) {
                    results.execute(() -> onError.accept(e));
                    return;
                }
                results.execute(() -> onSuccess.accept(result));
            });
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Lets queued writes finish, so nothing typed is lost on close. */
    @Override
    public void close() {
        if (work instanceof ExecutorService es) {
            es.shutdown();
        }
        writer.shutdown();
        try {
            // reads and writes still running finish before the caller closes the library under them
            if (work instanceof ExecutorService es) {
                es.awaitTermination(5, TimeUnit.SECONDS);
            }
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
