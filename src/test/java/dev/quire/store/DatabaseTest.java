package dev.quire.store;

import dev.quire.model.Story;
import dev.quire.model.StorySummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating, migrating, reopening and copying a library file. */
class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void newLibraryCarriesQuireApplicationIdAndCurrentSchemaVersion() {
        Path file = dir.resolve("quire.db");
        Database.open(file).close();

        assertEquals(0x51554952L, Jdbc.queryLong(file, "PRAGMA application_id"));
        assertEquals(Database.APPLICATION_ID, 0x51554952);
        assertEquals(Database.schemaVersion(), Jdbc.queryLong(file, "PRAGMA user_version"));
        assertTrue(Database.schemaVersion() >= 1);
    }

    @Test
    void newLibraryIsInWalModeAndStaysSoAfterReopening() {
        Path file = dir.resolve("quire.db");
        try (Database db = Database.open(file)) {
            assertEquals("wal", db.journalMode());
        }
        assertEquals("wal", Jdbc.queryString(file, "PRAGMA journal_mode"));
    }

    @Test
    void foreignKeysAreEnforcedOnTheLibraryConnection() {
        try (Database db = Database.open(dir.resolve("quire.db"))) {
            assertEquals(1, (int) db.read("read foreign_keys", c -> {
                try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA foreign_keys")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }));
            PersistenceException e = assertThrows(PersistenceException.class, () -> db.write("add an orphan scene",
                    c -> {
                        try (Statement st = c.createStatement()) {
                            st.executeUpdate("INSERT INTO scene (story_id, position, created_at, updated_at)"
                                    + " VALUES (999, 0, 0, 0)");
                        }
                        return null;
                    }));
            assertTrue(e.getMessage().startsWith("Could not add an orphan scene"), e.getMessage());
            assertEquals(0, (int) db.read("count scenes", c -> {
                try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM scene")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }));
        }
    }

    @Test
    void emptyFileIsMigratedIntoANewLibrary() throws Exception {
        Path file = dir.resolve("quire.db");
        Files.createFile(file);

        try (Database db = Database.open(file)) {
            Story story = new StoryRepository(db).create(Story.titled("Fresh"));
            assertEquals("Fresh", new StoryRepository(db).get(story.id()).orElseThrow().title());
        }
        assertEquals(Database.schemaVersion(), Jdbc.queryLong(file, "PRAGMA user_version"));
        assertEquals(Database.APPLICATION_ID, (int) Jdbc.queryLong(file, "PRAGMA application_id"));
        assertEquals(1, Jdbc.count(file, "story"));
    }

    @Test
    void missingFolderIsCreatedForANewLibrary() {
        Path file = dir.resolve("not/yet/there/quire.db");
        try (Database db = Database.open(file)) {
            assertEquals(file.toAbsolutePath(), db.file());
        }
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void closingAndReopeningKeepsTheData() {
        Path file = dir.resolve("quire.db");
        long id;
        try (Database db = Database.open(file)) {
            id = new StoryRepository(db).create(Story.titled("Kept")
                    .withBible("A premise", "Terse", "Sails dinghies", List.of("Chen"))).id();
        }
        try (Database db = Database.open(file)) {
            Story story = new StoryRepository(db).get(id).orElseThrow();
            assertEquals("Kept", story.title());
            assertEquals("A premise", story.premise());
            assertEquals(List.of("Chen"), story.avoidList());
        }
        assertEquals(Database.schemaVersion(), Jdbc.queryLong(file, "PRAGMA user_version"));
    }

    @Test
    void committedWritesSurviveAStudioThatWasKilled() throws Exception {
        Path file = dir.resolve("quire.db");
        Path crashed = Files.createDirectories(dir.resolve("after-the-crash")).resolve("quire.db");
        try (Database db = Database.open(file)) {
            new StoryRepository(db).create(Story.titled("Written just before the kill"));
            assertTrue(Files.size(file.resolveSibling("quire.db-wal")) > 0, "the write is still only in the WAL");
            // what a kill -9 leaves on disk: the database and its write-ahead log, never checkpointed
            Files.copy(file, crashed);
            Files.copy(file.resolveSibling("quire.db-wal"), crashed.resolveSibling("quire.db-wal"));
        }

        try (Database reopened = Database.open(crashed)) {
            assertEquals(List.of("Written just before the kill"),
                    new StoryRepository(reopened).list().stream().map(StorySummary::title).toList());
            assertEquals(List.of(), reopened.integrityProblems());
        }
    }

    @Test
    void secondConnectionCanWriteWhileTheStudioHoldsTheLibraryOpen() {
        Path file = dir.resolve("quire.db");
        try (Database studio = Database.open(file)) {
            StoryRepository studioStories = new StoryRepository(studio);
            studioStories.create(Story.titled("In the window"));
            try (Database cli = Database.open(file)) {
                new StoryRepository(cli).create(Story.titled("From the command line"));
            }
            List<String> titles = studioStories.list().stream().map(StorySummary::title).sorted().toList();
            assertEquals(List.of("From the command line", "In the window"), titles);
            studioStories.create(Story.titled("After"));
        }
        assertEquals(3, Jdbc.count(file, "story"));
    }

    @Test
    void integrityProblemsIsEmptyForAFreshLibrary() {
        try (Database db = Database.open(dir.resolve("quire.db"))) {
            assertEquals(List.of(), db.integrityProblems());
        }
    }

    @Test
    void integrityProblemsReportsARowPointingToAMissingStory() {
        Path file = dir.resolve("quire.db");
        Database.open(file).close();
        Jdbc.execute(file, "INSERT INTO lore_entry (story_id, position, created_at, updated_at) VALUES (42, 0, 0, 0)");

        try (Database db = Database.open(file)) {
            List<String> problems = db.integrityProblems();
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("lore_entry") && problems.get(0).contains("missing story"),
                    problems.get(0));
        }
    }

    @Test
    void backupIsACompleteLibraryThatOpensOnItsOwn() throws Exception {
        Path file = dir.resolve("quire.db");
        Path copy = Files.createDirectories(dir.resolve("backups")).resolve("quire-copy.db");
        try (Database db = Database.open(file)) {
            StoryRepository stories = new StoryRepository(db);
            stories.create(Story.titled("Backed up"));
            db.backupTo(copy);
            stories.create(Story.titled("After the backup"));
        }
        try (Database restored = Database.open(copy)) {
            List<String> titles = new StoryRepository(restored).list().stream().map(StorySummary::title).toList();
            assertEquals(List.of("Backed up"), titles);
        }
        assertEquals(Database.APPLICATION_ID, (int) Jdbc.queryLong(copy, "PRAGMA application_id"));
    }

    @Test
    void writeThatFailsHalfWayLeavesNothingBehind() {
        Path file = dir.resolve("quire.db");
        try (Database db = Database.open(file)) {
            PersistenceException e = assertThrows(PersistenceException.class, () -> db.write("add two stories",
                    c -> {
                        try (PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO story (title, created_at, updated_at) VALUES (?, 0, 0)")) {
                            ps.setString(1, "First half");
                            ps.executeUpdate();
                            ps.setString(1, null); // title is NOT NULL: the second insert fails
                            ps.executeUpdate();
                        }
                        return null;
                    }));
            assertTrue(e.getMessage().startsWith("Could not add two stories: "), e.getMessage());
            assertEquals(List.of(), new StoryRepository(db).list());
        }
        assertEquals(0, Jdbc.count(file, "story"));
    }

    @Test
    void runtimeFailureInsideAWriteRollsBackAndPropagatesUnchanged() {
        Path file = dir.resolve("quire.db");
        try (Database db = Database.open(file)) {
            IllegalStateException thrown = new IllegalStateException("the model vanished");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.write("add a story", c -> {
                new StoryRepository(db).create(Story.titled("Half done"));
                throw thrown;
            }));
            assertEquals(thrown, e);
            assertEquals(List.of(), new StoryRepository(db).list());
            new StoryRepository(db).create(Story.titled("Next write still works"));
        }
        assertEquals(1, Jdbc.count(file, "story"));
    }

    @Test
    void nestedWritesJoinTheOuterTransaction() {
        Path file = dir.resolve("quire.db");
        try (Database db = Database.open(file)) {
            StoryRepository stories = new StoryRepository(db);
            assertThrows(IllegalStateException.class, () -> db.write("add stories", c -> {
                stories.create(Story.titled("One"));
                stories.create(Story.titled("Two"));
                throw new IllegalStateException("abandon");
            }));
            assertEquals(List.of(), stories.list());
        }
    }

    @Test
    void writeOnAClosedLibrarySaysWhatCouldNotBeDone() {
        Database db = Database.open(dir.resolve("quire.db"));
        StoryRepository stories = new StoryRepository(db);
        db.close();

        PersistenceException e = assertThrows(PersistenceException.class, () -> stories.create(Story.titled("Late")));
        assertTrue(e.getMessage().startsWith("Could not create the story \"Late\""), e.getMessage());
    }

    @Test
    void writeOnAReadOnlyLibrarySaysItIsReadOnly() {
        Path file = dir.resolve("quire.db");
        try (Database db = Database.open(file)) {
            db.read("make the connection read-only", c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA query_only = ON");
                }
                return null;
            });
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> new StoryRepository(db).create(Story.titled("Refused")));
            assertTrue(e.getMessage().startsWith("Could not create the story \"Refused\": "), e.getMessage());
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        }
        assertEquals(0, Jdbc.count(file, "story"));
    }
}
