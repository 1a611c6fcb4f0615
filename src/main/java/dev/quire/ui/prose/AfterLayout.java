package dev.quire.ui.prose;

import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Draws a text's marks (spelling squiggles, cliché rules) after the next layout pass of the scene it is in, when
 * asked: measuring a text from inside its own change or its own layout, before it has laid out its new lines,
 * upsets RichTextFX's virtual flow.
 */
public final class AfterLayout {

    private final Parent layer;
    private boolean asked;

    /** Runs {@code draw} after each layout pass that follows an {@link #ask()}, while {@code text} is in a scene. */
    public AfterLayout(Node text, Parent layer, Runnable draw) {
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

    public void ask() {
        asked = true;
        layer.requestLayout(); // a pulse comes even when no text changed
    }
}
