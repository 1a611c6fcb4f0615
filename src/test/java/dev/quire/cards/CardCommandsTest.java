package dev.quire.cards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.cli.QuireCommand;
import dev.quire.store.Jdbc;
import dev.quire.studio.LibraryLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire import-card} and {@code quire export-card}, run in-process against a real library. */
class CardCommandsTest {

    @TempDir
    Path dir;

    private Path dataDir;
    private long storyId;

    record Run(int code, String out, String err) {
        JsonNode json() {
            return CardFiles.read(out);
        }
    }

    private Run quire(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = QuireCommand.run(all, new PrintWriter(out), new PrintWriter(err), options -> {
            throw new AssertionError("a command must not open the studio window");
        });
        return new Run(code, out.toString(), err.toString());
    }

    private Path library() {
        return LibraryLocation.libraryFile(dataDir);
    }

    @BeforeEach
    void library(@TempDir Path data) {
        dataDir = data;
        storyId = Long.parseLong(quire("--no-sample", "new-story", "Saltrey").out().strip());
    }

    private Path card(String name, byte[] bytes) {
        return CardFiles.write(dir.resolve(name), bytes);
    }

    @Test
    void importCardPrintsTheNewCharactersIdNameAndLoreCount() {
        Path png = card("maren.png", CardFiles.png(CardFiles.cardChunk("chara", CardFiles.sillyTavernV2())));

        Run run = quire("import-card", png.toString(), "--story", "Saltrey");

        assertEquals(0, run.code(), run.err());
        long id = Jdbc.queryLong(library(), "SELECT id FROM character WHERE name = 'Maren Holt'");
        assertEquals(id + "  Maren Holt  (2 lore entries, into “Saltrey”)", run.out().strip());
        assertEquals(2, Jdbc.count(library(), "lore_entry"));
        assertEquals("", run.err());
    }

    @Test
    void importCardJsonHasIdNameLoreStorySpecAndWarnings() {
        Path json = card("toby.json", CardFiles.bytes(CardFiles.v3()));

        Run run = quire("import-card", json.toString(), "--story", String.valueOf(storyId), "--json");

        assertEquals(0, run.code(), run.err());
        JsonNode out = run.json();
        Set<String> fields = new TreeSet<>();
        out.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("id", "name", "lore", "story", "spec", "warnings"), fields);
        assertEquals(Jdbc.queryLong(library(), "SELECT id FROM character"), out.get("id").asLong());
        assertEquals("Tobias Wren", out.get("name").asText());
        assertEquals(1, out.get("lore").asInt());
        assertEquals(storyId, out.get("story").asLong());
        assertEquals("v3", out.get("spec").asText());
        assertEquals(0, out.get("warnings").size());
    }

    @Test
    void aBadCardFailsWithItsFileAndWhatIsWrongAndAddsNothing() {
        byte[] png = CardFiles.png(CardFiles.cardChunk("chara", CardFiles.sillyTavernV2()));
        png[png.length - 20] ^= 0x40;
        Path broken = card("broken.png", png);
        Map<String, List<String>> before = CardFiles.rows(library());

        Run run = quire("import-card", broken.toString(), "--story", "Saltrey");

        assertEquals(1, run.code());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("quire: Quire cannot read the character card " + broken + ": "), run.err());
        assertTrue(run.err().contains("CRC") && run.err().contains("Nothing was added to the library."), run.err());
        assertFalse(run.err().contains("Exception"), "no stack trace: " + run.err());
        assertEquals(before, CardFiles.rows(library()));
    }

    @Test
    void importCardIntoAStoryThatIsNotThereIsAUsageError() {
        Path json = card("toby.json", CardFiles.bytes(CardFiles.v3()));

        Run run = quire("import-card", json.toString(), "--story", "Nowhere");

        assertEquals(2, run.code());
        assertTrue(run.err().contains("There is no story “Nowhere”"), run.err());
        assertEquals(0, Jdbc.count(library(), "character"));
    }

    @Test
    void exportCardWritesEachFormatAndSpec() throws Exception {
        quire("import-card", card("maren.json", CardFiles.bytes(CardFiles.sillyTavernV2())).toString(),
                "--story", "Saltrey");
        Path png = dir.resolve("maren-out.png");
        Path json = dir.resolve("maren-out.json");

        Run asPng = quire("export-card", "--story", "Saltrey", "--character", "maren holt", "--format", "png",
                "--spec", "v3", "--out", png.toString());
        Run asJson = quire("export-card", "--story", "Saltrey", "--character", "Maren Holt", "--out", json.toString());

        assertEquals(0, asPng.code(), asPng.err());
        assertTrue(asPng.out().startsWith(png + "  (v3 PNG card of Maren Holt, "), asPng.out());
        assertEquals("chara_card_v3", CardFiles.cardIn(Files.readAllBytes(png), "ccv3").get("spec").asText());
        assertEquals(0, asJson.code(), asJson.err());
        assertTrue(asJson.out().startsWith(json + "  (v2 JSON card of Maren Holt, "), "v2: as imported");
        assertEquals(CardFiles.sillyTavernV2(), CardFiles.JSON.readTree(json.toFile()));
    }

    @Test
    void exportCardByIdAndIntoAMissingFolder() {
        long id = quire("import-card", card("toby.json", CardFiles.bytes(CardFiles.v3())).toString(), "--story",
                "Saltrey", "--json").json().get("id").asLong();
        Path nowhere = dir.resolve("no-such-folder").resolve("toby.json");

        Run run = quire("export-card", "--story", "Saltrey", "--character", String.valueOf(id), "--out",
                nowhere.toString());

        assertEquals(1, run.code());
        assertTrue(run.err().contains("The folder " + nowhere.getParent() + " does not exist"), run.err());
        assertFalse(Files.exists(nowhere.getParent()));
    }

    @Test
    void exportCardOfAnUnknownCharacterNamesTheOnesThereAre() {
        quire("import-card", card("toby.json", CardFiles.bytes(CardFiles.v3())).toString(), "--story", "Saltrey");

        Run run = quire("export-card", "--story", "Saltrey", "--character", "Maren", "--out",
                dir.resolve("x.json").toString());

        assertEquals(2, run.code());
        assertTrue(run.err().contains("“Saltrey” has no character “Maren”; it has Tobias Wren."), run.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void exportCardNeedsAFormatItCanTellAndASpecItKnows() {
        Run noFormat = quire("export-card", "--story", "Saltrey", "--character", "X", "--out",
                dir.resolve("x.card").toString());
        Run badSpec = quire("export-card", "--story", "Saltrey", "--character", "X", "--spec", "v9", "--out",
                dir.resolve("x.json").toString());

        assertEquals(2, noFormat.code());
        assertTrue(noFormat.err().contains("--format png or --format json"), noFormat.err());
        assertEquals(2, badSpec.code());
        assertTrue(badSpec.err().contains("--spec is v2 or v3"), badSpec.err());
    }
}
