package dev.quire.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole story as rows, table by table ({@link StoryTables}), for a story package: read in one consistent state,
 * and added to a library in one transaction with new ids, every reference between its rows remapped.
 */
public final class StoryRows {

    /** The pseudo-table of the story's settings; their keys say {@value #STORY_MARK} where the story id was. */
    public static final String SETTINGS = "setting";
    static final String STORY_MARK = "{story}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A story's rows: table name to rows, each a column-to-value map (Long, Double, String or null). */
    public record Rows(int schemaVersion, Map<String, List<Map<String, Object>>> tables) {
    }

    private StoryRows() {
    }

    /** The schema version this build writes, and the newest it can take in. */
    public static int schemaVersion() {
        return Migrations.latest();
    }

    /** The tables a package carries, in order, the settings last. */
    public static List<String> tableNames() {
        List<String> out = new ArrayList<>();
        StoryTables.TABLES.forEach(t -> out.add(t.name()));
        out.add(SETTINGS);
        return out;
    }

    public static Rows export(Database db, long storyId) {
        return db.read("read the story for its package", c -> {
            Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
            for (StoryTables.Table t : StoryTables.TABLES) {
                Object[] params = new Object[count(t.where())];
                java.util.Arrays.fill(params, storyId);
                out.put(t.name(), Statements.query(c, "SELECT * FROM " + t.name() + " WHERE " + t.where()
                        + " ORDER BY " + t.order(), StoryRows::row, params));
            }
            if (out.get("story").isEmpty()) {
                throw new PersistenceException("The story is no longer in the library; it may have been deleted.");
            }
            List<Map<String, Object>> settings = new ArrayList<>();
            for (Map<String, Object> s : Statements.query(c, "SELECT key, value FROM setting ORDER BY key",
                    StoryRows::row)) {
                String key = (String) s.get("key");
                for (String shape : StoryTables.SETTING_PREFIXES) {
                    String mine = String.format(shape, storyId);
                    if (shape.endsWith(".") ? key.startsWith(mine) : key.equals(mine)) {
                        Map<String, Object> kept = new LinkedHashMap<>();
                        kept.put("key", String.format(shape.replace("%d", "%s"), STORY_MARK)
                                + key.substring(mine.length()));
                        kept.put("value", s.get("value"));
                        settings.add(kept);
                    }
                }
            }
            out.put(SETTINGS, settings);
            return new Rows(Migrations.latest(), out);
        });
    }

    /**
     * Adds the story to the library with new ids, in one transaction; a row the library cannot take rolls all of it
     * back. Refuses rows of a newer schema, or columns the library does not have.
     *
     * @return the new story's id
     */
    public static long importRows(Database db, Rows rows) {
        if (rows.schemaVersion() > Migrations.latest()) {
            throw new PersistenceException("The story was packed by a newer Quire (library version "
                    + rows.schemaVersion() + "; this one knows up to " + Migrations.latest()
                    + "). Update Quire to bring it in.");
        }
        for (String name : rows.tables().keySet()) {
            if (!tableNames().contains(name)) {
                throw new PersistenceException("The package holds rows of \"" + name
                        + "\", which this Quire does not know; it may come from a newer Quire.");
            }
        }
        return db.write("bring in the story", c -> new Importer(c).run(rows));
    }

    private static final class Importer {
        final Connection c;
        final Map<String, Map<Long, Long>> ids = new HashMap<>();
        /** Rows whose references are written once every row is in: table, rowid, column, old value, ref. */
        final List<Object[]> later = new ArrayList<>();

        Importer(Connection c) {
            this.c = c;
        }

        long run(Rows rows) throws SQLException {
            for (StoryTables.Table t : StoryTables.TABLES) {
                ids.put(t.name(), new HashMap<>());
            }
            for (StoryTables.Table t : StoryTables.TABLES) {
                List<Map<String, Object>> list = rows.tables().getOrDefault(t.name(), List.of());
                Set<String> known = columns(t.name());
                for (Map<String, Object> row : list) {
                    insert(t, row, known);
                }
            }
            for (Object[] f : later) {
                String table = (String) f[0];
                String column = (String) f[2];
                Object value = translate(table, column, f[3], (StoryTables.Ref) f[4], (Map<String, Object>) f[5]);
                Statements.update(c, "UPDATE " + table + " SET \"" + column + "\" = ? WHERE rowid = ?", value, f[1]);
            }
            Map<Long, Long> stories = ids.get("story");
            if (stories.size() != 1) {
                throw new PersistenceException("The package holds " + stories.size() + " stories where one belongs.");
            }
            long storyId = stories.values().iterator().next();
            SearchIndex.build(c); // the search index is the library's own, made from the scenes brought in
            for (Map<String, Object> s : rows.tables().getOrDefault(SETTINGS, List.of())) {
                String key = String.valueOf(s.get("key"));
                if (!key.contains(STORY_MARK) || !(s.get("value") instanceof String value)) {
                    continue;
                }
                Statements.update(c, "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET"
                        + " value = excluded.value", key.replace(STORY_MARK, Long.toString(storyId)), value);
            }
            return storyId;
        }

        private void insert(StoryTables.Table t, Map<String, Object> row, Set<String> known) throws SQLException {
            List<String> cols = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            List<Object[]> deferred = new ArrayList<>();
            for (Map.Entry<String, Object> e : row.entrySet()) {
                String col = e.getKey();
                if (!known.contains(col)) {
                    throw new PersistenceException("The package's " + t.name() + " rows have a column \"" + col
                            + "\" this library does not have; it may come from a newer Quire.");
                }
                if (t.hasId() && col.equals("id")) {
                    continue;
                }
                Object value = e.getValue();
                StoryTables.Ref ref = t.refs().get(col);
                if (ref instanceof StoryTables.Id id && value != null) {
                    Long mapped = ids.get(id.table()).get(asLong(value));
                    if (mapped == null) {
                        deferred.add(new Object[] {col, value, ref});
                    }
                    value = mapped;
                } else if (ref != null && value != null) {
                    deferred.add(new Object[] {col, value, ref});
                }
                cols.add("\"" + col + "\"");
                values.add(value);
            }
            String sql = "INSERT INTO " + t.name() + " (" + String.join(", ", cols) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    bind(ps, i + 1, values.get(i));
                }
                ps.executeUpdate();
            }
            long rowid = Statements.one(c, "SELECT last_insert_rowid()", rs -> rs.getLong(1)).orElseThrow();
            if (t.hasId()) {
                ids.get(t.name()).put(asLong(row.get("id")), rowid);
            }
            for (Object[] d : deferred) {
                later.add(new Object[] {t.name(), rowid, d[0], d[1], d[2], row});
            }
        }

        private Object translate(String table, String column, Object value, StoryTables.Ref ref,
                                 Map<String, Object> row) {
            if (ref instanceof StoryTables.Id id) {
                return ids.get(id.table()).get(asLong(value));
            }
            if (ref instanceof StoryTables.ById byKind) {
                String target = byKind.tables().get(String.valueOf(row.get(byKind.kindColumn())));
                return target == null ? value : ids.get(target).get(asLong(value));
            }
            try {
                JsonNode node = JSON.readTree(String.valueOf(value));
                if (!(node instanceof ArrayNode array)) {
                    return value;
                }
                if (ref instanceof StoryTables.IdList list) {
                    ArrayNode out = JSON.createArrayNode();
                    for (JsonNode n : array) {
                        Long mapped = n.canConvertToLong() ? ids.get(list.table()).get(n.asLong()) : null;
                        if (mapped != null) {
                            out.add(mapped);
                        }
                    }
                    return out.toString();
                }
                for (JsonNode span : array) { // spans: [length, flags, label, variantId]
                    if (span instanceof ArrayNode s && s.size() >= 4 && s.get(3).canConvertToLong()) {
                        Long mapped = ids.get("variant").get(s.get(3).asLong());
                        if (mapped == null) {
                            s.setNull(3);
                        } else {
                            s.set(3, JSON.getNodeFactory().numberNode(mapped));
                        }
                    }
                }
                return array.toString();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return value; // not JSON: kept as it was, as the library would have read it
            }
        }

        private Set<String> columns(String table) throws SQLException {
            return new HashSet<>(Statements.query(c, "SELECT name FROM pragma_table_info(?)", rs -> rs.getString(1),
                    table));
        }
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            if (v instanceof Integer n) {
                v = n.longValue();
            } else if (v instanceof Float f) {
                v = f.doubleValue();
            } else if (v instanceof byte[]) {
                throw new PersistenceException("The story holds binary data in " + md.getColumnName(i)
                        + ", which a story package cannot carry yet.");
            }
            out.put(md.getColumnName(i), v);
        }
        return out;
    }

    private static void bind(PreparedStatement ps, int at, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(at, Types.NULL);
        } else if (value instanceof Long || value instanceof Integer) {
            ps.setLong(at, ((Number) value).longValue());
        } else if (value instanceof Number n) {
            ps.setDouble(at, n.doubleValue());
        } else if (value instanceof Boolean b) {
            ps.setInt(at, b ? 1 : 0);
        } else {
            ps.setString(at, value.toString());
        }
    }

    private static long asLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new PersistenceException("The package has \"" + value + "\" where a row id belongs.");
        }
    }

    private static int count(String where) {
        return (int) where.chars().filter(ch -> ch == '?').count();
    }
}
