package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.Composition.Placement;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.model.Variant;
import dev.quire.store.Jdbc;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire show-scene}: a scene's text, and with --json where each passage came from. */
class ShowSceneCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = "The Lighthouse";

    /** 9 UTF-16 units: the sunrise emoji is a surrogate pair. */
    private static final String OPENING = "Dawn \uD83C\uDF05.\n";

    @TempDir
    Path dir;

    private long a;
    private long b;
    private long generation;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    /**
     * Scene 2 of "The Lighthouse" after an accept: the writer's opening, two paragraphs of variant A (the break
     * between them is the writer's, as the editor keeps it, and one word of A is italic), a writer's break, a
     * sentence of B, and the writer's ending.
     */
    @BeforeEach
    void stitchedScene() {
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            long storyId = studio.stories().create(Story.titled(STORY)).id();
            studio.scenes().append(Scene.titled(storyId, "Arrival").withProse(Prose.plain("They came by boat.")));
            long sceneId = studio.scenes().append(Scene.titled(storyId, "Night Watch")
                    .withProse(Prose.plain("An old draft."))).id();
            Generation g = studio.generations().create(new Generation(0, storyId, sceneId, null, "scene", "Claude",
                    "claude-opus", "[]", "{}", null, 2, null, Instant.now(), Instant.now(), Generation.Status.COMPLETE,
                    null));
            List<Variant> variants = studio.generations().variants(g.id());
            generation = g.id();
            a = variants.get(0).id();
            b = variants.get(1).id();
            Provenance fromA = Provenance.variant("A", a);
            Provenance fromB = Provenance.variant("B", b);
            Prose composition = new Prose.Builder()
                    .append(OPENING)
                    .append("The lamp ", fromA, false, false)
                    .append("turned", fromA, true, false)
                    .append(".", fromA, false, false)
                    .append("\n")
                    .append("It turned all night.", fromA, false, false)
                    .append("\n")
                    .append("Gulls argued.", fromB, false, false)
                    .append(" Enough.")
                    .build();
            studio.stitching().accept(sceneId, composition, Placement.REPLACE_SCENE, 0, 0);
        }
    }

    private Run quire(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("library").toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuireCommand.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]), Map.of("QUIRE_CONFIG_HOME", dir.resolve("config").toString()),
                o -> { });
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonGivesTheTextItsProvenanceRunsAndTheRevisionCount() throws Exception {
        Run run = quire("show-scene", "--story", STORY, "--scene", "2", "--json");

        assertEquals(0, run.code(), run.toString());
        String text = OPENING + "The lamp turned.\nIt turned all night.\nGulls argued. Enough.";
        JsonNode expected = JSON.readTree("""
                {"text": %s,
                 "spans": [
                   {"start": 0, "end": 9, "source": "writer"},
                   {"start": 9, "end": 46, "source": "variant:%d", "label": "A", "variant": %d, "generation": %d,
                    "provider": "Claude", "model": "claude-opus"},
                   {"start": 46, "end": 47, "source": "writer"},
                   {"start": 47, "end": 60, "source": "variant:%d", "label": "B", "variant": %d, "generation": %d,
                    "provider": "Claude", "model": "claude-opus"},
                   {"start": 60, "end": 68, "source": "writer"}
                 ],
                 "revisions": 2, "summary": "", "summary_stale": false, "chapter": null}
                """.formatted(JSON.writeValueAsString(text), a, a, generation, b, b, generation));
        JsonNode json = run.json();
        assertEquals(1, json.get("generations").size(), json.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("generations");
        assertEquals(expected, json);
        assertEquals(68, text.length(), "offsets count UTF-16 units");
        assertEquals("It turned all night.", text.substring(26, 46));
        assertEquals("Gulls argued.", text.substring(47, 60));
    }

    @Test
    void jsonListsTheScenesGenerationsNewestFirstWithWhatWasAsked() throws Exception {
        long older;
        long newer;
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            long sceneId = studio.scenes().headers(1).get(1).id();
            Instant first = Instant.parse("2030-03-01T09:00:00Z");
            older = studio.generations().create(new Generation(0, 1, sceneId, null, "continue", "Claude",
                    "claude-opus", "[]", "{}", null, 3, null, first, first, Generation.Status.COMPLETE, null,
                    "The keeper hears a knock.")).id();
            newer = studio.generations().create(new Generation(0, 1, sceneId, null, "rewrite", "Local",
                    "llama3", "[]", "{}", null, 2, null, first.plusSeconds(60), null, Generation.Status.COMPLETE,
                    null, "Make it colder.")).id();
            studio.generations().create(new Generation(0, 1, sceneId, null, "summary", "Claude", "claude-opus",
                    "[]", "{}", null, 1, null, first.plusSeconds(120), null, Generation.Status.COMPLETE, null,
                    "not a set of variants"));
        }

        JsonNode generations = quire("show-scene", "--story", STORY, "--scene", "2", "--json").json()
                .get("generations");

        assertEquals(JSON.readTree("""
                {"id": %d, "instruction": "Make it colder.", "frame": "rewrite", "provider": "Local",
                 "model": "llama3", "created": "2030-03-01T09:01:00Z", "variants": 2}""".formatted(newer)),
                generations.get(0));
        assertEquals(JSON.readTree("""
                {"id": %d, "instruction": "The keeper hears a knock.", "frame": "continue", "provider": "Claude",
                 "model": "claude-opus", "created": "2030-03-01T09:00:00Z", "variants": 3}""".formatted(older)),
                generations.get(1));
        assertEquals(3, generations.size(), "the summary is not among them; the setup's generation is last: "
                + generations);
        assertEquals("", generations.get(2).get("instruction").asText(), "kept without one");
    }

    @Test
    void withoutJsonItPrintsTheSceneText() {
        Run run = quire("show-scene", "--story", STORY, "--scene", "2");

        assertEquals(0, run.code(), run.toString());
        assertEquals(OPENING + "The lamp turned.\nIt turned all night.\nGulls argued. Enough.\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void aSceneWrittenByHandIsOneWriterSpanWithNoRevisions() throws Exception {
        JsonNode json = quire("show-scene", "--story", STORY, "--scene", "1", "--json").json();

        assertEquals(JSON.readTree("""
                {"text": "They came by boat.", "spans": [{"start": 0, "end": 18, "source": "writer"}],
                 "revisions": 0, "summary": "", "summary_stale": false, "chapter": null, "generations": []}"""),
                json);
    }

    @Test
    void jsonGivesTheSummaryAndTheChapterTheSceneIsIn() throws Exception {
        long chapterId;
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            long sceneId = studio.scenes().headers(1).get(1).id();
            studio.summaries().saveMade(sceneId, "The lamp turns; gulls argue.", studio.scenes().get(sceneId)
                    .orElseThrow().prose().text());
            chapterId = studio.chapters().startAt(sceneId, "The Long Night").id();
        }

        JsonNode second = quire("show-scene", "--story", STORY, "--scene", "2", "--json").json();
        JsonNode first = quire("show-scene", "--story", STORY, "--scene", "1", "--json").json();

        assertEquals("The lamp turns; gulls argue.", second.get("summary").asText());
        assertFalse(second.get("summary_stale").asBoolean(), "made from the text as it is");
        assertEquals(JSON.readTree("""
                {"id": %d, "title": "The Long Night", "label": "Chapter 1: The Long Night"}""".formatted(chapterId)),
                second.get("chapter"));
        assertTrue(first.get("chapter").isNull(), "a scene in no chapter");
        assertEquals("", first.get("summary").asText());
        assertFalse(first.get("summary_stale").asBoolean(), "no summary, so nothing stale");
    }

    @Test
    void aSummaryIsStaleOnceTheTextChangesEvenByAnEditOfTheLibraryFile() throws Exception {
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            long sceneId = studio.scenes().headers(1).get(0).id();
            studio.summaries().saveMade(sceneId, "They arrive by boat.", "They came by boat.");
        }
        assertFalse(quire("show-scene", "--story", STORY, "--scene", "1", "--json").json().get("summary_stale")
                .asBoolean());

        Jdbc.execute(LibraryLocation.libraryFile(dir.resolve("library")),
                "UPDATE scene SET text = 'They came by air.', spans = '[]' WHERE position = 0");

        JsonNode json = quire("show-scene", "--story", STORY, "--scene", "1", "--json").json();
        assertEquals("They came by air.", json.get("text").asText());
        assertEquals("They arrive by boat.", json.get("summary").asText(), "kept, though stale");
        assertTrue(json.get("summary_stale").asBoolean(), json.toString());
    }

    @Test
    void theStoryMayBeNamedByIdOrInAnotherCase() throws Exception {
        String byTitle = quire("show-scene", "--story", "the lighthouse", "--scene", "2", "--json").out();
        assertTrue(byTitle.contains("Gulls argued."), byTitle);
        assertEquals(JSON.readTree(byTitle), JSON.readTree(quire("show-scene", "--story", "1", "--scene", "2",
                "--json").out()));
    }

    @Test
    void anUnknownStoryIsAUsageErrorThatSaysHowToFindOne() {
        Run run = quire("show-scene", "--story", "The Harbour", "--scene", "1");

        assertEquals(2, run.code(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().contains("There is no story “The Harbour”"), run.err());
        assertTrue(run.err().contains("quire stories"), run.err());
    }

    @Test
    void aSceneTheStoryDoesNotHaveIsAUsageErrorThatSaysHowManyItHas() {
        Run past = quire("show-scene", "--story", STORY, "--scene", "3", "--json");
        assertEquals(2, past.code(), past.toString());
        assertEquals("", past.out());
        assertTrue(past.err().contains("“The Lighthouse” has 2 scenes, so there is no scene 3."), past.err());

        Run zero = quire("show-scene", "--story", STORY, "--scene", "0");
        assertEquals(2, zero.code(), zero.toString());
        assertTrue(zero.err().contains("--scene counts from 1"), zero.err());

        Run missing = quire("show-scene", "--story", STORY);
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("--scene"), missing.err());
    }

    @Test
    void helpExplainsTheJsonAndHowOffsetsAreCounted() {
        Run run = quire("show-scene", "--help");

        assertEquals(0, run.code(), run.toString());
        String help = run.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("UTF-16 code units"), help);
        assertTrue(help.contains("\"source\": \"variant:ID\", \"label\": \"B\""), help);
    }
}
