package dev.quire.prompt;

import dev.quire.model.Scene;
import dev.quire.model.Words;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.quire.prompt.Fixture.all;
import static dev.quire.prompt.Fixture.dropped;
import static dev.quire.prompt.Fixture.included;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The earlier scenes of a long story: verbatim, by summary, by chapter summary, and every one of them there. */
class StorySoFarTest {

    static final int SMALL = Fixture.SMALL_BUDGET;
    static final int LARGE = 100_000;

    final Fixture f = new Fixture();

    /** 150,000 words in 120 scenes in 12 chapters, all summarised; the request is for scene 120. */
    private void longStory() {
        f.longStory(120, 10, 1250);
        f.target = f.scenes.get(119);
    }

    private static List<Integer> carried(Coverage c) {
        List<Integer> all = new ArrayList<>();
        all.addAll(c.verbatim());
        all.addAll(c.bySummary());
        all.addAll(c.byChapter());
        all.sort(null);
        return all;
    }

    private static long count(AssembledPrompt p, String kind) {
        return p.report().included().stream().filter(i -> i.kind().equals(kind)).count();
    }

    @ParameterizedTest
    @ValueSource(ints = {SMALL, LARGE})
    void everyEarlierSceneOfALongStoryIsCarried(int budget) {
        longStory();
        f.budget = budget;

        AssembledPrompt p = f.assemble();
        Coverage c = p.report().coverage();

        assertTrue(p.tokens() <= budget, p.tokens() + " > " + budget);
        assertEquals(IntStream.rangeClosed(1, 119).boxed().toList(), carried(c), c.line());
        assertTrue(c.complete(), c.line());
        assertTrue(p.report().dropped().stream().noneMatch(d -> d.kind().equals("scene")
                || d.kind().equals("summary") || d.kind().equals("chapter-summary")), p.report().dropped().toString());
        assertFalse(all(p).contains("S120-SUMMARY"), "the scene worked on is not part of the story so far");
    }

    @Test
    void aLargerBudgetCarriesManyMoreScenesVerbatim() {
        longStory();
        f.budget = SMALL;
        AssembledPrompt small = f.assemble();
        f.budget = LARGE;
        AssembledPrompt large = f.assemble();

        long smallVerbatim = count(small, "scene");
        long largeVerbatim = count(large, "scene");
        // "scene" also counts the scene worked on, sent as it stands
        assertTrue(smallVerbatim >= 2 && smallVerbatim <= 4, "an 8K budget keeps about 3,000 words: " + smallVerbatim);
        assertTrue(largeVerbatim >= 10 * (smallVerbatim - 1), smallVerbatim + " then " + largeVerbatim);
        assertTrue(all(large).contains("S100-TEXT") && !all(small).contains("S100-TEXT"));
        assertTrue(all(small).contains("S119-TEXT"), "the nearest scene at any budget");
    }

    @ParameterizedTest
    @ValueSource(ints = {SMALL, LARGE})
    void aFactInTheSecondScenesSummaryReachesTheHundredAndTwentieth(int budget) {
        longStory();
        f.budget = budget;

        AssembledPrompt p = f.assemble();
        Coverage c = p.report().coverage();

        assertTrue(all(p).contains(Fixture.fact(2)), c.line());
        if (budget == SMALL) {
            assertTrue(c.byChapter().contains(2) && included(p, "chapter-summary", f.chapters.get(0).id()),
                    "by chapter 1's summary: " + c.line());
        } else {
            assertTrue(c.bySummary().contains(2) && included(p, "summary", f.scenes.get(1).id()),
                    "by its own summary: " + c.line());
        }
    }

    @Test
    void chapterSummariesCarryTheScenesWhoseOwnSummariesNoLongerFit() {
        longStory();
        f.budget = SMALL;

        AssembledPrompt p = f.assemble();
        Coverage c = p.report().coverage();
        String text = all(p);

        assertFalse(c.chapters().isEmpty(), c.line());
        assertFalse(c.bySummary().isEmpty(), "the nearest still one by one: " + c.line());
        assertTrue(c.bySummary().get(0) > c.byChapter().get(c.byChapter().size() - 1),
                "chapters for the oldest, scene summaries for the nearest: " + c.line());
        assertTrue(text.contains("## Part One, Chapter 1: C1 (summary of scenes 1–10)\n\nCH1-SUMMARY FACT-001-MARK."),
                text.substring(0, Math.min(text.length(), 3000)));
        assertFalse(text.contains("S1-SUMMARY"), "scene 1 goes by its chapter's summary");
    }

    @ParameterizedTest
    @ValueSource(ints = {SMALL, LARGE})
    void theStorySoFarIsInStoryOrderWhateverOrderItWasChosenIn(int budget) {
        longStory();
        f.budget = budget;

        String text = all(f.assemble());

        List<Integer> at = new ArrayList<>();
        for (int n = 1; n <= 119; n++) {
            int i = Math.max(text.indexOf(Fixture.fact(n)), text.indexOf("S" + n + "-TEXT"));
            assertTrue(i >= 0, "scene " + n);
            at.add(i);
        }
        for (int n = 1; n < at.size(); n++) {
            assertTrue(at.get(n - 1) < at.get(n), "scene " + n + " before scene " + (n + 1));
        }
        assertTrue(text.indexOf("# The story so far") < at.get(0));
    }

    @Test
    void aChapterThatReachesTheSceneWorkedOnIsNotSummarised() {
        longStory();
        f.target = f.scenes.get(24); // scene 25, in the middle of chapter 3
        f.budget = SMALL;

        AssembledPrompt p = f.assemble();

        assertFalse(all(p).contains("CH3-SUMMARY"), "its summary would tell what happens after scene 25");
        assertFalse(all(p).contains(Fixture.fact(26)));
        assertTrue(p.report().coverage().complete(), p.report().coverage().line());
        assertTrue(all(p).contains(Fixture.fact(21)), "scenes 21-24 by their own summaries");
    }

    @Test
    void staleSummariesAreStillUsedAndMarkedStale() {
        Scene one = f.scene("One", Fixture.prose("ONE-TEXT", 3000), "ONE-SUMMARY");
        Scene two = f.scene("Two", Fixture.prose("TWO-TEXT", 3000), "TWO-SUMMARY");
        f.scene("Three", Fixture.prose("THREE-TEXT", 2000), "THREE-SUMMARY");
        f.stale.add(one.id());
        f.budget = SMALL;

        AssembledPrompt p = f.assemble();

        assertTrue(all(p).contains("ONE-SUMMARY") && all(p).contains("TWO-SUMMARY"));
        PromptReport.Included first = find(p, "summary", one.id());
        PromptReport.Included second = find(p, "summary", two.id());
        assertTrue(first.stale(), "marked");
        assertFalse(second.stale());
        assertEquals(1, p.report().coverage().stale());
        assertEquals("scenes 1–2 by summary (1 stale), 3 verbatim", p.report().coverage().line());
    }

    /** From the end of {@code marker} to the next heading or the end of the message. */
    private static String section(String text, String marker) {
        int from = text.indexOf(marker);
        assertTrue(from >= 0, marker);
        from += marker.length();
        int to = text.indexOf("\n\n#", from);
        return text.substring(from, to < 0 ? text.length() : to);
    }

    private static PromptReport.Included find(AssembledPrompt p, String kind, long id) {
        PromptReport.Included found = p.report().included().stream()
                .filter(i -> i.kind().equals(kind) && i.id() == id).findFirst().orElse(null);
        assertNotNull(found, kind + " " + id + " in " + p.report().included());
        return found;
    }

    @Test
    void theVerbatimCapIsHonouredWhateverTheBudget() {
        longStory();
        f.budget = LARGE;
        f.maxVerbatimWords = 3000;

        AssembledPrompt p = f.assemble();

        assertEquals(List.of(118, 119), p.report().coverage().verbatim(), "two scenes of 1,250 words fit in 3,000");
        assertTrue(p.report().coverage().complete());

        f.maxVerbatimWords = 500;
        String end = all(f.assemble());
        String kept = section(end, "## Scene 119: S119 (its end)\n\n[…] ");
        assertTrue(Words.count(kept) <= 500 && Words.count(kept) > 400, Words.count(kept) + " words of its end");
        assertFalse(end.contains("S119-TEXT"), "not its start");

        f.maxVerbatimWords = 0;
        AssembledPrompt none = f.assemble();
        assertEquals(List.of(), none.report().coverage().verbatim());
        assertTrue(none.report().coverage().complete(), "all by summary: " + none.report().coverage().line());
    }

    @Test
    void pinnedScenesGoInWhateverTheCapAndTheCoverageCountsThem() {
        longStory();
        f.pin(f.scenes.get(4));
        f.budget = SMALL;
        f.maxVerbatimWords = 0;

        AssembledPrompt p = f.assemble();

        assertTrue(all(p).contains("S5-TEXT"));
        assertEquals(List.of(5), p.report().coverage().verbatim());
        assertTrue(p.report().coverage().complete(), p.report().coverage().line());
    }

    @Test
    void aSceneWithNoSummaryOutsideTheWindowIsReportedNeverSilentlyLost() {
        f.longStory(30, 10, 1250);
        List<Scene> scenes = f.scenes;
        Scene bare = scenes.get(24).withDetails("S25", "", null, List.of(), false);
        scenes.set(24, bare);
        f.chapters.set(2, f.chapters.get(2).withSummary("", "", false)); // nor its chapter
        f.budget = SMALL;

        AssembledPrompt p = f.assemble();

        assertTrue(dropped(p, "scene", bare.id(), PromptReport.NO_SUMMARY), p.report().dropped().toString());
        assertEquals(List.of(25), p.report().coverage().leftOut());
        assertTrue(p.report().coverage().line().endsWith("scene 25 left out"), p.report().coverage().line());
    }

    @Test
    void theCoverageLineNamesScenesAndChaptersFromOne() {
        longStory();
        f.budget = SMALL;
        Coverage c = f.assemble().report().coverage();

        String line = c.line();
        int firstBySummary = c.bySummary().get(0);
        int lastChapter = c.chapters().get(c.chapters().size() - 1);
        assertTrue(lastChapter >= 2, line);
        assertEquals("scenes " + firstBySummary + "–" + c.bySummary().get(c.bySummary().size() - 1)
                + " by summary, " + c.verbatim().get(0) + "–119 verbatim, chapters 1–" + lastChapter
                + " by chapter summary", line);
        assertEquals(IntStream.range(1, firstBySummary).boxed().toList(), c.byChapter(), line);
        assertEquals(IntStream.rangeClosed(1, (firstBySummary - 2) / 10 + 1).boxed().toList(), c.chapters(), line);
    }

    @RepeatedTest(40)
    void everyEarlierSceneIsCarriedOrSaidToBeLeftOutNeverOverTheBudget(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 31L);
        int count = 1 + random.nextInt(60);
        List<Scene> chapter = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Scene s = f.scene("S" + n, Fixture.prose("S" + n + "-TEXT", random.nextInt(2500)),
                    random.nextInt(5) == 0 ? "" : Fixture.prose(Fixture.fact(n), 10 + random.nextInt(80)));
            if (random.nextInt(15) == 0) {
                s = f.pin(s);
            }
            if (random.nextInt(6) == 0) {
                f.stale.add(s.id());
            }
            chapter.add(s);
            if (random.nextInt(8) == 0 || n == count) {
                if (random.nextInt(4) != 0) { // some scenes in no chapter
                    f.chapter("C" + n, "", random.nextInt(5) == 0 ? "" : Fixture.prose("CH", 20 + random.nextInt(150)),
                            chapter.toArray(new Scene[0]));
                }
                chapter.clear();
            }
        }
        if (random.nextBoolean()) {
            f.target = f.scenes.get(random.nextInt(count));
        }
        if (random.nextInt(4) == 0) {
            f.maxVerbatimWords = random.nextInt(5000);
        }
        int essentials = f.essentials();
        f.budget = essentials + random.nextInt(random.nextBoolean() ? 3000 : 60_000);

        AssembledPrompt p = f.assemble();
        Coverage c = p.report().coverage();

        assertTrue(p.tokens() <= f.budget, p.tokens() + " > " + f.budget);
        int earlier = f.target == null ? count : f.target.position();
        List<Integer> all = new ArrayList<>(carried(c));
        all.addAll(c.leftOut());
        all.sort(null);
        assertEquals(IntStream.rangeClosed(1, earlier).boxed().toList(), all, "each scene once: " + c.line());
        Set<Long> saidLeftOut = new HashSet<>();
        for (PromptReport.Dropped d : p.report().dropped()) {
            if (d.kind().equals("chapter-summary")) {
                f.sceneChapters.forEach((scene, ch) -> {
                    if (ch == d.id()) {
                        saidLeftOut.add(scene);
                    }
                });
            } else if (d.kind().equals("scene") || d.kind().equals("summary")) {
                saidLeftOut.add(d.id());
            }
        }
        for (int n : c.leftOut()) {
            assertTrue(saidLeftOut.contains(f.scenes.get(n - 1).id()), "scene " + n + " left out silently: "
                    + p.report().dropped());
        }
        if (f.maxVerbatimWords != null) {
            int words = 0;
            for (int n : c.verbatim()) {
                Scene s = f.scenes.get(n - 1);
                words += s.pinned() || all(p).contains(StorySoFar.sceneLabel(s) + " (its end)") ? 0 : s.wordCount();
            }
            assertTrue(words <= f.maxVerbatimWords, words + " > " + f.maxVerbatimWords);
        }
    }
}
