package dev.quire.ui.shell;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The window's keyboard shortcuts: Ctrl (Cmd on a Mac), with Shift where asked, and a key. */
final class Shortcuts {

    private final Scene scene;

    Shortcuts(Scene scene) {
        this.scene = scene;
    }

    /** Ctrl+{@code key}. */
    Shortcuts ctrl(KeyCode key, Runnable action) {
        scene.getAccelerators().put(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN), action);
        return this;
    }

    /** Ctrl+Shift+{@code key}. */
    Shortcuts ctrlShift(KeyCode key, Runnable action) {
        scene.getAccelerators().put(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), action);
        return this;
    }
}
