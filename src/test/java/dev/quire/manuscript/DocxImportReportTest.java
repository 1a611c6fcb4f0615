package dev.quire.manuscript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.DraftScene;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.studio.manuscript.ManuscriptReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.quire.manuscript.Manuscripts.describe;
import static dev.quire.manuscript.WordFile.p;
import static dev.quire.manuscript.WordFile.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire import} says what it did to a Word file, and Quire's own DOCX export reads back the same. */
class DocxImportReportTest {

    @TempDir
    Path dir;

    @Test
    void importJsonCarriesTheAuthorTheCountsAndTheWarnings() throws Exception {
        Path file = Files.write(dir.resolve("keeper.docx"), DocxAsWordShowsItTest.manuscript().bytes());
        Cli cli = new Cli(dir);

        Cli.Run run = cli.run("import", file.toString(), "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        assertEquals("The Lighthouse Keeper", json.get("title").asText());
        assertEquals("Ada Marsh", json.get("author").asText());
        assertEquals(1, json.get("report").get("textBoxesRead").asInt(), json.toString());
        assertEquals(1, json.get("report").get("imagesLeftOut").asInt(), json.toString());
        assertEquals(1, json.get("report").get("movesAccepted").asInt(), json.toString());
        assertTrue(json.get("done").toString().contains("1 text box read"), json.toString());
        assertTrue(json.get("warnings").toString().contains("tracked changes"), json.toString());
        JsonNode story = cli.run("story", "--story", "The Lighthouse Keeper", "--json").json();
        assertEquals("Ada Marsh", story.get("author").asText(), "the file's author is the story's: " + story);
    }

    @Test
    void importSaysWhatItDidInWordsAndWarnsOnStandardError() throws Exception {
        Path file = Files.write(dir.resolve("notes.docx"), WordFile.body(
                p(r("Kept"), WordFile.ins(r(" this")), WordFile.del(" not that"), r("."),
                        "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"))
                .footnotes("<w:footnote w:id=\"1\">" + p(r("A note.")) + "</w:footnote>").bytes());
        Cli cli = new Cli(dir);

        Cli.Run run = cli.run("import", file.toString());

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("From the file: 2 tracked changes accepted, 1 footnote kept as a note."),
                run.toString());
        assertTrue(run.err().contains("warning: The file has tracked changes"), run.toString());
        assertTrue(run.err().contains("bracketed note"), run.toString());
    }

    @Test
    void pageBreaksSplitScenesOnTheCommandLineWhenAsked() throws Exception {
        Path file = Files.write(dir.resolve("pages.docx"), WordFile.body(p(r("One.")),
                p("<w:r><w:br w:type=\"page\"/></w:r>"), p(r("Two."))).bytes());
        Cli cli = new Cli(dir);

        assertEquals(1, cli.run("import", file.toString(), "--json").json().get("scenes").asInt());
        JsonNode split = cli.run("import", file.toString(), "--json", "--page-breaks-split-scenes").json();
        assertEquals(2, split.get("scenes").asInt());
        assertEquals(1, split.get("report").get("pageBreaksAsSceneBreaks").asInt());
    }

    @Test
    void quiresOwnWordExportReadsBackAsTheSameScenesChaptersItalicsAndBreaks() throws Exception {
        Cli cli = new Cli(dir);
        long id;
        List<String> expected;
        try (Studio studio = cli.open()) {
            id = Chaptered.addTo(studio);
            // a letter: line breaks inside a paragraph, one of them inside italics, then a paragraph
            studio.scenes().append(Scene.titled(id, "Letter").withProse(new Prose.Builder()
                    .append("Dear Father,\u2028the lamp is ")
                    .append("lit\u2028at last", Provenance.WRITER, true, false).append(".\u2028Ada")
                    .append("\n").append("She sealed it.").build()));
            expected = describe(studio, id);
        }
        Path out = dir.resolve("ferry.docx");
        assertEquals(0, cli.run("export", "--story", String.valueOf(id), "--format", "docx", "--out",
                out.toString()).code());

        Manuscript back = ManuscriptReader.read(out, Format.DOCX);

        assertEquals(Chaptered.TITLE, back.title());
        assertEquals(expected, describe(back));
        assertTrue(expected.get(expected.size() - 1).contains("Dear Father, ↵ the lamp is _lit ↵ at last_. ↵ Ada ¶ She"),
                expected.toString());
        // appended last, the letter joined the newest chapter, "Autumn"
        assertEquals(List.of("Spring", "Chapter 2", "Autumn"), back.chapters());
        assertEquals(List.of(-1, 0, 0, 1, 1, 2), back.scenes().stream().map(DraftScene::chapter).toList());
        assertFalse(back.author().equals("Quire"), "the program's name is not the author");
        assertTrue(back.report().warnings().isEmpty(), back.report().toString());
    }

    @Test
    void aManuscriptLayoutExportReadsBackWithItsAuthorAndWithoutItsTitlePageOrEnd() throws Exception {
        Cli cli = new Cli(dir);
        long id;
        try (Studio studio = cli.open()) {
            id = Chaptered.addTo(studio);
        }
        assertEquals(0, cli.run("story", "--story", String.valueOf(id), "--set", "author=Ada Marsh", "--set",
                "contact=12 Ferry Lane").code());
        Path out = dir.resolve("submission.docx");
        assertEquals(0, cli.run("export", "--story", String.valueOf(id), "--format", "docx", "--layout",
                "manuscript", "--out", out.toString()).code());

        Manuscript back = ManuscriptReader.read(out, Format.DOCX);

        assertEquals("Ada Marsh", back.author(), "the byline gives the author, without its \"by\"");
        String prose = back.scenes().stream().map(s -> s.prose().text()).reduce("", (a, b) -> a + "\n" + b);
        assertFalse(prose.contains("12 Ferry Lane"), "the contact block is not prose: " + prose);
        assertFalse(prose.contains("words"), "the word count is not prose");
        assertFalse(prose.strip().endsWith("END"), "END is not prose");
    }

    @Test
    void theMarkdownExportShowsWhichWordsWordShowedInItalics() throws Exception {
        Path file = Files.write(dir.resolve("keeper.docx"), DocxAsWordShowsItTest.manuscript().bytes());
        Cli cli = new Cli(dir);
        long id = cli.run("import", file.toString(), "--json").json().get("id").asLong();
        Path md = dir.resolve("keeper.md");

        assertEquals(0, cli.run("export", "--story", String.valueOf(id), "--format", "md", "--out", md.toString())
                .code());

        String text = Files.readString(md);
        assertTrue(text.contains("_Come home._"), text); // a Quote paragraph is italic in Word
        assertTrue(text.contains("_Nothing_ else*, it said.*"), text); // the run turned upright inside Emphasis
        assertTrue(text.contains("The lamp was lit at six o'clock"), text); // drop cap joined, small caps as typed
        assertEquals(1, text.split("The gulls were loud", -1).length - 1, text); // the moved paragraph once
        assertEquals(1, text.split("KEEP OUT", -1).length - 1, text); // the text box once
    }
}
