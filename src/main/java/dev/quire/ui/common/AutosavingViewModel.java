package dev.quire.ui.common;

import dev.quire.studio.Autosaver;


/**
 * A view model whose state autosaves: subclasses say how to snapshot their state and how to save
 * it, and call {@link #changed()} whenever the writer edits. Nothing needs a Save button.
 */
public abstract class AutosavingViewModel<T> {

    private final Autosaver<T> autosaver;
    private boolean loading;

    protected AutosavingViewModel(Background background, SaveStatus status) {
        this.autosaver = new Autosaver<>(background.timers(), background.writer(), background.results(), this::snapshot, this::save,
                Autosaver.QUIET, Autosaver.MAX_DELAY, status::failed, status::saved);
    }

    /** The state to save, taken on the FX thread. */
    protected abstract T snapshot();

    /** Writes a snapshot; runs on the library's writer thread. */
    protected abstract void save(T value);

    /** Call on every edit. Changes made while {@link #loading(Runnable)} are not edits. */
    protected final void changed() {
        if (!loading && canSave()) {
            autosaver.changed();
        }
    }

    /** False while there is nothing whole to save yet (still loading). */
    protected boolean canSave() {
        return true;
    }

    /** Fills the properties from the library without that counting as an edit. */
    protected final void loading(Runnable fill) {
        loading = true;
        try {
            fill.run();
        } finally {
            loading = false;
        }
    }

    public boolean hasUnsavedChanges() {
        return autosaver.hasUnsavedChanges();
    }

    /** The work was deleted: save nothing more. */
    public void discard() {
        autosaver.stop();
    }

    /**
     * Queues a save of anything unsaved on the library's writer thread without waiting for it: work queued
     * there afterwards sees it saved.
     */
    public void saveSoon() {
        if (canSave()) {
            autosaver.saveSoon();
        }
    }

    /** Saves now if anything is unsaved: on focus loss, tab close and window close. */
    public void flush() {
        if (canSave()) {
            autosaver.flush();
        }
    }
}
