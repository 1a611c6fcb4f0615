package dev.quire.manuscript;

import dev.quire.model.Chapter;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.DraftScene;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.studio.manuscript.ManuscriptImport;
import dev.quire.studio.manuscript.ManuscriptReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.quire.manuscript.Manuscripts.describe;
import static dev.quire.manuscript.Manuscripts.docx;
import static dev.quire.manuscript.Manuscripts.styled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Level-1 headings over level-2 ones are chapters: read, adjusted in the preview, and committed. */
class ChapterImportTest {

    /** A prologue in no chapter, two chapters of titled scenes, text straight under a chapter's heading. */
    static final String FERRY = """
            ---
            title: The Ferry Year
            ---

            ## Before

            The river froze the winter before.

            # Spring

            ## Thaw

            Ice broke on the *river*.

            * * *

            The ferry ran again.

            # Summer

            Summer came late.

            ## Regatta

            Boats and **flags**.
            """;

    @TempDir
    Path dir;

    private static Manuscript read(String markdown, String name) {
        return ManuscriptReader.read(markdown.getBytes(StandardCharsets.UTF_8), Format.MARKDOWN, Path.of(name), null);
    }

    /** Each scene as "chapter / [title] text". */
    private static List<String> outline(Manuscript m) {
        List<String> out = new ArrayList<>();
        List<String> scenes = describe(m);
        for (int i = 0; i < scenes.size(); i++) {
            out.add(m.chapterOf(i).orElse("-") + " / " + scenes.get(i));
        }
        return out;
    }

    @Test
    void levelOneHeadingsOverLevelTwoOnesAreChaptersWithTheirScenes() {
        Manuscript m = read(FERRY, "ferry.md");

        assertEquals("The Ferry Year", m.title());
        assertEquals(List.of("Spring", "Summer"), m.chapters());
        assertEquals(List.of(
                "- / [Before] The river froze the winter before.",
                "Spring / [Thaw] Ice broke on the _river_.",
                "Spring / [] The ferry ran again.",
                "Summer / [] Summer came late.",
                "Summer / [Regatta] Boats and **flags**."), outline(m));
    }

    @Test
    void aWordDocumentsHeading1sAreChaptersWhenHeading2sAreScenes() {
        byte[] bytes = docx(
                styled("Title", "The Ferry Year"),
                styled("Heading1", "Spring"),
                styled("Heading2", "Thaw"),
                "Ice broke on the river.",
                styled("Heading2", "Crossing"),
                "The ferry ran again.",
                styled("Heading1", "Summer"),
                styled("Heading2", "Regatta"),
                "Boats and flags.");

        Manuscript m = ManuscriptReader.read(bytes, Format.DOCX, Path.of("ferry.docx"), null);

        assertEquals("The Ferry Year", m.title());
        assertEquals(List.of("Spring", "Summer"), m.chapters());
        assertEquals(List.of("Spring / [Thaw] Ice broke on the river.", "Spring / [Crossing] The ferry ran again.",
                "Summer / [Regatta] Boats and flags."), outline(m));
    }

    @Test
    void oneLevelOfHeadingsStillMakesScenesAndNoChapters() {
        Manuscript levelOne = read("# Spring\n\nIce broke.\n\n# Summer\n\nBoats.\n", "seasons.md");
        Manuscript titled = read("# The Ferry Year\n\n## Spring\n\nIce broke.\n\n## Summer\n\nBoats.\n", "f.md");

        assertEquals(List.of(), levelOne.chapters());
        assertEquals(List.of("- / [Spring] Ice broke.", "- / [Summer] Boats."), outline(levelOne));
        assertEquals("The Ferry Year", titled.title(), "the title rule as before");
        assertEquals(List.of(), titled.chapters());
        assertEquals(List.of("- / [Spring] Ice broke.", "- / [Summer] Boats."), outline(titled));
    }

    @Test
    void aChapterHeadingStraightAfterAnotherMakesOneTitleOfBoth() {
        Manuscript m = read("# Part One\n\n# The Thaw\n\n## Ice\n\nIce broke.\n\n# The Heat\n\n## Boats\n\nBoats.\n",
                "ferry.md");

        assertEquals(List.of("Part One: The Thaw", "The Heat"), m.chapters());
        assertEquals("ferry", m.title(), "more than one level-1 heading: none of them is the title");
    }

    @Test
    void theAdjustmentsKeepEachSceneInItsChapter() {
        Manuscript m = read(FERRY, "ferry.md");

        Manuscript merged = m.mergeWithNext(2); // the last scene of Spring and the first of Summer
        assertEquals(Optional.of("Spring"), merged.chapterOf(2), "a merged scene stays in the first one's chapter");
        assertEquals(Optional.of("Summer"), merged.chapterOf(3));

        Manuscript split = read(FERRY.replace("The ferry ran again.", "The ferry ran again.\n\nIt was full."),
                "ferry.md").split(2, 1, "Full");
        assertEquals(Optional.of("Spring"), split.chapterOf(3), "the new half stays in its chapter");
        assertEquals("Full", split.scenes().get(3).title());

        assertEquals(Optional.of("Summer"), m.rename(3, "Late").chapterOf(3));
        assertEquals(List.of(DraftScene.NO_CHAPTER, 1, 1), m.remove(1).remove(1).scenes().stream()
                .map(DraftScene::chapter).toList());
        assertThrows(IllegalArgumentException.class, () -> new Manuscript("x", List.of(
                new DraftScene("a", dev.quire.model.Prose.plain("A."), 1),
                new DraftScene("b", dev.quire.model.Prose.plain("B."), 0)), List.of("One", "Two")),
                "scenes of a later chapter cannot come first");
    }

    @Test
    void committingCreatesTheChaptersWithTheirScenesInStoryOrder() {
        Manuscript m = read(FERRY, "ferry.md").remove(1).remove(1); // Spring keeps no scenes: it is not created
        Cli cli = new Cli(dir);

        try (Studio studio = cli.open()) {
            Story story = ManuscriptImport.commit(studio, m, null);

            List<Chapter> chapters = studio.chapters().list(story.id());
            assertEquals(List.of("Summer"), chapters.stream().map(Chapter::title).toList());
            List<Scene> scenes = studio.scenes().all(story.id());
            assertEquals(describe(m), describe(studio, story.id()));
            Map<Long, Long> sceneChapters = studio.chapters().sceneChapters(story.id());
            assertEquals(null, sceneChapters.get(scenes.get(0).id()), "the prologue is in no chapter");
            assertEquals(chapters.get(0).id(), sceneChapters.get(scenes.get(1).id()));
            assertEquals(chapters.get(0).id(), sceneChapters.get(scenes.get(2).id()));
            assertEquals(List.of(), studio.check(), "the library is sound");
        }
    }

    @Test
    void importSaysHowManyChaptersAndListsTheScenesUnderThem() throws Exception {
        Path file = dir.resolve("ferry.md");
        Files.writeString(file, FERRY);
        Cli cli = new Cli(dir);

        Cli.Run run = cli.run("import", file.toString());

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains(": 5 scenes in 2 chapters, "), run.out());
        String out = run.out();
        assertTrue(out.indexOf("Before") < out.indexOf("      Spring\n") && out.indexOf("      Spring\n")
                < out.indexOf("Thaw") && out.indexOf("      Summer\n") < out.indexOf("Regatta"), out);
        try (Studio studio = cli.open()) {
            long id = studio.stories().list().stream().filter(s -> s.title().equals("The Ferry Year")).findFirst()
                    .orElseThrow().id();
            assertEquals(List.of("Spring", "Summer"), studio.chapters().list(id).stream().map(Chapter::title)
                    .toList());
            assertEquals(4, studio.chapters().sceneChapters(id).size(), "every scene but the prologue");
        }
    }
}
