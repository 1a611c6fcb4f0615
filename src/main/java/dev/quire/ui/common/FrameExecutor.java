package dev.quire.ui.common;

import javafx.animation.AnimationTimer;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * Runs tasks on the FX thread at most once per frame, all that arrived since the last one
 * together: streamed text reaches the controls as one update per frame however fast it comes.
 * Its frame callback also drives the window's clocks ({@link Ticker}), so nothing else needs an
 * animation of its own.
 */
public final class FrameExecutor implements Executor, Ticker {

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    /** Few and rarely changed, walked every frame: a copy-on-write list walks without locking. */
    private final CopyOnWriteArrayList<Tick> ticks = new CopyOnWriteArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
            for (Tick t : ticks) {
                t.frame(now);
            }
        }
    };

    public FrameExecutor() {
        Fx.run(timer::start);
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    @Override
    public Ticking every(Duration interval, Runnable tick) {
        Tick t = new Tick(interval.toNanos(), tick);
        ticks.add(t);
        return t;
    }

    private void drain() {
        Runnable task;
        while ((task = queue.poll()) != null) {
            task.run();
        }
    }

    /** Stops the frame callback and every clock; tasks still queued run first. */
    public void close() {
        Fx.run(() -> {
            timer.stop();
            ticks.clear();
            drain();
        });
    }

    private final class Tick implements Ticking {
        private final long intervalNanos;
        private final Runnable task;
        /** Touched on the FX thread only; 0 until the first frame after it was started. */
        private long due;

        Tick(long intervalNanos, Runnable task) {
            this.intervalNanos = intervalNanos;
            this.task = task;
        }

        void frame(long now) {
            if (due == 0) {
                due = now + intervalNanos;
            } else if (now >= due) {
                // from this frame, not from when it was due: a slow frame does not make the ticks bunch up
                due = now + intervalNanos;
                task.run();
            }
        }

        @Override
        public void cancel() {
            ticks.remove(this);
        }
    }
}
