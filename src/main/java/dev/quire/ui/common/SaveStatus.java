package dev.quire.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;
import java.util.concurrent.Executor;

/** When the writer's work was last saved, and the current save problem if there is one. Shown in the status bar. */
public final class SaveStatus {

    private final Executor ui;
    private final ObjectProperty<Instant> lastSaved = new SimpleObjectProperty<>(this, "lastSaved");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");

    public SaveStatus(Executor ui) {
        this.ui = ui;
    }

    /** Any thread. */
    public void saved() {
        Instant now = Instant.now();
        ui.execute(() -> {
            lastSaved.set(now);
            problem.set("");
        });
    }

    /** Any thread. The message says what failed; we add that nothing is lost. */
    public void failed(RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        ui.execute(() -> problem.set(message + " Your text is still in the window; Quire keeps trying to save it."));
    }

    public ReadOnlyObjectProperty<Instant> lastSavedProperty() {
        return lastSaved;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
