package dev.quire.ui.common;

import javafx.beans.property.DoubleProperty;
import javafx.scene.control.SplitPane;

/** A split pane's first divider that starts where the writer left it, and remembers every drag. */
public final class RememberedDivider {

    private RememberedDivider() {
    }

    /**
     * Puts the divider at {@code remembered} once the pane has its height (a split laid out at no size moves it),
     * and from then on keeps each position the writer drags it to in {@code remembered}.
     */
    public static void follow(SplitPane split, DoubleProperty remembered) {
        if (split.getDividers().isEmpty()) {
            return;
        }
        boolean[] applied = {false};
        Runnable apply = () -> {
            if (!applied[0] && split.getHeight() > 0) {
                applied[0] = true;
                split.setDividerPositions(remembered.get());
            }
        };
        split.heightProperty().addListener((o, was, now) -> apply.run());
        split.getDividers().get(0).positionProperty().addListener((o, was, now) -> {
            if (applied[0] && split.getScene() != null) {
                remembered.set(now.doubleValue());
            }
        });
        apply.run();
    }
}
