package dev.quire.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waiting for work that streams (a generation, a check, a batch of summaries) from the command line: Ctrl-C stops
 * it, so the library records it as stopped and keeps what arrived, instead of the process dying mid-write.
 */
final class Interruptible {

    private Interruptible() {
    }

    /** Waits for {@code done}; on Ctrl-C runs {@code cancel} and gives the library a moment to record it. */
    static <T> T await(CompletableFuture<T> done, Runnable cancel, String name) {
        Thread hook = new Thread(() -> {
            cancel.run();
            try {
                done.get(3, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // shutting down: what was saved is saved
            }
        }, "quire-" + name + "-interrupted");
        boolean hooked = false;
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
        } catch (IllegalStateException alreadyShuttingDown) {
            cancel.run();
        }
        try {
            return done.join();
        } finally {
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
        }
    }
}
