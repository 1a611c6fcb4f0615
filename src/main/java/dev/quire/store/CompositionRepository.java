package dev.quire.store;

import dev.quire.model.Composition;
import dev.quire.model.Prose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        return db.read("load the composition", c -> get(c, sceneId));
    }

    private static Optional<Composition> get(Connection c, long sceneId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM composition WHERE scene_id = ?")) {
            ps.setLong(1, sceneId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Prose prose = Columns.prose(rs.getString("text"), rs.getString("spans"));
                return Optional.of(new Composition(sceneId, prose, Columns.ids(rs.getString("columns")),
                        Composition.Placement.valueOf(rs.getString("placement")), rs.getInt("anchor_start"),
                        rs.getInt("anchor_end"), Columns.instant(rs, "updated_at")));
            }
        }
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
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO composition (scene_id, text, spans, columns, placement, anchor_start, anchor_end,
                                             updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (scene_id) DO UPDATE SET text = excluded.text, spans = excluded.spans,
                        columns = excluded.columns, placement = excluded.placement,
                        anchor_start = excluded.anchor_start, anchor_end = excluded.anchor_end,
                        updated_at = excluded.updated_at""")) {
                Prose prose = composition.prose();
                ps.setLong(1, composition.sceneId());
                ps.setString(2, prose.text());
                ps.setString(3, Columns.spans(prose.spans()));
                ps.setString(4, Columns.ids(composition.columns()));
                ps.setString(5, composition.placement().name());
                ps.setInt(6, composition.anchorStart());
                ps.setInt(7, composition.anchorEnd());
                ps.setLong(8, now);
                ps.executeUpdate();
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
        db.write("clear the composition", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM composition WHERE scene_id = ?")) {
                ps.setLong(1, sceneId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
