package dev.quire.lorebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.backup.LibraryRows;
import dev.quire.model.LoreEntry;
import dev.quire.model.LoreEntry.SecondaryLogic;
import dev.quire.model.Story;
import dev.quire.studio.Studio;
import dev.quire.studio.lorebooks.LorebookException;
import dev.quire.studio.lorebooks.LorebookFormat;
import dev.quire.studio.lorebooks.Lorebooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** SillyTavern World Info and NovelAI lorebooks into a story's lore and back out. */
class LorebooksTest {

    /** SillyTavern's own default world; read where it lies, never copied into the repository. */
    static final Path ELDORIA = Path.of("..", "shared", "fixtures", "st-world-eldoria.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Studio studio;
    long storyId;

    @BeforeEach
    void library() {
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of());
        storyId = studio.stories().create(Story.titled("Eldoria")).id();
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        studio.close();
    }

    @Test
    void eldoriaImportsAsFourEntriesAndExportsBackAsItWas() throws IOException {
        assumeTrue(Files.isRegularFile(ELDORIA), "the Eldoria fixture is not at " + ELDORIA.toAbsolutePath()
                + "; this test needs the shared fixtures beside the repository");
        Lorebooks.Book book = Lorebooks.read(ELDORIA);
        assertEquals(LorebookFormat.SILLYTAVERN, book.format());
        assertTrue(book.mentionsChar() && book.mentionsUser());

        List<LoreEntry> added = Lorebooks.importInto(studio, Lorebooks.preview(book, storyId, Lorebooks.Names.KEEP));

        assertEquals(4, added.size());
        assertEquals(4, studio.lore().list(storyId).size());
        LoreEntry first = studio.lore().list(storyId).get(0);
        assertEquals(List.of("eldoria", "wood", "forest", "magical forest"), first.keywords());
        assertEquals(100, first.priority());
        assertTrue(first.enabled() && !first.alwaysOn());

        Path out = dir.resolve("eldoria-out.json");
        Lorebooks.exportTo(studio, storyId, LorebookFormat.SILLYTAVERN, out);
        JsonNode original = JSON.readTree(ELDORIA.toFile());
        JsonNode exported = JSON.readTree(out.toFile());
        for (String uid : List.of("0", "1", "2", "3")) {
            assertEquals(original.get("entries").get(uid).get("key"), exported.get("entries").get(uid).get("key"));
            assertEquals(original.get("entries").get(uid).get("content"),
                    exported.get("entries").get(uid).get("content"));
        }
        assertEquals(original, exported, "every field given back, and no other");
    }

    @Test
    void charAndUserBecomeTheNamesTheWriterPicks() {
        assumeTrue(Files.isRegularFile(ELDORIA), "the Eldoria fixture is not at " + ELDORIA.toAbsolutePath());
        Lorebooks.Preview preview = Lorebooks.preview(Lorebooks.read(ELDORIA), storyId,
                new Lorebooks.Names("Seraphina", "Wren"));
        String content = preview.entries().get(0).content();
        assertTrue(content.startsWith("Wren: \"What is Eldoria?\"\nSeraphina: *Seraphina turns"), content);
        assertFalse(preview.entries().stream().anyMatch(e -> e.content().contains("{{")));
        assertTrue(studio.lore().list(storyId).isEmpty(), "a preview writes nothing");

        Lorebooks.Preview kept = Lorebooks.preview(Lorebooks.read(ELDORIA), storyId, Lorebooks.Names.KEEP);
        assertTrue(kept.warnings().stream().anyMatch(w -> w.contains("{{char}} is left as it is")), kept.warnings()
                .toString());
    }

    @Test
    void theFourSecondaryLogicsAndWhatQuireDoesNotModelComeInAndGoBack() throws IOException {
        Path file = resource("st-selective.json");
        List<LoreEntry> added = Lorebooks.importInto(studio, Lorebooks.preview(Lorebooks.read(file), storyId,
                new Lorebooks.Names("Odile", "")));

        assertEquals(List.of(SecondaryLogic.AND_ANY, SecondaryLogic.NOT_ALL, SecondaryLogic.NOT_ANY,
                SecondaryLogic.AND_ALL), added.stream().map(LoreEntry::secondaryLogic).toList());
        assertEquals(List.of("tide", "flood"), added.get(0).secondaryKeywords());
        assertEquals(List.of("Causeway, AND ANY", "Light, NOT ALL", "Ledgers, NOT ANY", "Screen, AND ALL"),
                added.stream().map(LoreEntry::title).toList());
        assertEquals(List.of(100, 90, 80, 70), added.stream().map(LoreEntry::priority).toList());
        assertEquals(3, added.get(1).scanDepth());
        assertFalse(added.get(2).enabled(), "disable: true");
        assertTrue(added.get(3).alwaysOn(), "constant: true");
        assertEquals("Odile kept the ledgers for {{user}}.", added.get(2).content());

        Path out = dir.resolve("out.json");
        Lorebooks.exportTo(studio, storyId, LorebookFormat.SILLYTAVERN, out);
        JsonNode original = JSON.readTree(file.toFile());
        JsonNode exported = JSON.readTree(out.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) original.get("entries").get("2"))
                .put("content", "Odile kept the ledgers for {{user}}.");
        assertEquals(original, exported);
    }

    @Test
    void aNovelAiLorebookRoundTrips() throws IOException {
        Path file = resource("saltrey.lorebook");
        Lorebooks.Book book = Lorebooks.read(file);
        assertEquals(LorebookFormat.NOVELAI, book.format());
        List<LoreEntry> added = Lorebooks.importInto(studio, Lorebooks.preview(book, storyId, Lorebooks.Names.KEEP));

        assertEquals(2, added.size());
        LoreEntry causeway = added.get(0);
        assertEquals("Causeway", causeway.title());
        assertEquals(List.of("causeway", "/hard(s)?\\b/i"), causeway.keywords());
        assertEquals("The causeway floods at spring tides.", causeway.content());
        assertEquals(400, causeway.priority());
        LoreEntry light = added.get(1);
        assertFalse(light.enabled());
        assertTrue(light.alwaysOn(), "forceActivation");
        assertEquals(250, light.priority());

        Path out = dir.resolve("out.lorebook");
        Lorebooks.exportTo(studio, storyId, LorebookFormat.NOVELAI, out);
        assertEquals(JSON.readTree(file.toFile()), JSON.readTree(out.toFile()));
    }

    @Test
    void loreWrittenInQuireExportsToBothFormatsAndReadsBack() {
        studio.lore().create(new LoreEntry(0, storyId, "The Hard", List.of("Hard", "/cause?way/i"),
                "The shingle spit.", false, true, List.of("tide"), SecondaryLogic.NOT_ANY, 5, 2, "{}"));
        for (LorebookFormat format : LorebookFormat.values()) {
            Path out = dir.resolve("quire." + format.extension());
            Lorebooks.exportTo(studio, storyId, format, out);
            LoreEntry back = Lorebooks.read(out).entries().get(0);
            assertEquals("The Hard", back.title(), format.name());
            assertEquals(List.of("Hard", "/cause?way/i"), back.keywords(), format.name());
            assertEquals("The shingle spit.", back.content(), format.name());
            assertEquals(5, back.priority(), format.name());
            if (format == LorebookFormat.SILLYTAVERN) {
                assertEquals(List.of("tide"), back.secondaryKeywords());
                assertEquals(SecondaryLogic.NOT_ANY, back.secondaryLogic());
                assertEquals(2, back.scanDepth());
            }
        }
    }

    @Test
    void anInvalidPatternIsNamedAndMalformedFilesAreRefusedWithTheLibraryUntouched() throws IOException {
        Path bad = dir.resolve("bad-pattern.json");
        Files.writeString(bad, "{\"entries\": {\"0\": {\"uid\": 0, \"key\": [\"/(?<=a)b/\"], \"content\": \"x\"}}}");
        Lorebooks.Book book = Lorebooks.read(bad);
        assertTrue(book.warnings().stream().anyMatch(w -> w.contains("/(?<=a)b/") && w.contains("lookaround")),
                book.warnings().toString());

        Path library = dir.resolve("library").resolve("quire.db");
        Map<String, List<String>> before = LibraryRows.of(library);
        Map<String, String> files = Map.of(
                "number-key.json", "{\"entries\": {\"0\": {\"key\": [{\"a\": 1}], \"content\": \"x\"}}}",
                "content-number.json", "{\"entries\": {\"0\": {\"key\": [\"a\"], \"content\": 42}}}",
                "entry-list.json", "{\"entries\": {\"0\": [1, 2]}}",
                "not-json.json", "{\"entries\": ",
                "card.json", "{\"spec\": \"chara_card_v2\", \"data\": {\"name\": \"Ash\"}}",
                "nai-bad.lorebook", "{\"lorebookVersion\": \"six\", \"entries\": []}");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.writeString(file, f.getValue());
            LorebookException refused = assertThrows(LorebookException.class, () -> Lorebooks.importInto(studio,
                    Lorebooks.preview(Lorebooks.read(file), storyId, Lorebooks.Names.KEEP)), f.getKey());
            assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        }
        assertEquals(before, LibraryRows.of(library));
    }

    private Path resource(String name) throws IOException {
        Path out = dir.resolve(name);
        try (InputStream in = LorebooksTest.class.getResourceAsStream("/dev/quire/lorebooks/" + name)) {
            Files.copy(in, out);
        }
        return out;
    }
}
