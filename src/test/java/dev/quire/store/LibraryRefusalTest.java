package dev.quire.store;

import dev.quire.model.Story;
import dev.quire.store.LibraryOpenException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files Quire must refuse to open: each is refused with the right problem, a message that names
 * the file and says what to do, and not one byte of it changed.
 */
class LibraryRefusalTest {

    @TempDir
    Path dir;

    /** A kind of file a writer might point Quire at, how to make one, and what Quire must say. */
    enum BadFile {
        TEXT_FILE(Problem.NOT_A_LIBRARY, "is not a Quire library (it is not an SQLite database)") {
            @Override
            void make(Path file) throws Exception {
                Files.writeString(file, "Chapter 1\n\nIt was a dark and stormy night, and the rain gauge overflowed.\n");
            }
        },
        SHORT_FILE(Problem.NOT_A_LIBRARY, "it is not an SQLite database") {
            @Override
            void make(Path file) throws Exception {
                Files.write(file, new byte[] {'S', 'Q', 'L'});
            }
        },
        OTHER_PROGRAMS_DATABASE(Problem.NOT_A_LIBRARY, "it is an SQLite database of another program") {
            @Override
            void make(Path file) throws Exception {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                     Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE bookmarks (url TEXT, visited INTEGER)");
                    st.execute("INSERT INTO bookmarks VALUES ('https://example.org', 3)");
                }
            }
        },
        CORRUPT_LIBRARY(Problem.CORRUPT, "is damaged") {
            @Override
            void make(Path file) throws Exception {
                try (Database db = Database.open(file)) {
                    StoryRepository stories = new StoryRepository(db);
                    for (int i = 0; i < 20; i++) {
                        stories.create(Story.titled("Story " + i).withNotes("notes ".repeat(200)));
                    }
                }
                long size = Files.size(file);
                assertTrue(size > 3 * 4096, "a library of several pages, was " + size);
                byte[] garbage = new byte[(int) size - 4096];
                new Random(7).nextBytes(garbage);
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(garbage), 4096); // page 1, with the header and schema, survives
                }
            }
        },
        NEWER_LIBRARY(Problem.NEWER_VERSION, "Update Quire to open it") {
            @Override
            void make(Path file) throws Exception {
                try (Database db = Database.open(file)) {
                    new StoryRepository(db).create(Story.titled("From the future"));
                }
                Jdbc.execute(file, "PRAGMA user_version = " + (Database.schemaVersion() + 1));
            }
        };

        final Problem problem;
        final String says;

        BadFile(Problem problem, String says) {
            this.problem = problem;
            this.says = says;
        }

        abstract void make(Path file) throws Exception;
    }

    @ParameterizedTest
    @EnumSource(BadFile.class)
    void fileThatIsNotAUsableLibraryIsRefusedWithItsProblem(BadFile bad) throws Exception {
        Path file = dir.resolve("quire.db");
        bad.make(file);

        LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> Database.open(file));

        assertEquals(bad.problem, e.problem());
        assertEquals(file.toAbsolutePath(), e.file());
        assertTrue(e.getMessage().contains(bad.says), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(BadFile.class)
    void refusalMessageNamesTheFileAndSaysNothingWasChanged(BadFile bad) throws Exception {
        Path file = dir.resolve("quire.db");
        bad.make(file);

        LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> Database.open(file));

        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not") && e.getMessage().contains("changed"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(BadFile.class)
    void refusedFileKeepsEveryByte(BadFile bad) throws Exception {
        Path file = dir.resolve("quire.db");
        bad.make(file);
        byte[] before = Files.readAllBytes(file);

        assertThrows(LibraryOpenException.class, () -> Database.open(file));
        assertThrows(LibraryOpenException.class, () -> Database.open(file));

        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void newerLibraryStillHoldsItsStoryAfterTheRefusal() throws Exception {
        Path file = dir.resolve("quire.db");
        BadFile.NEWER_LIBRARY.make(file);

        assertThrows(LibraryOpenException.class, () -> Database.open(file));

        assertEquals("From the future", Jdbc.queryString(file, "SELECT title FROM story"));
        assertEquals(Database.schemaVersion() + 1, Jdbc.queryLong(file, "PRAGMA user_version"));
    }

    @Test
    void emptySqliteDatabaseWithoutTablesIsAdoptedAsANewLibrary() throws Exception {
        Path file = dir.resolve("quire.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE scratch (x)");
            st.execute("DROP TABLE scratch");
        }

        try (Database db = Database.open(file)) {
            assertEquals(0, new StoryRepository(db).list().size());
        }
        assertEquals(Database.APPLICATION_ID, (int) Jdbc.queryLong(file, "PRAGMA application_id"));
    }

    @Test
    void unreadableFolderIsReportedAsUnreadable() throws IOException {
        Path blocker = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path file = blocker.resolve("quire.db");

        LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> Database.open(file));

        assertEquals(Problem.UNREADABLE, e.problem());
        assertTrue(e.getMessage().contains(blocker.toAbsolutePath().toString()), e.getMessage());
        assertEquals("not a folder", Files.readString(blocker));
    }
}
