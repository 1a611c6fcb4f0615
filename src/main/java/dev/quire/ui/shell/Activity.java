package dev.quire.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Long work the window is doing for the writer (a batch of summaries), as the status bar shows it: what, how far,
 * and a way to stop it. One at a time.
 */
public final class Activity {

    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    /** 0 to 1; negative while not yet known. */
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private Runnable cancel = () -> { };

    /** Starts showing work that {@code cancel} stops. False when other work is already shown. */
    boolean begin(String what, Runnable cancel) {
        if (running.get()) {
            return false;
        }
        this.cancel = cancel;
        text.set(what);
        progress.set(0);
        running.set(true);
        return true;
    }

    void update(String what, double fraction) {
        text.set(what);
        progress.set(fraction);
    }

    void end() {
        running.set(false);
        text.set("");
        cancel = () -> { };
    }

    /** The writer pressed Stop. */
    public void cancel() {
        cancel.run();
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty textProperty() {
        return text;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }
}
