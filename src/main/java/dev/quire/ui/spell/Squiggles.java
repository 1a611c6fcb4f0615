package dev.quire.ui.spell;

import dev.quire.spell.SpellFinding;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The wavy underlines of spell check, on a layer of their own above a text: the text, its styles (emphasis,
 * provenance colours) and its undo history are left alone, and the cliché watch's dotted rules sit beside them.
 */
final class Squiggles {

    static final String SPELLING = "spell-squiggle";
    static final String GRAMMAR = "grammar-squiggle";
    private static final double STEP = 2;

    private Squiggles() {
    }

    /**
     * Draws one squiggle under each visible line of each finding.
     *
     * @param boundsOnScreen a character range's bounds on screen, empty when it is not visible
     */
    static void draw(Pane layer, List<SpellFinding> findings, int length,
                     BiFunction<Integer, Integer, Optional<Bounds>> boundsOnScreen) {
        layer.getChildren().clear();
        if (findings.isEmpty() || !(layer.getParent() instanceof Region parent)) {
            return;
        }
        layer.resizeRelocate(0, 0, parent.getWidth(), parent.getHeight());
        for (SpellFinding f : findings) {
            if (f.end() > length || f.length() <= 0 || boundsOnScreen.apply(f.start(), f.end()).isEmpty()) {
                continue;
            }
            Bounds line = null;
            for (int i = f.start(); i < f.end(); i++) {
                Optional<Bounds> b = boundsOnScreen.apply(i, i + 1);
                if (b.isEmpty()) {
                    continue;
                }
                Bounds c = b.get();
                if (line != null && Math.abs(c.getMaxY() - line.getMaxY()) < 2) {
                    line = new BoundingBox(line.getMinX(), line.getMinY(),
                            Math.max(line.getMaxX(), c.getMaxX()) - line.getMinX(), line.getHeight());
                } else {
                    wave(layer, line, f);
                    line = c;
                }
            }
            wave(layer, line, f);
        }
    }

    private static void wave(Pane layer, Bounds onScreen, SpellFinding f) {
        if (onScreen == null || onScreen.getWidth() <= 0) {
            return;
        }
        Point2D from = layer.screenToLocal(onScreen.getMinX(), onScreen.getMaxY());
        if (from == null) {
            return;
        }
        Polyline wave = new Polyline();
        double y = from.getY() - 1;
        boolean up = true;
        for (double x = from.getX(); x <= from.getX() + onScreen.getWidth(); x += STEP) {
            wave.getPoints().addAll(x, up ? y - 1 : y + 1);
            up = !up;
        }
        wave.getStyleClass().add(f.kind() == SpellFinding.Kind.SPELLING ? SPELLING : GRAMMAR);
        wave.setUserData(f);
        layer.getChildren().add(wave);
    }
}
