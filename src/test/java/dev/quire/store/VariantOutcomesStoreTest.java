package dev.quire.store;

import dev.quire.model.Generation;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.model.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How a variant ended, kept beside the first schema's status column, and read back from libraries made before. */
class VariantOutcomesStoreTest {

    @TempDir
    Path dir;

    private Path file;
    private Database db;
    private GenerationRepository generations;
    private long generationId;

    @BeforeEach
    void open() {
        file = dir.resolve("quire.db");
        db = Database.open(file);
        generations = new GenerationRepository(db);
        long storyId = new StoryRepository(db).create(Story.titled("Story")).id();
        long sceneId = new SceneRepository(db).append(Scene.titled(storyId, "Scene")).id();
        generationId = generations.create(new Generation(0, storyId, sceneId, null, "scene", "p", "m", "{}", "{}",
                null, 2, Generation.Usage.NONE, null, null, Generation.Status.STREAMING, null)).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aCutOffVariantKeepsItsOutcomeRefusalThinkingAndOwnTokens() {
        generations.saveEnded(generationId, new Variant(0, generationId, 0, "She reached for the",
                Variant.Status.CUT_OFF, "max_tokens", null, null, "", null, "Open on the cup.", 1024));
        generations.saveEnded(generationId, new Variant(0, generationId, 1, "", Variant.Status.REFUSED, "stop", null,
                null, "", "I can't help with that.", "", null));

        Variant a = generations.variants(generationId).get(0);
        Variant b = generations.variants(generationId).get(1);
        assertEquals(Variant.Status.CUT_OFF, a.status());
        assertEquals("Open on the cup.", a.thinking());
        assertEquals("She reached for the", a.text(), "the thinking is not in the text");
        assertEquals(1024, a.outputTokens());
        assertEquals(Variant.Status.REFUSED, b.status());
        assertEquals("I can't help with that.", b.refusal());
        assertNull(b.outputTokens());
        assertEquals("COMPLETE", Jdbc.queryString(file, "SELECT status FROM variant WHERE idx = 0"),
                "the first schema's column keeps a value its CHECK allows");
    }

    @Test
    void aLibraryFromBeforeReadsAStreamTheWriterCancelledAsStopped() {
        generations.saveVariant(generationId, 0, "Half a", Variant.Status.STOPPED, null, null);
        db.close();
        Jdbc.execute(file, "DROP TABLE continuation", "ALTER TABLE variant DROP COLUMN outcome",
                "ALTER TABLE variant DROP COLUMN refusal", "ALTER TABLE variant DROP COLUMN thinking",
                "ALTER TABLE variant DROP COLUMN output_tokens", "UPDATE variant SET status = 'CANCELLED'",
                "ALTER TABLE generation DROP COLUMN instruction",
                "ALTER TABLE variant DROP COLUMN provider", "ALTER TABLE variant DROP COLUMN model",
                "ALTER TABLE variant DROP COLUMN parameters", "ALTER TABLE variant DROP COLUMN instruction",
                "ALTER TABLE variant DROP COLUMN messages", "ALTER TABLE variant DROP COLUMN input_tokens",
                "ALTER TABLE variant DROP COLUMN cached_input_tokens", "ALTER TABLE variant DROP COLUMN started_at",
                "ALTER TABLE variant DROP COLUMN finished_at",
                "ALTER TABLE lore_entry DROP COLUMN secondary_keywords",
                "ALTER TABLE lore_entry DROP COLUMN secondary_logic", "ALTER TABLE lore_entry DROP COLUMN priority",
                "ALTER TABLE lore_entry DROP COLUMN scan_depth", "ALTER TABLE lore_entry DROP COLUMN extensions",
                "DROP TABLE scene_search", "DROP TABLE scene_words", "DROP TABLE words_written",
                "DROP TABLE story_replace_scene", "DROP TABLE story_replace",
                "DROP TABLE story_word", "DROP TABLE story_spelling", "DROP TABLE request_usage", "DROP TABLE price",
                "PRAGMA user_version = 4");

        db = Database.open(file);
        generations = new GenerationRepository(db);

        Variant a = generations.variants(generationId).get(0);
        assertEquals(Variant.Status.STOPPED, a.status());
        assertEquals("Half a", a.text());
        assertEquals("", a.thinking());
        assertEquals(0, Jdbc.count(file, "continuation"));
    }
}
