package dev.quire.studio;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs callbacks one at a time, in the order given, on the caller's executor, even when that is a thread pool.
 * A callback that throws is logged by class name and does not stop the ones after it (its message could quote
 * a server, so it is not logged).
 */
final class InOrder implements Executor {

    private static final System.Logger LOG = System.getLogger(InOrder.class.getName());

    private final Executor target;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean scheduled;

    InOrder(Executor target) {
        this.target = target;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (queue) {
            queue.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        try {
            target.execute(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "the callback executor rejected a task; running it here");
            drain();
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "a generation callback failed: " + e.getClass().getName());
            }
        }
    }
}
