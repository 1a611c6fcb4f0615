package dev.quire.ui.shell;

import dev.quire.ui.common.KeyText;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The window's keyboard shortcuts, in one place: those the window answers itself (installed on the scene), and
 * those a part of it answers (the scene editor, the binder), named here with the key combination that part
 * matches. Help › Keyboard shortcuts lists exactly these, so the sheet cannot drift from the keys.
 */
public final class Shortcuts {

    /** One shortcut: its keys, what it does, and where it works. */
    public record Shortcut(String keys, String what, String where) {
    }

    /** Where a shortcut works. */
    static final String WINDOW = "Anywhere";
    static final String SCENE = "In a scene";
    static final String BINDER = "In the binder";

    private final Scene scene;
    private final List<Shortcut> all = new ArrayList<>();

    Shortcuts(Scene scene) {
        this.scene = scene;
    }

    /** Installs {@code keys} on the window. */
    Shortcuts on(KeyCombination keys, String what, Runnable action) {
        scene.getAccelerators().put(keys, action);
        all.add(new Shortcut(KeyText.of(keys), what, WINDOW));
        return this;
    }

    /** Ctrl+{@code key} (Cmd on a Mac) on the window. */
    Shortcuts ctrl(KeyCode key, String what, Runnable action) {
        return on(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN), what, action);
    }

    /** Ctrl+Shift+{@code key} on the window. */
    Shortcuts ctrlShift(KeyCode key, String what, Runnable action) {
        return on(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), what, action);
    }

    /** A shortcut a part of the window answers with {@code keys}; listed, not installed. */
    Shortcuts in(String where, KeyCombination keys, String what) {
        all.add(new Shortcut(KeyText.of(keys), what, where));
        return this;
    }

    /** A shortcut a part of the window answers that is no single key combination ("Alt+Up / Alt+Down"). */
    Shortcuts in(String where, String keys, String what) {
        all.add(new Shortcut(keys, what, where));
        return this;
    }

    /** Every shortcut, in the order they were named. */
    public List<Shortcut> all() {
        return Collections.unmodifiableList(all);
    }
}
