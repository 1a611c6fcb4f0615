package dev.quire.store;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Conversation;
import dev.quire.model.Fact;
import dev.quire.model.Generation;
import dev.quire.model.LoreEntry;
import dev.quire.model.Message;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.SceneRevision;
import dev.quire.model.Story;
import dev.quire.model.StorySummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoryRepositoryTest {

    @TempDir
    Path dir;

    private Path file;
    private Database db;
    private StoryRepository stories;

    @BeforeEach
    void open() {
        file = dir.resolve("quire.db");
        db = Database.open(file);
        stories = new StoryRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storyRoundTripsWithItsWholeBible() {
        Story created = stories.create(new Story(0, "The Remarks Column", "Fifty-one years of readings.",
                "Close third, past tense.", "I keep a rain gauge.", List.of("Chen", "petrichor", "a \"quoted\" phrase"),
                "Frost on Sunday.", null, null));

        Story loaded = stories.get(created.id()).orElseThrow();

        assertTrue(created.id() > 0);
        assertEquals(created, loaded);
        assertEquals("The Remarks Column", loaded.title());
        assertEquals("Fifty-one years of readings.", loaded.premise());
        assertEquals("Close third, past tense.", loaded.styleGuide());
        assertEquals("I keep a rain gauge.", loaded.aboutWriter());
        assertEquals(List.of("Chen", "petrichor", "a \"quoted\" phrase"), loaded.avoidList());
        assertEquals("Frost on Sunday.", loaded.notes());
        assertNotNull(loaded.created());
        assertNotNull(loaded.updated());
    }

    @Test
    void updateSavesTitleBibleAndNotes() {
        Story story = stories.create(Story.titled("Draft"));

        stories.update(story.withTitle("Final").withBible("P", "S", "A", List.of("x", "y")).withNotes("N"));

        Story loaded = stories.get(story.id()).orElseThrow();
        assertEquals("Final", loaded.title());
        assertEquals("P", loaded.premise());
        assertEquals("S", loaded.styleGuide());
        assertEquals("A", loaded.aboutWriter());
        assertEquals(List.of("x", "y"), loaded.avoidList());
        assertEquals("N", loaded.notes());
    }

    @Test
    void renameChangesOnlyTheTitle() {
        Story story = stories.create(Story.titled("Old").withNotes("keep me"));

        stories.rename(story.id(), "New");

        Story loaded = stories.get(story.id()).orElseThrow();
        assertEquals("New", loaded.title());
        assertEquals("keep me", loaded.notes());
    }

    @Test
    void savingADeletedStorySaysItIsGone() {
        Story story = stories.create(Story.titled("Gone"));
        stories.delete(story.id());

        PersistenceException e = assertThrows(PersistenceException.class, () -> stories.update(story));
        assertTrue(e.getMessage().contains("no longer in the library"), e.getMessage());
        assertThrows(PersistenceException.class, () -> stories.rename(story.id(), "Anything"));
        assertTrue(stories.get(story.id()).isEmpty());
    }

    @Test
    void missingStoryIsEmpty() {
        assertTrue(stories.get(12345).isEmpty());
    }

    @Test
    void listCountsScenesAndWordsPerStory() {
        Story a = stories.create(Story.titled("A"));
        Story b = stories.create(Story.titled("B"));
        SceneRepository scenes = new SceneRepository(db);
        scenes.append(Scene.titled(a.id(), "one").withProse(Prose.plain("three little words")));
        scenes.append(Scene.titled(a.id(), "two").withProse(Prose.plain("and two")));

        Map<String, StorySummary> byTitle = new TreeMap<>();
        stories.list().forEach(s -> byTitle.put(s.title(), s));

        assertEquals(2, byTitle.get("A").scenes());
        assertEquals(5, byTitle.get("A").words());
        assertEquals(0, byTitle.get("B").scenes());
        assertEquals(0, byTitle.get("B").words());
        assertEquals(b.id(), byTitle.get("B").id());
    }

    @Test
    void listPutsTheMostRecentlyChangedStoryFirst() {
        Story older = stories.create(Story.titled("Older"));
        Story newer = stories.create(Story.titled("Newer"));
        Jdbc.execute(file, "UPDATE story SET updated_at = 1000 WHERE id = " + older.id(),
                "UPDATE story SET updated_at = 2000 WHERE id = " + newer.id());
        assertEquals(List.of("Newer", "Older"), titles());

        new SceneRepository(db).append(Scene.titled(older.id(), "A new scene touches the story"));

        assertEquals(List.of("Older", "Newer"), titles());
        assertEquals(Instant.ofEpochMilli(2000), stories.list().get(1).updated());
    }

    private List<String> titles() {
        return stories.list().stream().map(StorySummary::title).toList();
    }

    @Test
    void deletingAStoryRemovesEverythingInItAndNothingElse() {
        Story doomed = populate("Doomed");
        Story kept = populate("Kept");
        Map<String, Long> before = counts();
        Map<String, Long> keptCounts = countsFor(kept.id());
        assertEquals(before, doubled(keptCounts), "each story holds the same rows");
        keptCounts.forEach((table, n) -> assertTrue(n > 0, table + " has rows to delete"));

        stories.delete(doomed.id());

        assertEquals(keptCounts, counts());
        assertEquals(keptCounts, countsFor(kept.id()));
        assertEquals(List.of(), db.integrityProblems());
    }

    /** A story with one of everything the schema holds. */
    private Story populate(String title) {
        Story story = stories.create(Story.titled(title));
        CharacterRepository characters = new CharacterRepository(db);
        SceneRepository scenes = new SceneRepository(db);
        ConversationRepository conversations = new ConversationRepository(db);
        GenerationRepository generations = new GenerationRepository(db);
        new LoreRepository(db).create(LoreEntry.titled(story.id(), "The Hard"));
        Conversation talk = conversations.create(new Conversation(0, story.id(), null, "Brainstorm", "analyst", null));
        Message question = conversations.add(new Message(0, talk.id(), null, Message.Role.USER, "Who is Maud?", null,
                null));
        Message answer = conversations.add(new Message(0, talk.id(), question.id(), Message.Role.ASSISTANT,
                "A beekeeper.", null, null));
        CharacterSheet maud = characters.create(CharacterSheet.named(story.id(), "Maud")
                .withFacts(List.of(new Fact(0, "Keeps bees", answer.id()))));
        Scene scene = scenes.append(new Scene(0, story.id(), 0, "Across the Hard", Prose.plain("Mud and tide."), "",
                maud.id(), List.of(maud.id()), false, null));
        scenes.saveProse(scene.id(), Prose.plain("Mud and tide, and bees."));
        scenes.keepRevision(scene.id(), SceneRevision.Kind.ACCEPT, Prose.plain("Accepted text."));
        generations.create(new Generation(0, story.id(), scene.id(), talk.id(), "scene", "anthropic", "claude",
                "[]", null, null, 2, null, null, null, Generation.Status.STREAMING, null));
        db.write("add a frame", c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("INSERT INTO frame (story_id, kind, name, template, created_at, updated_at)"
                        + " VALUES (" + story.id() + ", 'scene', 'mine', '{{x}}', 0, 0)");
            }
            return null;
        });
        return story;
    }

    private static final Map<String, String> BY_STORY = Map.ofEntries(
            Map.entry("story", "SELECT count(*) FROM story WHERE id = ?"),
            Map.entry("scene", "SELECT count(*) FROM scene WHERE story_id = ?"),
            Map.entry("scene_revision", "SELECT count(*) FROM scene_revision r JOIN scene s ON s.id = r.scene_id"
                    + " WHERE s.story_id = ?"),
            Map.entry("scene_character", "SELECT count(*) FROM scene_character x JOIN scene s ON s.id = x.scene_id"
                    + " WHERE s.story_id = ?"),
            Map.entry("character", "SELECT count(*) FROM character WHERE story_id = ?"),
            Map.entry("character_fact", "SELECT count(*) FROM character_fact f JOIN character c"
                    + " ON c.id = f.character_id WHERE c.story_id = ?"),
            Map.entry("lore_entry", "SELECT count(*) FROM lore_entry WHERE story_id = ?"),
            Map.entry("conversation", "SELECT count(*) FROM conversation WHERE story_id = ?"),
            Map.entry("message", "SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id"
                    + " WHERE c.story_id = ?"),
            Map.entry("generation", "SELECT count(*) FROM generation WHERE story_id = ?"),
            Map.entry("variant", "SELECT count(*) FROM variant v JOIN generation g ON g.id = v.generation_id"
                    + " WHERE g.story_id = ?"),
            Map.entry("frame", "SELECT count(*) FROM frame WHERE story_id = ?"));

    /** Rows of every story table in the whole file, counted over plain JDBC. */
    private Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        BY_STORY.keySet().forEach(table -> out.put(table, Jdbc.count(file, table)));
        return out;
    }

    private Map<String, Long> countsFor(long storyId) {
        Map<String, Long> out = new TreeMap<>();
        BY_STORY.forEach((table, sql) -> out.put(table, Jdbc.queryLong(file, sql.replace("?", String.valueOf(storyId)))));
        return out;
    }

    private static Map<String, Long> doubled(Map<String, Long> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, 2 * v));
        return out;
    }
}
