package dev.quire.ui.common;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The window's background work, on one pool of named daemon threads ({@code quire-io-N}). Reads and short jobs
 * run side by side, two at most; writes to the library run through one {@link #writer() lane}, one at a time and in
 * order, so autosaves never overtake each other, on a thread no read can take. Results come back through
 * {@link Fx}.
 *
 * <p>No failure is silent: a task without a handler for what it threw (and any {@link Error}, and a handler that
 * itself throws) goes to the {@link #onUnhandled unhandled-failure reporter}, which the window shows in its status
 * bar, and to the log. Tests build one with {@link #direct()}: reads and results run on the calling thread.
 */
public final class Background implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Background.class.getName());

    /** What failed, in the writer's words ("Quire could not open the scene"), and why. */
    public record Failure(String what, Throwable error) {
        public Failure {
            Objects.requireNonNull(error, "error");
        }

        /** The status bar's sentence: what failed and the exception's own message. */
        public String message() {
            String why = error.getMessage() == null || error.getMessage().isBlank() ? error.getClass().getSimpleName()
                    : error.getMessage();
            return (what == null ? "Something Quire was doing in the background failed" : what) + ": " + why;
        }
    }

    private final ScheduledThreadPoolExecutor io;
    private final Executor reads;
    private final Lane writer;
    private final Executor results;
    private volatile Consumer<Failure> unhandled = f -> { };

    private Background(ScheduledThreadPoolExecutor io, Executor reads, Executor results) {
        this.io = io;
        // reads take at most READERS of the pool's threads, so a slow one (a provider's test, an export) never
        // holds up the writer lane, which always has a thread of its own to run on
        this.reads = reads != null ? reads : new Limited(io, READERS);
        this.writer = new Lane(io);
        this.results = results;
    }

    /** Reads running at once; the pool has one more thread, for the writer lane. */
    static final int READERS = 2;

    public static Background create() {
        return pooled(Fx.executor());
    }

    /** The window's pool, with results delivered to {@code results}. */
    static Background pooled(Executor results) {
        return new Background(pool(READERS + 1), null, results);
    }

    /** Reads and results on the caller's thread; writes still go through the real lane, for timed saves. */
    public static Background direct() {
        return new Background(pool(1), Runnable::run, Runnable::run);
    }

    private static ScheduledThreadPoolExecutor pool(int threads) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, named("quire-io"));
        // on close every editor flushes first; timers still waiting then have nothing left to save
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    /** Where failures nobody handled go (on the results executor): the window's status bar. */
    public void onUnhandled(Consumer<Failure> reporter) {
        this.unhandled = Objects.requireNonNull(reporter);
    }

    /** The lane that writes to the library: one task at a time, in the order given. */
    public java.util.concurrent.ExecutorService writer() {
        return writer;
    }

    /** Timers for autosaves; what they start runs on the pool, so timed writes go through {@link #writer()}. */
    public ScheduledExecutorService timers() {
        return io;
    }

    /** Where results are delivered: the FX thread in the app. */
    public Executor results() {
        return results;
    }

    public <T> Task<T> read(Supplier<T> job) {
        return new Task<>(reads, job);
    }

    public <T> Task<T> write(Supplier<T> job) {
        return new Task<>(writer, job);
    }

    /** A write with no result. */
    public Task<Void> write(Runnable job) {
        return new Task<>(writer, () -> {
            job.run();
            return null;
        });
    }

    private void report(Failure failure) {
        // the exception goes to the log with its stack; the writer sees the sentence
        LOG.log(System.Logger.Level.WARNING, failure.message(), failure.error());
        try {
            unhandled.accept(failure);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the unhandled-failure reporter failed", e);
        }
    }

    /**
     * A job, what to do with its result and with its failures, started by {@link #start()}. Handlers run via
     * {@link #results()}. A failure no handler takes reaches the unhandled-failure reporter.
     */
    public final class Task<T> {
        private final Executor executor;
        private final Supplier<T> job;
        private Consumer<T> onSuccess = t -> { };
        private final List<Handler<?>> handlers = new java.util.ArrayList<>();
        private String what;

        private Task(Executor executor, Supplier<T> job) {
            this.executor = executor;
            this.job = job;
        }

        private record Handler<E extends Throwable>(Class<E> type, Consumer<? super E> handle) {
            boolean tryHandle(Throwable error) {
                if (!type.isInstance(error)) {
                    return false;
                }
                handle.accept(type.cast(error));
                return true;
            }
        }

        /** What the task does, in the writer's words, for the status bar if it fails unhandled. */
        public Task<T> describedAs(String failureHeadline) {
            this.what = failureHeadline;
            return this;
        }

        public Task<T> onSuccess(Consumer<T> handler) {
            this.onSuccess = Objects.requireNonNull(handler);
            return this;
        }

        /** Handles any {@link RuntimeException} the job throws. */
        public Task<T> onError(Consumer<RuntimeException> handler) {
            return onError(RuntimeException.class, handler);
        }

        /** Handles failures of {@code type}; the first matching handler, in the order added, takes it. */
        public <E extends RuntimeException> Task<T> onError(Class<E> type, Consumer<? super E> handler) {
            handlers.add(new Handler<>(type, handler));
            return this;
        }

        public void start() {
            Runnable run = () -> {
                T result;
                try {
                    result = job.get();
                } catch (RuntimeException e) {
                    results.execute(() -> failed(e));
                    return;
                } catch (Error e) {
                    // an Error is no job's to handle; kept off the pool's threads so the writer lane keeps going
                    results.execute(() -> report(new Failure(what, e)));
                    return;
                }
                results.execute(() -> {
                    try {
                        onSuccess.accept(result);
                    } catch (RuntimeException e) {
                        report(new Failure(what, e));
                    }
                });
            };
            try {
                executor.execute(run);
            } catch (RejectedExecutionException e) {
                if (executor == writer) {
                    // a write after close would be lost: say so rather than drop it without a word
                    report(new Failure(what, new IllegalStateException("the library is closing", e)));
                } else {
                    // a read for a window that is closing has no one left to show it to
                    LOG.log(System.Logger.Level.DEBUG, "a read was started after the library closed");
                }
            }
        }

        private void failed(RuntimeException error) {
            try {
                for (Handler<?> h : handlers) {
                    if (h.tryHandle(error)) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                report(new Failure(what, e));
                return;
            }
            report(new Failure(what, error));
        }
    }

    /** Runs at most {@code max} tasks at once on the pool, the rest queued in order. */
    private static final class Limited implements Executor {
        private final Executor pool;
        private final int max;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        private int running;

        Limited(Executor pool, int max) {
            this.pool = pool;
            this.max = max;
        }

        @Override
        public void execute(Runnable task) {
            synchronized (queue) {
                if (running >= max) {
                    queue.add(task);
                    return;
                }
                running++;
            }
            try {
                pool.execute(() -> run(task));
            } catch (RejectedExecutionException e) {
                synchronized (queue) {
                    running--;
                }
                throw e;
            }
        }

        private void run(Runnable first) {
            Runnable next = first;
            while (next != null) {
                try {
                    next.run();
                } catch (RuntimeException | Error e) {
                    LOG.log(System.Logger.Level.WARNING, "a background read failed", e);
                }
                synchronized (queue) {
                    next = queue.poll();
                    if (next == null) {
                        running--;
                    }
                }
            }
        }
    }

    /** Runs tasks one at a time, in order, on the pool: the library's writer. */
    private static final class Lane extends AbstractExecutorService {
        private final ScheduledThreadPoolExecutor pool;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        private boolean draining;
        private boolean shutdown;

        Lane(ScheduledThreadPoolExecutor pool) {
            this.pool = pool;
        }

        @Override
        public void execute(Runnable task) {
            synchronized (queue) {
                if (shutdown) {
                    throw new RejectedExecutionException("the library's writer is closed");
                }
                queue.add(task);
                if (draining) {
                    return;
                }
                draining = true;
            }
            pool.execute(this::drain);
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (queue) {
                    next = queue.poll();
                    if (next == null) {
                        draining = false;
                        queue.notifyAll();
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException | Error e) {
                    // one failed write must not stop the ones queued behind it
                    LOG.log(System.Logger.Level.WARNING, "a write to the library failed", e);
                }
            }
        }

        @Override
        public void shutdown() {
            synchronized (queue) {
                shutdown = true;
            }
        }

        @Override
        public List<Runnable> shutdownNow() {
            synchronized (queue) {
                shutdown = true;
                List<Runnable> left = List.copyOf(queue);
                queue.clear();
                return left;
            }
        }

        @Override
        public boolean isShutdown() {
            synchronized (queue) {
                return shutdown;
            }
        }

        @Override
        public boolean isTerminated() {
            synchronized (queue) {
                return shutdown && !draining && queue.isEmpty();
            }
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            long end = System.nanoTime() + unit.toNanos(timeout);
            synchronized (queue) {
                while (draining || !queue.isEmpty()) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(queue, left);
                }
                return true;
            }
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
        writer.shutdown();
        try {
            // writes still queued finish before the caller closes the library under them
            writer.awaitTermination(5, TimeUnit.SECONDS);
            io.shutdown();
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
