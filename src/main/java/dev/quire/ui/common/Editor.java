package dev.quire.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** Something open in a centre tab: a scene, a sheet, a lore entry, the bible. */
public interface Editor {

    /** Identifies what is open, so opening it again selects the existing tab. */
    EditorKey key();

    ObservableValue<String> title();

    Node view();

    /** Saves anything unsaved, now. */
    void flush();

    /** The tab closes (or the window, or the story): save, and stop anything still running for it. */
    default void close() {
        flush();
    }

    /** What is open was deleted: stop saving it. */
    default void discard() {
    }

    /** Where the keyboard should go when the tab is shown. */
    default void focus() {
        view().requestFocus();
    }
}
