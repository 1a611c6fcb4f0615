package dev.quire.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Executor;

/** The one way onto the FX thread: background work hands its results to the UI only through here. */
public final class Fx {

    private static final Executor EXECUTOR = Fx::run;

    private Fx() {
    }

    /** Runs {@code action} on the FX thread: now if already there, else at the next pulse. */
    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Runs {@code action} on the FX thread after the current pulse, even when called from it. */
    public static void later(Runnable action) {
        Platform.runLater(action);
    }

    public static Executor executor() {
        return EXECUTOR;
    }
}
