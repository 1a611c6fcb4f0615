package dev.quire.store;

import dev.quire.store.LibraryOpenException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibraryLockTest {

    @TempDir
    Path dir;

    @Test
    void secondStudioOnTheSameLibraryIsToldItIsInUse() {
        Path file = dir.resolve("quire.db");
        try (LibraryLock first = LibraryLock.acquire(file)) {
            LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> LibraryLock.acquire(file));

            assertEquals(Problem.IN_USE, e.problem());
            assertEquals(file, e.file());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("already open in another Quire window"), e.getMessage());
            assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
        }
    }

    @Test
    void lockCanBeTakenAgainOnceReleased() {
        Path file = dir.resolve("quire.db");
        LibraryLock.acquire(file).close();

        try (LibraryLock again = assertDoesNotThrow(() -> LibraryLock.acquire(file))) {
            assertThrows(LibraryOpenException.class, () -> LibraryLock.acquire(file));
        }
    }

    @Test
    void locksOnDifferentLibrariesDoNotInterfere() {
        try (LibraryLock a = LibraryLock.acquire(dir.resolve("a.db"));
             LibraryLock b = LibraryLock.acquire(dir.resolve("b.db"))) {
            assertThrows(LibraryOpenException.class, () -> LibraryLock.acquire(dir.resolve("b.db")));
        }
    }

    @Test
    void lockDoesNotKeepTheCommandLineFromOpeningTheLibrary() {
        Path file = dir.resolve("quire.db");
        try (LibraryLock studio = LibraryLock.acquire(file);
             Database cli = Database.open(file)) {
            assertEquals(java.util.List.of(), cli.integrityProblems());
        }
    }
}
