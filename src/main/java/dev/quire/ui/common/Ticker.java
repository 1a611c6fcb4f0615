package dev.quire.ui.common;

import java.time.Duration;

/**
 * Calls a task again and again, a few times a second, on the FX thread: a clock on screen, such as a column's
 * elapsed time. View models take one instead of owning an animation, so a test ticks them by hand; in the window
 * it is the {@link FrameExecutor}, which ticks them at the frame where they fall due.
 */
public interface Ticker {

    /** Starts calling {@code tick} every {@code interval} or so (never more than once a frame) until cancelled. */
    Ticking every(Duration interval, Runnable tick);

    /** A task being ticked. */
    interface Ticking {
        /** No more ticks; cancelling again does nothing. */
        void cancel();
    }
}
