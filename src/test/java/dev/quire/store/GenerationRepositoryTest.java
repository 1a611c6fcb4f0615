package dev.quire.store;

import dev.quire.model.Conversation;
import dev.quire.model.Generation;
import dev.quire.model.Generation.Status;
import dev.quire.model.Generation.Usage;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.model.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerationRepositoryTest {

    @TempDir
    Path dir;

    private Database db;
    private GenerationRepository generations;
    private long storyId;
    private long sceneId;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("quire.db"));
        generations = new GenerationRepository(db);
        storyId = new StoryRepository(db).create(Story.titled("Story")).id();
        sceneId = new SceneRepository(db).append(Scene.titled(storyId, "Scene")).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Generation request(Instant started, int variants) {
        return new Generation(0, storyId, sceneId, null, "scene", "anthropic", "claude-opus",
                "[{\"role\":\"user\",\"content\":\"A breakfast scene.\"}]", "{\"temperature\":1.0}", 1234L, variants,
                new Usage(900, null, null, null), started, null, Status.STREAMING, null);
    }

    @Test
    void generationRoundTripsExactlyAsSent() {
        Instant started = Instant.ofEpochMilli(1_700_000_000_123L);

        Generation created = generations.create(request(started, 3));
        Generation loaded = generations.get(created.id()).orElseThrow();

        assertEquals(created, loaded);
        assertEquals(storyId, loaded.storyId());
        assertEquals(sceneId, loaded.sceneId());
        assertNull(loaded.conversationId());
        assertEquals("scene", loaded.frame());
        assertEquals("anthropic", loaded.provider());
        assertEquals("claude-opus", loaded.model());
        assertEquals("[{\"role\":\"user\",\"content\":\"A breakfast scene.\"}]", loaded.messagesJson());
        assertEquals("{\"temperature\":1.0}", loaded.parametersJson());
        assertEquals(1234L, loaded.seed());
        assertEquals(3, loaded.variantCount());
        assertEquals(new Usage(900, null, null, null), loaded.usage());
        assertEquals(started, loaded.started());
        assertNull(loaded.finished());
        assertEquals(Status.STREAMING, loaded.status());
        assertNull(loaded.error());
    }

    @Test
    void missingParametersAreStoredAsAnEmptyObject() {
        Generation created = generations.create(new Generation(0, storyId, null, null, "", "openai", "gpt", "[]",
                null, null, 1, null, null, null, null, null));

        Generation loaded = generations.get(created.id()).orElseThrow();
        assertEquals("{}", loaded.parametersJson());
        assertNull(loaded.seed());
        assertEquals(Usage.NONE, loaded.usage());
        assertEquals(Status.PENDING, loaded.status());
        assertNotNull(loaded.started());
    }

    @Test
    void creatingAGenerationOpensOneStreamingVariantPerText() {
        Generation g = generations.create(request(Instant.now(), 3));

        List<Variant> variants = generations.variants(g.id());

        assertEquals(List.of(0, 1, 2), variants.stream().map(Variant::index).toList());
        assertEquals(List.of("A", "B", "C"), variants.stream().map(Variant::label).toList());
        assertTrue(variants.stream().allMatch(v -> v.status() == Variant.Status.STREAMING && v.text().isEmpty()));
    }

    @Test
    void variantTextAndStatusAreSavedAsTheyStream() {
        Generation g = generations.create(request(Instant.now(), 2));

        generations.saveVariant(g.id(), 1, "The kettle", Variant.Status.STREAMING, null, null);
        generations.saveVariant(g.id(), 1, "The kettle ticked as it cooled.", Variant.Status.COMPLETE, "end_turn", null);
        generations.saveVariant(g.id(), 0, "Half a sent", Variant.Status.FAILED, null, "connection reset");

        List<Variant> variants = generations.variants(g.id());
        Variant a = variants.get(0);
        Variant b = variants.get(1);
        assertEquals("Half a sent", a.text());
        assertEquals(Variant.Status.FAILED, a.status());
        assertEquals("connection reset", a.error());
        assertEquals("The kettle ticked as it cooled.", b.text());
        assertEquals(Variant.Status.COMPLETE, b.status());
        assertEquals("end_turn", b.stopReason());
        assertNull(b.error());
    }

    @Test
    void ratingAndNoteAreSavedAndCanBeCleared() {
        Generation g = generations.create(request(Instant.now(), 1));
        Variant v = generations.variants(g.id()).get(0);

        generations.rate(v.id(), 4, "good dialogue");
        Variant rated = generations.variants(g.id()).get(0);
        generations.rate(v.id(), null, null);
        Variant cleared = generations.variants(g.id()).get(0);

        assertEquals(4, rated.rating());
        assertEquals("good dialogue", rated.note());
        assertNull(cleared.rating());
        assertEquals("", cleared.note());
    }

    @Test
    void finishingRecordsStatusUsageTimeAndError() {
        Generation g = generations.create(request(Instant.now(), 1));

        generations.finish(g.id(), Status.PARTIAL, new Usage(null, 1200, 340, 800), "B failed: 429");

        Generation loaded = generations.get(g.id()).orElseThrow();
        assertEquals(Status.PARTIAL, loaded.status());
        assertEquals(new Usage(900, 1200, 340, 800), loaded.usage());
        assertNotNull(loaded.finished());
        assertEquals("B failed: 429", loaded.error());
    }

    @Test
    void forSceneListsTheScenesGenerationsNewestFirst() {
        Generation older = generations.create(request(Instant.ofEpochMilli(1_000), 1));
        Generation newer = generations.create(request(Instant.ofEpochMilli(2_000), 1));
        generations.create(new Generation(0, storyId, null, null, "", "p", "m", "[]", null, null, 1, null, null, null,
                null, null));

        assertEquals(List.of(newer.id(), older.id()),
                generations.forScene(sceneId).stream().map(Generation::id).toList());
    }

    private Generation made(long story, Long scene, Long conversation, long startedMs) {
        return generations.create(new Generation(0, story, scene, conversation, "scene", "p", "m", "[]", null, null,
                1, null, Instant.ofEpochMilli(startedMs), null, Status.COMPLETE, null));
    }

    @Test
    void forStoryListsTheStorysVariantGenerationsOldestFirstWithThoseForANewScene() {
        long conversation = new ConversationRepository(db).create(
                new Conversation(0, storyId, sceneId, "Ideas", "co-writer", null)).id();
        long otherStory = new StoryRepository(db).create(Story.titled("Other")).id();
        Generation later = made(storyId, sceneId, null, 3_000);
        Generation newScene = made(storyId, null, null, 1_000);
        Generation sameMoment = made(storyId, sceneId, null, 1_000);
        made(storyId, sceneId, conversation, 500);
        made(otherStory, null, null, 100);

        List<Generation> found = generations.forStory(storyId);

        assertEquals(List.of(newScene.id(), sameMoment.id(), later.id()), found.stream().map(Generation::id).toList());
        // what the manuscript export asked for itself before the store offered it
        List<Long> asTheExportDid = db.read("test", c -> Statements.query(c,
                "SELECT id FROM generation WHERE story_id = ? AND conversation_id IS NULL ORDER BY started_at, id",
                rs -> rs.getLong(1), storyId));
        assertEquals(asTheExportDid, found.stream().map(Generation::id).toList());
        assertEquals(found.stream().map(g -> generations.get(g.id()).orElseThrow()).toList(), found);
    }

    @Test
    void summariesAndChecksAreNotProseToStitchOrExport() {
        Generation scene = made(storyId, sceneId, null, 1_000);
        for (String frame : new String[] {"summary", "chapter-summary", "continuity"}) {
            generations.create(new Generation(0, storyId, sceneId, null, frame, "p", "m", "[]", null, null,
                    1, null, Instant.ofEpochMilli(2_000), null, Status.COMPLETE, null));
        }
        assertEquals(List.of(scene.id()), generations.forStory(storyId).stream().map(Generation::id).toList());
        assertEquals(List.of(scene.id()), generations.forScene(sceneId).stream().map(Generation::id).toList());
    }

    @Test
    void theInstructionIsKeptWithTheGenerationAndOlderOnesHaveNone() {
        Generation asked = generations.create(new Generation(0, storyId, sceneId, null, "rewrite", "anthropic",
                "claude-opus", "[]", null, null, 2, null, Instant.ofEpochMilli(5_000), null, Status.STREAMING, null,
                "Make the storm louder, \"now\".\nAnd shorter."));
        Generation pasted = generations.create(new Generation(0, storyId, sceneId, null, "paste", "pasted", "",
                "[]", null, null, 1, null, Instant.ofEpochMilli(6_000), null, Status.COMPLETE, null));

        assertEquals("Make the storm louder, \"now\".\nAnd shorter.",
                generations.get(asked.id()).orElseThrow().instruction());
        assertEquals("", generations.get(pasted.id()).orElseThrow().instruction(), "none given");
        assertEquals(List.of("", "Make the storm louder, \"now\".\nAnd shorter."),
                generations.forScene(sceneId).stream().map(Generation::instruction).toList());
        // a generation kept before schema 6 reads as one with no instruction
        assertEquals("", db.read("test", c -> Statements.one(c,
                "SELECT instruction FROM generation WHERE id = ?", rs -> rs.getString(1), pasted.id())).orElseThrow());
    }
}
