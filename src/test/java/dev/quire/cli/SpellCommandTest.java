package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Spelling;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire spell}, and the story dictionary and personal dictionary it reads. */
class SpellCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private Map<String, String> env() {
        return Map.of("QUIRE_CONFIG_HOME", dir.resolve("config").toString());
    }

    private Run quire(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("library").toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuireCommand.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]), env(), o -> { });
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> words(JsonNode root) {
        List<String> out = new ArrayList<>();
        root.get("findings").forEach(f -> out.add(f.get("text").asText()));
        return out;
    }

    @Test
    void aFileIsCheckedWithOffsetsInUtf16CodeUnits() throws Exception {
        String text = "\uD83C\uDF0A She crossed teh bridge.\nThe colour was green.\n";
        Path file = dir.resolve("draft.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Run us = quire("spell", "--file", file.toString(), "--json");
        assertEquals(0, us.code(), us.err());
        JsonNode first = us.json().get("findings").get(0);
        assertEquals("teh", first.get("text").asText());
        assertEquals(text.indexOf("teh"), first.get("start").asInt());
        assertEquals(text.indexOf("teh") + 3, first.get("end").asInt());
        assertTrue(first.get("suggestions").toString().contains("\"the\""), first.toString());
        assertEquals(List.of("teh", "colour"), words(us.json()));

        Run gb = quire("spell", "--file", file.toString(), "--language", "en-GB", "--json");
        assertEquals(List.of("teh"), words(gb.json()), "British spelling is right in en-GB");
        assertEquals("en-GB", gb.json().get("language").asText());
        assertEquals(2, quire("spell", "--file", file.toString(), "--language", "xx-YY").code());
    }

    @Test
    void aStoryKnowsItsNamesLoreDictionaryAndThePersonalDictionary() throws Exception {
        long storyId;
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, env())) {
            storyId = studio.stories().create(Story.titled("The Weir")).id();
            studio.characters().create(CharacterSheet.named(storyId, "Odile Farrant")
                    .withAliases(List.of("Dilly")));
            studio.lore().create(LoreEntry.titled(storyId, "Quillhaven").with("Quillhaven",
                    List.of("Marrowgate"), "A town.", false, true));
            studio.scenes().append(Scene.titled(storyId, "Night").withProse(Prose.plain(
                    "Odile Farrant (Dilly to her friends) left Quillhaven by the Marrowgate. Teh Skellig road was"
                            + " wet.\nZorblat waited.")));
        }
        Run before = quire("spell", "--story", "The Weir", "--json");
        assertEquals(0, before.code(), before.err());
        assertEquals(List.of("Teh", "Skellig", "Zorblat"), words(before.json()));
        assertEquals(1, before.json().get("findings").get(0).get("scene").asInt());

        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config").resolve(Spelling.PERSONAL_FILE), "# mine\nzorblat\n");
        Run added = quire("spell", "--story", "The Weir", "--scene", "1", "--add", "Skellig", "--json");
        assertEquals(List.of("Teh"), words(added.json()), "the story's word and the personal one are known");

        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, env())) {
            assertEquals(List.of("Skellig"), studio.spelling().storyWords(storyId), "kept in the library");
            studio.spelling().addPersonal("Brannock");
            studio.spelling().addPersonal("Brannock");
            assertEquals(List.of("zorblat", "Brannock"), studio.spelling().personalWords());
            assertEquals("en-US", studio.spelling().language(storyId));
            studio.spelling().setLanguage(storyId, "en-GB");
            assertEquals("en-GB", studio.spelling().language(storyId));
        }
        Run plain = quire("spell", "--story", "The Weir");
        assertTrue(plain.out().contains("1 finding (en-GB)"), plain.out());
        assertEquals(2, quire("spell", "--story", "The Weir", "--scene", "2").code());
    }
}
