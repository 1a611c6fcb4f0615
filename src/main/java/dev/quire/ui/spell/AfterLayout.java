package dev.quire.ui.spell;

import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Draws a text's marks after the next layout pass of the scene it is in, when asked: measuring a text from inside
 * its own change, before it has laid out its new lines, upsets a virtual flow.
 */
final class AfterLayout {

    private final Parent layer;
    private boolean asked;

    /** Runs {@code draw} after each layout pass that follows an {@link #ask()}, while {@code text} is in a scene. */
    AfterLayout(Node text, Parent layer, Runnable draw) {
        this.layer = layer;
        Runnable afterLayout = () -> {
            if (asked) {
                asked = false;
                draw.run();
            }
        };
        text.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        if (text.getScene() != null) {
            text.getScene().addPostLayoutPulseListener(afterLayout);
        }
    }

    void ask() {
        asked = true;
        layer.requestLayout(); // a pulse comes even when no text changed
    }
}
