package dev.quire.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code quire export --layout book|manuscript} on the sample story, read as the XML a word processor reads: the
 * styles, the headers and footers with their PAGE fields, the first page, the scene breaks and the chapters.
 */
class LayoutExportTest {

    private static final String PAGE_BREAK_BEFORE = "(?s).*<w:pageBreakBefore(?: w:val=\"(?:on|true|1)\")?/>.*";

    @TempDir
    Path dir;

    /**
     * The sample story, by Ada Marsh, in two chapters of two scenes, with a break typed inside the last scene and
     * one typed at the end of the first, just before the break between the scenes.
     */
    private Cli sample() {
        Cli cli = new Cli(dir);
        try (Studio studio = cli.open()) {
            long id = studio.stories().list().get(0).id();
            List<Scene> scenes = studio.scenes().all(id);
            studio.chapters().startAt(scenes.get(0).id(), "The Watch");
            studio.chapters().startAt(scenes.get(2).id(), "The Ledgers");
            Prose opening = scenes.get(0).prose();
            studio.scenes().saveProse(scenes.get(0).id(), opening.replace(opening.text().length(),
                    opening.text().length(), Prose.plain("\n* * *")));
            Scene last = scenes.get(3);
            int firstBreak = last.prose().text().indexOf('\n');
            studio.scenes().saveProse(last.id(), last.prose().replace(firstBreak, firstBreak,
                    Prose.plain("\n* * *")));
        }
        Cli.Run set = cli.run("story", "--story", "The Remarks Column", "--set", "author=Ada Marsh",
                "--set", "contact=12 Ferry Lane\\nPortsmouth PO1 2AB", "--set", "email=ada@example.com");
        assertEquals(0, set.code(), set.toString());
        return cli;
    }

    @ParameterizedTest
    @CsvSource({"times, Times New Roman", "courier, Courier New"})
    void aManuscriptIsInTwelvePointDoubleSpacedWithHalfInchIndents(String font, String face) throws Exception {
        Cli cli = sample();
        Path out = dir.resolve("remarks.docx");
        Cli.Run run = cli.run("export", "--story", "The Remarks Column", "--format", "docx", "--layout", "manuscript",
                "--font", font, "--out", out.toString());
        assertEquals(0, run.code(), run.toString());
        Docx docx = Docx.read(out);

        String defaults = docx.docDefaults();
        assertTrue(defaults.contains("w:ascii=\"" + face + "\""), defaults);
        assertTrue(defaults.contains("<w:sz w:val=\"24\"/>"), "12 pt: " + defaults);
        String normal = docx.styleXml("Normal");
        assertTrue(normal.contains("w:line=\"480\"") && normal.contains("w:lineRule=\"auto\""), "double: " + normal);
        assertTrue(normal.contains("w:firstLine=\"720\""), "a half-inch first-line indent: " + normal);
        assertTrue(normal.contains("w:after=\"0\""), "no space between paragraphs: " + normal);
        assertTrue(docx.document().contains("<w:pgMar w:top=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:right=\"1440\""),
                "1-inch margins");
    }

    @Test
    void aManuscriptsFirstPageHasTheContactBlockTheWordCountTitleAndByline() throws Exception {
        Cli cli = sample();
        Path out = dir.resolve("remarks.docx");
        assertEquals(0, cli.run("export", "--story", "1", "--format", "docx", "--layout", "manuscript", "--out",
                out.toString()).code());
        List<String> paragraphs = Docx.read(out).paragraphs();

        assertEquals("ContactBlock", Docx.style(paragraphs.get(0)));
        assertEquals("Ada Marsh\tabout 1,800 words\n12 Ferry Lane\nPortsmouth PO1 2AB\nada@example.com",
                Docx.text(paragraphs.get(0)), "the sample's 1,756 words rounded to the nearest 100");
        assertTrue(Docx.read(out).styleXml("ContactBlock").contains("<w:tab w:val=\"right\" w:pos=\"9360\"/>"),
                "the count is set against the right margin by a tab stop");
        assertEquals("Title", Docx.style(paragraphs.get(1)));
        assertEquals("The Remarks Column", Docx.text(paragraphs.get(1)));
        assertTrue(paragraphs.get(1).matches("(?s).*<w:spacing w:before=\"(\\d{4})\"/>.*"),
                "halfway down by spacing, not by blank lines: " + paragraphs.get(1));
        assertEquals("by Ada Marsh", Docx.text(paragraphs.get(2)));
        for (String p : paragraphs) {
            assertFalse(Docx.text(p).isBlank(), "no blank paragraph lays anything out: " + p);
        }
    }

    @Test
    void aManuscriptHasARunningHeaderWithSurnameTitleAndPageAfterTheFirstPage() throws Exception {
        Cli cli = sample();
        Path out = dir.resolve("remarks.docx");
        assertEquals(0, cli.run("export", "--story", "1", "--layout", "manuscript", "--out", out.toString()).code());
        Docx docx = Docx.read(out);

        assertTrue(docx.headers().contains("Marsh / The Remarks Column / </w:t>"), docx.headers());
        assertTrue(docx.headers().contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"),
                docx.headers());
        assertTrue(docx.document().contains("<w:headerReference w:type=\"first\""), "the first page has its own");
        assertTrue(docx.document().contains("<w:titlePg/>"), "and Word is told to use it");
        String first = docx.headers().split("\n")[0].contains("PAGE") ? docx.headers().split("\n")[1]
                : docx.headers().split("\n")[0];
        assertFalse(first.contains("<w:t"), "the first page's header is empty: " + first);

        // a short title replaces the title in the header
        assertEquals(0, cli.run("story", "--story", "1", "--set", "short-title=Remarks").code());
        assertEquals(0, cli.run("export", "--story", "1", "--layout", "manuscript", "--out", out.toString()).code());
        assertTrue(Docx.read(out).headers().contains("Marsh / Remarks / </w:t>"), Docx.read(out).headers());
    }

    @Test
    void aManuscriptPartsScenesWithHashesStartsChaptersOnNewPagesAndEndsWithEnd() throws Exception {
        Cli cli = sample();
        Path out = dir.resolve("remarks.docx");
        assertEquals(0, cli.run("export", "--story", "1", "--layout", "manuscript", "--out", out.toString()).code());
        Docx docx = Docx.read(out);
        List<String> paragraphs = docx.paragraphs();

        List<String> headings = paragraphs.stream().filter(p -> Docx.style(p).equals("Heading1")).toList();
        assertEquals(List.of("The Watch", "The Ledgers"), headings.stream().map(Docx::text).toList());
        for (String h : headings) {
            assertTrue(h.matches(PAGE_BREAK_BEFORE), "each chapter starts a new page: " + h);
        }
        String heading1 = docx.styleXml("Heading1");
        assertTrue(heading1.contains("w:before=\"3840\""), "a third of the way down: " + heading1);

        List<String> breaks = paragraphs.stream().filter(p -> Docx.style(p).equals("SceneBreak")).toList();
        assertEquals(List.of("#", "#", "#"), breaks.stream().map(Docx::text).toList(),
                "between the two scenes of each chapter, and where the writer typed a break; never two together");
        assertTrue(docx.styleXml("SceneBreak").contains("<w:jc w:val=\"center\"/>"));
        assertFalse(docx.document().contains("Nine O’Clock, Greenwich Time"), "scene titles are not printed");
        assertFalse(docx.document().contains("* * *"), "the writer's break is a # too");
        assertEquals("END", Docx.text(paragraphs.get(paragraphs.size() - 1)));
        assertTrue(docx.document().contains("<w:i w:val=\"on\"/>") || docx.document().contains("<w:i/>"),
                "italics stay italics");
        assertFalse(docx.document().contains("<w:u "), "and are not underlined unless asked");

        assertEquals(0, cli.run("export", "--story", "1", "--layout", "manuscript", "--underline-italics", "--out",
                out.toString()).code());
        Docx underlined = Docx.read(out);
        assertTrue(underlined.document().contains("<w:u w:val=\"single\"/>"), "asked for: underlined");
        assertFalse(underlined.document().contains("<w:i "), "instead of italic");
    }

    @Test
    void aBookHasATitlePageFirstLineIndentsChaptersOnNewPagesAndPageNumbersBelow() throws Exception {
        Cli cli = sample();
        Path out = dir.resolve("remarks.docx");
        Cli.Run run = cli.run("export", "--story", "1", "--format", "docx", "--layout", "book", "--out",
                out.toString());
        assertEquals(0, run.code(), run.toString());
        Docx docx = Docx.read(out);
        List<String> paragraphs = docx.paragraphs();

        assertTrue(docx.footers().contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"),
                docx.footers());
        assertTrue(docx.document().contains("<w:footerReference w:type=\"default\""), docx.document());
        assertTrue(docx.document().contains("<w:titlePg/>"), "no number on the title page");
        assertTrue(docx.styleXml("Normal").matches("(?s).*w:firstLine=\"[1-9]\\d*\".*"), docx.styleXml("Normal"));
        assertTrue(docx.styleXml("FirstParagraph").contains("w:firstLine=\"0\""), "none on a first paragraph");
        assertTrue(docx.docDefaults().contains("Palatino"), "a serif face: " + docx.docDefaults());
        assertTrue(docx.docDefaults().contains("w:after=\"0\""), "no space after paragraphs");

        assertEquals(List.of("Title", "Author"), paragraphs.subList(0, 2).stream().map(Docx::style).toList());
        assertEquals(List.of("The Remarks Column", "Ada Marsh"), paragraphs.subList(0, 2).stream().map(Docx::text)
                .toList());
        for (int i = 1; i < paragraphs.size(); i++) {
            String style = Docx.style(paragraphs.get(i - 1));
            boolean heading = Docx.style(paragraphs.get(i)).startsWith("Heading");
            if ((style.startsWith("Heading") || style.equals("SceneBreak")) && !heading) {
                assertEquals("FirstParagraph", Docx.style(paragraphs.get(i)), "after " + paragraphs.get(i - 1));
            }
        }
        List<String> chapters = paragraphs.stream().filter(p -> Docx.style(p).equals("Heading1")).toList();
        assertEquals(2, chapters.size());
        chapters.forEach(c -> assertTrue(c.matches(PAGE_BREAK_BEFORE), c));
        assertTrue(docx.core().contains("<dc:creator>Ada Marsh</dc:creator>"), docx.core());
    }

    @Test
    void thePenNameIsTheBylineAndTheFilesAuthor() throws Exception {
        Cli cli = sample();
        assertEquals(0, cli.run("story", "--story", "1", "--set", "pen-name=A. M. Rooke").code());
        Path out = dir.resolve("remarks.docx");
        assertEquals(0, cli.run("export", "--story", "1", "--layout", "manuscript", "--out", out.toString()).code());
        Docx docx = Docx.read(out);
        assertTrue(Docx.text(docx.paragraphs().get(0)).startsWith("Ada Marsh\t"), "the contact block is the author's");
        assertEquals("by A. M. Rooke", Docx.text(docx.paragraphs().get(2)));
        assertTrue(docx.headers().contains("Rooke / The Remarks Column / "), docx.headers());
        assertTrue(docx.core().contains("<dc:creator>A. M. Rooke</dc:creator>"), docx.core());
    }

    @Test
    void anEpubsCreatorIsTheAuthor() throws Exception {
        Cli cli = sample();
        Path out = dir.resolve("remarks.epub");
        assertEquals(0, cli.run("export", "--story", "1", "--out", out.toString()).code());
        try (ZipFile zip = new ZipFile(out.toFile())) {
            String opf = new String(zip.getInputStream(zip.getEntry("OEBPS/content.opf")).readAllBytes());
            assertTrue(opf.contains("<dc:creator id=\"author\">Ada Marsh</dc:creator>"), opf);
            String title = new String(zip.getInputStream(zip.getEntry("OEBPS/title.xhtml")).readAllBytes());
            assertTrue(title.contains("<p class=\"author\">Ada Marsh</p>"), title);
        }
    }

    @Test
    void layoutOptionsAreRefusedForFormatsThatHaveOneLayout() throws Exception {
        Cli cli = sample();
        Cli.Run run = cli.run("export", "--story", "1", "--layout", "manuscript", "--out",
                dir.resolve("r.md").toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--layout, --font and --underline-italics are for a Word file or a PDF"), run.err());
        assertFalse(Files.exists(dir.resolve("r.md")));

        Cli.Run bad = cli.run("export", "--story", "1", "--layout", "novel", "--out", dir.resolve("r.docx").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--layout must be book or manuscript, not “novel”"), bad.err());
    }

    @Test
    void aManuscriptWithNoAuthorSaysHowToSetOne() {
        Cli cli = new Cli(dir);
        cli.open().close();
        Cli.Run run = cli.run("export", "--story", "1", "--layout", "manuscript", "--out",
                dir.resolve("r.docx").toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.err().contains("quire story --story 1 --set author="), run.err());
    }
}
