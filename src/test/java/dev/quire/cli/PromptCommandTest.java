package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.CanonFact;
import dev.quire.model.Chapter;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire prompt} on the sample story. */
class PromptCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = "The Remarks Column";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void sample() {
        Studio.open(dir.resolve("library"), Studio.NewLibrary.WITH_SAMPLE, Map.of()).close();
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
    void jsonShowsTheBibleTheCharactersPresentTriggeredLoreAndRecentScenesWithinTheBudget() throws Exception {
        Run run = quire("prompt", "--story", STORY, "--scene", "4", "--instruction",
                "Bert takes the ledger down from the back room.", "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        assertEquals(Set.of("messages", "tokens", "exact", "counter", "stop", "budget", "coverage", "included",
                "dropped", "avoid"), fields(json));
        assertEquals(Set.of("role", "content"), fields(json.get("messages").get(0)));
        assertEquals(Set.of("kind", "id", "tokens"), fields(json.get("included").get(0)));
        assertEquals(Set.of("kind", "id", "reason"), fields(json.get("dropped").get(0)));
        assertEquals(8192 - 1024, json.get("budget").asInt(), "no provider yet: the default budget");
        assertTrue(json.get("tokens").asInt() <= json.get("budget").asInt());

        String system = json.get("messages").get(0).get("content").asText();
        assertEquals("system", json.get("messages").get(0).get("role").asText());
        assertTrue(system.contains("## Premise\nFor fifty-one years Bertram Yeo"), "the bible");
        assertTrue(system.contains("## Bertram Yeo (also called Bert, the Observer)"), "a character present");
        assertTrue(system.contains("## Odile Farrant"), "a character present");
        assertFalse(system.contains("## Maud Iredale"), "not in scene 4");
        assertTrue(system.contains("## The Ledgers"), "lore triggered by “ledger”");
        assertTrue(system.contains("## Scene 3: Across the Hard"), "the nearest scene");
        String user = json.get("messages").get(1).get("content").asText();
        assertTrue(user.startsWith("Here is scene 4, “Don’t Round”, so far:"), user);
        assertTrue(user.endsWith("Bert takes the ledger down from the back room."), user);

        Set<String> kinds = new HashSet<>();
        json.get("included").forEach(i -> kinds.add(i.get("kind").asText()));
        assertTrue(kinds.containsAll(List.of("frame", "instruction", "bible", "character", "lore", "scene")), kinds
                .toString());
        Set<String> reasons = new HashSet<>();
        json.get("dropped").forEach(d -> reasons.add(d.get("reason").asText()));
        assertTrue(reasons.contains("private"), reasons.toString());
    }

    @Test
    void aSmallBudgetListsWhatWasDroppedAndWhy() throws Exception {
        Run run = quire("prompt", "--story", STORY, "--instruction", "Maud reads the ledger.", "--budget", "900",
                "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        assertEquals(900, json.get("budget").asInt());
        assertTrue(json.get("tokens").asInt() <= 900, json.get("tokens").asText());
        List<String> overBudget = new ArrayList<>();
        json.get("dropped").forEach(d -> {
            if (d.get("reason").asText().equals("over budget")) {
                overBudget.add(d.get("kind").asText());
            }
        });
        assertTrue(overBudget.contains("summary") && overBudget.contains("character"), overBudget.toString());
    }

    @Test
    void withoutJsonItPrintsThePromptAndSummarisesTheReportOnStandardError() {
        Run run = quire("prompt", "--story", STORY, "--frame", "critique", "--scene", "2", "--budget", "1500");

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().startsWith("## system\n\nYou are a candid, specific reader"), run.out());
        assertTrue(run.out().contains("\n## user\n\nHere is scene 2"), run.out());
        assertTrue(run.err().contains("of 1,500 tokens"), run.err());
        assertTrue(run.err().contains("Left out:") && run.err().contains(": private"), run.err());
    }

    @Test
    void summaryItemsSayWhetherTheyAreStaleAndCoverageSaysHowEarlierScenesGoIn() throws Exception {
        long[] scenes = withSample(studio -> {
            List<Scene> all = studio.scenes().all(storyId(studio));
            studio.scenes().saveProse(all.get(0).id(), Prose.plain("Changed after its summary was made."));
            // no earlier scene verbatim: each goes by its summary
            studio.prompts().setVerbatimCap(storyId(studio), 0);
            return all.stream().mapToLong(Scene::id).toArray();
        });

        Run run = quire("prompt", "--story", STORY, "--scene", "4", "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        assertEquals("scenes 1–3 by summary (1 stale)", json.get("coverage").asText());
        Map<Long, JsonNode> summaries = new HashMap<>();
        json.get("included").forEach(i -> {
            if (i.get("kind").asText().equals("summary")) {
                summaries.put(i.get("id").asLong(), i);
            } else {
                assertFalse(i.has("stale"), "only summaries can be stale: " + i);
            }
        });
        assertEquals(Set.of(scenes[0], scenes[1], scenes[2]), summaries.keySet());
        assertEquals(Set.of("kind", "id", "tokens", "stale"), fields(summaries.get(scenes[0])));
        assertTrue(summaries.get(scenes[0]).get("stale").asBoolean(), "scene 1 changed after its summary");
        assertFalse(summaries.get(scenes[1]).get("stale").asBoolean());
        assertTrue(run.err().isEmpty(), run.err());

        Run plain = quire("prompt", "--story", STORY, "--scene", "4");
        assertTrue(plain.err().contains("Earlier scenes: scenes 1–3 by summary (1 stale)."), plain.err());
    }

    @Test
    void chapterSummariesAndCanonAreListedWithTheirIds() throws Exception {
        long[] ids = withSample(studio -> {
            long story = storyId(studio);
            List<Scene> all = studio.scenes().all(story);
            Chapter first = studio.chapters().startAt(all.get(0).id(), "Before the Ledger");
            studio.chapters().startAt(all.get(2).id(), "The Ledger");
            studio.chapters().saveSummary(first.id(), "CHAPTER-ONE-MARK: Bert and Odile keep the column.", "", true);
            for (Scene s : all.subList(0, 2)) {
                studio.scenes().saveDetails(s.withDetails(s.title(), "", s.povCharacterId(), s.characterIds(),
                        s.pinned()));
            }
            studio.prompts().setVerbatimCap(story, 0);
            long fact = studio.canon().add(CanonFact.byWriter(story, "CANON-MARK: Bert never rounds a figure.")).id();
            return new long[] {first.id(), fact};
        });

        JsonNode json = quire("prompt", "--story", STORY, "--scene", "4", "--json").json();

        assertTrue(has(json, "chapter-summary", ids[0]), json.get("included").toString());
        assertTrue(has(json, "canon", ids[1]), json.get("included").toString());
        assertEquals("scene 3 by summary, chapter 1 by chapter summary", json.get("coverage").asText());
        String system = json.get("messages").get(0).get("content").asText();
        assertTrue(system.contains("CHAPTER-ONE-MARK") && system.contains("CANON-MARK"), system);
    }

    @Test
    void aBudgetTooSmallForTheCanonIsRefusedSayingWhatToChange() {
        withSample(studio -> studio.canon().add(CanonFact.byWriter(storyId(studio),
                "Bert keeps every ledger since 1974. ".repeat(200))));

        Run run = quire("prompt", "--story", STORY, "--budget", "900", "--json");

        assertEquals(2, run.code(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().contains("The story's canon needs"), run.err());
        assertTrue(run.err().contains("raise the budget, choose a model with a larger window, or shorten the canon"),
                run.err());
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        Run frame = quire("prompt", "--story", STORY, "--frame", "sonnet");
        assertEquals(2, frame.code());
        assertTrue(frame.err().contains("There is no frame “sonnet”. The frames are co-writer, analyst"), frame.err());

        Run scene = quire("prompt", "--story", STORY, "--scene", "9");
        assertEquals(2, scene.code());
        assertTrue(scene.err().contains("has 4 scenes, so there is no scene 9"), scene.err());

        assertEquals(2, quire("prompt", "--story", STORY, "--budget", "0").code());
    }

    private <T> T withSample(Function<Studio, T> change) {
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            return change.apply(studio);
        }
    }

    private static long storyId(Studio studio) {
        return studio.stories().list().stream().filter(s -> s.title().equals(STORY)).findFirst().orElseThrow().id();
    }

    private static boolean has(JsonNode json, String kind, long id) {
        for (JsonNode i : json.get("included")) {
            if (i.get("kind").asText().equals(kind) && i.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
