package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire search}: every match in a story, with offsets as show-scene counts them. */
class SearchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Scene 2 opens with an emoji (two UTF-16 units), so its offsets show how they are counted. */
    @BeforeEach
    void story() {
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            long storyId = studio.stories().create(Story.titled("Salt Roads")).id();
            studio.scenes().append(Scene.titled(storyId, "Harbour").withProse(Prose.plain(
                    "Marra waited at the quay.\nThe marram grass bent; MARRA did not.")));
            studio.scenes().append(Scene.titled(storyId, "Nothing here").withProse(Prose.plain("Gulls.")));
            Scene third = studio.scenes().append(Scene.titled(storyId, "Storm").withProse(Prose.plain("")));
            studio.scenes().saveProse(third.id(), Prose.plain("\uD83C\uDF0A Marra's boat sank.")); // kept current on save
            long other = studio.stories().create(Story.titled("Elsewhere")).id();
            studio.scenes().append(Scene.titled(other, "Not this story").withProse(Prose.plain("Marra again.")));
        }
    }

    private String[] quire(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("library").toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuireCommand.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]), Map.of("QUIRE_CONFIG_HOME", dir.resolve("config").toString()),
                o -> { });
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private JsonNode hits(String... args) throws Exception {
        String[] run = quire(args);
        assertEquals("0", run[0], String.join("\n", run));
        return JSON.readTree(run[1]).get("hits");
    }

    @Test
    void jsonListsEveryMatchInStoryOrderWithUtf16Offsets() throws Exception {
        JsonNode hits = hits("search", "--story", "Salt Roads", "marra", "--json");

        assertEquals(4, hits.size(), hits.toString()); // Marra, marra(m), MARRA, Marra's; not the other story's
        assertEquals(1, hits.get(0).get("scene").asInt());
        assertEquals(0, hits.get(0).get("start").asInt());
        assertEquals(5, hits.get(0).get("end").asInt());
        assertEquals("Marra waited at the quay.", hits.get(0).get("context").asText());
        JsonNode storm = hits.get(3);
        assertEquals(3, storm.get("scene").asInt());
        assertEquals(3, storm.get("start").asInt(), "the emoji counts as two units, the space as one");
        assertEquals(8, storm.get("end").asInt());
        assertTrue(storm.get("context").asText().contains("Marra's boat sank."), storm.toString());

        String[] shown = quire("show-scene", "--story", "Salt Roads", "--scene", "3", "--json");
        String text = JSON.readTree(shown[1]).get("text").asText();
        assertEquals("Marra", text.substring(storm.get("start").asInt(), storm.get("end").asInt()));
    }

    @Test
    void caseWordAndRegexNarrowTheMatches() throws Exception {
        assertEquals(2, hits("search", "--story", "Salt Roads", "--case", "Marra", "--json").size());
        JsonNode words = hits("search", "--story", "Salt Roads", "--word", "marra", "--json");
        assertEquals(3, words.size(), "marram is not the word marra: " + words);
        JsonNode regex = hits("search", "--story", "Salt Roads", "--regex", "--case", "M[A-Z]+A", "--json");
        assertEquals(1, regex.size());
        assertEquals("MARRA", "The marram grass bent; MARRA did not.".substring(23, 28));
        assertEquals(26 + 23, regex.get(0).get("start").asInt());
        assertEquals(0, hits("search", "--story", "Salt Roads", "kraken", "--json").size());
        assertEquals(1, hits("search", "--story", "Salt Roads", "s.", "--json").size(), "short text is scanned");
    }

    @Test
    void aBrokenRegularExpressionIsABadOptionThatSaysWhy() {
        String[] run = quire("search", "--story", "Salt Roads", "--regex", "(unclosed", "--json");

        assertEquals("2", run[0]);
        assertTrue(run[2].contains("regular expression does not work"), run[2]);
    }
}
