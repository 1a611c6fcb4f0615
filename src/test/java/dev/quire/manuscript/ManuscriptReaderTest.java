package dev.quire.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Span;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.studio.manuscript.ManuscriptReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.quire.manuscript.Manuscripts.describe;
import static dev.quire.manuscript.Manuscripts.docx;
import static dev.quire.manuscript.Manuscripts.runs;
import static dev.quire.manuscript.Manuscripts.styled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading manuscripts into scenes: pure, nothing is written. */
class ManuscriptReaderTest {

    private static Manuscript markdown(String text) {
        return read(text, Format.MARKDOWN, "draft.md");
    }

    private static Manuscript text(String text) {
        return read(text, Format.TEXT, "draft.txt");
    }

    private static Manuscript read(String text, Format format, String name) {
        return ManuscriptReader.read(text.getBytes(StandardCharsets.UTF_8), format, Path.of(name), null);
    }

    @Test
    void aMarkdownManuscriptWithItalicsAndThreeSceneBreaksReadsAsFourScenes() {
        Manuscript m = markdown(Manuscripts.LIGHTHOUSE);

        assertEquals("The Lighthouse Keeper", m.title());
        assertEquals(List.of(
                "[] The lamp had been lit at _six_, as it was every night, and the keeper's daughter watched it"
                        + " turn. ¶ She climbed the stairs. The _sea_ was loud tonight.",
                "[] Morning came **grey** and late, and with it the supply boat.",
                "[] A letter arrived. It said _come home_, and nothing else.",
                "[] The end, or _**nearly**_ the end."), describe(m));
        Prose first = m.scenes().get(0).prose();
        assertTrue(first.spans().stream().anyMatch(Span::italic), "italic spans are kept");
        assertEquals("six", italicText(first).get(0));
    }

    private static List<String> italicText(Prose p) {
        List<String> out = new java.util.ArrayList<>();
        int at = 0;
        for (Span s : p.spans()) {
            if (s.italic()) {
                out.add(p.text().substring(at, at + s.length()));
            }
            at += s.length();
        }
        return out;
    }

    @Test
    void markdownListItemsAndTableRowsAreEachAParagraph() {
        Manuscript m = markdown("""
                She made a list:

                - salt
                - rope, and
                  the good lamp
                * bread

                1. Wake
                2. Walk
                The 1984 tide tables
                were wrong.

                | Day | Tide |
                |-----|:----:|
                | Mon | 3.2 m |
                | Tue | 3.4 m |

                After.
                """);

        assertEquals(List.of("[] She made a list: ¶ • salt ¶ • rope, and the good lamp ¶ • bread ¶ 1. Wake ¶ 2. Walk"
                + " The 1984 tide tables were wrong. ¶ Day | Tide ¶ Mon | 3.2 m ¶ Tue | 3.4 m ¶ After."), describe(m));
    }

    @ParameterizedTest
    @ValueSource(strings = {"***", "* * *", "---", "___", "#", "§", "~~~", "        *", "⁂", "• • •", "- - -",
            "# # #", "=", "  *  *  *  "})
    void aSceneBreakLineOfItsOwnSplitsScenes(String breakLine) {
        Manuscript m = markdown("First scene.\n\n" + breakLine + "\n\nSecond scene.\n");

        assertEquals(List.of("[] First scene.", "[] Second scene."), describe(m), "break: " + breakLine);
    }

    @Test
    void headingsStartTitledScenesAndALoneTopHeadingIsTheStoryTitle() {
        Manuscript m = markdown("""
                # Salt and Iron

                ## The Harbour

                Gulls over the *harbour*.

                ## The Forge
                Sparks.

                ***

                Later, ash.
                """);

        assertEquals("Salt and Iron", m.title());
        assertEquals(List.of("[The Harbour] Gulls over the _harbour_.", "[The Forge] Sparks.", "[] Later, ash."),
                describe(m));
    }

    @Test
    void severalTopHeadingsAreScenesAndTheTitleComesFromTheFileName() {
        Manuscript m = read("# One\n\nA.\n\n# Two\n\nB.\n", Format.MARKDOWN, "the_long_night.md");

        assertEquals("the long night", m.title());
        assertEquals(List.of("[One] A.", "[Two] B."), describe(m));
    }

    @Test
    void aHeadingStraightAfterAnotherJoinsItsTitleAndABreakUnderAHeadingStartsNothing() {
        Manuscript m = markdown("## Part One\n\n### Arrival\n\n***\n\nThe train.\n\n***\n\n***\n\nThe hotel.\n");

        assertEquals(List.of("[Part One: Arrival] The train.", "[] The hotel."), describe(m));
    }

    @Test
    void markdownEmphasisFollowsMarkdownsRules() {
        Manuscript m = markdown("A snake_case_name, 5 * 3 * 2, __strong__, *a* **b**, \\*not\\* and"
                + " [a link](http://example.com) and un*believ*able.\n");

        assertEquals(List.of("[] A snake_case_name, 5 * 3 * 2, **strong**, _a_ **b**, *not* and a link and"
                + " un_believ_able."), describe(m));
    }

    @Test
    void frontMatterGivesTheTitleAndIsNotText() {
        Manuscript m = markdown("---\ntitle: \"The Quiet Year\"\nauthor: Me\n---\n\nIt began.\n");

        assertEquals("The Quiet Year", m.title());
        assertEquals(List.of("[] It began."), describe(m));
    }

    @Test
    void plainTextWrappedByHandJoinsItsLinesAndUnderlinedLinesAreHeadings() {
        Manuscript m = text("""
                The Quiet Year
                ==============

                Chapter 1

                It began in the spring,
                when the river rose.

                A second paragraph.

                The Flood
                ---------

                Water *everywhere*.
                """);

        assertEquals("The Quiet Year", m.title());
        assertEquals(List.of("[Chapter 1] It began in the spring, when the river rose. ¶ A second paragraph.",
                "[The Flood] Water _everywhere_."), describe(m));
    }

    @Test
    void plainTextWithOneLinePerParagraphKeepsEachLineAParagraph() {
        String longLine = "She walked along the sea wall for a long time, counting the lamps, and did not once look"
                + " back at the house where the light was still on.";
        Manuscript m = text(longLine + "\n\"Yes.\"\n" + longLine + "\n\n* * *\n\nNext.\n");

        assertEquals(2, m.scenes().size());
        assertEquals(3, m.scenes().get(0).paragraphCount());
        assertEquals("\"Yes.\"", m.scenes().get(0).paragraphs().get(1));
    }

    @Test
    void aSentenceAboveDashesIsTextAndTheDashesABreak() {
        Manuscript m = text("She left.\n---\nHe stayed.\n");

        assertEquals(List.of("[] She left.", "[] He stayed."), describe(m));
    }

    @Test
    void utf16AndByteOrderMarksAreRead() {
        String s = "\uFEFFÉté.\n\n***\n\nHiver.\n";

        Manuscript le = ManuscriptReader.read(s.getBytes(StandardCharsets.UTF_16LE), Format.TEXT, Path.of("a.txt"), null);
        Manuscript utf8 = ManuscriptReader.read(s.getBytes(StandardCharsets.UTF_8), Format.TEXT, Path.of("a.txt"), null);
        Manuscript noMark = ManuscriptReader.read(s.substring(1).getBytes(StandardCharsets.UTF_16BE), Format.TEXT,
                Path.of("a.txt"), null);

        List<String> expected = List.of("[] Été.", "[] Hiver.");
        assertEquals(expected, describe(le));
        assertEquals(expected, describe(utf8));
        assertEquals(expected, describe(noMark));
    }

    @Test
    void aWordDocumentKeepsHeadingsBreaksItalicAndBold() {
        byte[] bytes = docx(
                styled("Title", "Winter Orchard"),
                styled("Heading1", "Frost"),
                runs("The trees were ", "_silver_", " at dawn, and ", "**very**", " still."),
                "",
                runs("\tShe counted them."),
                "* * *",
                "After the thaw.",
                styled("Heading2", "Blossom"),
                runs("Pink, ", "_everywhere_", "."));

        Manuscript m = ManuscriptReader.read(bytes, Format.DOCX, Path.of("orchard.docx"), null);

        assertEquals("Winter Orchard", m.title());
        // Heading 1 and Heading 2 both: the first is a chapter, and the text under it its scenes
        assertEquals(List.of("Frost"), m.chapters());
        assertEquals(List.of("[] The trees were _silver_ at dawn, and **very** still. ¶ She counted them.",
                "[] After the thaw.", "[Blossom] Pink, _everywhere_."), describe(m));
        assertEquals(Optional.of("Frost"), m.chapterOf(2));
    }

    @Test
    void aNovelLengthManuscriptWithNoBreaksAndAParagraphFullOfAsterisksIsReadWhole() {
        StringBuilder novel = new StringBuilder("# Long\n\n");
        for (int i = 0; i < 20_000; i++) {
            novel.append("Paragraph ").append(i).append(" has *some* emphasis, a stray * star and **bold**.\n\n");
        }
        novel.append("a*".repeat(100_000)).append('\n');

        Manuscript m = markdown(novel.toString());

        assertEquals(1, m.scenes().size());
        assertEquals(20_001, m.scenes().get(0).paragraphCount());
        assertEquals("Paragraph 19999 has some emphasis, a stray * star and bold.",
                m.scenes().get(0).paragraphs().get(19_999));
        assertEquals("a".repeat(100_000), m.scenes().get(0).paragraphs().get(20_000),
                "a*a* is emphasis, read in linear time");
    }
}
