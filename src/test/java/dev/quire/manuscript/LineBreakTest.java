package dev.quire.manuscript;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.studio.manuscript.ManuscriptReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static dev.quire.manuscript.Manuscripts.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A line break inside a paragraph (U+2028): read from Markdown's hard breaks, written back by every export. */
class LineBreakTest {

    @TempDir
    Path dir;

    /** A letter and a verse: line breaks at the end of italics, before a line that looks like a heading. */
    private long addLetter(Cli cli) {
        try (Studio studio = cli.open()) {
            long id = studio.stories().create(Story.titled("Letters")).id();
            studio.scenes().append(Scene.titled(id, "Letter").withProse(new Prose.Builder()
                    .append("Dear Father,\u2028the lamp is ")
                    .append("lit,\u2028at last", Provenance.WRITER, true, false)
                    .append(".\u2028# 12 Ferry Lane\u2028- Ada\u2028==\u2028--\u2028\u2028P.S.")
                    .append("\n").append("She sealed it.").build()));
            return id;
        }
    }

    private Path export(Cli cli, long id, String format) {
        Path out = dir.resolve("letters." + format);
        Cli.Run run = cli.run("export", "--story", String.valueOf(id), "--format", format, "--out", out.toString());
        assertEquals(0, run.code(), run.toString());
        return out;
    }

    @Test
    void markdownHardBreaksAreLineBreaksInsideTheParagraph() throws Exception {
        Path md = Files.writeString(dir.resolve("verse.md"), "# Verse\n\n"
                + "Roses are red,\\\nviolets blue,  \nsugar is sweet\n\n"
                + "A path C:\\\\\nwraps here, and a last backslash\\\n\nends.\n");

        Manuscript m = ManuscriptReader.read(md, Format.MARKDOWN);

        assertEquals(List.of("[] Roses are red, ↵ violets blue, ↵ sugar is sweet ¶ A path C:\\ wraps here, and a last"
                + " backslash\\ ¶ ends."), describe(m));
    }

    @Test
    void plainTextImportJoinsTheLinesAsBefore() throws Exception {
        Path txt = Files.writeString(dir.resolve("verse.txt"), "Roses are red,\\\nviolets blue,  \nsugar.\n");

        Manuscript m = ManuscriptReader.read(txt, Format.TEXT);

        assertEquals(List.of("[] Roses are red,\\ violets blue, sugar."), describe(m));
    }

    @Test
    void markdownWritesABackslashAtTheEndOfTheLineAndReadsItBack() throws Exception {
        Cli cli = new Cli(dir);
        long id = addLetter(cli);
        Path md = export(cli, id, "md");

        String text = Files.readString(md);
        assertTrue(text.contains("Dear Father,\\\nthe lamp is _lit,\\\nat last_.\\\n\\# 12 Ferry Lane\\\n\\- Ada\\\n\\==\\\n\\--\\\n\\\nP.S.\n\n"
                + "She sealed it."), text);

        Manuscript back = ManuscriptReader.read(md, Format.MARKDOWN);
        assertEquals(List.of("[Letter] Dear Father, ↵ the lamp is _lit, ↵ at last_. ↵ # 12 Ferry Lane ↵ - Ada ↵ =="
                + " ↵ -- ↵  ↵ P.S. ¶ She sealed it."), describe(back));
    }

    @ParameterizedTest
    @ValueSource(strings = {"md", "docx"})
    void theLineBreaksComeBackThroughImport(String format) {
        Cli cli = new Cli(dir);
        long id = addLetter(cli);
        List<String> before;
        try (Studio studio = cli.open()) {
            before = describe(studio, id);
        }
        Cli.Run run = cli.run("import", export(cli, id, format).toString(), "--json");
        assertEquals(0, run.code(), run.toString());
        try (Studio studio = cli.open()) {
            assertEquals(before, describe(studio, run.json().get("id").asLong()));
        }
    }

    @Test
    void plainTextWritesANewLine() throws Exception {
        Cli cli = new Cli(dir);
        String text = Files.readString(export(cli, addLetter(cli), "txt"));

        assertTrue(text.contains("Dear Father,\nthe lamp is _lit,\nat last_.\n# 12 Ferry Lane\n- Ada\n==\n--\n\nP.S.\n\nShe sealed it."),
                text);
        assertFalse(text.contains("\u2028"), text);
    }

    @Test
    void epubWritesABreakElement() throws Exception {
        Cli cli = new Cli(dir);
        Path epub = export(cli, addLetter(cli), "epub");

        String page;
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            page = new String(zip.getInputStream(zip.getEntry("OEBPS/scene-001.xhtml")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        assertTrue(page.contains("<p>Dear Father,<br/>the lamp is <em>lit,<br/>at last</em>.<br/># 12 Ferry Lane<br/>"
                + "- Ada<br/>==<br/>--<br/><br/>P.S.</p>"), page);
        assertFalse(page.contains("\u2028"), page);
    }

    @Test
    void pdfSetsEachLineOnANewLineOfTheSameParagraph() throws Exception {
        Cli cli = new Cli(dir);
        Path pdf = export(cli, addLetter(cli), "pdf");

        PdfReader reader = new PdfReader(pdf.toString());
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                text.append(extractor.getTextFromPage(i)).append('\n');
            }
            String all = text.toString().replaceAll("(?m)^ +", "");
            assertTrue(all.contains("Dear Father,\nthe lamp is lit,\nat last.\n# 12 Ferry Lane\n- Ada"), all);
        } finally {
            reader.close();
        }
    }
}
