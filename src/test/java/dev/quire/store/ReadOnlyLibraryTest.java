package dev.quire.store;

import dev.quire.model.Story;
import dev.quire.model.StorySummary;
import dev.quire.store.LibraryOpenException.Problem;
import dev.quire.testing.ReadOnly;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A library the writer cannot write to (a read-only folder, a read-only file, a read-only file left beside
 * it) is reported as exactly that, never as damaged, can still be read, and is left as it was.
 */
class ReadOnlyLibraryTest {

    @TempDir
    Path dir;
    Path folder;
    Path file;

    @BeforeEach
    void library() {
        folder = dir.resolve("lib");
        file = folder.resolve("quire.db");
        try (Database db = Database.open(file)) {
            new StoryRepository(db).create(Story.titled("The Salt Road"));
        }
    }

    private static void assertReadOnlyMessage(LibraryOpenException e, Path named) {
        assertEquals(Problem.READ_ONLY, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(named.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertFalse(e.getMessage().contains("damaged"), e.getMessage());
        assertFalse(e.getMessage().toLowerCase().contains("restore"), e.getMessage());
    }

    private static List<String> titles(Database db) {
        return new StoryRepository(db).list().stream().map(StorySummary::title).toList();
    }

    @Test
    void aReadOnlyFolderIsReportedAsReadOnlyAndCanStillBeRead() throws Exception {
        byte[] before = Files.readAllBytes(file);
        try (ReadOnly ro = ReadOnly.make(folder)) {
            LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> Database.open(file));
            assertReadOnlyMessage(e, folder);
            try (Database db = Database.openReadOnly(file)) {
                assertEquals(List.of("The Salt Road"), titles(db));
                assertTrue(db.readOnly());
            }
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void theStudiosLockInAReadOnlyFolderSaysTheFolderIsReadOnly() throws Exception {
        try (ReadOnly ro = ReadOnly.make(folder)) {
            LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> LibraryLock.acquire(file));
            assertReadOnlyMessage(e, folder);
        }
    }

    @Test
    void aReadOnlyFileIsNamedAndLeavesNoReadOnlyCompanionFilesBehind() throws Exception {
        try (ReadOnly ro = ReadOnly.make(file)) {
            LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> Database.open(file));
            assertReadOnlyMessage(e, file);
            try (Database db = Database.openReadOnly(file)) {
                assertEquals(List.of("The Salt Road"), titles(db));
            }
            assertFalse(Files.exists(folder.resolve("quire.db-shm")), "a -shm file was left behind");
            assertFalse(Files.exists(folder.resolve("quire.db-wal")), "a -wal file was left behind");
        }
        // writable again: it opens for writing as before
        try (Database db = Database.open(file)) {
            new StoryRepository(db).create(Story.titled("Second"));
            assertEquals(2, titles(db).size());
        }
    }

    @Test
    void aReadOnlyFileLeftBesideTheLibraryIsTheOneNamed() throws Exception {
        Path shm = folder.resolve("quire.db-shm");
        Files.write(shm, new byte[32768]);
        try (ReadOnly ro = ReadOnly.make(shm)) {
            LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> Database.open(file));
            assertReadOnlyMessage(e, shm);
        }
    }

    @Test
    void aNewLibraryInAReadOnlyFolderSaysSo() throws Exception {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        try (ReadOnly ro = ReadOnly.make(empty)) {
            LibraryOpenException e = assertThrows(LibraryOpenException.class,
                    () -> Database.open(empty.resolve("quire.db")));
            assertReadOnlyMessage(e, empty);
        }
    }

    @Test
    void aReallyDamagedLibraryIsStillCalledDamaged() throws Exception {
        Path other = dir.resolve("other.db");
        try (Database db = Database.open(other)) {
            StoryRepository stories = new StoryRepository(db);
            for (int i = 0; i < 20; i++) {
                stories.create(Story.titled("Story " + i).withNotes("notes ".repeat(200)));
            }
        }
        byte[] bytes = Files.readAllBytes(other);
        java.util.Arrays.fill(bytes, 4096, bytes.length, (byte) 0x5a);
        Files.write(other, bytes);
        LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> Database.open(other));
        assertEquals(Problem.CORRUPT, e.problem(), e.getMessage());
    }
}
