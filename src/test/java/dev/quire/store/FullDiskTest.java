package dev.quire.store;

import dev.quire.model.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full disk, stood in for by {@code PRAGMA max_page_count}: the writer is told so, and what was saved stays. */
class FullDiskTest {

    @TempDir
    Path dir;

    @Test
    void aWriteThatFillsTheDiskSaysSoAndKeepsWhatWasSaved() {
        try (Database db = Database.open(dir.resolve("quire.db"))) {
            StoryRepository stories = new StoryRepository(db);
            stories.create(Story.titled("Kept"));
            db.read("limit the size", c -> {
                try (Statement s = c.createStatement()) {
                    long pages = Statements.one(c, "PRAGMA page_count", rs -> rs.getLong(1)).orElseThrow();
                    s.execute("PRAGMA max_page_count = " + (pages + 2));
                }
                return null;
            });
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> stories.create(Story.titled("Too big").withNotes("a long note ".repeat(100_000))));
            assertTrue(e.getMessage().contains("the disk is full"), e.getMessage());
            assertTrue(e.getMessage().contains("nothing already saved was lost"), e.getMessage());
            assertFalse(e.getMessage().contains("no transaction is active"), e.getMessage());
            assertEquals(1, stories.list().size());
            assertEquals("Kept", stories.list().get(0).title());

            // space again: the next save lands, and is really committed
            db.read("lift the limit", c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA max_page_count = 1000000");
                }
                return null;
            });
            stories.create(Story.titled("After"));
        }
        assertEquals(2, Jdbc.count(dir.resolve("quire.db"), "story"));
    }

    @Test
    void severalWritesInOneTransactionThatFillTheDiskSaySoToo() {
        try (Database db = Database.open(dir.resolve("quire.db"))) {
            StoryRepository stories = new StoryRepository(db);
            stories.create(Story.titled("Kept"));
            db.read("limit the size", c -> {
                try (Statement s = c.createStatement()) {
                    long pages = Statements.one(c, "PRAGMA page_count", rs -> rs.getLong(1)).orElseThrow();
                    s.execute("PRAGMA max_page_count = " + (pages + 2));
                }
                return null;
            });
            PersistenceException e = assertThrows(PersistenceException.class, () -> db.transaction("import", () -> {
                for (int i = 0; i < 50; i++) {
                    stories.create(Story.titled("Part " + i).withNotes("words ".repeat(2_000)));
                }
                return null;
            }));
            assertTrue(e.getMessage().contains("the disk is full"), e.getMessage());
            assertEquals(1, stories.list().size());
        }
    }
}
