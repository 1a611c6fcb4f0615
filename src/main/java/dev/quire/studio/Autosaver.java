package dev.quire.studio;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Saves a piece of the writer's work shortly after they stop typing, and never later than
 * {@code maxDelay} after the first unsaved change, so a writer who never pauses still loses at
 * most that much to a crash.
 *
 * <p>The snapshot is taken on {@code snapshotThread} (the FX thread for an editor), the write runs
 * on {@code saver}, one at a time and in order. A failed save keeps the work marked unsaved and is
 * tried again; the failure is reported to {@code onFailure} each time.
 */
public final class Autosaver<T> {

    /** Save this long after the writer pauses… */
    public static final Duration QUIET = Duration.ofMillis(400);
    /**
     * …and never later than this after the first unsaved keystroke. Below a second, so that with
     * the write itself a crash costs at most the last second of typing.
     */
    public static final Duration MAX_DELAY = Duration.ofMillis(750);

    private final ScheduledExecutorService timers;
    private final Executor saver;
    private final Executor snapshotThread;
    private final Supplier<T> snapshot;
    private final Consumer<T> save;
    private final long quietNanos;
    private final long maxDelayNanos;
    private final Consumer<RuntimeException> onFailure;
    private final Runnable onSaved;

    private final Object lock = new Object();
    private boolean dirty;
    private long firstDirtyAt;
    private ScheduledFuture<?> pending;
    private long snapshots;
    private boolean stopped;

    /** Writes hold this, and skip a snapshot older than one already written (a flush can overtake the saver). */
    private final Object writeLock = new Object();
    private volatile long written;

    public Autosaver(ScheduledExecutorService saver, Executor snapshotThread, Supplier<T> snapshot, Consumer<T> save,
                     Duration quiet, Duration maxDelay, Consumer<RuntimeException> onFailure, Runnable onSaved) {
        this(saver, saver, snapshotThread, snapshot, save, quiet, maxDelay, onFailure, onSaved);
    }

    /**
     * With the timers apart from the writer: {@code timers} only waits out the delays, {@code saver} writes, one
     * at a time and in order.
     */
    public Autosaver(ScheduledExecutorService timers, Executor saver, Executor snapshotThread, Supplier<T> snapshot,
                     Consumer<T> save, Duration quiet, Duration maxDelay, Consumer<RuntimeException> onFailure,
                     Runnable onSaved) {
        this.timers = Objects.requireNonNull(timers);
        this.saver = Objects.requireNonNull(saver);
        this.snapshotThread = Objects.requireNonNull(snapshotThread);
        this.snapshot = Objects.requireNonNull(snapshot);
        this.save = Objects.requireNonNull(save);
        this.quietNanos = quiet.toNanos();
        this.maxDelayNanos = maxDelay.toNanos();
        this.onFailure = Objects.requireNonNull(onFailure);
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    /** The work changed; any thread. */
    public void changed() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            long now = System.nanoTime();
            if (!dirty) {
                dirty = true;
                firstDirtyAt = now;
            }
            long deadline = Math.min(now + quietNanos, firstDirtyAt + maxDelayNanos);
            schedule(Math.max(0, deadline - now));
        }
    }

    /** Drops unsaved changes and saves nothing more: for work that was deleted. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            dirty = false;
            cancelPending();
        }
    }

    /** True while a change is not yet written: still to be snapshotted, or snapshotted and waiting to be written. */
    public boolean hasUnsavedChanges() {
        synchronized (lock) {
            return dirty || written < snapshots;
        }
    }

    /**
     * Saves now, on the calling thread, if anything is unsaved: for focus loss and close. The
     * caller must be the snapshot thread.
     */
    public void flush() {
        T value;
        long seq;
        synchronized (lock) {
            // a snapshot waiting on the saver thread counts as unsaved: write the current state now, and the
            // queued older one will be skipped
            if (!dirty && written >= snapshots) {
                return;
            }
            cancelPending();
            dirty = false;
            value = snapshot.get();
            seq = ++snapshots;
        }
        write(value, seq);
    }

    /**
     * Takes a snapshot now, on the calling thread (the snapshot thread), and queues its write on the saver
     * thread: anything queued on that thread afterwards sees it saved, and the caller does not wait.
     */
    public void saveSoon() {
        synchronized (lock) {
            cancelPending();
        }
        takeSnapshot();
    }

    private void schedule(long delayNanos) {
        cancelPending();
        pending = timers.schedule(() -> snapshotThread.execute(this::takeSnapshot), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void takeSnapshot() {
        T value;
        long seq;
        synchronized (lock) {
            if (!dirty) {
                return;
            }
            dirty = false;
            value = snapshot.get();
            seq = ++snapshots;
        }
        saver.execute(() -> write(value, seq));
    }

    private void write(T value, long seq) {
        try {
            synchronized (writeLock) {
                if (seq <= written) {
                    return;
                }
                save.accept(value);
                written = seq;
            }
            onSaved.run();
        } catch (RuntimeException e) {
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                if (!dirty) {
                    dirty = true;
                    firstDirtyAt = System.nanoTime();
                }
                // try again after a pause; the text is still in the editor
                schedule(TimeUnit.SECONDS.toNanos(2));
            }
            onFailure.accept(e);
        }
    }
}
