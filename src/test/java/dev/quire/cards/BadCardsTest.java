package dev.quire.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.Story;
import dev.quire.store.Jdbc;
import dev.quire.store.PersistenceException;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import dev.quire.studio.cards.CardException;
import dev.quire.studio.cards.CharacterCards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of malformed card is refused with what is wrong with it, and the library is left exactly as it was. */
class BadCardsTest {

    @TempDir
    Path dir;

    private Studio studio;
    private long storyId;
    private Path library;

    @BeforeEach
    void open() {
        Path dataDir = dir.resolve("library");
        studio = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE, Map.of());
        storyId = studio.stories().create(Story.titled("Saltrey")).id();
        library = LibraryLocation.libraryFile(dataDir);
    }

    @AfterEach
    void close() {
        studio.close();
    }

    static Stream<Arguments> badCards() {
        byte[] good = CardFiles.png(CardFiles.cardChunk("chara", CardFiles.sillyTavernV2()));
        return Stream.of(
                bad("PNG with a wrong signature", "card.png", () -> {
                    byte[] b = good.clone();
                    b[1] = 'X';
                    return b;
                }, "not a PNG image"),
                bad("PNG whose card chunk fails its CRC", "card.png", () -> {
                    byte[] b = good.clone();
                    b[indexOf(b, "chara".getBytes(StandardCharsets.US_ASCII)) + 20] ^= 1;
                    return b;
                }, "fails its CRC check"),
                bad("PNG cut off inside the card chunk", "card.png",
                        () -> Arrays.copyOf(good, indexOf(good, "chara".getBytes(StandardCharsets.US_ASCII)) + 40),
                        "truncated"),
                bad("PNG with no IEND", "card.png", () -> Arrays.copyOf(good, good.length - 12),
                        "without an IEND chunk"),
                bad("PNG with no card in it", "card.png", CardFiles::png, "holds no character card"),
                bad("PNG whose chunk is not base64", "card.png",
                        () -> CardFiles.png(CardFiles.text("chara", "eyJuYW1lIjog*not base64*")), "not valid base64"),
                bad("PNG whose chunk is not JSON", "card.png", () -> CardFiles.png(CardFiles.text("chara",
                        Base64.getEncoder().encodeToString("{\"spec\": \"chara_card_v2\", ".getBytes(
                                StandardCharsets.UTF_8)))), "the chara chunk is not valid JSON"),
                bad("PNG with a text chunk over 8 MB", "card.png", () -> CardFiles.png(CardFiles.text("chara",
                        "A".repeat(9 * 1024 * 1024))), "over the 8.0 MB"),
                bad("PNG with an empty card chunk", "card.png", () -> CardFiles.png(CardFiles.text("chara", "")),
                        "chunk is empty"),
                bad("JSON that is not JSON", "card.json", () -> utf8("{\"spec\": \"chara_card_v2\", \"data\": {"),
                        "is not valid JSON (line"),
                bad("JSON with something after the card", "card.json",
                        () -> utf8(CardFiles.sillyTavernV2() + " and then some"), "is not valid JSON"),
                bad("JSON of another spec", "card.json", () -> utf8("{\"spec\": \"chara_card_v9\", \"data\": {}}"),
                        "its spec is \"chara_card_v9\""),
                bad("JSON with no spec", "card.json", () -> utf8("{\"title\": \"A shopping list\"}"),
                        "no \"spec\" field"),
                bad("a lorebook, not a card", "card.json",
                        () -> utf8("{\"spec\": \"lorebook_v3\", \"data\": {\"entries\": []}}"), "it is a lorebook"),
                bad("a JSON list", "card.json", () -> utf8("[1, 2, 3]"), "it is a JSON list"),
                bad("a card with no name", "card.json",
                        () -> utf8("{\"spec\": \"chara_card_v2\", \"data\": {\"name\": \"  \"}}"), "data.name"),
                bad("a card whose name is a number", "card.json",
                        () -> utf8("{\"spec\": \"chara_card_v2\", \"data\": {\"name\": 42}}"),
                        "its data.name is a number where text belongs"),
                bad("a card with tags that are not a list", "card.json", () -> {
                    ObjectNode card = CardFiles.sillyTavernV2();
                    ((ObjectNode) card.get("data")).put("tags", "coastal, slow burn");
                    return CardFiles.bytes(card);
                }, "data.tags is a text"),
                bad("a card whose book entry is not an object", "card.json", () -> {
                    ObjectNode card = CardFiles.sillyTavernV2();
                    ((com.fasterxml.jackson.databind.node.ArrayNode) card.at("/data/character_book/entries")).add(7);
                    return CardFiles.bytes(card);
                }, "data.character_book.entries[2] is a number"),
                bad("an empty file", "card.json", () -> new byte[0], "the file is empty"),
                bad("a CHARX that is not a zip", "card.charx", () -> utf8("not a zip at all"),
                        "cannot be read as a zip archive"),
                bad("a CHARX with no card.json", "card.charx",
                        () -> CardFiles.zip(CardFiles.entries("cards/card.json", CardFiles.bytes(CardFiles.v3()))),
                        "no card.json at its root"),
                bad("a CHARX with a path traversal", "card.charx", () -> CardFiles.zip(CardFiles.entries(
                        "card.json", CardFiles.bytes(CardFiles.v3()), "../../.bashrc", utf8("echo gotcha"))),
                        "path traversal"),
                bad("a CHARX with an absolute path", "card.charx", () -> CardFiles.zip(CardFiles.entries(
                        "card.json", CardFiles.bytes(CardFiles.v3()), "/etc/cron.d/x", utf8("* * * * *"))),
                        "path traversal"),
                bad("a CHARX that unpacks to gigabytes", "card.charx", BadCardsTest::sizeBomb, "zip bomb"),
                bad("a CHARX with thousands of entries", "card.charx", BadCardsTest::entryBomb,
                        "more than 1000 entries"),
                bad("a CHARX whose card.json is not JSON", "card.charx",
                        () -> CardFiles.zip(CardFiles.entries("card.json", utf8("{oops"))),
                        "its card.json is not valid JSON"));
    }

    private static Arguments bad(String what, String fileName, Supplier<byte[]> bytes, String says) {
        return Arguments.of(what, fileName, bytes, says);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCards")
    void aMalformedCardIsRefusedSayingWhatIsWrongAndNothingIsWritten(String what, String fileName,
                                                                      Supplier<byte[]> bytes, String says) {
        Path file = CardFiles.write(dir.resolve(fileName), bytes.get());
        Map<String, List<String>> before = CardFiles.rows(library);

        CardException e = assertThrows(CardException.class, () -> new CharacterCards(studio).importCard(file, storyId));

        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(says), "says “" + says + "”: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was added to the library."), e.getMessage());
        assertEquals(before, CardFiles.rows(library));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCards")
    void aMalformedCardIsRefusedByThePreviewToo(String what, String fileName, Supplier<byte[]> bytes, String says) {
        Path file = CardFiles.write(dir.resolve(fileName), bytes.get());

        CardException e = assertThrows(CardException.class, () -> CharacterCards.read(file));

        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nowhere.png");

        CardException e = assertThrows(CardException.class, () -> new CharacterCards(studio).importCard(missing,
                storyId));

        assertTrue(e.getMessage().contains("There is no file " + missing), e.getMessage());
    }

    @Test
    void aFailureHalfWayThroughTheImportLeavesNothingBehind() {
        Path card = CardFiles.write(dir.resolve("maren.json"), CardFiles.bytes(CardFiles.sillyTavernV2()));
        // the disk "fills" when the second lore entry is written, after the character and the first entry
        Jdbc.execute(library, """
                CREATE TRIGGER full_disk BEFORE INSERT ON lore_entry
                WHEN (SELECT count(*) FROM lore_entry WHERE story_id = NEW.story_id) >= 1
                BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END""");
        Map<String, List<String>> before = CardFiles.rows(library);

        assertThrows(PersistenceException.class, () -> new CharacterCards(studio).importCard(card, storyId));

        assertEquals(before, CardFiles.rows(library));
    }

    private static byte[] sizeBomb() {
        // 80 MB of zeros deflates to about 80 KB
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("card.json"));
            zip.write(CardFiles.bytes(CardFiles.v3()));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("assets/other/zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 80; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] entryBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("card.json"));
            zip.write(CardFiles.bytes(CardFiles.v3()));
            zip.closeEntry();
            for (int i = 0; i < 1500; i++) {
                zip.putNextEntry(new ZipEntry("assets/other/" + i + ".txt"));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
