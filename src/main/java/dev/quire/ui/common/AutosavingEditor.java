package dev.quire.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;

/** An editor over an autosaving view model: its tab title follows a name, flushing and discarding go to the model. */
public abstract class AutosavingEditor implements Editor {

    private final EditorKey key;
    private final AutosavingViewModel<?> model;
    private final ObservableValue<String> title;

    protected AutosavingEditor(EditorKey key, AutosavingViewModel<?> model, ObservableValue<String> name,
                               String untitled) {
        this.key = key;
        this.model = model;
        this.title = Bindings.createStringBinding(() -> name.getValue() == null || name.getValue().isBlank()
                ? untitled : name.getValue(), name);
    }

    @Override
    public final EditorKey key() {
        return key;
    }

    @Override
    public final ObservableValue<String> title() {
        return title;
    }

    @Override
    public final void flush() {
        model.flush();
    }

    @Override
    public final void discard() {
        model.discard();
    }
}
