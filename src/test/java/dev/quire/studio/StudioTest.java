package dev.quire.studio;

import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
import dev.quire.model.PlayedBy;
import dev.quire.model.Scene;
import dev.quire.model.SceneHeader;
import dev.quire.model.Span;
import dev.quire.model.Story;
import dev.quire.model.StorySummary;
import dev.quire.model.Words;
import dev.quire.store.Database;
import dev.quire.store.Jdbc;
import dev.quire.store.LibraryOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a library through the studio: where it goes, and what a new one starts with. */
class StudioTest {

    @TempDir
    Path dir;

    @Test
    void newLibraryIsCreatedAsQuireDbInTheDataDir() {
        Path dataDir = dir.resolve("lib");
        try (Studio studio = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            assertEquals(dataDir, studio.dataDir());
            assertEquals(dataDir.resolve("quire.db").toAbsolutePath(), studio.database().file());
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("quire.db")));
        assertEquals(Database.schemaVersion(), Jdbc.queryLong(dataDir.resolve("quire.db"), "PRAGMA user_version"));
    }

    @Test
    void newLibraryStartsWithTheSampleStory() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            List<StorySummary> stories = studio.stories().list();
            assertEquals(1, stories.size());
            Story story = studio.stories().get(stories.get(0).id()).orElseThrow();
            assertEquals("The Remarks Column", story.title());
            assertFalse(story.premise().isBlank());
            assertFalse(story.styleGuide().isBlank());
            assertFalse(story.aboutWriter().isBlank());
            assertFalse(story.avoidList().isEmpty());
        }
    }

    @Test
    void sampleStoryHasThreeCharactersOnePlayedByTheWriter() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            long storyId = studio.stories().list().get(0).id();
            List<CharacterSheet> characters = studio.characters().list(storyId);

            assertEquals(List.of("Odile Farrant", "Bertram Yeo", "Maud Iredale"),
                    characters.stream().map(CharacterSheet::name).toList());
            assertEquals(List.of("Odile Farrant"), characters.stream().filter(c -> c.playedBy() == PlayedBy.WRITER)
                    .map(CharacterSheet::name).toList());
            assertTrue(characters.stream().allMatch(c -> !c.facts().isEmpty()), "every sample character has facts");
        }
    }

    @Test
    void sampleStoryHasFiveLoreEntries() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            long storyId = studio.stories().list().get(0).id();
            List<LoreEntry> lore = studio.lore().list(storyId);

            assertEquals(5, lore.size());
            assertTrue(lore.stream().anyMatch(LoreEntry::alwaysOn));
            assertTrue(lore.stream().anyMatch(l -> !l.alwaysOn() && !l.keywords().isEmpty()));
            assertTrue(lore.stream().allMatch(l -> !l.title().isBlank() && !l.content().isBlank()));
        }
    }

    @Test
    void sampleStoryHasFourScenesInOrderWithRealWordCounts() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            long storyId = studio.stories().list().get(0).id();
            List<SceneHeader> headers = studio.scenes().headers(storyId);

            assertEquals(List.of("Nine O’Clock, Greenwich Time", "The Crossed Sevens", "Across the Hard", "Don’t Round"),
                    headers.stream().map(SceneHeader::title).toList());
            assertEquals(List.of(0, 1, 2, 3), headers.stream().map(SceneHeader::position).toList());
            for (Scene scene : studio.scenes().all(storyId)) {
                assertTrue(scene.wordCount() > 100, scene.title() + " has " + scene.wordCount() + " words");
                assertEquals(Words.count(scene.prose().text()), headers.get(scene.position()).words());
                assertNotNull(scene.povCharacterId(), scene.title() + " has a point of view");
                assertTrue(scene.characterIds().contains(scene.povCharacterId()));
                assertFalse(scene.prose().text().contains("*"), "markup is parsed, not shown");
            }
            assertEquals(headers.stream().mapToInt(SceneHeader::words).sum(), studio.stories().list().get(0).words());
        }
    }

    @Test
    void sampleStoryFirstSceneHasAnItalicSpan() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            long storyId = studio.stories().list().get(0).id();
            Scene first = studio.scenes().all(storyId).get(0);

            assertTrue(first.prose().spans().stream().anyMatch(Span::italic));
            assertTrue(first.prose().spans().stream().allMatch(s -> s.provenance().isWriter()));
        }
    }

    @Test
    void emptyLibraryHasNoStories() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.EMPTY)) {
            assertEquals(List.of(), studio.stories().list());
        }
        Path file = dir.resolve("quire.db");
        for (String table : List.of("story", "scene", "character", "lore_entry", "character_fact")) {
            assertEquals(0, Jdbc.count(file, table), table);
        }
    }

    @Test
    void newLibraryRecordsTheVersionThatCreatedIt() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.EMPTY)) {
            assertEquals(Version.current(), studio.settings().get("library.created-by").orElseThrow());
        }
        assertFalse(Version.current().isBlank());
    }

    @Test
    void reopeningALibraryDoesNotAddTheSampleAgain() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            studio.stories().create(Story.titled("Mine"));
        }
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            assertEquals(List.of("Mine", "The Remarks Column"),
                    studio.stories().list().stream().map(StorySummary::title).sorted().toList());
        }
        assertEquals(3, Jdbc.count(dir.resolve("quire.db"), "character"));
        assertEquals(4, Jdbc.count(dir.resolve("quire.db"), "scene"));
    }

    @Test
    void reopeningALibraryTheWriterEmptiedDoesNotBringTheSampleBack() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            studio.stories().delete(studio.stories().list().get(0).id());
        }
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            assertEquals(List.of(), studio.stories().list());
        }
    }

    @Test
    void zeroByteLibraryFileCountsAsNewAndGetsTheSample() throws Exception {
        Files.createFile(dir.resolve("quire.db"));

        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            assertEquals(List.of("The Remarks Column"),
                    studio.stories().list().stream().map(StorySummary::title).toList());
        }
    }

    @Test
    void notALibraryIsRefusedAndLeftAsItWas() throws Exception {
        Path file = Files.writeString(dir.resolve("quire.db"), "my novel, saved under the wrong name");
        byte[] before = Files.readAllBytes(file);

        LibraryOpenException e = assertThrows(LibraryOpenException.class,
                () -> Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE));

        assertEquals(LibraryOpenException.Problem.NOT_A_LIBRARY, e.problem());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void sampleStoryIsSoundByItsOwnChecks() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            long storyId = studio.stories().list().get(0).id();
            List<SceneHeader> headers = studio.scenes().headers(storyId);
            assertEquals(IntStream.range(0, 4).boxed().toList(), headers.stream().map(SceneHeader::position).toList());
            assertEquals(List.of(), studio.check());
        }
    }
}
