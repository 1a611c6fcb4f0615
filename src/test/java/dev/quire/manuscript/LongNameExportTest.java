package dev.quire.manuscript;

import dev.quire.model.CharacterSheet;
import dev.quire.studio.FileNames;
import dev.quire.studio.Studio;
import dev.quire.studio.cards.CardFormat;
import dev.quire.studio.cards.CharacterCards;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.StoryExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports to the longest names the disk allows, and names suggested for an export that every OS accepts. */
class LongNameExportTest {

    @TempDir
    Path dir;

    @Test
    void anExportToANameOf253BytesIsWritten() throws Exception {
        try (Studio studio = Studio.open(dir.resolve("lib"), Studio.NewLibrary.WITH_SAMPLE, Map.of())) {
            long story = studio.stories().list().get(0).id();
            Path out = Files.createDirectories(dir.resolve("out"));
            for (Format format : List.of(Format.MARKDOWN, Format.DOCX)) {
                String name = "a".repeat(253 - format.extension().length() - 1) + "." + format.extension();
                assertEquals(253, name.getBytes(StandardCharsets.UTF_8).length);
                Path file = out.resolve(name);
                StoryExport.export(studio, story, format, StoryExport.Options.PLAIN, file);
                assertTrue(Files.size(file) > 0);
            }
            long character = studio.characters().create(CharacterSheet.named(story, "Maren Holt")).id();
            CharacterCards cards = new CharacterCards(studio);
            Path card = out.resolve("é".repeat(125) + ".png");
            cards.exportTo(character, cards.defaultSpec(character), CardFormat.PNG, card);
            assertTrue(Files.size(card) > 0);
            try (var files = Files.list(out)) {
                assertEquals(3, files.count(), "no temporary file left");
            }
        }
    }

    @Test
    void suggestedNamesAreSafeOnEveryOs() {
        assertEquals("The Salt Road.docx", FileNames.suggested("The Salt Road", "docx"));
        assertEquals("ACDC live.md", FileNames.suggested("AC/DC: live", "md"));
        assertEquals("Bell tower.md", FileNames.suggested("Bell\u0007 tower\u0000\n", "md"));
        assertEquals("_CON.md", FileNames.suggested("CON", "md"));
        assertEquals("_nul.epub", FileNames.suggested("nul", "epub"));
        assertEquals("_Com1.txt", FileNames.suggested("Com1", "txt"));
        assertEquals("Conrad.txt", FileNames.suggested("Conrad", "txt"));
        assertEquals("The end.md", FileNames.suggested("The end...   ", "md"));
        assertEquals("Untitled.md", FileNames.suggested(" ... ", "md"));
        String long1 = FileNames.suggested("ü".repeat(300), "docx");
        assertTrue(long1.getBytes(StandardCharsets.UTF_8).length <= FileNames.BYTE_BUDGET, long1);
        assertTrue(long1.endsWith("ü.docx"), "cut on a character boundary: " + long1);
        String emoji = FileNames.suggested("🌊".repeat(100), "md");
        assertTrue(emoji.getBytes(StandardCharsets.UTF_8).length <= FileNames.BYTE_BUDGET);
        assertFalse(emoji.contains("\uFFFD"));
        assertTrue(emoji.codePoints().filter(c -> c == "🌊".codePointAt(0)).count() > 10);
    }
}
