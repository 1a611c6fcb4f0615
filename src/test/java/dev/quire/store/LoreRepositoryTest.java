package dev.quire.store;

import dev.quire.model.LoreEntry;
import dev.quire.model.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoreRepositoryTest {

    @TempDir
    Path dir;

    private Database db;
    private LoreRepository lore;
    private long storyId;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("quire.db"));
        lore = new LoreRepository(db);
        storyId = new StoryRepository(db).create(Story.titled("Story")).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void entryRoundTripsWithKeywordsAndSwitches() {
        LoreEntry created = lore.create(new LoreEntry(0, storyId, "The Hard", List.of("Hard", "causeway", "flood"),
                "A gravel causeway across the creek, covered two hours either side of high water.", true, false));

        LoreEntry loaded = lore.get(created.id()).orElseThrow();

        assertEquals(created, loaded);
        assertEquals("The Hard", loaded.title());
        assertEquals(List.of("Hard", "causeway", "flood"), loaded.keywords());
        assertTrue(loaded.content().startsWith("A gravel causeway"));
        assertTrue(loaded.alwaysOn());
        assertFalse(loaded.enabled());
    }

    @Test
    void listGivesTheStorysEntriesInTheOrderTheyWereAdded() {
        lore.create(LoreEntry.titled(storyId, "Saltrey Staithe"));
        lore.create(LoreEntry.titled(storyId, "The screen"));
        lore.create(LoreEntry.titled(storyId, "Ledgers"));
        long other = new StoryRepository(db).create(Story.titled("Other")).id();
        lore.create(LoreEntry.titled(other, "Elsewhere"));

        assertEquals(List.of("Saltrey Staithe", "The screen", "Ledgers"),
                lore.list(storyId).stream().map(LoreEntry::title).toList());
        assertEquals(List.of("Elsewhere"), lore.list(other).stream().map(LoreEntry::title).toList());
    }

    @Test
    void updateSavesEveryField() {
        LoreEntry created = lore.create(LoreEntry.titled(storyId, "Draft"));

        lore.update(created.with("Final", List.of("k1", "k2"), "content", true, false));

        assertEquals(new LoreEntry(created.id(), storyId, "Final", List.of("k1", "k2"), "content", true, false),
                lore.get(created.id()).orElseThrow());
    }

    @Test
    void updatingADeletedEntrySaysItIsGone() {
        LoreEntry created = lore.create(LoreEntry.titled(storyId, "Gone"));
        lore.delete(created.id());

        PersistenceException e = assertThrows(PersistenceException.class, () -> lore.update(created));
        assertTrue(e.getMessage().contains("\"Gone\" is no longer in the library"), e.getMessage());
        assertTrue(lore.get(created.id()).isEmpty());
        assertEquals(List.of(), lore.list(storyId));
    }

    @Test
    void creationTimesNameEachEntryOfTheStoryAndNoDeletedOne() {
        long other = new StoryRepository(db).create(Story.titled("Other")).id();
        LoreEntry hard = lore.create(LoreEntry.titled(storyId, "The Hard"));
        LoreEntry gone = lore.create(LoreEntry.titled(storyId, "Gone"));
        LoreEntry elsewhere = lore.create(LoreEntry.titled(other, "Elsewhere"));
        lore.delete(gone.id());

        Map<Long, Instant> created = lore.createdInStory(storyId);

        assertEquals(Set.of(hard.id()), created.keySet());
        assertEquals(lore.created(hard.id()).orElseThrow(), created.get(hard.id()));
        assertEquals(Optional.empty(), lore.created(gone.id()));
        assertTrue(lore.created(elsewhere.id()).isPresent());
    }
}

