package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.model.Variant;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire cliches}, {@code quire avoid}, and the avoid list in {@code quire prompt --json}. */
class ClichesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = "The Weir";
    private static final String NIGHT = "Then the keeper came with the lamp, and a shiver ran down his spine.";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
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
    void aFileIsScannedWithOffsetsInUtf16CodeUnits() throws Exception {
        String text = "\uD83C\uDF0A Elara stood at the rail.\r\nA shiver ran down\r\nher spine. It wasn\u2019t fear. "
                + "It was grief.\nThe end.\n";
        Path file = dir.resolve("scene.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);

        Run run = quire("cliches", "--file", file.toString(), "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        assertEquals(Set.of("findings", "words"), fields(json));
        assertEquals(dev.quire.cliche.Detector.words(text), json.get("words").asInt());
        List<String> kinds = new ArrayList<>();
        for (JsonNode f : json.get("findings")) {
            assertEquals(Set.of("start", "end", "text", "kind", "rule"), fields(f));
            assertEquals(f.get("text").asText(), text.substring(f.get("start").asInt(), f.get("end").asInt()));
            kinds.add(f.get("kind").asText());
        }
        assertEquals(List.of("name", "phrase", "construction"), kinds);
        assertEquals(3, json.get("findings").get(0).get("start").asInt(), "the wave emoji is two code units");
        assertEquals("shiver ran down\r\nher spine", json.get("findings").get(1).get("text").asText());
    }

    @Test
    void aFileThatCannotBeReadIsABadOption() {
        Run run = quire("cliches", "--file", dir.resolve("missing.txt").toString(), "--json");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("missing.txt"), run.err());
    }

    @Test
    void aStoryIsScannedPerSceneWithItsAvoidListAndTheNamesItsModelKeepsUsing() throws Exception {
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            long storyId = studio.stories().create(Story.titled(STORY)).id();
            studio.scenes().append(Scene.titled(storyId, "Morning")
                    .withProse(Prose.plain("Bram walked down to the weir. The water was copper-bright.")));
            long night = studio.scenes().append(Scene.titled(storyId, "Night")
                    .withProse(Prose.plain(NIGHT))).id();
            // five generations: Mirela in three of them and never kept; Bram in three and kept (scene 1); Oskar in two
            String[][] variants = {
                    {"At dusk Mirela came.", "Bram waited."},
                    {"He saw Mirela by the gate.", "And Oskar laughed."},
                    {"Nobody spoke.", "Bram shrugged."},
                    {"Then Mirela said no.", "Later Bram left.", "So Oskar went."},
                    {"The rain came."}};
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (String[] texts : variants) {
                t = t.plusSeconds(60);
                Generation g = studio.generations().create(new Generation(0, storyId, night, null, "scene", "local",
                        "m", "[]", "{}", null, texts.length, null, t, t, Generation.Status.COMPLETE, null));
                for (int i = 0; i < texts.length; i++) {
                    studio.generations().saveVariant(g.id(), i, texts[i], Variant.Status.COMPLETE, "stop", null);
                }
            }
        }
        assertEquals(0, quire("avoid", "--story", STORY, "add", "copper-bright").code());

        Run run = quire("cliches", "--story", STORY, "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        assertEquals(Set.of("findings", "words", "scenes", "recurring", "proposed"), fields(json));
        List<String> found = new ArrayList<>();
        for (JsonNode f : json.get("findings")) {
            found.add(f.get("scene").asInt() + ":" + f.get("kind").asText() + ":" + f.get("text").asText());
        }
        assertEquals(List.of("1:avoid:copper-bright", "2:phrase:shiver ran down his spine"), found);
        assertEquals(2, json.get("scenes").size());
        List<String> recurring = new ArrayList<>();
        for (JsonNode r : json.get("recurring")) {
            assertEquals(Set.of("text", "kind", "generations", "kept"), fields(r));
            recurring.add(r.get("text").asText() + "/" + r.get("kind").asText() + "/" + r.get("generations").asInt()
                    + "/" + r.get("kept").asBoolean());
        }
        assertEquals(List.of("Bram/name/3/true", "Mirela/name/3/false"), recurring);

        Run one = quire("cliches", "--story", STORY, "--scene", "2", "--json");
        assertEquals(0, one.code(), one.toString());
        assertEquals(1, one.json().get("findings").size());
        assertEquals(dev.quire.cliche.Detector.words(NIGHT), one.json().get("words").asInt());
        assertEquals(2, one.json().get("recurring").size());
        assertEquals(2, quire("cliches", "--story", STORY, "--scene", "3").code(), "there is no scene 3");
    }

    @Test
    void phrasesTheWriterCutFromThreeVariantsAreProposedNotAdded() throws Exception {
        long storyId;
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            storyId = studio.stories().create(Story.titled(STORY)).id();
            long scene = studio.scenes().append(Scene.titled(storyId, "Night").withProse(Prose.plain(""))).id();
            Prose.Builder kept = new Prose.Builder();
            String[][] generations = {
                    {"The kettle sang. The weight of unspoken words pressed on them.", "Gulls over the weir."},
                    {"Ruth stood up. She felt the weight of unspoken words.", "Rain on the slates."},
                    {"The door opened.", "The weight of unspoken words settled. Bram came in."}};
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (String[] texts : generations) {
                t = t.plusSeconds(60);
                Generation g = studio.generations().create(new Generation(0, storyId, scene, null, "scene", "local",
                        "m", "[]", "{}", null, texts.length, null, t, t, Generation.Status.COMPLETE, null));
                for (int i = 0; i < texts.length; i++) {
                    studio.generations().saveVariant(g.id(), i, texts[i], Variant.Status.COMPLETE, "stop", null);
                }
                // the writer takes the first sentence of the first variant, and cuts the rest
                Variant first = studio.generations().variants(g.id()).get(0);
                String sentence = first.text().substring(0, first.text().indexOf('.') + 1);
                kept.append(sentence + " ", dev.quire.model.Provenance.variant("A", first.id()), false, false);
            }
            studio.scenes().saveProse(scene, kept.build());
        }

        Run run = quire("cliches", "--story", STORY, "--json");
        assertEquals(0, run.code(), run.toString());
        List<String> proposed = new ArrayList<>();
        for (JsonNode p : run.json().get("proposed")) {
            proposed.add(p.get("text").asText() + "/" + p.get("variants").asInt());
        }
        assertEquals(List.of("weight of unspoken words/3"), proposed);
        try (Studio check = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            assertEquals(List.of(), check.cliches().avoidList(storyId), "proposed, never added by itself");
        }
    }

    @Test
    void theAvoidListIsListedAddedToRemovedFromAndSentWithThePrompt() throws Exception {
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            long storyId = studio.stories().create(Story.titled(STORY)).id();
            studio.scenes().append(Scene.titled(storyId, "Morning").withProse(Prose.plain("Bram walked.")));
        }
        assertEquals(0, quire("avoid", "--story", STORY, "add", "the", "surname", "Chen").code());
        assertEquals(0, quire("avoid", "--story", STORY, "add", "a shiver ran down her spine").code());
        assertEquals(0, quire("avoid", "--story", STORY, "add", "The surname CHEN").code(), "already there: kept once");
        Run list = quire("avoid", "--story", STORY, "list", "--json");
        assertEquals(List.of("the surname Chen", "a shiver ran down her spine"),
                JSON.convertValue(list.json(), List.class));

        Run prompt = quire("prompt", "--story", STORY, "--scene", "1", "--json");
        assertEquals(0, prompt.code(), prompt.toString());
        JsonNode json = prompt.json();
        assertEquals(List.of("the surname Chen", "a shiver ran down her spine"),
                JSON.convertValue(json.get("avoid"), List.class));
        String system = json.get("messages").get(0).get("content").asText();
        assertTrue(system.contains("Do not use any of these") && system.contains("- the surname Chen"), system);
        assertTrue(system.indexOf("# Story bible") < system.indexOf("## Avoid"), "after the bible, in the stable part");
        boolean reported = false;
        for (JsonNode i : json.get("included")) {
            reported |= i.get("kind").asText().equals("avoid");
        }
        assertTrue(reported, "the prompt report lists it");

        assertEquals(0, quire("avoid", "--story", STORY, "remove", "THE SURNAME CHEN").code());
        assertEquals(2, quire("avoid", "--story", STORY, "remove", "not on it").code());
        assertEquals("a shiver ran down her spine\n", quire("avoid", "--story", STORY, "list").out());
        assertEquals(2, quire("avoid", "list").code(), "--story is needed");
        assertFalse(quire("prompt", "--story", STORY, "--scene", "1", "--json").json().get("messages").get(0)
                .get("content").asText().contains("Chen"));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> out = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
