package dev.quire.manuscript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.model.Scene;
import dev.quire.model.SceneRevision;
import dev.quire.model.Story;
import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.studio.manuscript.ManuscriptImport;
import dev.quire.studio.manuscript.ManuscriptReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.quire.manuscript.Manuscripts.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Committing a manuscript to the library, and `quire import`. */
class ImportTest {

    @TempDir
    Path dir;

    @Test
    void aCommittedManuscriptIsAStoryWithItsScenesInOrderAndAnImportRevisionOfEach() throws Exception {
        Path file = dir.resolve("lighthouse.md");
        Files.writeString(file, Manuscripts.LIGHTHOUSE);
        Manuscript m = ManuscriptReader.read(file).rename(0, "Lamp");
        Cli cli = new Cli(dir);

        try (Studio studio = cli.open()) {
            Story story = ManuscriptImport.commit(studio, m, null);

            assertEquals("The Lighthouse Keeper", story.title());
            assertEquals(describe(m), describe(studio, story.id()));
            List<Scene> scenes = studio.scenes().all(story.id());
            assertEquals(4, scenes.size());
            for (Scene s : scenes) {
                List<SceneRevision> revisions = studio.scenes().revisions(s.id());
                assertEquals(1, revisions.size());
                assertEquals(SceneRevision.Kind.IMPORT, revisions.get(0).kind());
                assertEquals(s.prose(), revisions.get(0).prose());
            }
            assertEquals(List.of(), studio.check(), "the library is sound");
        }
    }

    @Test
    void importPrintsTheNewStorysIdAndItsScenes() throws Exception {
        Path file = dir.resolve("lighthouse.md");
        Files.writeString(file, Manuscripts.LIGHTHOUSE);
        Cli cli = new Cli(dir);

        Cli.Run run = cli.run("import", file.toString());

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().startsWith("Imported “The Lighthouse Keeper” as story "), run.out());
        assertTrue(run.out().contains(": 4 scenes, "), run.out());
        assertEquals("", run.err());
        assertEquals(2, cli.count("story"), "the sample story and the import");
    }

    @Test
    void importJsonHasIdTitleScenesAndWords() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "One.\n\n§\n\nTwo words.\n");
        Cli cli = new Cli(dir);

        Cli.Run run = cli.run("import", file.toString(), "--title", "  Two Parts ", "--json", "--no-sample");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        Set<String> fields = new TreeSet<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("id", "title", "author", "scenes", "words", "report", "done", "warnings"), fields);
        assertEquals("", json.get("author").asText());
        assertEquals(0, json.get("report").size(), "a text file has nothing to report");
        assertEquals(0, json.get("warnings").size());
        assertEquals("Two Parts", json.get("title").asText());
        assertEquals(2, json.get("scenes").asInt());
        assertEquals(3, json.get("words").asInt());
        try (Studio studio = cli.open()) {
            assertEquals(List.of("[] One.", "[] Two words."), describe(studio, json.get("id").asLong()));
        }
    }

    @Test
    void formatOverridesTheExtensionAndEncodingReadsOtherCharsets() throws Exception {
        Path file = dir.resolve("draft.manuscript");
        Files.write(file, "Caf\u00e9 *noir*.\n\n***\n\nFin.\n".getBytes(StandardCharsets.ISO_8859_1));
        Cli cli = new Cli(dir);

        Cli.Run run = cli.run("import", file.toString(), "--format", "md", "--encoding", "windows-1252", "--json");

        assertEquals(0, run.code(), run.toString());
        try (Studio studio = cli.open()) {
            assertEquals(List.of("[] Café _noir_.", "[] Fin."), describe(studio, run.json().get("id").asLong()));
        }
    }

    @Test
    void aWordDocumentImportsFromTheCommandLine() throws Exception {
        Path file = dir.resolve("orchard.docx");
        Files.write(file, Manuscripts.docx(Manuscripts.styled("Title", "Orchard"),
                Manuscripts.styled("Heading1", "Frost"), Manuscripts.runs("Cold ", "_silver_", " trees.")));
        Cli cli = new Cli(dir);

        Cli.Run run = cli.run("import", file.toString(), "--json");

        assertEquals(0, run.code(), run.toString());
        assertEquals("Orchard", run.json().get("title").asText());
        try (Studio studio = cli.open()) {
            assertEquals(List.of("[Frost] Cold _silver_ trees."), describe(studio, run.json().get("id").asLong()));
        }
    }
}
