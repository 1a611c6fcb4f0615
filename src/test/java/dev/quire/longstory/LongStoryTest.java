package dev.quire.longstory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.generate.Quire;
import dev.quire.model.CanonFact;
import dev.quire.model.Scene;
import dev.quire.model.StorySummary;
import dev.quire.prompt.PromptReport;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Long stories hold together", end to end: a 150,000-word manuscript of 120 scenes in 12 chapters is imported,
 * and the prompt for its last scene still carries what was established at its start, at a small budget and a large
 * one, while a large budget spends its room on more of the nearest scenes verbatim.
 */
class LongStoryTest {

    static final String TITLE = "The Long Crossing";
    static final int CHAPTERS = 12;
    static final int SCENES_PER_CHAPTER = 10;
    static final int SCENES = CHAPTERS * SCENES_PER_CHAPTER;
    static final int WORDS_PER_SCENE = 1250;

    static final String SUMMARY_FACT = "Ysolde Marrack hides the ferry's true ledger under the third floorboard";
    static final String CANON_FACT = "The ferry never sails on the seventh day of any month";

    @TempDir
    Path dir;

    Quire quire;
    long storyId;
    List<Scene> scenes;

    @BeforeEach
    void importTheManuscript() throws Exception {
        Path file = dir.resolve("long-crossing.md");
        Files.writeString(file, manuscript());
        quire = new Quire(dir);

        Quire.Run imported = quire.run("import", file.toString(), "--json");

        assertEquals(0, imported.code(), imported.toString());
        storyId = imported.json().get("id").asLong();
        assertTrue(imported.json().get("words").asInt() >= 150_000, imported.out());
        try (Studio studio = quire.open()) {
            scenes = studio.scenes().all(storyId);
            assertEquals(SCENES, scenes.size());
            assertEquals(CHAPTERS, studio.chapters().list(storyId).size());
            assertEquals(SCENES, studio.chapters().sceneChapters(storyId).size(), "every scene is in a chapter");
            assertEquals(TITLE, studio.stories().get(storyId).map(s -> s.title()).orElseThrow());
            Scene second = scenes.get(1);
            studio.summaries().saveMade(second.id(), "Ysolde and the ferryman argue. " + SUMMARY_FACT + ".",
                    second.prose().text());
            studio.canon().add(CanonFact.byWriter(storyId, CANON_FACT + "."));
        }
    }

    @Test
    void whatWasEstablishedEarlyReachesTheLastScenesPromptAtSmallAndLargeBudgets() {
        PromptReport small;
        PromptReport large;
        try (Studio studio = quire.open()) {
            long last = scenes.get(SCENES - 1).id();
            small = studio.prompts().preview(storyId, last, null, "Write the last crossing.", 8_000);
            large = studio.prompts().preview(storyId, last, null, "Write the last crossing.", 100_000);
        }

        for (PromptReport report : List.of(small, large)) {
            assertTrue(report.tokens() <= report.budget(), report.tokens() + " of " + report.budget());
            assertTrue(report.text().contains(SUMMARY_FACT), "scene 2's summary at " + report.budget());
            assertTrue(report.text().contains(CANON_FACT), "the canon at " + report.budget());
            assertTrue(has(report, "summary", scenes.get(1).id()), "scene 2 by its summary at " + report.budget());
        }
        int smallVerbatim = verbatimScenes(small);
        int largeVerbatim = verbatimScenes(large);
        assertTrue(smallVerbatim >= 1, "the nearest scene verbatim even at 8K: " + small.coverage().line());
        assertTrue(largeVerbatim > smallVerbatim, "100K: " + large.coverage().line() + "; 8K: "
                + small.coverage().line());
        assertTrue(largeVerbatim >= 10, "a large window carries many of the nearest scenes: " + largeVerbatim);
    }

    @Test
    void withEverySceneSummarisedThePromptCarriesEveryEarlierSceneOneWayOrAnother() {
        try (Studio studio = quire.open()) {
            for (Scene s : scenes) {
                if (s.position() == 1) {
                    continue; // scene 2 keeps the summary with the fact in it
                }
                studio.summaries().saveMade(s.id(), "Scene " + (s.position() + 1) + ": the ferry crosses again.",
                        s.prose().text());
            }
        }

        Quire.Run run = quire.run("prompt", "--story", TITLE, "--scene", String.valueOf(SCENES), "--instruction",
                "Write the last crossing.", "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        Set<Long> carried = new HashSet<>();
        for (JsonNode item : json.get("included")) {
            assertTrue(item.has("kind") && item.has("id"), item.toString());
            String kind = item.get("kind").asText();
            if (kind.equals("summary") || kind.equals("scene")) {
                carried.add(item.get("id").asLong());
            }
            if (kind.equals("summary")) {
                assertFalse(item.get("stale").asBoolean(), "made from the text as it is: " + item);
            }
        }
        for (Scene s : scenes.subList(0, SCENES - 1)) {
            assertTrue(carried.contains(s.id()), "scene " + (s.position() + 1) + " is carried; coverage: "
                    + json.get("coverage").asText());
        }
        String coverage = json.get("coverage").asText();
        assertTrue(coverage.startsWith("scenes 1–") && coverage.contains("by summary") && coverage.contains("verbatim")
                && !coverage.contains("left out"), coverage);
        String system = json.get("messages").get(0).get("content").asText();
        assertTrue(system.contains(SUMMARY_FACT) && system.contains(CANON_FACT), "both facts at the default budget");
    }

    private static boolean has(PromptReport report, String kind, long id) {
        return report.included().stream().anyMatch(i -> i.kind().equals(kind) && i.id() == id);
    }

    /** Earlier scenes whose text went in: the scene worked on is a "scene" item too, and is not counted. */
    private int verbatimScenes(PromptReport report) {
        long last = scenes.get(SCENES - 1).id();
        return (int) report.included().stream().filter(i -> i.kind().equals("scene") && i.id() != last).count();
    }

    /** Twelve chapters under level-1 headings, ten scenes each under level-2 ones, 1,250 words a scene. */
    static String manuscript() {
        Random random = new Random(120);
        StringBuilder md = new StringBuilder("---\ntitle: " + TITLE + "\n---\n\n");
        int scene = 0;
        for (int c = 1; c <= CHAPTERS; c++) {
            md.append("# Chapter ").append(c).append(": ").append(word(random, PLACES)).append("\n\n");
            for (int s = 1; s <= SCENES_PER_CHAPTER; s++) {
                scene++;
                md.append("## ").append(word(random, NAMES)).append(" at the ").append(word(random, PLACES))
                        .append(' ').append(scene).append("\n\n");
                prose(md, random, scene);
            }
        }
        return md.toString();
    }

    /** About 125 words a paragraph, ten paragraphs: sentences of a small vocabulary, each scene told apart. */
    private static void prose(StringBuilder md, Random random, int scene) {
        int words = 0;
        int inParagraph = 0;
        md.append("Scene ").append(scene).append(" begins. ");
        words += 3;
        while (words < WORDS_PER_SCENE) {
            String sentence = word(random, NAMES) + " " + word(random, VERBS) + " the " + word(random, THINGS)
                    + " by the " + word(random, PLACES) + " while the " + word(random, THINGS) + " "
                    + word(random, VERBS) + ".";
            md.append(sentence);
            words += 10;
            inParagraph += 10;
            if (inParagraph >= 125) {
                md.append("\n\n");
                inParagraph = 0;
            } else {
                md.append(' ');
            }
        }
        md.append("\n\n");
    }

    private static String word(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static final String[] NAMES = {"Ysolde", "Bram", "Petra", "Old Hal", "Mirren", "Tobias", "Agnete"};
    private static final String[] VERBS = {"watches", "mends", "carries", "counts", "remembers", "hides", "sells"};
    private static final String[] THINGS = {"rope", "lantern", "ledger", "gull", "current", "tarpaulin", "bell"};
    private static final String[] PLACES = {"landing", "causeway", "boathouse", "weir", "toll gate", "mill race"};
}
