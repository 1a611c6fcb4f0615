package dev.quire.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.CharacterSheet;
import dev.quire.model.CharacterSheet.Field;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.model.PlayedBy;
import dev.quire.model.Story;
import dev.quire.store.Jdbc;
import dev.quire.studio.Studio;
import dev.quire.studio.cards.CardFormat;
import dev.quire.studio.cards.CardSpec;
import dev.quire.studio.cards.CharacterCards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cards in and out of a real library: what arrives on the sheet, and that what leaves is the card that came. */
class CardRoundTripTest {

    @TempDir
    Path dir;

    private Studio studio;
    private CharacterCards cards;
    private long storyId;

    @BeforeEach
    void open() {
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of());
        cards = new CharacterCards(studio);
        storyId = studio.stories().create(Story.titled("Saltrey")).id();
    }

    @AfterEach
    void close() {
        studio.close();
    }

    private Path file(String name, byte[] bytes) {
        return CardFiles.write(dir.resolve(name), bytes);
    }

    @Test
    void sillyTavernV2PngImportsWithItsFieldsAndLoreAndExportsBackWithItsFieldsIntact() {
        ObjectNode card = CardFiles.sillyTavernV2();
        byte[] original = CardFiles.png(CardFiles.cardChunk("chara", card));

        CharacterCards.Imported imported = cards.importCard(file("maren.png", original), storyId);

        CharacterSheet maren = studio.characters().get(imported.character().id()).orElseThrow();
        assertEquals("Maren Holt", maren.name());
        assertEquals("A lighthouse keeper's daughter who took over the lamp at sixteen.", maren.backstory());
        assertEquals("Dry, watchful, kind in deeds rather than words.", maren.personality());
        assertEquals("First message:\n*Maren sets the kettle on.* You'll want to dry off before you say anything."
                + "\n\nExample messages:\n<START>\n{{user}}: Is the light still burning?\n{{char}}: Always is.",
                maren.voice());
        assertEquals("Works best in slow, quiet scenes.", maren.privateNotes());
        assertEquals(List.of("Scenario: A storm has cut the island off from the mainland for a week."),
                maren.facts().stream().map(Fact::text).toList());
        assertEquals(List.of(), maren.aliases());
        assertEquals(CardSpec.V2, imported.spec());
        assertEquals(CardFormat.PNG, imported.format());

        List<LoreEntry> lore = studio.lore().list(storyId);
        assertEquals(2, lore.size());
        assertEquals(2, imported.lore().size());
        LoreEntry light = lore.get(0);
        assertEquals("The Saltrey light", light.title());
        assertEquals(List.of("lighthouse", "lamp"), light.keywords());
        assertEquals("The light has not gone out in ninety years.", light.content());
        assertFalse(light.alwaysOn());
        assertTrue(light.enabled());
        LoreEntry ferry = lore.get(1);
        assertEquals("ferry", ferry.title(), "no name or comment: the first key");
        assertTrue(ferry.alwaysOn());
        assertFalse(ferry.enabled());

        byte[] exported = cards.export(maren.id(), CardSpec.V2, CardFormat.PNG);

        assertEquals(card, CardFiles.cardIn(exported, "chara"), "every field, unknown ones and extensions too");
        List<CardFiles.Chunk> before = CardFiles.chunks(original);
        List<CardFiles.Chunk> after = CardFiles.chunks(exported);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).type(), after.get(i).type());
            if (!before.get(i).keyword().equals("chara")) {
                assertArrayEquals(before.get(i).data(), after.get(i).data(), "the portrait is the card's own");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"V2, JSON", "V2, PNG", "V3, JSON", "V3, PNG"})
    void aCardRoundTripsWithItsExtensionsAndUnknownFields(CardSpec spec, CardFormat format) throws Exception {
        ObjectNode card = spec == CardSpec.V2 ? CardFiles.sillyTavernV2() : CardFiles.v3();
        String keyword = spec == CardSpec.V2 ? "chara" : "ccv3";
        byte[] bytes = format == CardFormat.PNG ? CardFiles.png(CardFiles.cardChunk(keyword, card))
                : spec == CardSpec.V2 ? CardFiles.SILLY_TAVERN_V2.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : CardFiles.bytes(card);

        long id = cards.importCard(file("card." + format.extension(), bytes), storyId).character().id();
        byte[] exported = cards.export(id, spec, format);

        JsonNode back = format == CardFormat.PNG ? CardFiles.cardIn(exported, keyword) : CardFiles.JSON.readTree(exported);
        if (spec == CardSpec.V3) {
            // V3 asks an application to stamp the date it exported a card
            assertTrue(back.path("data").path("modification_date").asLong() >= 1700000001L);
            ((ObjectNode) back.get("data")).remove("modification_date");
            ((ObjectNode) card.get("data")).remove("modification_date");
        }
        assertEquals(card, back);
        assertEquals(card.path("data").path("extensions"), back.path("data").path("extensions"));
        if (spec == CardSpec.V2 && format == CardFormat.JSON) {
            String text = new String(exported, java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("1.10") && text.contains("12345678901234567890"), "numbers as written: " + text);
        }
    }

    @Test
    void aV3CardKeepsItsNicknameAsAnAliasAndItsSectionsAsFields() {
        long id = cards.importCard(file("toby.json", CardFiles.bytes(CardFiles.v3())), storyId).character().id();

        CharacterSheet toby = studio.characters().get(id).orElseThrow();
        assertEquals(List.of("Toby"), toby.aliases());
        assertEquals("Tall, ink on his cuffs.", toby.appearance());
        assertEquals("Printed the paper for thirty years.", toby.backstory());
        assertEquals("{{char}}: Off the record? Nothing's off the record.", toby.voice());
        assertEquals(List.of(), toby.facts(), "a blank scenario is no fact");
        LoreEntry press = studio.lore().list(storyId).get(0);
        assertEquals("The press", press.title());
        assertEquals("@@depth 2\nThe press is older than the harbour.", press.content());
    }

    @Test
    void aPngWithBothChunksIsReadFromItsCcv3Chunk() {
        ObjectNode v2 = CardFiles.sillyTavernV2();
        byte[] png = CardFiles.png(CardFiles.cardChunk("chara", v2), CardFiles.cardChunk("ccv3", CardFiles.v3()));

        CharacterCards.Imported imported = cards.importCard(file("both.png", png), storyId);

        assertEquals("Tobias Wren", imported.character().name());
        assertEquals(CardSpec.V3, imported.spec());
    }

    @Test
    void changesMadeInQuireAreMergedIntoTheCardAndTheRestLeavesAsItCame() throws Exception {
        ObjectNode card = CardFiles.sillyTavernV2();
        CharacterCards.Imported imported = cards.importCard(file("maren.json", CardFiles.bytes(card)), storyId);
        CharacterSheet maren = imported.character();
        studio.characters().update(maren.with(Field.PERSONALITY, "Warmer since the storm.")
                .with(Field.APPEARANCE, "Salt-grey coat.")
                .withFacts(List.of(Fact.of("Scenario: The storm has passed."), Fact.of("Owes the ferryman."))));
        LoreEntry light = imported.lore().get(0);
        studio.lore().update(light.with("The light", light.keywords(), "It went out once, in 1911.", true, true));
        studio.lore().create(LoreEntry.titled(storyId, "Added in Quire"));
        studio.lore().delete(imported.lore().get(1).id());

        JsonNode back = CardFiles.JSON.readTree(new String(cards.export(maren.id(), CardSpec.V2, CardFormat.JSON),
                java.nio.charset.StandardCharsets.UTF_8));

        JsonNode data = back.get("data");
        assertEquals("Warmer since the storm.", data.get("personality").asText());
        assertEquals("Appearance: Salt-grey coat.\n\nBackstory: A lighthouse keeper's daughter who took over the lamp"
                + " at sixteen.", data.get("description").asText());
        assertEquals("The storm has passed.", data.get("scenario").asText());
        assertEquals("Owes the ferryman.", data.at("/extensions/quire/facts/0").asText());
        assertEquals("Warmer since the storm.", back.get("personality").asText(), "SillyTavern's top-level copy follows");
        ArrayNode entries = (ArrayNode) data.at("/character_book/entries");
        assertEquals(1, entries.size(), "the deleted entry is gone; the one added in Quire is the story's");
        JsonNode entry = entries.get(0);
        assertEquals("It went out once, in 1911.", entry.get("content").asText());
        assertTrue(entry.get("constant").asBoolean());
        assertEquals("The light", entry.get("comment").asText());
        assertEquals(card.at("/data/character_book/entries/0/extensions"), entry.get("extensions"));
        assertEquals(card.at("/data/character_book/entries/0/secondary_keys"), entry.get("secondary_keys"));
        for (String unchanged : new String[] {"first_mes", "mes_example", "creator_notes", "alternate_greetings",
                "tags", "creator", "character_version", "post_history_instructions", "x_unknown_field"}) {
            assertEquals(card.get("data").get(unchanged), data.get(unchanged), unchanged);
        }
        assertEquals(card.at("/data/extensions/depth_prompt"), data.at("/extensions/depth_prompt"));
    }

    @Test
    void aSheetWrittenInQuireSurvivesACardRoundTrip() {
        CharacterSheet sheet = CharacterSheet.named(storyId, "Ines Calder")
                .with(Field.ROLE, "The harbourmaster")
                .with(Field.APPEARANCE, "Oilskins, always.")
                .with(Field.PERSONALITY, "Blunt.")
                .with(Field.PSYCHOLOGY, "Needs to be needed.")
                .with(Field.BACKSTORY, "Came to Saltrey to forget a city.")
                .with(Field.DESIRES, "A quiet winter.")
                .with(Field.FEARS, "Open water at night.")
                .with(Field.VOICE, "Short sentences. Never says please.")
                .with(Field.RELATIONSHIPS, "Maren's oldest friend.")
                .with(Field.INTERESTS, "Knots; old charts.")
                .with(Field.PRIVATE_NOTES, "She dies in act three.")
                .withAliases(List.of("The Harbourmaster", "Nessa"))
                .withPlayedBy(PlayedBy.WRITER)
                .withFacts(List.of(Fact.of("Scenario: The week of the storm."), Fact.of("Keeps a pistol in the desk.")));
        long id = studio.characters().create(sheet).id();
        long other = studio.stories().create(Story.titled("Elsewhere")).id();

        for (CardSpec spec : CardSpec.values()) {
            for (CardFormat format : new CardFormat[] {CardFormat.JSON, CardFormat.PNG}) {
                Path out = cards.exportTo(id, spec, format, dir.resolve("ines-" + spec + "." + format.extension()));
                CharacterSheet back = cards.importCard(out, other).character();
                assertEquals(withoutIds(sheet), withoutIds(back), spec + " " + format);
            }
        }
    }

    @Test
    void aPngExportOfASheetWithoutAPortraitGetsAPlainValidOne() throws Exception {
        long id = studio.characters().create(CharacterSheet.named(storyId, "Ines Calder")).id();

        byte[] png = cards.export(id, CardSpec.V3, CardFormat.PNG);

        List<CardFiles.Chunk> chunks = CardFiles.chunks(png);
        CardFiles.Chunk ihdr = chunks.get(0);
        assertEquals("IHDR", ihdr.type());
        assertEquals(400, java.nio.ByteBuffer.wrap(ihdr.data(), 0, 4).getInt());
        assertEquals(600, java.nio.ByteBuffer.wrap(ihdr.data(), 4, 4).getInt());
        byte[] pixels = inflate(chunks.stream().filter(c -> c.type().equals("IDAT")).findFirst().orElseThrow().data());
        assertEquals(600 * (1 + 400 * 3), pixels.length, "one filter byte and 400 RGB pixels a row");
        assertEquals("Ines Calder", CardFiles.cardIn(png, "ccv3").at("/data/name").asText());
        JsonNode backfill = CardFiles.cardIn(png, "chara");
        assertEquals("chara_card_v2", backfill.get("spec").asText());
        assertTrue(backfill.at("/data/creator_notes").asText().startsWith("This character card is Character Card V3"));
    }

    @Test
    void aV2CardExportedAsV3GainsWhatV3Requires() throws Exception {
        long id = cards.importCard(file("maren.json", CardFiles.bytes(CardFiles.sillyTavernV2())), storyId)
                .character().id();

        JsonNode v3 = CardFiles.JSON.readTree(cards.export(id, CardSpec.V3, CardFormat.JSON));

        assertEquals("chara_card_v3", v3.get("spec").asText());
        assertEquals("3.0", v3.get("spec_version").asText());
        assertTrue(v3.at("/data/group_only_greetings").isArray());
        assertFalse(v3.at("/data/character_book/entries/0/use_regex").asBoolean(true));
        assertEquals(CardSpec.V2, cards.defaultSpec(id));
    }

    @Test
    void aCharxCardImportsWithItsIconAsThePortrait() {
        ObjectNode card = CardFiles.v3();
        ((ObjectNode) card.at("/data/assets/0")).put("uri", "embeded://assets/icon/images/main.png");
        byte[] icon = CardFiles.png();
        byte[] charx = CardFiles.zip(CardFiles.entries("card.json", CardFiles.bytes(card),
                "assets/icon/images/main.png", icon));

        CharacterCards.Imported imported = cards.importCard(file("toby.charx", charx), storyId);

        assertEquals(CardFormat.CHARX, imported.format());
        byte[] png = cards.export(imported.character().id(), CardSpec.V3, CardFormat.PNG);
        byte[] idat = CardFiles.chunks(png).stream().filter(c -> c.type().equals("IDAT")).findFirst().orElseThrow()
                .data();
        assertArrayEquals(CardFiles.image().get(2).data(), idat, "the card's own icon");
        assertFalse(CardFiles.cardIn(png, "ccv3").at("/data").has("assets"),
                "assets inside the CHARX are not kept, so nothing points to them");
    }

    @Test
    void aV2ExportOfACharxCardKeepsNoPointerIntoTheCharx() throws Exception {
        ObjectNode card = CardFiles.v3();
        ((ObjectNode) card.at("/data/assets/0")).put("uri", "embeded://assets/icon/images/main.png");
        byte[] charx = CardFiles.zip(CardFiles.entries("card.json", CardFiles.bytes(card),
                "assets/icon/images/main.png", CardFiles.png()));
        CharacterCards.Imported imported = cards.importCard(file("toby2.charx", charx), storyId);

        for (CardFormat format : new CardFormat[] {CardFormat.JSON, CardFormat.PNG}) {
            byte[] bytes = cards.export(imported.character().id(), CardSpec.V2, format);
            String text = format == CardFormat.JSON ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                    : CardFiles.cardIn(bytes, "chara").toString();
            assertFalse(text.contains("embeded://"), "a V2 " + format + " keeps a dangling asset: " + text);
        }
    }

    @Test
    void rowsGivenTheIdsOfDeletedImportedOnesDoNotInheritTheirCardOrBookEntries() throws Exception {
        CharacterCards.Imported maren = cards.importCard(file("maren.json", CardFiles.bytes(CardFiles.sillyTavernV2())),
                storyId);
        CharacterCards.Imported toby = cards.importCard(file("toby.json", CardFiles.bytes(CardFiles.v3())), storyId);
        Path library = studio.database().file();
        long importedAt = Jdbc.queryLong(library, "SELECT max(created_at) FROM lore_entry");
        // SQLite gives the highest deleted id to the next row; the guard tells the rows apart by creation
        // time, so let the millisecond of the import pass
        while (System.currentTimeMillis() <= importedAt) {
            Thread.onSpinWait();
        }
        studio.characters().delete(toby.character().id());
        studio.lore().delete(toby.lore().get(0).id());
        long next = studio.characters().create(CharacterSheet.named(storyId, "Someone new")).id();
        long lore = studio.lore().create(LoreEntry.titled(storyId, "Someone's lore")).id();
        assertEquals(toby.character().id(), next, "the id was given again");
        assertEquals(toby.lore().get(0).id(), lore, "the id was given again");

        JsonNode card = CardFiles.JSON.readTree(cards.export(next, CardSpec.V2, CardFormat.JSON));

        assertEquals("Someone new", card.at("/data/name").asText());
        assertFalse(card.at("/data").has("character_book"));
        assertFalse(card.at("/data").has("nickname"));
        assertEquals(CardFiles.sillyTavernV2(), CardFiles.JSON.readTree(cards.export(maren.character().id(),
                CardSpec.V2, CardFormat.JSON)), "the other card is untouched");
    }

    @Test
    void exportReplacesAFileWholeAndLeavesNoTemporaryFiles() throws Exception {
        long id = cards.importCard(file("maren.json", CardFiles.bytes(CardFiles.sillyTavernV2())), storyId)
                .character().id();
        Path out = Files.createDirectories(dir.resolve("out")).resolve("maren.png");
        Files.writeString(out, "an older file");

        cards.exportTo(id, CardSpec.V2, CardFormat.PNG, out);

        assertEquals("Maren Holt", CardFiles.cardIn(Files.readAllBytes(out), "chara").at("/data/name").asText());
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
    }

    private static CharacterSheet withoutIds(CharacterSheet s) {
        return s.withId(0, 0).withFacts(s.facts().stream().map(f -> Fact.of(f.text())).toList());
    }

    private static byte[] inflate(byte[] data) throws Exception {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!inflater.finished()) {
            out.write(buf, 0, inflater.inflate(buf));
        }
        inflater.end();
        return out.toByteArray();
    }
}
