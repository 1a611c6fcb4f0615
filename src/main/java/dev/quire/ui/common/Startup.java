package dev.quire.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The studio's start-up, as far as background work is concerned. Work the first frame does not show (the context
 * meter's count, the first spell check) would compete with building that frame for the machine's cores, so while
 * the studio starts it is held, and runs once the window is up. Outside a start-up (tests, a story opened later)
 * nothing is held.
 */
public final class Startup {

    private static final List<Runnable> HELD = new ArrayList<>();
    private static boolean holding;

    private Startup() {
    }

    /** From now until {@link #release()}, {@link #afterFirstFrame} keeps what it is given. */
    public static synchronized void hold() {
        holding = true;
    }

    /** The window is up: runs what was held, in the order it came, on this thread. */
    public static void release() {
        List<Runnable> held;
        synchronized (Startup.class) {
            holding = false;
            held = new ArrayList<>(HELD);
            HELD.clear();
        }
        held.forEach(Runnable::run);
    }

    /** Runs {@code work} now, or, while the studio is starting, once its window is up. */
    public static void afterFirstFrame(Runnable work) {
        synchronized (Startup.class) {
            if (holding) {
                HELD.add(work);
                return;
            }
        }
        work.run();
    }
}
