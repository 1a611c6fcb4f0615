package dev.quire.store;

import dev.quire.model.Composition;
import dev.quire.model.Composition.Placement;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Span;
import dev.quire.model.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompositionRepositoryTest {

    @TempDir
    Path dir;

    private Path file;
    private Database db;
    private CompositionRepository compositions;
    private long sceneId;

    @BeforeEach
    void open() {
        file = dir.resolve("quire.db");
        db = Database.open(file);
        compositions = new CompositionRepository(db);
        long storyId = new StoryRepository(db).create(Story.titled("Story")).id();
        sceneId = new SceneRepository(db).append(Scene.titled(storyId, "Scene")).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** "The tide rose" from variant A (italic "tide"), " and fell." by the writer, "\nLater." from B. */
    private static Prose stitched() {
        return new Prose("The tide rose and fell.\nLater.", List.of(
                new Span(4, Provenance.variant("A", 11L), false, false),
                new Span(4, Provenance.variant("A", 11L), true, false),
                new Span(5, Provenance.variant("A", 11L), false, false),
                new Span(10, Provenance.WRITER, false, true),
                new Span(1, Provenance.WRITER, false, false),
                new Span(6, Provenance.variant("B", 12L), false, false)));
    }

    @Test
    void aSceneWithoutACompositionHasNone() {
        assertTrue(compositions.get(sceneId).isEmpty());
    }

    @Test
    void compositionRoundTripsWithProvenanceColumnsPlacementAndAnchorsAcrossReopening() {
        Composition saved = compositions.save(new Composition(sceneId, stitched(), List.of(12L, 11L, 40L),
                Placement.REPLACE_SELECTION, 3, 9, null));
        db.close();
        db = Database.open(file);
        compositions = new CompositionRepository(db);

        Composition loaded = compositions.get(sceneId).orElseThrow();

        assertEquals(saved, loaded);
        assertEquals(stitched(), loaded.prose());
        assertEquals(List.of(12L, 11L, 40L), loaded.columns());
        assertEquals(Placement.REPLACE_SELECTION, loaded.placement());
        assertEquals(3, loaded.anchorStart());
        assertEquals(9, loaded.anchorEnd());
        assertNotNull(loaded.updated());
    }

    @Test
    void spansAreStoredInTheSameEncodingAsTheScenes() {
        compositions.save(Composition.empty(sceneId).withProse(stitched()).withColumns(List.of(12L, 11L, 40L)));
        new SceneRepository(db).saveProse(sceneId, stitched());

        assertEquals(Jdbc.queryString(file, "SELECT spans FROM scene WHERE id = " + sceneId),
                Jdbc.queryString(file, "SELECT spans FROM composition WHERE scene_id = " + sceneId));
        assertEquals("[12,11,40]", Jdbc.queryString(file, "SELECT columns FROM composition"),
                "a compact JSON array of variant ids");
    }

    @Test
    void savingAgainReplacesTheSceneComposition() {
        compositions.save(new Composition(sceneId, stitched(), List.of(11L, 12L), Placement.AT_CURSOR, 5, 5, null));

        compositions.save(new Composition(sceneId, Prose.plain("Mine."), List.of(12L), Placement.REPLACE_SCENE, 0, 0,
                null));

        Composition loaded = compositions.get(sceneId).orElseThrow();
        assertEquals(Prose.plain("Mine."), loaded.prose());
        assertEquals(List.of(12L), loaded.columns());
        assertEquals(Placement.REPLACE_SCENE, loaded.placement());
        assertEquals(1, Jdbc.count(file, "composition"));
    }

    @Test
    void clearForgetsTheCompositionOfThatSceneOnly() {
        long other = new SceneRepository(db).append(Scene.titled(
                new SceneRepository(db).get(sceneId).orElseThrow().storyId(), "Other")).id();
        compositions.save(Composition.empty(sceneId).withProse(stitched()));
        compositions.save(Composition.empty(other).withColumns(List.of(11L)));

        compositions.clear(sceneId);

        assertTrue(compositions.get(sceneId).isEmpty());
        assertEquals(List.of(11L), compositions.get(other).orElseThrow().columns());
    }

    @Test
    void deletingTheSceneDeletesItsComposition() {
        compositions.save(Composition.empty(sceneId).withProse(stitched()));

        new SceneRepository(db).delete(sceneId);

        assertTrue(compositions.get(sceneId).isEmpty());
        assertEquals(0, Jdbc.count(file, "composition"));
    }

    @Test
    void aCompositionForAMissingSceneIsRefusedWithAClearMessage() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> compositions.save(Composition.empty(9_999).withProse(stitched())));

        assertTrue(e.getMessage().contains("Scene 9999 is no longer in the library"), e.getMessage());
        assertEquals(0, Jdbc.count(file, "composition"));
    }

    @Test
    void theTableRefusesAnUnknownPlacement() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> db.write("insert", c -> {
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO composition (scene_id, placement, updated_at) VALUES (" + sceneId
                        + ", 'SOMEWHERE', 0)");
            }
            return null;
        }));

        assertTrue(e.getMessage().contains("CHECK"), e.getMessage());
    }

    @Test
    void aLibraryOfSchemaTwoGainsTheCompositionTableWhenOpened() {
        db.close();
        // a library as schema 2 left it: what later schemas added is not there yet
        Jdbc.execute(file, "DROP TABLE composition", "DROP TABLE canon_fact", "DROP INDEX scene_chapter",
                "ALTER TABLE scene DROP COLUMN chapter_id", "ALTER TABLE scene DROP COLUMN summary_hash",
                "ALTER TABLE scene DROP COLUMN summary_by_writer", "ALTER TABLE scene DROP COLUMN summary_failure",
                "ALTER TABLE scene DROP COLUMN summary_made_at", "DROP TABLE chapter", "DROP TABLE continuation",
                "ALTER TABLE variant DROP COLUMN outcome", "ALTER TABLE variant DROP COLUMN refusal",
                "ALTER TABLE variant DROP COLUMN thinking", "ALTER TABLE variant DROP COLUMN output_tokens",
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
                "PRAGMA user_version = 2");

        db = Database.open(file);
        compositions = new CompositionRepository(db);

        assertEquals(Database.schemaVersion(), Jdbc.queryLong(file, "PRAGMA user_version"));
        compositions.save(Composition.empty(sceneId).withProse(stitched()));
        assertEquals(stitched(), compositions.get(sceneId).orElseThrow().prose());
    }
}
