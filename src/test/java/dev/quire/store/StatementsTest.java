package dev.quire.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statement helper the repositories stand on, on a real library file. */
class StatementsTest {

    @TempDir
    Path dir;

    private Path file;
    private Database db;

    @BeforeEach
    void open() {
        file = dir.resolve("quire.db");
        db = Database.open(file);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void put(String key, String value) {
        db.write("put", c -> Statements.update(c, "INSERT INTO setting (key, value) VALUES (?, ?)", key, value));
    }

    @Test
    void queryMapsEveryRowInTheOrderAsked() {
        put("b", "2");
        put("a", "1");
        put("c", "3");

        List<String> rows = db.read("list", c -> Statements.query(c,
                "SELECT key, value FROM setting WHERE key <> ? ORDER BY key",
                rs -> rs.getString(1) + "=" + rs.getString(2), "c"));

        assertEquals(List.of("a=1", "b=2"), rows);
    }

    @Test
    void oneIsTheFirstRowOrEmpty() {
        put("theme", "dark");

        assertEquals(Optional.of("dark"), db.read("read", c -> Statements.one(c,
                "SELECT value FROM setting WHERE key = ?", rs -> rs.getString(1), "theme")));
        assertEquals(Optional.empty(), db.read("read", c -> Statements.one(c,
                "SELECT value FROM setting WHERE key = ?", rs -> rs.getString(1), "missing")));
        // an aggregate over no rows is one row holding NULL
        assertEquals(Optional.empty(), db.read("read", c -> Statements.one(c,
                "SELECT max(value) FROM setting WHERE key = ?", rs -> rs.getString(1), "missing")));
    }

    @Test
    void insertGivesTheIdOfTheRowItAdded() {
        long first = db.write("add", c -> Statements.insert(c,
                "INSERT INTO story (title, created_at, updated_at) VALUES (?, ?, ?)", "One", 1L, 1L));
        long second = db.write("add", c -> Statements.insert(c,
                "INSERT INTO story (title, created_at, updated_at) VALUES (?, ?, ?)", "Two", 2L, 2L));

        assertEquals("Two", Jdbc.queryString(file, "SELECT title FROM story WHERE id = " + second));
        assertEquals(first + 1, second);
    }

    @Test
    void updateSaysHowManyRowsItChanged() {
        put("a", "1");
        put("b", "1");
        put("c", "2");

        int changed = db.write("change", c -> Statements.update(c, "UPDATE setting SET value = ? WHERE value = ?",
                "9", "1"));

        assertEquals(2, changed);
        assertEquals(2, Jdbc.queryLong(file, "SELECT count(*) FROM setting WHERE value = '9'"));
    }

    @Test
    void nullsAndFlagsAreStoredAsTheSchemaKeepsThem() {
        long story = db.write("add", c -> Statements.insert(c,
                "INSERT INTO story (title, created_at, updated_at) VALUES (?, ?, ?)", "S", 1L, 1L));
        long id = db.write("add", c -> Statements.insert(c, """
                INSERT INTO note (story_id, text, shared, source_kind, source_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", story, "n", true, "message", null, 5L));

        assertEquals(1, Jdbc.queryLong(file, "SELECT shared FROM note WHERE id = " + id));
        assertEquals(1, Jdbc.queryLong(file, "SELECT source_id IS NULL FROM note WHERE id = " + id));
    }

    @Test
    void batchRunsTheStatementForEveryRowAndNothingForNone() {
        db.write("add", c -> {
            Statements.batch(c, "INSERT INTO setting (key, value) VALUES (?, ?)",
                    List.of(new Object[] {"a", "1"}, new Object[] {"b", "2"}));
            Statements.batch(c, "INSERT INTO setting (key, value) VALUES (?, ?)", List.of());
            return null;
        });

        assertEquals(2, Jdbc.count(file, "setting"));
    }

    @Test
    void aFailingStatementRollsBackEveryStatementOfItsWrite() {
        put("kept", "yes");

        PersistenceException e = assertThrows(PersistenceException.class, () -> db.write("save both", c -> {
            Statements.update(c, "UPDATE setting SET value = ? WHERE key = ?", "changed", "kept");
            Statements.insert(c, "INSERT INTO setting (key, value) VALUES (?, ?)", "new", "1");
            // the key is the primary key: a second row with it fails
            Statements.insert(c, "INSERT INTO setting (key, value) VALUES (?, ?)", "new", "2");
            return null;
        }));

        assertTrue(e.getMessage().startsWith("Could not save both: "), e.getMessage());
        assertEquals("yes", Jdbc.queryString(file, "SELECT value FROM setting WHERE key = 'kept'"));
        assertEquals(1, Jdbc.count(file, "setting"));
    }

    @Test
    void anSqlExceptionReachesTheCallerAsAPersistenceExceptionNamingTheAction() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> db.read("list the shelves",
                c -> Statements.query(c, "SELECT * FROM shelf", rs -> rs.getString(1))));

        assertTrue(e.getMessage().startsWith("Could not list the shelves: "), e.getMessage());
        assertTrue(e.getMessage().contains("no such table: shelf"), e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause());
    }

    @Test
    void aParameterOfAnotherTypeIsRefusedBeforeAnythingRuns() {
        assertThrows(IllegalArgumentException.class, () -> db.write("put", c -> Statements.update(c,
                "INSERT INTO setting (key, value) VALUES (?, ?)", "when", java.time.Instant.EPOCH)));

        assertEquals(0, Jdbc.count(file, "setting"));
    }
}
