package dev.quire.manuscript;

import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.ExportedStory;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.StoryExport;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Story export: the sample story in every format, DOCX read back, provenance marks and unused variants. */
class ExportTest {

    @TempDir
    Path dir;

    private long sample(Cli cli) {
        try (Studio studio = cli.open()) {
            return studio.stories().list().get(0).id();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"md", "txt", "docx", "epub"})
    void theSampleStoryExportsInEveryFormat(String format) throws Exception {
        Cli cli = new Cli(dir);
        long id = sample(cli);
        Path out = dir.resolve("remarks." + format);

        Cli.Run run = cli.run("export", "--story", "The Remarks Column", "--out", out.toString());

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Exported “The Remarks Column” (4 scenes"), run.out());
        assertTrue(Files.size(out) > 1000, "a real file");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList(),
                    "no temporary file is left");
        }
        if (format.equals("md") || format.equals("txt")) {
            String text = Files.readString(out);
            assertTrue(text.startsWith("The Remarks Column\n===") || text.startsWith("# The Remarks Column\n"), text);
            assertTrue(text.contains("Nine O’Clock, Greenwich Time"));
        }
        assertTrue(id > 0);
    }

    @Test
    void aDocxExportReadBackWithPoiHasTheSameTextWithHeadingsAndItalics() throws Exception {
        Cli cli = new Cli(dir);
        long id = sample(cli);
        Path out = dir.resolve("remarks.docx");
        assertEquals(0, cli.run("export", "--story", String.valueOf(id), "--format", "docx", "--out", out.toString())
                .code());

        List<String> expected = new ArrayList<>();
        try (Studio studio = cli.open()) {
            ExportedStory story = StoryExport.snapshot(studio, id, StoryExport.Options.PLAIN);
            expected.add(story.title());
            for (ExportedStory.Section s : story.scenes()) {
                expected.add(s.title());
                expected.addAll(List.of(s.prose().text().split("\n")));
            }
        }
        List<String> paragraphs = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        boolean italic = false;
        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                if (!p.getText().isBlank()) {
                    paragraphs.add(p.getText());
                }
                if (p.getStyleID() != null && p.getStyleID().startsWith("Heading")) {
                    headings.add(p.getText());
                }
                for (XWPFRun r : p.getRuns()) {
                    italic |= r.isItalic();
                }
            }
            assertEquals("The Remarks Column", doc.getProperties().getCoreProperties().getTitle());
            assertEquals("heading 1", doc.getStyles().getStyle("Heading1").getName());
            try (XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
                assertTrue(extractor.getText().contains(expected.get(3)));
            }
        }
        assertEquals(expected, paragraphs);
        assertEquals(4, headings.size());
        assertTrue(italic, "the sample's italics are italic runs");
    }

    @Test
    void provenanceMarksAndTheUnusedVariantsAppendixAppearInEveryFormat() throws Exception {
        Cli cli = new Cli(dir);
        long id;
        try (Studio studio = cli.open()) {
            id = Provenanced.addTo(studio);
            ExportedStory story = StoryExport.snapshot(studio, id, new StoryExport.Options(true, true));
            List<String> unused = new ArrayList<>();
            story.unused().forEach(v -> unused.add(v.heading() + " | " + v.prose().text()));
            assertEquals(List.of("Scene 1, “Noon”: variant B | " + Provenanced.UNUSED + "\nIt was a quiet day.",
                    "A new scene: variant A | " + Provenanced.UNUSED_NEW_SCENE), unused,
                    "A is used (marked and found in the text), C is empty");
        }

        Path md = dir.resolve("h.md");
        Cli.Run run = cli.run("export", "--story", "Harbour Days", "--out", md.toString(), "--provenance",
                "--unused-variants");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("2 unused variants"), run.out());
        String text = Files.readString(md);
        assertTrue(text.contains("<mark class=\"variant-a\" title=\"Variant A\">_" + Provenanced.USED + "_</mark>"),
                text);
        assertTrue(text.contains("## About the marks"), text);
        assertTrue(text.contains("## Variants not used"), text);
        assertTrue(text.contains(Provenanced.UNUSED), text);

        Path txt = dir.resolve("h.txt");
        assertEquals(0, cli.run("export", "--story", "Harbour Days", "--out", txt.toString(), "--provenance").code());
        String plain = Files.readString(txt);
        assertTrue(plain.contains("{{A: _" + Provenanced.USED + "_}}"), plain);
        assertFalse(plain.contains(Provenanced.UNUSED), "no appendix unless asked for");

        Path docx = dir.resolve("h.docx");
        assertEquals(0, cli.run("export", "--story", String.valueOf(id), "--out", docx.toString(), "--provenance",
                "--unused-variants").code());
        List<String> shaded = new ArrayList<>();
        String all;
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (XWPFRun r : p.getRuns()) {
                    var pr = r.getCTR().getRPr();
                    if (pr != null && pr.sizeOfShdArray() > 0) {
                        shaded.add(java.util.HexFormat.of().withUpperCase().formatHex((byte[]) pr.getShdArray(0).getFill())
                                + ": " + r.text());
                    }
                }
            }
            all = extractor.getText();
        }
        // the editor's colours, as tints: A blue, B red (ProvenancePalette)
        String a = dev.quire.model.ProvenancePalette.VARIANTS.get(0).tintHex(0.30);
        String b = dev.quire.model.ProvenancePalette.VARIANTS.get(1).tintHex(0.30);
        assertEquals("C6DAFC", a);
        assertEquals(List.of(a + ": " + Provenanced.USED, b + ":  Later, a line from B.", a + ": Variant A",
                b + ": Variant B"), shaded);
        assertTrue(all.contains("Variants not used") && all.contains(Provenanced.UNUSED_NEW_SCENE), all);
    }
}
