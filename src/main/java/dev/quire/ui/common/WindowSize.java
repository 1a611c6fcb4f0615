package dev.quire.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/**
 * Sizes a window of Quire's own (the Prompt Preview, the frame editor) before it shows: as big as its content
 * wants, no bigger than the screen its owner is on, centred over the owner. Set explicitly, because some window
 * managers otherwise open a child window at a token size.
 */
public final class WindowSize {

    private WindowSize() {
    }

    /** Gives {@code stage} {@code width}×{@code height}, shrunk to the owner's screen, and centres it there. */
    public static void fit(Stage stage, Window owner, double width, double height) {
        Rectangle2D screen = screenOf(owner);
        double w = Math.min(width, screen.getWidth() * 0.95);
        double h = Math.min(height, screen.getHeight() * 0.95);
        stage.setMinWidth(Math.min(w, 480));
        stage.setMinHeight(Math.min(h, 320));
        stage.setWidth(w);
        stage.setHeight(h);
        double cx = owner != null && owner.getWidth() > 0 ? owner.getX() + owner.getWidth() / 2 : screen.getMinX()
                + screen.getWidth() / 2;
        double cy = owner != null && owner.getHeight() > 0 ? owner.getY() + owner.getHeight() / 2 : screen.getMinY()
                + screen.getHeight() / 2;
        stage.setX(Math.max(screen.getMinX(), Math.min(cx - w / 2, screen.getMaxX() - w)));
        stage.setY(Math.max(screen.getMinY(), Math.min(cy - h / 2, screen.getMaxY() - h)));
    }

    /** Esc closes {@code stage}, as it closes a dialog; a key a control inside uses first (a menu) stays its own. */
    public static void closesOnEscape(Stage stage) {
        stage.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !e.isConsumed()) {
                stage.close();
                e.consume();
            }
        });
    }

    private static Rectangle2D screenOf(Window owner) {
        if (owner != null && owner.getWidth() > 0) {
            List<Screen> screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(),
                    owner.getHeight());
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }
}
