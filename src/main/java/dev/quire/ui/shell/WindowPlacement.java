package dev.quire.ui.shell;

import dev.quire.ui.common.LayoutMemory;
import dev.quire.ui.common.LayoutMemory.Placement;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;

/**
 * Opens the window where the writer left it, as big as it was, maximised if it was; on a screen that is still
 * there. The first time, and when the screen it was on is gone, it opens at a comfortable size on the main
 * screen.
 */
public final class WindowPlacement {

    /** The most of the window that must show on a screen for it to stay where it was: its title bar, roughly. */
    static final double MIN_VISIBLE_WIDTH = 160;
    static final double MIN_VISIBLE_HEIGHT = 40;
    static final double PREFERRED_WIDTH = 1280;
    static final double PREFERRED_HEIGHT = 800;

    private final Stage stage;
    /** The last bounds the window had while neither maximised nor minimised: what a restore returns to. */
    private Rectangle2D normal;

    private WindowPlacement(Stage stage) {
        this.stage = stage;
    }

    /** Places {@code stage} before it shows, and follows it so that {@link #record()} knows where it was. */
    public static WindowPlacement restore(Stage stage, LayoutMemory memory) {
        WindowPlacement placement = new WindowPlacement(stage);
        placement.apply(memory.placement().orElse(null), visibleBounds());
        return placement;
    }

    private void apply(Placement saved, List<Rectangle2D> screens) {
        Placement fitted = fit(saved, screens, stage.getMinWidth(), stage.getMinHeight());
        stage.setX(fitted.x());
        stage.setY(fitted.y());
        stage.setWidth(fitted.width());
        stage.setHeight(fitted.height());
        normal = new Rectangle2D(fitted.x(), fitted.y(), fitted.width(), fitted.height());
        stage.setMaximized(fitted.maximized());
        Runnable follow = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()
                    && stage.getWidth() > 0 && stage.getHeight() > 0) {
                normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener((o, was, now) -> follow.run());
        stage.yProperty().addListener((o, was, now) -> follow.run());
        stage.widthProperty().addListener((o, was, now) -> follow.run());
        stage.heightProperty().addListener((o, was, now) -> follow.run());
    }

    /** Tells {@code memory} where the window is now; it is written with the rest when the window closes. */
    public void record(LayoutMemory memory) {
        Rectangle2D r = normal != null ? normal
                : new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        memory.placement(new Placement(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight(), stage.isMaximized()));
    }

    private static List<Rectangle2D> visibleBounds() {
        return Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
    }

    /**
     * Where the window goes: {@code saved} when enough of it shows on one of {@code screens} (shrunk to fit that
     * screen), else a comfortable size centred on the first screen.
     */
    static Placement fit(Placement saved, List<Rectangle2D> screens, double minWidth, double minHeight) {
        Rectangle2D main = screens.isEmpty() ? new Rectangle2D(0, 0, PREFERRED_WIDTH, PREFERRED_HEIGHT)
                : screens.get(0);
        if (saved != null) {
            for (Rectangle2D screen : screens) {
                if (showsEnoughOn(saved, screen)) {
                    double w = Math.max(minWidth, Math.min(saved.width(), screen.getWidth()));
                    double h = Math.max(minHeight, Math.min(saved.height(), screen.getHeight()));
                    // pulled back so that its top-left corner, where the title bar starts, is on the screen
                    double x = Math.max(screen.getMinX(), Math.min(saved.x(), screen.getMaxX() - w));
                    double y = Math.max(screen.getMinY(), Math.min(saved.y(), screen.getMaxY() - h));
                    return new Placement(x, y, w, h, saved.maximized());
                }
            }
        }
        double w = Math.max(minWidth, Math.min(PREFERRED_WIDTH, main.getWidth()));
        double h = Math.max(minHeight, Math.min(PREFERRED_HEIGHT, main.getHeight()));
        return new Placement(main.getMinX() + Math.max(0, (main.getWidth() - w) / 2),
                main.getMinY() + Math.max(0, (main.getHeight() - h) / 2), w, h,
                saved != null && saved.maximized());
    }

    private static boolean showsEnoughOn(Placement p, Rectangle2D screen) {
        double visibleWidth = Math.min(p.x() + p.width(), screen.getMaxX()) - Math.max(p.x(), screen.getMinX());
        double visibleHeight = Math.min(p.y() + p.height(), screen.getMaxY()) - Math.max(p.y(), screen.getMinY());
        return visibleWidth >= MIN_VISIBLE_WIDTH && visibleHeight >= MIN_VISIBLE_HEIGHT
                && p.y() >= screen.getMinY() - MIN_VISIBLE_HEIGHT / 2;
    }
}
