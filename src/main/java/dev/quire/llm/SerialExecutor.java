package dev.quire.llm;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in the order given, on the caller's executor — so callbacks keep their order even
 * on a thread pool. Tasks queued while one batch runs join that batch: a burst of deltas reaches the FX thread
 * as one {@code runLater}. A task that throws is logged by class name and does not stop the ones after it.
 */
public final class SerialExecutor implements Executor {

    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor target;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean scheduled;

    public SerialExecutor(Executor target) {
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
            LOG.log(System.Logger.Level.WARNING, "callback executor rejected a task; running it on this thread");
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
                // the class only: a message could quote a server, and a server can echo a key
                LOG.log(System.Logger.Level.WARNING, "a generation callback failed: " + e.getClass().getName());
            }
        }
    }
}
