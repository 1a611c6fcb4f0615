package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.LoreEntry;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire import-lore}, {@code export-lore}, {@code export-story}, {@code import-story}, and pattern keys in
 * {@code quire prompt}. */
class LoreAndStoryCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = "The Remarks Column";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void sample() {
        Studio.open(dir.resolve("library"), Studio.NewLibrary.WITH_SAMPLE, Map.of()).close();
    }

    private Run quire(Path library, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", library.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuireCommand.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]), Map.of("QUIRE_CONFIG_HOME", dir.resolve("config").toString()),
                o -> { });
        return new Run(code, out.toString(), err.toString());
    }

    private Run quire(String... args) {
        return quire(dir.resolve("library"), args);
    }

    @Test
    void aPatternKeyTriggersItsEntryInQuirePrompt() throws Exception {
        Path book = dir.resolve("weather.json");
        Files.writeString(book, """
                {"entries": {"0": {"uid": 0, "key": ["/barometers?\\\\s+(fell|falling)/i"], "keysecondary": [],
                 "comment": "Falling glass", "content": "PATTERN-LORE-MARK: a falling glass means a gale.",
                 "constant": false, "selective": false, "order": 100, "position": 0, "disable": false}}}""");
        Run imported = quire("import-lore", "--story", STORY, book.toString(), "--json");
        assertEquals(0, imported.code(), imported.toString());
        assertEquals("sillytavern", imported.json().get("format").asText());
        long id = imported.json().get("entries").get(0).get("id").asLong();

        Run hit = quire("prompt", "--story", STORY, "--instruction", "The BAROMETER   FELL all night.", "--json");
        assertEquals(0, hit.code(), hit.toString());
        assertTrue(hit.json().get("messages").toString().contains("PATTERN-LORE-MARK"));
        boolean included = false;
        for (JsonNode i : hit.json().get("included")) {
            included |= i.get("kind").asText().equals("lore") && i.get("id").asLong() == id;
        }
        assertTrue(included, hit.out());

        Run miss = quire("prompt", "--story", STORY, "--instruction", "The barometer rose.", "--json");
        assertFalse(miss.json().get("messages").toString().contains("PATTERN-LORE-MARK"));
    }

    @Test
    void loreGoesOutAndComesBackInBothFormats() throws Exception {
        for (String format : List.of("sillytavern", "novelai")) {
            Path out = dir.resolve("lore-" + format + ".json");
            Run exported = quire("export-lore", "--story", STORY, "--format", format, "--out", out.toString());
            assertEquals(0, exported.code(), exported.toString());
            Run created = quire("new-story", "Copy " + format);
            assertEquals(0, created.code(), created.toString());
            Run imported = quire("import-lore", "--story", "Copy " + format, out.toString(), "--json");
            assertEquals(0, imported.code(), imported.toString());
            try (Studio s = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
                long original = s.stories().list().stream().filter(t -> t.title().equals(STORY)).findFirst()
                        .orElseThrow().id();
                long copy = imported.json().get("story").asLong();
                List<LoreEntry> a = s.lore().list(original);
                List<LoreEntry> b = s.lore().list(copy);
                assertEquals(a.size(), b.size(), format);
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(a.get(i).title(), b.get(i).title(), format);
                    assertEquals(a.get(i).keywords(), b.get(i).keywords(), format);
                    assertEquals(a.get(i).content(), b.get(i).content(), format);
                    assertEquals(a.get(i).alwaysOn(), b.get(i).alwaysOn(), format);
                    assertEquals(a.get(i).enabled(), b.get(i).enabled(), format);
                }
            }
        }
        Run badFormat = quire("export-lore", "--story", STORY, "--format", "docx", "--out", "x");
        assertEquals(2, badFormat.code());
        Path notLore = dir.resolve("not-lore.json");
        Files.writeString(notLore, "[1, 2, 3]");
        Run refused = quire("import-lore", "--story", STORY, notLore.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("is not a lorebook"), refused.err());
    }

    @Test
    void aStoryMovesToAnotherLibrary() throws Exception {
        Path pack = dir.resolve("remarks.quire");
        Run exported = quire("export-story", "--story", STORY, "--out", pack.toString());
        assertEquals(0, exported.code(), exported.toString());
        assertTrue(Files.size(pack) > 0);

        Path laptop = dir.resolve("laptop");
        Studio.open(laptop, Studio.NewLibrary.EMPTY, Map.of()).close();
        Run imported = quire(laptop, "import-story", pack.toString(), "--json");
        assertEquals(0, imported.code(), imported.toString());
        assertEquals(STORY, imported.json().get("title").asText());
        assertTrue(imported.json().get("rows").get("scene").asInt() > 0);

        Run stories = quire(laptop, "stories");
        assertTrue(stories.out().contains(STORY), stories.out());
        Run scene = quire(laptop, "show-scene", "--story", STORY, "--scene", "1");
        assertEquals(0, scene.code(), scene.toString());

        Path junk = dir.resolve("junk.quire");
        Files.writeString(junk, "not a zip");
        Run refused = quire(laptop, "import-story", junk.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("not a Quire story package"), refused.err());
    }
}
