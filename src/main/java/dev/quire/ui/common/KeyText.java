package dev.quire.ui.common;

import javafx.scene.input.KeyCombination;

/** A key combination as a writer reads it in a tooltip, a menu or the shortcut sheet: "Ctrl+Enter", not "Ctrl+↵". */
public final class KeyText {

    private KeyText() {
    }

    public static String of(KeyCombination keys) {
        return keys.getDisplayText().replace("↵", "Enter").replace("⎋", "Esc");
    }
}
