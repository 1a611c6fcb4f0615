package dev.quire.ui.common;

import dev.quire.studio.Autosaver;

import java.time.Duration;

/**
 * A view model whose state autosaves: subclasses say how to snapshot their state and how to save
 * it, and call {@link #changed()} whenever the writer edits. Nothing needs a Save button.
 */
public abstract class AutosavingViewModel<T> {

    /** Save this long after the writer pauses… */
    public static final Duration QUIET = Duration.ofMillis(400);
    /** …and never later than this after the first unsaved keystroke, so a crash costs at most a second. */
    public static final Duration MAX_DELAY = Duration.ofMillis(750);

    private final Autosaver<T> autosaver;
    private boolean loading;

    protected AutosavingViewModel(Background background, SaveStatus status) {
        this.autosaver = new Autosaver<>(background.writer(), background.results(), this::snapshot, this::save,
                QUIET, MAX_DELAY, status::failed, status::saved);
    }

    /** The state to save, taken on the FX thread. */
    protected abstract T snapshot();

    /** Writes a snapshot; runs on the library's writer thread. */
    protected abstract void save(T value);

    /** Call on every edit. Changes made while {@link #loading(Runnable)} are not edits. */
    protected final void changed() {
        if (!loading) {
            autosaver.changed();
        }
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

    /** Saves now if anything is unsaved: on focus loss, tab close and window close. */
    public void flush() {
        autosaver.flush();
    }
}
