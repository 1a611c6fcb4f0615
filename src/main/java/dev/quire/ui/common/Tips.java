package dev.quire.ui.common;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/** Tooltips for the controls of the window's first frame. */
public final class Tips {

    private Tips() {
    }

    /**
     * Gives {@code control} a tooltip saying {@code text}; while the studio starts, once its window is up. Each
     * tooltip is a small window of its own, and making the first frame's some thirty of them cost it about 30 ms.
     */
    public static void set(Control control, String text) {
        set(control, text, () -> true);
    }

    /** As {@link #set(Control, String)}, for a control that may show something else by then (a reused cell). */
    public static void set(Control control, String text, java.util.function.BooleanSupplier stillWanted) {
        Startup.afterFirstFrame(() -> {
            if (stillWanted.getAsBoolean()) {
                control.setTooltip(new Tooltip(text));
            }
        });
    }
}
