package dev.quire.ui.common;

import javafx.animation.AnimationTimer;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Runs tasks on the FX thread at most once per frame, all that arrived since the last one
 * together: streamed text reaches the controls as one update per frame however fast it comes.
 */
public final class FrameExecutor implements Executor {

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Runnable task;
            while ((task = queue.poll()) != null) {
                task.run();
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

    /** Stops the frame callback; tasks still queued run first. */
    public void close() {
        Fx.run(() -> {
            timer.stop();
            Runnable task;
            while ((task = queue.poll()) != null) {
                task.run();
            }
        });
    }
}
