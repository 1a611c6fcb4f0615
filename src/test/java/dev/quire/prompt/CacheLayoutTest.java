package dev.quire.prompt;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.quire.prompt.Fixture.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prompt runs from most stable to least, cut for the prompt cache: frame and bible | canon and sheets |
 * the story so far by summary | the nearest scenes verbatim | the rest. Editing the scene being written changes no byte before its breakpoint.
 */
class CacheLayoutTest {

    final Fixture f = new Fixture();
    Scene target;

    CacheLayoutTest() {
        CharacterSheet mara = f.character("Mara", "the keeper");
        f.canon("CANON-MARK the lamp is oil-fired.");
        f.lore("Tides", "ALWAYS-MARK the tide tables.", true, true);
        f.lore("Storms", "STORM-MARK storms come from the west.", false, true, "kraken");
        f.longStory(12, 4, 400);
        f.maxVerbatimWords = 900;
        target = f.scene("Now", "Mara climbs the stair.", "", mara);
        f.target = target;
    }

    private static List<AssembledPrompt.Block> cached(AssembledPrompt p) {
        List<AssembledPrompt.Block> blocks = p.system();
        int last = -1;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).cacheBreakpoint()) {
                last = i;
            }
        }
        return blocks.subList(0, last + 1);
    }

    @Test
    void theSystemIsCutAfterTheBibleTheStableContextAndTheSummaries() {
        AssembledPrompt p = f.assemble();
        List<AssembledPrompt.Block> bps = p.system().stream().filter(AssembledPrompt.Block::cacheBreakpoint).toList();

        assertEquals(4, bps.size(), p.system().toString());
        assertTrue(bps.get(0).text().contains("PREMISE-MARK"));
        assertFalse(bps.get(0).text().contains("CANON-MARK"));
        assertTrue(bps.get(1).text().contains("CANON-MARK"));
        assertTrue(bps.get(1).text().contains("MARA-ROLE-MARK"));
        assertTrue(bps.get(1).text().contains("ALWAYS-MARK"));
        assertTrue(bps.get(2).story());
        assertTrue(bps.get(2).text().contains(Fixture.fact(1)), "the oldest scenes go by summary");
        assertFalse(bps.get(2).text().contains("S12-TEXT"), "the nearest scene verbatim is after the summaries");
        assertTrue(bps.get(3).story());
        assertTrue(bps.get(3).text().contains("S12-TEXT"), "the nearest scenes verbatim have their own breakpoint");
        assertFalse(all(p).contains("\uE010") || all(p).contains("\uE011") || all(p).contains("\uE012")
                || all(p).contains("\uE013"), "no marker is ever sent");
    }

    @Test
    void editingTheCurrentSceneChangesNoByteBeforeItsBreakpoint() {
        AssembledPrompt before = f.assemble();
        // the edit mentions the kraken, so triggered lore now goes in, and it must go after the cached part
        Scene edited = new Scene(target.id(), target.storyId(), target.position(), target.title(),
                Prose.plain("Mara climbs the stair. The kraken rises off the headland."), "", null,
                target.characterIds(), false, null);
        f.scenes.set(f.scenes.indexOf(target), edited);
        f.target = edited;
        AssembledPrompt after = f.assemble();

        assertTrue(all(after).contains("STORM-MARK"));
        assertFalse(all(before).contains("STORM-MARK"));
        assertEquals(cached(before), cached(after));
        assertEquals(4, cached(after).stream().filter(AssembledPrompt.Block::cacheBreakpoint).count());
        String prefix = after.cachedPrefix();
        assertFalse(prefix.contains("STORM-MARK"), "triggered lore comes after the story so far");
        assertFalse(prefix.contains("The kraken rises"));
    }

    @Test
    void changingTheInstructionChangesNoByteOfTheCachedPart() {
        AssembledPrompt first = f.assemble();
        f.instruction = "Now the storm; make it long.";
        AssembledPrompt second = f.assemble();

        assertEquals(cached(first), cached(second));
        assertEquals(first.cachedPrefix(), second.cachedPrefix());
    }

    @Test
    void theNextSceneKeepsTheBibleAndTheStableContext() {
        AssembledPrompt now = f.assemble();
        Scene next = f.scene("Next", "Morning.", "");
        f.target = next;
        AssembledPrompt later = f.assemble();

        assertEquals(now.system().get(0), later.system().get(0));
        List<AssembledPrompt.Block> a = now.system().stream().filter(AssembledPrompt.Block::cacheBreakpoint).toList();
        List<AssembledPrompt.Block> b = later.system().stream().filter(AssembledPrompt.Block::cacheBreakpoint).toList();
        assertEquals(a.get(0), b.get(0));
        assertEquals(a.get(1), b.get(1));
    }
}
