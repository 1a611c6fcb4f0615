package dev.quire.manuscript;

import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.StoryExport;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import static dev.quire.manuscript.Manuscripts.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports keep a story's chapters: headings in every format, and the EPUB's contents by chapter. */
class ChapterExportTest {

    @TempDir
    Path dir;

    private Cli cli;
    private long story;

    @BeforeEach
    void chapteredStory() {
        cli = new Cli(dir);
        try (Studio studio = cli.open()) {
            story = Chaptered.addTo(studio);
        }
    }

    private Path export(long storyId, String format) {
        Path out = dir.resolve("ferry-" + storyId + "." + format);
        Cli.Run run = cli.run("export", "--story", String.valueOf(storyId), "--format", format, "--out",
                out.toString());
        assertEquals(0, run.code(), run.toString());
        return out;
    }

    @Test
    void markdownHasTheTitleInFrontMatterChaptersAtLevelOneAndScenesUnderThem() throws Exception {
        String md = Files.readString(export(story, "md"));

        assertEquals("""
                ---
                title: 'The Ferry Year'
                ---

                ## Before

                The river froze the winter before.

                # Spring

                ## Thaw

                Ice broke on the _river_.

                * * *

                The ferry ran again.

                # Chapter 2

                Summer came late.

                ## Regatta

                Boats & **flags** \\<everywhere>.

                """, md);
        assertFalse(md.contains("Autumn"), "a chapter with no scenes has nothing to head");
    }

    @Test
    void plainTextUnderlinesTheChaptersLikeTheTitle() throws Exception {
        String txt = Files.readString(export(story, "txt"));

        assertTrue(txt.startsWith("The Ferry Year\n==============\n\nBefore\n------\n"), txt);
        assertTrue(txt.contains("\n\nSpring\n======\n\nThaw\n----\n"), txt);
        assertTrue(txt.contains("\n\nChapter 2\n=========\n\nSummer came late.\n"), txt);
    }

    @Test
    void wordHasChaptersAsHeading1OnNewPagesAndScenesAsHeading2() throws Exception {
        List<String> outline = new ArrayList<>();
        try (InputStream in = Files.newInputStream(export(story, "docx")); XWPFDocument doc = new XWPFDocument(in)) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                String style = p.getStyle() == null ? "" : p.getStyle();
                if (style.startsWith("Heading") || style.equals("Title") || style.equals("SceneBreak")) {
                    outline.add(style + (p.isPageBreak() ? "+page" : "") + " " + p.getText());
                }
            }
        }

        assertEquals(List.of("Title The Ferry Year", "Heading2+page Before", "Heading1+page Spring", "Heading2 Thaw",
                "SceneBreak * * *", "Heading1+page Chapter 2", "Heading2 Regatta"), outline);
    }

    @ParameterizedTest
    @ValueSource(strings = {"md", "docx"})
    void aStoryInChaptersExportsAndImportsBackInTheSameChapters(String format) {
        Cli.Run run = cli.run("import", export(story, format).toString(), "--json");
        assertEquals(0, run.code(), run.toString());
        long back = run.json().get("id").asLong();

        try (Studio studio = cli.open()) {
            assertEquals(Chaptered.TITLE, studio.stories().get(back).orElseThrow().title());
            assertEquals(describe(studio, story), describe(studio, back));
            assertEquals(StoryExport.snapshot(studio, story, StoryExport.Options.PLAIN).scenes(),
                    StoryExport.snapshot(studio, back, StoryExport.Options.PLAIN).scenes(),
                    "each scene in the chapter of the same heading");
            assertEquals(List.of("Spring", "Chapter 2"),
                    StoryExport.snapshot(studio, back, StoryExport.Options.PLAIN).chapters());
        }
    }

    @Test
    void theEpubOpensEachChapterWithItsHeadingAndNestsItsScenesInTheContents() throws Exception {
        Path epub = export(story, "epub");

        Document nav;
        Document spring;
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            nav = parse(zip.getInputStream(zip.getEntry("OEBPS/nav.xhtml")).readAllBytes());
            spring = parse(zip.getInputStream(zip.getEntry("OEBPS/scene-002.xhtml")).readAllBytes());
        }

        Element toc = (Element) nav.getElementsByTagNameNS("*", "ol").item(0);
        assertEquals(List.of("The Ferry Year", "Before", "Spring [Thaw, Scene 3]", "Chapter 2 [Scene 4, Regatta]"),
                entries(toc));
        Element chapter = (Element) spring.getElementsByTagNameNS("*", "h1").item(0);
        assertEquals("Spring", chapter.getTextContent());
        assertEquals("chapter-1", chapter.getAttribute("id"), "where the contents' link to the chapter lands");
        assertEquals("Thaw", spring.getElementsByTagNameNS("*", "h2").item(0).getTextContent());
    }

    /** The contents' top-level entries, each with its nested entries in brackets. */
    private static List<String> entries(Element ol) {
        List<String> out = new ArrayList<>();
        for (Node li = ol.getFirstChild(); li != null; li = li.getNextSibling()) {
            if (!(li instanceof Element)) {
                continue;
            }
            String text = ((Element) li).getElementsByTagNameNS("*", "a").item(0).getTextContent();
            Node nested = ((Element) li).getElementsByTagNameNS("*", "ol").item(0);
            out.add(nested == null ? text : text + " " + entries((Element) nested));
        }
        return out;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
