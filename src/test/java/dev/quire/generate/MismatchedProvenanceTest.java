package dev.quire.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Span;
import dev.quire.store.Jdbc;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scene whose stored provenance no longer matches its text (another tool appended to the text in the library file)
 * opens everywhere with its text exactly as stored, the part the spans do not cover of unknown origin; the check
 * reports it and --repair keeps the repair with a revision.
 */
class MismatchedProvenanceTest {

    static final String KEY = "sk-test-mismatch-0123456789";
    static final String ADDED = " Added by another tool.";
    static final String WHOLE = Lighthouse.SCENE_2 + ADDED;

    @TempDir
    Path dir;

    Quire quire;
    MockWebServer server;
    Path file;

    @BeforeEach
    void setUp() {
        quire = new Quire(dir);
        try (Studio studio = quire.open()) {
            Lighthouse.addTo(studio);
        }
        file = LibraryLocation.libraryFile(quire.dataDir);
        // spans for the old text only: they cover fewer characters than the text now has
        Jdbc.execute(file, "UPDATE scene SET text = text || '" + ADDED + "', spans = '[[" + Lighthouse.SCENE_2.length()
                + ",0]]' WHERE position = 1");
        server = Wire.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void showSceneTellsTheWholeTextWithAnUnknownSpanAndSaysItWasRepaired() {
        Quire.Run run = quire.run("show-scene", "--story", Lighthouse.TITLE, "--scene", "2", "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        assertEquals(WHOLE, json.get("text").asText());
        JsonNode spans = json.get("spans");
        assertEquals(2, spans.size(), spans.toString());
        assertEquals("writer", spans.get(0).get("source").asText());
        assertEquals(Lighthouse.SCENE_2.length(), spans.get(0).get("end").asInt());
        assertEquals("unknown", spans.get(1).get("source").asText(), "the extra text is not silently the writer's");
        assertEquals(Lighthouse.SCENE_2.length(), spans.get(1).get("start").asInt());
        assertEquals(WHOLE.length(), spans.get(1).get("end").asInt());
        assertTrue(run.err().contains("provenance") && run.err().contains("repaired"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());

        Quire.Run plain = quire.run("show-scene", "--story", Lighthouse.TITLE, "--scene", "2");
        assertEquals(0, plain.code(), plain.toString());
        assertEquals(WHOLE + "\n", plain.out());
    }

    @Test
    void generateContinuesFromTheWholeText() throws Exception {
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                Wire.root(server), "--model", "claude-test").code());
        assertEquals(0, quire.withInput(KEY + "\n", "provider", "key", "claude").code());
        assertEquals(0, quire.run("provider", "default", "claude").code());
        server.enqueue(Wire.sse(Wire.anthropic("She lit the lamp.")).build());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--continue-at",
                String.valueOf(WHOLE.length()));

        assertEquals(0, run.code(), run.toString());
        assertEquals("She lit the lamp.\n", run.out());
        RecordedRequest request = server.takeRequest();
        assertTrue(Wire.body(request).toString().contains("Added by another tool."), "the whole text was sent");
    }

    @Test
    void exportWritesTheWholeText() throws Exception {
        Path out = dir.resolve("story.md");

        Quire.Run run = quire.run("export", "--story", Lighthouse.TITLE, "--format", "md", "--out", out.toString());

        assertEquals(0, run.code(), run.toString());
        assertTrue(Files.readString(out).contains(WHOLE), Files.readString(out));
    }

    @Test
    void keptCountsTheUncoveredTextAsUnknown() {
        Quire.Run run = quire.run("kept", "--story", Lighthouse.TITLE, "--scene", "2", "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        int writer = nonSpace(Lighthouse.SCENE_2);
        int unknown = nonSpace(ADDED);
        assertEquals(writer + unknown, json.get("chars").asInt());
        assertEquals(unknown, json.get("unknown_chars").asInt());
        assertEquals((double) unknown / (writer + unknown), json.get("unknown").asDouble(), 1e-9);
        assertEquals((double) writer / (writer + unknown), json.get("writer").asDouble(), 1e-9);
    }

    @Test
    void checkReportsItAndRepairKeepsARevisionAndTheTextExactly() {
        long revisionsBefore = Jdbc.queryLong(file, "SELECT count(*) FROM scene_revision");

        Quire.Run check = quire.run("check");
        assertEquals(3, check.code(), check.toString());
        assertTrue(check.err().contains("\"Oil\"") && check.err().contains("covers " + Lighthouse.SCENE_2.length()
                + " of its " + WHOLE.length()), check.err());

        Quire.Run repair = quire.run("check", "--repair");
        assertEquals(0, repair.code(), repair.toString());
        assertTrue(repair.out().contains("repaired: ") && repair.out().contains("\"Oil\""), repair.out());
        assertEquals(WHOLE, Jdbc.queryString(file, "SELECT text FROM scene WHERE position = 1"));
        assertEquals("[[" + Lighthouse.SCENE_2.length() + ",0],[" + ADDED.length() + ",8]]",
                Jdbc.queryString(file, "SELECT spans FROM scene WHERE position = 1"));
        assertTrue(Jdbc.queryLong(file, "SELECT count(*) FROM scene_revision") > revisionsBefore,
                "the state before the repair is kept");
        assertEquals("[[" + Lighthouse.SCENE_2.length() + ",0]]", Jdbc.queryString(file,
                "SELECT r.spans FROM scene_revision r JOIN scene s ON s.id = r.scene_id WHERE s.position = 1"
                        + " ORDER BY r.created_at, r.id LIMIT 1"), "the stored spans as they were");

        assertEquals(0, quire.run("check").code(), "nothing left to report");
        Quire.Run shown = quire.run("show-scene", "--story", Lighthouse.TITLE, "--scene", "2", "--json");
        assertEquals("", shown.err(), "nothing left to repair, so nothing said");
        assertEquals("unknown", shown.json().get("spans").get(1).get("source").asText());
        try (Studio studio = quire.open()) {
            Prose prose = studio.scenes().get(studio.scenes().headers(1).get(1).id()).orElseThrow().prose();
            assertEquals(List.of(Span.writer(Lighthouse.SCENE_2.length()),
                    new Span(ADDED.length(), Provenance.UNKNOWN, false, false)), prose.spans());
        }
    }

    static int nonSpace(String s) {
        return (int) s.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }
}
