package dev.quire.manuscript;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire export --format pdf}: the two layouts, in embedded fonts, read back page by page. */
class PdfExportTest {

    @TempDir
    Path dir;

    /** The first words of the last paragraph of the first chapter. */
    private String endOfChapterOne;

    private Cli sample() {
        Cli cli = new Cli(dir);
        try (Studio studio = cli.open()) {
            var scenes = studio.scenes().all(studio.stories().list().get(0).id());
            String[] lines = scenes.get(1).prose().text().split("\n");
            endOfChapterOne = lines[lines.length - 1].substring(0, 30);
            studio.chapters().startAt(scenes.get(0).id(), "The Watch");
            studio.chapters().startAt(scenes.get(2).id(), "The Ledgers");
        }
        assertEquals(0, cli.run("story", "--story", "1", "--set", "author=Ada Marsh", "--set",
                "contact=12 Ferry Lane").code());
        return cli;
    }

    private record Pdf(List<String> pages, Set<String> fonts, Set<String> embedded, String author) {
    }

    private static Pdf read(Path file) throws Exception {
        PdfReader reader = new PdfReader(file.toString());
        try {
            List<String> pages = new ArrayList<>();
            PdfTextExtractor text = new PdfTextExtractor(reader);
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                pages.add(text.getTextFromPage(i));
            }
            Set<String> fonts = new TreeSet<>();
            Set<String> embedded = new TreeSet<>();
            for (int i = 0; i < reader.getXrefSize(); i++) {
                PdfObject o = reader.getPdfObject(i);
                if (o instanceof PdfDictionary d && PdfName.FONTDESCRIPTOR.equals(d.get(PdfName.TYPE))) {
                    String name = String.valueOf(d.get(PdfName.FONTNAME));
                    fonts.add(name);
                    if (d.get(PdfName.FONTFILE2) != null) {
                        embedded.add(name);
                    }
                }
            }
            return new Pdf(pages, fonts, embedded, String.valueOf(reader.getInfo().get("Author")));
        } finally {
            reader.close();
        }
    }

    @Test
    void aManuscriptPdfHasTheFirstPageTheRunningHeaderHashesChaptersAndEndInEmbeddedFonts() throws Exception {
        Cli cli = sample();
        Path out = dir.resolve("remarks.pdf");
        Cli.Run run = cli.run("export", "--story", "1", "--layout", "manuscript", "--out", out.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("as PDF, manuscript layout,"), run.out());
        Pdf pdf = read(out);

        String first = pdf.pages().get(0);
        assertTrue(first.contains("Ada Marsh") && first.contains("12 Ferry Lane"), first);
        assertTrue(first.contains("about 1,800 words"), first);
        assertTrue(first.contains("The Remarks Column") && first.contains("by Ada Marsh"), first);
        assertFalse(first.contains("Marsh / The Remarks Column /"), "no header on the first page");
        assertTrue(pdf.pages().get(1).contains("Marsh / The Remarks Column / 2"), pdf.pages().get(1));
        assertTrue(pdf.pages().get(1).contains("The Watch"), "the first chapter opens the second page");
        int ledgers = 0;
        while (!pdf.pages().get(ledgers).contains("The Ledgers")) {
            ledgers++;
        }
        assertTrue(pdf.pages().get(ledgers - 1).contains(endOfChapterOne), "the first chapter ends a page before");
        assertFalse(pdf.pages().get(ledgers).contains(endOfChapterOne), "the second chapter starts a page");
        assertTrue(pdf.pages().stream().anyMatch(p -> p.lines().anyMatch(l -> l.strip().equals("#"))),
                "scenes of a chapter are parted by #");
        String last = pdf.pages().get(pdf.pages().size() - 1);
        assertTrue(last.lines().anyMatch(l -> l.strip().equals("END")), last);
        assertFalse(pdf.fonts().isEmpty());
        assertEquals(pdf.fonts(), pdf.embedded(), "every font is embedded");
        assertTrue(pdf.fonts().stream().allMatch(f -> f.contains("LiberationSerif")), pdf.fonts().toString());
        assertEquals("Ada Marsh", pdf.author());
    }

    @Test
    void aCourierManuscriptIsSetInTheMonospacedFace() throws Exception {
        Cli cli = sample();
        Path out = dir.resolve("remarks.pdf");
        assertEquals(0, cli.run("export", "--story", "1", "--layout", "manuscript", "--font", "courier", "--out",
                out.toString()).code());
        Pdf pdf = read(out);
        assertTrue(pdf.fonts().stream().allMatch(f -> f.contains("LiberationMono")), pdf.fonts().toString());
        assertEquals(pdf.fonts(), pdf.embedded());
    }

    @Test
    void aBookPdfHasATitlePageAndNumbersThePagesAfterIt() throws Exception {
        Cli cli = sample();
        Path out = dir.resolve("remarks.pdf");
        assertEquals(0, cli.run("export", "--story", "1", "--out", out.toString()).code());
        Pdf pdf = read(out);

        String title = pdf.pages().get(0);
        assertEquals(List.of("The Remarks Column", "Ada Marsh"), title.lines().map(l -> l.replace('\u00a0', ' ').strip())
                .filter(l -> !l.isEmpty()).toList(), "the title page alone, unnumbered");
        assertTrue(pdf.pages().get(1).contains("The Watch"), pdf.pages().get(1));
        assertTrue(pdf.pages().get(1).lines().anyMatch(l -> l.strip().equals("1")),
                "numbered from the first page after the title page: " + pdf.pages().get(1));
        assertEquals(pdf.fonts(), pdf.embedded());
    }
}
