package dev.quire.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.store.Jdbc;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire compose} stitches and accepts with the pane's provenance; {@code quire kept} then counts it exactly. */
class ComposeAndKeptCommandTest {

    static final String A = "The lamp turned all night over the black water.";
    static final String B = "Gulls argued on the rail until the light came.";
    static final String C = "Tomas rowed in with the oil, late again.";
    static final String WRITTEN = " She did not sleep. ";

    @TempDir
    Path dir;

    Quire quire;
    long claude;
    long deepseek;
    long pasted;
    long[] ids = new long[3];

    @BeforeEach
    void setUp() {
        quire = new Quire(dir);
        try (Studio studio = quire.open()) {
            Lighthouse story = Lighthouse.addTo(studio);
            long sceneId = story.scenes.get(2).id();
            claude = generation(studio, story.story.id(), sceneId, "anthropic", "claude-opus", A, B);
            deepseek = generation(studio, story.story.id(), sceneId, "deepseek", "deepseek-chat", C, "");
            var pane = studio.stitching().paste(sceneId, "Text from somewhere else.");
            pasted = pane.columns().get(0).generation().id();
            ids[0] = studio.generations().variants(claude).get(0).id();
            ids[1] = studio.generations().variants(claude).get(1).id();
            ids[2] = studio.generations().variants(deepseek).get(0).id();
        }
    }

    static long generation(Studio studio, long storyId, long sceneId, String provider, String model, String... texts) {
        Generation g = studio.generations().create(new Generation(0, storyId, sceneId, null, "scene", provider, model,
                "[]", "{}", null, texts.length, null, Instant.now(), Instant.now(), Generation.Status.COMPLETE, null));
        for (int i = 0; i < texts.length; i++) {
            studio.generations().saveVariant(g.id(), i, texts[i], Variant.Status.COMPLETE, null, null);
        }
        return g.id();
    }

    Quire.Run compose(String... more) {
        String[] base = {"compose", "--story", Lighthouse.TITLE, "--scene", "3"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return quire.run(all);
    }

    @Test
    void aComposedAndAcceptedSceneShowsItsVariantsAndModelsAndKeptCountsItToTheCharacter() {
        Quire.Run first = compose("--generation", String.valueOf(claude), "--take", "A:0-13", "--write", WRITTEN,
                "--take", "b:0-19", "--accept", "--replace", "--json");
        assertEquals(0, first.code(), first.toString());
        String composed = A.substring(0, 13) + WRITTEN + B.substring(0, 19);
        assertEquals(composed, first.json().get("text").asText());
        assertTrue(first.json().get("accepted").asBoolean());
        JsonNode shares = first.json().get("shares");
        assertEquals("writer", shares.get(0).get("source").asText());
        assertEquals(nonSpace(WRITTEN), shares.get(0).get("characters").asInt());

        String end = String.valueOf(composed.length());
        Quire.Run second = compose("--generation", String.valueOf(deepseek), "--take", "A:0-" + C.length(),
                "--accept", "--at", end, "--json");
        assertEquals(0, second.code(), second.toString());
        assertEquals(C, second.json().get("text").asText());

        Quire.Run shown = quire.run("show-scene", "--story", Lighthouse.TITLE, "--scene", "3", "--json");
        assertEquals(0, shown.code(), shown.toString());
        String text = composed + C;
        assertEquals(text, shown.json().get("text").asText());
        JsonNode spans = shown.json().get("spans");
        assertEquals(4, spans.size(), spans.toString());
        assertSpan(spans.get(0), 0, 13, "variant:" + ids[0], "A", "anthropic", "claude-opus");
        assertSpan(spans.get(1), 13, 13 + WRITTEN.length(), "writer", null, null, null);
        assertSpan(spans.get(2), 13 + WRITTEN.length(), composed.length(), "variant:" + ids[1], "B", "anthropic",
                "claude-opus");
        assertSpan(spans.get(3), composed.length(), text.length(), "variant:" + ids[2], "A", "deepseek",
                "deepseek-chat");

        Quire.Run kept = quire.run("kept", "--story", Lighthouse.TITLE, "--scene", "3", "--json");
        assertEquals(0, kept.code(), kept.toString());
        JsonNode k = kept.json();
        int fromClaude = nonSpace(A.substring(0, 13)) + nonSpace(B.substring(0, 19));
        int fromDeepseek = nonSpace(C);
        int writer = nonSpace(WRITTEN);
        int total = fromClaude + fromDeepseek + writer;
        assertEquals(total, k.get("chars").asInt());
        assertEquals((double) writer / total, k.get("writer").asDouble(), 1e-12);
        assertEquals(0.0, k.get("unknown").asDouble(), "the pasted column was not used");
        JsonNode models = k.get("by_model");
        assertEquals(2, models.size(), models.toString());
        assertTrue(fromDeepseek > fromClaude, "most first");
        assertModel(models.get(0), "deepseek", "deepseek-chat", 1, 1, fromDeepseek, total);
        assertModel(models.get(1), "anthropic", "claude-opus", 2, 2, fromClaude, total);
        double sum = k.get("writer").asDouble() + k.get("unknown").asDouble() + models.get(0).get("share").asDouble()
                + models.get(1).get("share").asDouble();
        assertEquals(1.0, sum, 1e-12);

        Quire.Run story = quire.run("kept", "--story", Lighthouse.TITLE, "--json");
        assertEquals(0, story.code(), story.toString());
        int others = nonSpace(Lighthouse.SCENE_1) + nonSpace(Lighthouse.SCENE_2);
        assertEquals(total + others, story.json().get("chars").asInt(), "the other scenes are the writer's");
        assertEquals(fromClaude, story.json().get("by_model").get(1).get("chars").asInt());
    }

    @Test
    void pastedTextCountsAsUnknownAndAModelWhoseVariantsAllWentIsStillListed() {
        Quire.Run run = compose("--generation", String.valueOf(pasted), "--take", "A:0-4", "--write", " lamp.",
                "--accept", "--replace");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().startsWith("Text lamp.\n"), run.out());

        JsonNode k = quire.run("kept", "--story", Lighthouse.TITLE, "--scene", "3", "--json").json();
        assertEquals(4, k.get("unknown_chars").asInt(), "pasted text is not the writer's");
        assertEquals(5, k.get("writer_chars").asInt());
        JsonNode claudeRow = k.get("by_model").get(0);
        assertEquals(0, claudeRow.get("variants_kept").asInt());
        assertEquals(2, claudeRow.get("variants").asInt());
        assertEquals(0.0, claudeRow.get("share").asDouble());
    }

    @Test
    void aPassageFromAVariantAskedForAnotherSceneStillCountsForItsModel() {
        Quire.Run run = quire.run("compose", "--story", Lighthouse.TITLE, "--scene", "1", "--generation",
                String.valueOf(claude), "--take", "A:0-8", "--accept", "--at", "0");
        assertEquals(0, run.code(), run.toString());

        JsonNode k = quire.run("kept", "--story", Lighthouse.TITLE, "--scene", "1", "--json").json();
        assertEquals(0, k.get("unknown_chars").asInt(), k.toString());
        JsonNode row = k.get("by_model").get(0);
        assertEquals("claude-opus", row.get("model").asText());
        assertEquals(nonSpace(A.substring(0, 8)), row.get("chars").asInt());
        assertEquals(1, row.get("variants_kept").asInt());
        assertEquals(1, k.get("by_model").size(), "no variants were asked for this scene");
    }

    @Test
    void aBadLabelAnOffsetOutsideTheVariantOrAnUnknownGenerationChangeNothing() {
        Path file = LibraryLocation.libraryFile(quire.dataDir);
        String before = Jdbc.queryString(file, "SELECT text || spans FROM scene WHERE position = 2");
        long revisions = Jdbc.queryLong(file, "SELECT count(*) FROM scene_revision");

        Quire.Run label = compose("--generation", String.valueOf(claude), "--take", "D:0-3", "--accept", "--replace");
        assertEquals(2, label.code(), label.toString());
        assertTrue(label.err().contains("has no variant D; it has A, B"), label.err());

        Quire.Run offset = compose("--generation", String.valueOf(claude), "--take", "A:10-" + (A.length() + 1),
                "--accept", "--replace");
        assertEquals(2, offset.code(), offset.toString());
        assertTrue(offset.err().contains("is " + A.length() + " characters long"), offset.err());

        Quire.Run unknown = compose("--generation", "9999", "--take", "A:0-3", "--accept", "--replace");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("There is no generation 9999"), unknown.err());

        Quire.Run nowhere = compose("--generation", String.valueOf(claude), "--take", "A:0-3", "--accept");
        assertEquals(2, nowhere.code(), nowhere.toString());
        assertTrue(nowhere.err().contains("--replace") && nowhere.err().contains("--at"), nowhere.err());

        Quire.Run malformed = compose("--generation", String.valueOf(claude), "--take", "A3", "--accept");
        assertEquals(2, malformed.code(), malformed.toString());
        assertFalse(malformed.err().contains("Exception"), malformed.err());

        assertEquals(before, Jdbc.queryString(file, "SELECT text || spans FROM scene WHERE position = 2"));
        assertEquals(revisions, Jdbc.queryLong(file, "SELECT count(*) FROM scene_revision"));
    }

    static void assertSpan(JsonNode span, int start, int end, String source, String label, String provider,
                           String model) {
        assertEquals(start, span.get("start").asInt(), span.toString());
        assertEquals(end, span.get("end").asInt(), span.toString());
        assertEquals(source, span.get("source").asText(), span.toString());
        assertEquals(label, span.has("label") ? span.get("label").asText() : null, span.toString());
        assertEquals(provider, span.has("provider") ? span.get("provider").asText() : null, span.toString());
        assertEquals(model, span.has("model") ? span.get("model").asText() : null, span.toString());
    }

    static void assertModel(JsonNode row, String provider, String model, int variants, int kept, int chars,
                            int total) {
        assertEquals(provider, row.get("provider").asText(), row.toString());
        assertEquals(model, row.get("model").asText(), row.toString());
        assertEquals(variants, row.get("variants").asInt(), row.toString());
        assertEquals(kept, row.get("variants_kept").asInt(), row.toString());
        assertEquals(chars, row.get("chars").asInt(), row.toString());
        assertEquals((double) chars / total, row.get("share").asDouble(), 1e-12, row.toString());
    }

    static int nonSpace(String s) {
        return (int) s.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }
}
