package dev.quire.prompt;

import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
import dev.quire.model.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.quire.prompt.Fixture.all;
import static dev.quire.prompt.Fixture.dropped;
import static dev.quire.prompt.Fixture.included;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What goes into a prompt, in what order, and what is left out and why. */
class ContextAssemblerTest {

    final Fixture f = new Fixture();

    @Test
    void theBibleIsInTheCachedStablePrefix() {
        AssembledPrompt p = f.assemble();

        String stable = p.stablePrefix();
        for (String mark : List.of("The Harbour", "PREMISE-MARK", "STYLE-MARK", "ABOUT-MARK", "- AVOID-MARK")) {
            assertTrue(stable.contains(mark), mark);
        }
        assertFalse(all(p).contains("NOTES-MARK"), "story notes are the writer's");
        assertEquals(1, p.system().stream().filter(AssembledPrompt.Block::cacheBreakpoint).count());
        assertTrue(included(p, "bible", f.story.id()));
    }

    @Test
    void charactersPresentGoInWithTheirFieldsAndFactsButNeverPrivateNotesOrEmptyFields() {
        CharacterSheet mara = f.character("Mara", "the keeper");
        CharacterSheet tomas = f.character("Tomas");
        f.target = f.scene("Oil", "Text.", "", mara);

        AssembledPrompt p = f.assemble();

        String stable = p.stablePrefix();
        assertTrue(stable.contains("# Characters in this scene\n\n## Mara (also called the keeper)"), stable);
        assertTrue(stable.contains("Role: MARA-ROLE-MARK"), stable);
        assertTrue(stable.contains("- MARA-FACT-MARK"), stable);
        assertFalse(stable.contains("Appearance:"), "empty fields are left out");
        assertFalse(all(p).contains("MARA-PRIVATE-MARK"));
        assertFalse(all(p).contains("Private notes"));
        assertTrue(dropped(p, "character", mara.id(), PromptReport.PRIVATE));
        assertFalse(all(p).contains("TOMAS-ROLE-MARK"), "Tomas is not in the scene");
        assertTrue(included(p, "character", mara.id()));
    }

    @Test
    void aNewSceneTakesTheLastScenesCast() {
        CharacterSheet mara = f.character("Mara");
        CharacterSheet tomas = f.character("Tomas");
        f.scene("One", "One.", "", mara);
        f.scene("Two", "Two.", "", tomas);

        AssembledPrompt p = f.assemble();

        assertTrue(all(p).contains("TOMAS-ROLE-MARK"));
        assertFalse(all(p).contains("MARA-ROLE-MARK"));
    }

    @Test
    void alwaysOnLoreIsStableAndKeywordLoreIsTriggeredByTheInstructionOrTheRecentText() {
        LoreEntry always = f.lore("Tides", "ALWAYS-MARK", true, true, "tide");
        LoreEntry byInstruction = f.lore("Storms", "STORM-MARK", false, true, "STORM");
        LoreEntry byText = f.lore("Causeway", "CAUSEWAY-MARK", false, true, "the causeway");
        LoreEntry notMentioned = f.lore("Chapel", "CHAPEL-MARK", false, true, "chapel");
        LoreEntry partOfAWord = f.lore("Ash", "ASH-MARK", false, true, "ash");
        LoreEntry off = f.lore("Wreck", "WRECK-MARK", false, false, "storm");
        f.scene("One", "They walked ashore along The  Causeway.", "");

        AssembledPrompt p = f.assemble();

        assertTrue(p.stablePrefix().contains("ALWAYS-MARK"));
        String volatilePart = all(p).substring(all(p).indexOf(p.stablePrefix()) + p.stablePrefix().length());
        assertTrue(volatilePart.contains("STORM-MARK"), "case-insensitive, from the instruction");
        assertTrue(volatilePart.contains("CAUSEWAY-MARK"), "a phrase in the recent text");
        assertFalse(all(p).contains("CHAPEL-MARK"));
        assertFalse(all(p).contains("ASH-MARK"), "whole words only: not in “ashore”");
        assertFalse(all(p).contains("WRECK-MARK"));
        assertTrue(dropped(p, "lore", notMentioned.id(), PromptReport.NOT_TRIGGERED));
        assertTrue(dropped(p, "lore", partOfAWord.id(), PromptReport.NOT_TRIGGERED));
        assertTrue(dropped(p, "lore", off.id(), PromptReport.DISABLED));
        assertTrue(included(p, "lore", always.id()) && included(p, "lore", byInstruction.id())
                && included(p, "lore", byText.id()));
    }

    @Test
    void aCharactersAliasTriggersLoreKeyedOnTheirName() {
        f.character("Mara", "the keeper");
        LoreEntry about = f.lore("Mara's logbook", "LOGBOOK-MARK", false, true, "Mara");
        f.instruction = "The Keeper climbs the stairs.";
        f.scene("One", "Nothing here.", "");

        assertTrue(all(f.assemble()).contains("LOGBOOK-MARK"));
        f.instruction = "Nobody climbs.";
        assertTrue(dropped(f.assemble(), "lore", about.id(), PromptReport.NOT_TRIGGERED));
    }

    @Test
    void nearestScenesGoInVerbatimOlderOnesBySummaryPinnedOnesAlwaysAndLaterOnesNever() {
        Scene old = f.scene("Old", Fixture.prose("OLD-TEXT-MARK", 2500), "OLD-SUMMARY-MARK");
        Scene pinned = f.pin(f.scene("Pinned", Fixture.prose("PINNED-TEXT-MARK", 2500), "PINNED-SUMMARY-MARK"));
        Scene older = f.scene("Older", Fixture.prose("OLDER-TEXT-MARK", 2500), "");
        Scene near = f.scene("Near", Fixture.prose("NEAR-TEXT-MARK", 2000), "NEAR-SUMMARY-MARK");
        f.target = f.scene("Target", "TARGET-TEXT-MARK", "");
        f.scene("After", "AFTER-MARK", "AFTER-SUMMARY-MARK");
        f.budget = Fixture.SMALL_BUDGET; // a larger budget takes the older scenes verbatim too

        AssembledPrompt p = f.assemble();
        String text = all(p);

        assertTrue(text.contains("NEAR-TEXT-MARK") && !text.contains("NEAR-SUMMARY-MARK"));
        assertTrue(text.contains("PINNED-TEXT-MARK"), "pinned scenes always go in");
        assertTrue(text.contains("OLD-SUMMARY-MARK") && !text.contains("OLD-TEXT-MARK"));
        assertTrue(dropped(p, "scene", older.id(), PromptReport.NO_SUMMARY));
        assertFalse(text.contains("AFTER-MARK") || text.contains("AFTER-SUMMARY-MARK"), "nothing from later on");
        assertTrue(text.indexOf("Scene 1: Old") < text.indexOf("Scene 2: Pinned")
                && text.indexOf("Scene 2: Pinned") < text.indexOf("Scene 4: Near"), "in story order");
        assertTrue(included(p, "summary", old.id()) && included(p, "scene", pinned.id())
                && included(p, "scene", near.id()));
        assertTrue(p.user().startsWith("Here is scene 5, “Target”, so far:\n\nTARGET-TEXT-MARK"), p.user());
        assertTrue(p.user().endsWith(f.instruction), "the instruction comes last");
    }

    @Test
    void theNearestSceneTooLongForTheWindowKeepsItsEndFromASentenceBoundary() {
        Scene huge = f.scene("Huge", Fixture.prose("HUGE-START", 6000) + " HUGE-END.", "HUGE-SUMMARY");
        f.budget = Fixture.SMALL_BUDGET; // a larger budget's window takes the whole scene

        AssembledPrompt p = f.assemble();
        String text = all(p);

        assertTrue(text.contains("HUGE-END.") && !text.contains("HUGE-START"), "its end, not its start");
        assertTrue(text.contains("HUGE-SUMMARY"), "its summary stands in for the rest");
        assertTrue(text.indexOf("HUGE-SUMMARY") < text.indexOf("HUGE-END"));
        String kept = text.substring(text.indexOf("[…] ") + 4);
        assertTrue(kept.startsWith("The tide came in"), "starts at a paragraph or sentence: " + kept.substring(0, 40));
        assertTrue(included(p, "scene", huge.id()) && included(p, "summary", huge.id()));
    }

    @Test
    void priorityDecidesWhatGoesWhenTheBudgetIsSmall() {
        CharacterSheet mara = f.character("Mara");
        LoreEntry always = f.lore("Tides", Fixture.prose("ALWAYS-MARK", 60), true, true);
        LoreEntry storm = f.lore("Storms", Fixture.prose("STORM-MARK", 300), false, true, "storm");
        Scene old = f.scene("Old", "OLD-TEXT", Fixture.prose("OLD-SUMMARY", 300), mara);
        Scene near = f.scene("Near", Fixture.prose("NEAR-MARK", 300), "NEAR-SUMMARY", mara);
        f.instruction = "INSTRUCTION-MARK the storm comes.";
        f.budget = 0;
        int essentials = assertThrows(PromptTooSmallException.class, f::assemble).needed();
        int[] budgets = {essentials, essentials + 400, essentials + 800, essentials + 1200, 100_000};

        for (int budget : budgets) {
            f.budget = budget;
            AssembledPrompt p = f.assemble();
            assertTrue(p.tokens() <= budget, p.tokens() + " > " + budget);
            boolean[] in = {included(p, "bible", 1), included(p, "lore", always.id()),
                    included(p, "character", mara.id()), included(p, "scene", near.id()),
                    included(p, "lore", storm.id())};
            for (int i = 1; i < in.length; i++) {
                assertTrue(in[i - 1] || !in[i], "tier " + i + " went in before tier " + (i - 1) + " at " + budget);
            }
            // the older scene's summary comes after the nearest scene, and before the triggered lore whenever it
            // fits: the lore never costs an older scene its only place in the prompt
            boolean oldIn = included(p, "summary", old.id());
            assertTrue(in[3] || !oldIn, "the older scene's summary went in before the nearest scene at " + budget);
            f.lore.set(1, storm.with(storm.title(), storm.keywords(), storm.content(), false, false));
            assertEquals(included(f.assemble(), "summary", old.id()), oldIn, "with or without the lore at " + budget);
            f.lore.set(1, storm);
            assertTrue(p.user().contains("INSTRUCTION-MARK"));
        }
        f.budget = essentials + 400;
        AssembledPrompt tight = f.assemble();
        assertTrue(dropped(tight, "summary", old.id(), PromptReport.OVER_BUDGET), tight.report().dropped().toString());
        f.budget = 100_000;
        assertTrue(f.assemble().report().dropped().stream().noneMatch(d -> d.reason().equals(PromptReport.OVER_BUDGET)));
    }

    @Test
    void theStablePrefixIsByteIdenticalWhenOnlyTheInstructionChanges() {
        CharacterSheet mara = f.character("Mara", "the keeper");
        f.lore("Tides", "ALWAYS-MARK", true, true);
        f.lore("Storms", "STORM-MARK", false, true, "storm");
        f.scene("One", "One.", "S1", mara);
        f.target = f.scene("Two", "Two so far.", "", mara);

        f.instruction = "Mara waits.";
        AssembledPrompt first = f.assemble();
        f.instruction = "The storm comes for the keeper; make it long.";
        AssembledPrompt second = f.assemble();

        assertEquals(first.stablePrefix(), second.stablePrefix());
        assertEquals(first.system().get(0), second.system().get(0));
        assertEquals(first.system().get(1), second.system().get(1));
        assertFalse(first.stablePrefix().contains("STORM-MARK"));
        assertTrue(all(second).contains("STORM-MARK"), "triggered lore goes after the breakpoint");
    }

    @Test
    void theReportAddsUpAndCopiesAsPlainText() {
        f.character("Mara");
        f.scene("One", "One.", "S1");
        AssembledPrompt p = f.assemble();
        PromptReport r = p.report();

        assertEquals(r.tokens(), r.included().stream().mapToInt(PromptReport.Included::tokens).sum());
        assertEquals("frame", r.included().get(0).kind());
        assertEquals(List.of("system", "user"), r.messages().stream().map(PromptReport.Message::role).toList());
        assertTrue(r.text().startsWith("## system\n\nYou are co-writing"), r.text());
        assertTrue(r.text().contains("\n\n## user\n\n" + f.instruction), r.text());
        assertEquals((double) r.tokens() / r.budget(), r.fill(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"co-writer", "analyst", "scene", "continue", "rewrite", "critique", "summary"})
    void everyBuiltInFrameIsUsableAndCarriesTheInstruction(String key) {
        f.frame = Frames.builtIn(key).orElseThrow();
        f.target = f.scene("One", "SCENE-TEXT-MARK", "");
        assertEquals(List.of(), Frame.problems(f.frame.template()));

        AssembledPrompt p = f.assemble();

        assertTrue(p.user().contains(f.instruction), p.user());
        assertTrue(p.stablePrefix().contains("PREMISE-MARK"), key);
        assertTrue(p.report().included().get(0).kind().equals("frame"));
        assertFalse(all(p).contains("{{"), "every slot filled or gone");
    }

    @Test
    void aWritersTemplateIsCheckedForUnknownSlotsAndAMissingInstruction() {
        assertEquals(2, Frame.problems("[system]\n{{bibel}}\n[user]\nHello").size());
        assertEquals(List.of(), Frame.problems("{{bible}}\n[user]\n{{instruction}}"));

        f.frame = new Frame("frame-1", 1, "Mine", "scene", "Plain.\n\n{{bible}}\n[user]\n{{instruction}} {{oops}}",
                false, "scene");
        AssembledPrompt p = f.assemble();
        assertTrue(p.user().endsWith("{{oops}}"), "an unknown slot stays visible rather than vanish");
        assertEquals("Plain.", p.system().get(0).text());
        assertTrue(p.system().get(1).cacheBreakpoint());
    }
}
