package dev.quire.prompt;

import dev.quire.model.CanonFact;
import dev.quire.model.CharacterSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static dev.quire.prompt.Fixture.all;
import static dev.quire.prompt.Fixture.dropped;
import static dev.quire.prompt.Fixture.included;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canon: always sent, in the cached part, never trimmed; refused with the figures when it cannot fit. */
class CanonTest {

    final Fixture f = new Fixture();

    @ParameterizedTest
    @ValueSource(ints = {StorySoFarTest.SMALL, StorySoFarTest.LARGE})
    void everyCanonFactReachesTheLastSceneOfALongStoryInTheCachedPart(int budget) {
        f.longStory(120, 10, 1250);
        f.target = f.scenes.get(119);
        for (int i = 0; i < 20; i++) {
            f.canon("CANON-" + i + "-MARK the lighthouse has " + (100 + i) + " steps and nobody counts them aloud.");
        }
        f.budget = budget;

        AssembledPrompt p = f.assemble();

        String stable = p.stablePrefix();
        for (CanonFact c : f.canon) {
            assertTrue(stable.contains("- " + c.text()), c.text());
            assertTrue(included(p, "canon", c.id()));
        }
        assertTrue(stable.indexOf("# Story bible") < stable.indexOf("# Canon")
                && stable.indexOf("# Canon") < stable.indexOf("CANON-0-MARK"));
        assertTrue(p.tokens() <= budget);
        assertTrue(p.report().coverage().complete(), p.report().coverage().line());
    }

    @Test
    void theCanonIsNeverTrimmedAtAnyBudgetItFitsIn() {
        CharacterSheet mara = f.character("Mara");
        f.scene("One", Fixture.prose("ONE", 400), "ONE-SUMMARY", mara);
        f.lore("Tides", Fixture.prose("ALWAYS-MARK", 60), true, true);
        for (int i = 0; i < 5; i++) {
            f.canon("CANON-" + i + "-MARK " + Fixture.prose("", 30));
        }
        int fitted = 0;
        for (int budget = 0; budget <= 2000; budget += 25) {
            f.budget = budget;
            AssembledPrompt p;
            try {
                p = f.assemble();
            } catch (PromptTooSmallException e) {
                continue;
            }
            fitted++;
            for (CanonFact c : f.canon) {
                assertTrue(included(p, "canon", c.id()), "at " + budget);
                assertTrue(p.stablePrefix().contains(c.text().strip()), "at " + budget);
            }
            assertTrue(p.report().dropped().stream().noneMatch(d -> d.kind().equals("canon")), "at " + budget);
            assertTrue(p.tokens() <= budget, p.tokens() + " > " + budget);
        }
        assertTrue(fitted > 50, "most budgets fit: " + fitted);
    }

    @Test
    void aCanonTooLargeForTheBudgetIsRefusedWithTheFigures() {
        for (int i = 0; i < 40; i++) {
            f.canon("CANON-" + i + " " + Fixture.prose("", 200));
        }
        f.budget = 6000;

        PromptTooSmallException e = assertThrows(PromptTooSmallException.class, f::assemble);

        assertTrue(e.needed() > e.available() && e.available() > 5000, e.needed() + " / " + e.available());
        assertEquals(String.format(Locale.ROOT, "The story's canon needs %,d tokens but the model's budget leaves %,d: "
                + "raise the budget, choose a model with a larger window, or shorten the canon.", e.needed(),
                e.available()), e.getMessage());
        assertTrue(e.getMessage().matches("The story's canon needs \\d{1,3},\\d{3} tokens but the model's budget "
                + "leaves \\d,\\d{3}: .*"), e.getMessage());
        assertTrue(e instanceof IllegalArgumentException, "callers that refuse bad requests refuse this too");
    }

    @Test
    void theStablePrefixStaysByteIdenticalWithCanonWhenOnlyTheInstructionChanges() {
        CharacterSheet mara = f.character("Mara", "the keeper");
        f.lore("Storms", "STORM-MARK", false, true, "storm");
        f.longStory(30, 10, 600);
        f.target = f.scenes.get(29);
        f.canon("CANON-MARK the causeway floods twice a day.");
        f.budget = StorySoFarTest.SMALL;

        f.instruction = "Mara waits.";
        AssembledPrompt first = f.assemble();
        f.instruction = "The storm comes for the keeper; make it long, longer than that, with the whole town in it.";
        AssembledPrompt second = f.assemble();

        assertTrue(first.stablePrefix().contains("CANON-MARK"));
        assertEquals(first.stablePrefix(), second.stablePrefix());
        assertFalse(first.stablePrefix().contains("STORM-MARK"));
        assertTrue(all(second).contains("STORM-MARK"));
        assertTrue(first.stablePrefix().contains("## " + mara.name() + " (also called the keeper)"));
    }

    @Test
    void aFrameWithoutTheCanonSlotSaysTheCanonWasNotSent() {
        CanonFact fact = f.canon("CANON-MARK");
        f.frame = new Frame("frame-1", 1, "Old", "scene", "{{bible}}\n[user]\n{{instruction}}", false, "scene");

        AssembledPrompt p = f.assemble();

        assertFalse(all(p).contains("CANON-MARK"));
        assertTrue(dropped(p, "canon", fact.id(), PromptReport.NOT_IN_FRAME));
    }

    @ParameterizedTest
    @CsvSource({"co-writer", "analyst", "scene", "continue", "rewrite", "critique", "summary"})
    void everyBuiltInFrameCarriesTheCanonInItsStablePart(String key) {
        f.frame = Frames.builtIn(key).orElseThrow();
        f.target = f.scene("One", "SCENE-TEXT-MARK", "");
        f.canon("CANON-MARK");

        AssembledPrompt p = f.assemble();

        assertTrue(p.stablePrefix().contains("- CANON-MARK"), key);
        assertTrue(Frame.SLOTS.contains("canon") && f.frame.slots().contains("canon"));
    }

    @Test
    void withoutCanonTheFramesReadAsBefore() {
        f.scene("One", "One.", "S1");
        AssembledPrompt p = f.assemble();

        assertFalse(all(p).contains("Canon"));
        assertFalse(all(p).contains("{{"));
        assertEquals(List.of(), Frame.problems(f.frame.template()));
    }
}
