package dev.quire.store;

import dev.quire.faults.Faults;
import dev.quire.faults.Fingerprint;
import dev.quire.model.Story;
import dev.quire.testing.ReadOnly;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault suite: a full disk, a read-only folder and a read-only file, each against a real library file. */
@Tag("faults")
class StoreFaultProbesTest {

    @TempDir
    Path dir;

    private Path library() {
        Path file = dir.resolve("lib/quire.db");
        try (Database db = Database.open(file)) {
            new StoryRepository(db).create(Story.titled("The Salt Road"));
        }
        return file;
    }

    @Test
    void aFullDisk() throws Exception {
        Path file = library();
        Faults.record("full disk (PRAGMA max_page_count): 'the disk is full', saved work kept, next save lands", () -> {
            try (Database db = Database.open(file)) {
                StoryRepository stories = new StoryRepository(db);
                db.read("limit", c -> {
                    try (Statement s = c.createStatement()) {
                        long pages = Statements.one(c, "PRAGMA page_count", rs -> rs.getLong(1)).orElseThrow();
                        s.execute("PRAGMA max_page_count = " + (pages + 1));
                    }
                    return null;
                });
                PersistenceException e = assertThrows(PersistenceException.class,
                        () -> stories.create(Story.titled("Big").withNotes("x".repeat(2_000_000))));
                assertTrue(e.getMessage().contains("the disk is full; nothing already saved was lost"),
                        e.getMessage());
                assertEquals(1, stories.list().size());
                db.read("lift", c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA max_page_count = 1000000");
                    }
                    return null;
                });
                stories.create(Story.titled("After"));
            }
            assertEquals(2, Jdbc.count(file, "story"));
        });
    }

    @Test
    void aReadOnlyFolder() throws Exception {
        Path file = library();
        if (!canMakeReadOnly(file.getParent())) {
            return;
        }
        Fingerprint before = Fingerprint.of(file);
        Faults.record("read-only folder: reported as read-only (not damaged), still readable, unchanged", () -> {
            try (ReadOnly ro = ReadOnly.make(file.getParent())) {
                LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> Database.open(file));
                assertEquals(LibraryOpenException.Problem.READ_ONLY, e.problem());
                assertFalse(e.getMessage().contains("damaged"));
                try (Database db = Database.openReadOnly(file)) {
                    assertEquals(1, new StoryRepository(db).list().size());
                }
            }
            assertEquals(before, Fingerprint.of(file));
        });
    }

    @Test
    void aReadOnlyFile() throws Exception {
        Path file = library();
        if (!canMakeReadOnly(file)) {
            return;
        }
        Faults.record("read-only file: named in the message, still readable, no -shm/-wal left behind", () -> {
            try (ReadOnly ro = ReadOnly.make(file)) {
                LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> Database.open(file));
                assertTrue(e.getMessage().contains(file.toString()));
                try (Database db = Database.openReadOnly(file)) {
                    assertEquals(1, new StoryRepository(db).list().size());
                }
                assertFalse(Files.exists(file.resolveSibling("quire.db-shm")));
                assertFalse(Files.exists(file.resolveSibling("quire.db-wal")));
            }
        });
    }

    private static boolean canMakeReadOnly(Path path) {
        try (ReadOnly ro = ReadOnly.make(path)) {
            return true;
        } catch (org.opentest4j.TestAbortedException e) {
            Faults.skipped("read-only " + (Files.isDirectory(path) ? "folder" : "file"), e.getMessage());
            throw e;
        } catch (Exception e) {
            return false;
        }
    }
}
