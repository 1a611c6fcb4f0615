package dev.quire.store;

import dev.quire.model.Composition;
import dev.quire.model.Prose;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Each scene's stitching pane: its variant columns and the composition being stitched, with provenance. At most
 * one per scene; deleting the scene deletes it.
 */
public final class CompositionRepository {

    private final Database db;

    public CompositionRepository(Database db) {
        this.db = db;
    }

    /** The scene's pane as last saved; empty when it never had one or it was cleared. */
    public Optional<Composition> get(long sceneId) {
        return db.read("load the composition", c -> Statements.one(c, "SELECT * FROM composition WHERE scene_id = ?",
                rs -> new Composition(sceneId, Columns.prose(rs.getString("text"), rs.getString("spans")),
                        Columns.ids(rs.getString("columns")), Composition.Placement.valueOf(rs.getString("placement")),
                        rs.getInt("anchor_start"), rs.getInt("anchor_end"), Columns.instant(rs, "updated_at")),
                sceneId));
    }

    /**
     * Saves the whole pane of {@code composition.sceneId()}, replacing what was there.
     *
     * @return the pane as stored, with the time it was saved
     * @throws PersistenceException when the scene is not in the library
     */
    public Composition save(Composition composition) {
        return db.write("save the composition", c -> {
            long now = Columns.now();
            Prose prose = composition.prose();
            try {
                Statements.update(c, """
                        INSERT INTO composition (scene_id, text, spans, columns, placement, anchor_start, anchor_end,
                                                 updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (scene_id) DO UPDATE SET text = excluded.text, spans = excluded.spans,
                            columns = excluded.columns, placement = excluded.placement,
                            anchor_start = excluded.anchor_start, anchor_end = excluded.anchor_end,
                            updated_at = excluded.updated_at""",
                        composition.sceneId(), prose.text(), Columns.spans(prose.spans()),
                        Columns.ids(composition.columns()), composition.placement().name(), composition.anchorStart(),
                        composition.anchorEnd(), now);
            } catch (SQLException e) {
                if (String.valueOf(e.getMessage()).contains("FOREIGN KEY")) {
                    throw new PersistenceException("Scene " + composition.sceneId()
                            + " is no longer in the library; it may have been deleted. The composition was not saved.",
                            e);
                }
                throw e;
            }
            return new Composition(composition.sceneId(), composition.prose(), composition.columns(),
                    composition.placement(), composition.anchorStart(), composition.anchorEnd(),
                    Instant.ofEpochMilli(now));
        });
    }

    /** Forgets the scene's pane, columns and all; the variants stay in the library. */
    public void clear(long sceneId) {
        db.write("clear the composition", c -> Statements.update(c, "DELETE FROM composition WHERE scene_id = ?",
                sceneId));
    }
}
