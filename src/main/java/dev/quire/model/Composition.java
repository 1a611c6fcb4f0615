package dev.quire.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A scene's stitching pane as the writer left it: the variant columns in order and the composition
 * being stitched from them, each character with its provenance. It becomes scene text only when the
 * writer accepts it.
 *
 * @param columns     the variants shown as columns, by id, left to right ("A", "B", "C"…)
 * @param placement   where Accept puts the composition
 * @param anchorStart for {@link Placement#AT_CURSOR}, the cursor; for {@link Placement#REPLACE_SELECTION},
 *                    the selection's start; otherwise 0
 * @param anchorEnd   for {@link Placement#REPLACE_SELECTION}, the selection's end; otherwise equal to
 *                    {@code anchorStart}
 */
public record Composition(long sceneId, Prose prose, List<Long> columns, Placement placement, int anchorStart,
                          int anchorEnd, Instant updated) {

    /** Where an accepted composition goes in the scene. */
    public enum Placement {
        /** It becomes the whole scene text. */
        REPLACE_SCENE,
        /** It is inserted at the cursor (Continue from cursor). */
        AT_CURSOR,
        /** It replaces the selected passage (Rewrite selection). */
        REPLACE_SELECTION
    }

    public Composition {
        Objects.requireNonNull(prose, "prose");
        columns = List.copyOf(columns == null ? List.of() : columns);
        placement = placement == null ? Placement.REPLACE_SCENE : placement;
        if (anchorStart < 0 || anchorEnd < anchorStart) {
            throw new IllegalArgumentException("bad anchor " + anchorStart + ".." + anchorEnd);
        }
    }

    public static Composition empty(long sceneId) {
        return new Composition(sceneId, Prose.EMPTY, List.of(), Placement.REPLACE_SCENE, 0, 0, null);
    }

    public Composition withProse(Prose newProse) {
        return new Composition(sceneId, newProse, columns, placement, anchorStart, anchorEnd, updated);
    }

    public Composition withColumns(List<Long> newColumns) {
        return new Composition(sceneId, prose, newColumns, placement, anchorStart, anchorEnd, updated);
    }

    public Composition placed(Placement newPlacement, int start, int end) {
        return new Composition(sceneId, prose, columns, newPlacement, start, end, updated);
    }
}
