package dev.quire.ui.stitch;

import dev.quire.model.Composition;
import dev.quire.studio.Generator.Mode;
import dev.quire.studio.Stitching;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Where Accept will put the stitching pane's composition: the whole scene, a continuation's cursor or a rewrite's
 * selection, as anchored when it was asked for, the anchors kept in step with the writer's edits to the scene
 * ({@link Anchors}).
 */
final class AcceptPlace {

    private final ObjectProperty<Composition.Placement> placement = new SimpleObjectProperty<>(this, "placement",
            Composition.Placement.REPLACE_SCENE);
    private final IntegerProperty anchorStart = new SimpleIntegerProperty(this, "anchorStart");
    private final IntegerProperty anchorEnd = new SimpleIntegerProperty(this, "anchorEnd");

    ObjectProperty<Composition.Placement> placementProperty() {
        return placement;
    }

    Composition.Placement placement() {
        return placement.get();
    }

    int start() {
        return anchorStart.get();
    }

    int end() {
        return anchorEnd.get();
    }

    void set(Composition.Placement where, int start, int end) {
        placement.set(where);
        anchorStart.set(start);
        anchorEnd.set(end);
    }

    /**
     * Where a request in mode {@code m} is anchored in the scene as its editor stands: {start, end}; null for a
     * rewrite with nothing selected.
     */
    static int[] anchorsFor(Mode m, SceneHost host) {
        return switch (m) {
            case CONTINUE -> new int[] {host.caret(), host.caret()};
            case REWRITE -> {
                int[] sel = host.selection();
                yield sel[1] <= sel[0] ? null : sel;
            }
            case SCENE -> new int[] {0, 0};
        };
    }

    /** Where what was asked for in mode {@code m} at {@code anchors} ({start, end}) goes. */
    void askedFor(Mode m, int[] anchors) {
        set(placementFor(m), anchors[0], anchors[1]);
    }

    /** The whole scene: after an accept the anchors pointed into text that has just changed. */
    void reset() {
        set(Composition.Placement.REPLACE_SCENE, 0, 0);
    }

    /**
     * Where to ask again for what a column was asked: the pane's own anchors when it was asked in the pane's mode
     * (they follow the writer's edits), the column's own otherwise.
     */
    int[] anchorsAgain(Stitching.Asked was) {
        return modeFor(placement.get()) == was.mode() ? new int[] {anchorStart.get(), anchorEnd.get()}
                : new int[] {was.anchorStart(), was.anchorEnd()};
    }

    /** Whether a selection, still inside a scene text of {@code length}, will be replaced. */
    boolean replacesSelectionWithin(int length) {
        return placement.get() == Composition.Placement.REPLACE_SELECTION && anchorEnd.get() <= length
                && anchorStart.get() < anchorEnd.get();
    }

    /**
     * The scene's text was put back from a revision: a continuation or rewrite can no longer know its place, so it
     * goes at the end, where it replaces nothing.
     *
     * @return whether the place moved
     */
    boolean sceneRestored(int length) {
        if (placement.get() == Composition.Placement.REPLACE_SCENE) {
            return false;
        }
        set(Composition.Placement.AT_CURSOR, length, length);
        return true;
    }

    /**
     * The writer replaced {@code removed} characters at {@code position} with {@code inserted} ones.
     *
     * @return whether the place moved
     */
    boolean sceneEdited(int position, int removed, int inserted) {
        Composition.Placement p = placement.get();
        if (p == Composition.Placement.REPLACE_SCENE) {
            return false;
        }
        int start = anchorStart.get();
        int end = anchorEnd.get();
        int[] moved = Anchors.moved(start, end, p == Composition.Placement.AT_CURSOR, position, removed, inserted);
        if (moved[0] == start && moved[1] == end) {
            return false;
        }
        anchorStart.set(moved[0]);
        anchorEnd.set(moved[1]);
        return true;
    }

    /** "Insert at the cursor where Continue was asked (position 120)": the Accept button's tooltip. */
    String tooltip() {
        return AcceptChoice.tooltip(placement.get(), anchorStart.get());
    }

    private static Mode modeFor(Composition.Placement p) {
        return switch (p) {
            case AT_CURSOR -> Mode.CONTINUE;
            case REPLACE_SELECTION -> Mode.REWRITE;
            case REPLACE_SCENE -> Mode.SCENE;
        };
    }

    private static Composition.Placement placementFor(Mode m) {
        return switch (m) {
            case CONTINUE -> Composition.Placement.AT_CURSOR;
            case REWRITE -> Composition.Placement.REPLACE_SELECTION;
            case SCENE -> Composition.Placement.REPLACE_SCENE;
        };
    }
}
