package dev.quire.prompt;

import dev.quire.model.LoreEntry;
import dev.quire.model.LoreEntry.SecondaryLogic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.quire.prompt.Fixture.all;
import static dev.quire.prompt.Fixture.dropped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regular-expression keys, secondary keys and their logic, scan depth, and lore triggering lore. */
class LoreKeysTest {

    final Fixture f = new Fixture();

    private LoreEntry entry(String title, String content, List<String> keys, List<String> secondary,
                            SecondaryLogic logic, int scanDepth) {
        LoreEntry e = new LoreEntry(f.lore.size() + 1000, f.story.id(), title, keys, content, false, true, secondary,
                logic, 0, scanDepth, "{}");
        f.lore.add(e);
        return e;
    }

    @Test
    void aPatternKeyTriggersItsEntryWithItsFlags() {
        LoreEntry ledgers = entry("Ledgers", "LEDGER-MARK", List.of("/ledg(er|ers)\\b/i"), List.of(),
                SecondaryLogic.AND_ANY, 0);
        LoreEntry caseMatters = entry("Screen", "SCREEN-MARK", List.of("/Stevenson [Ss]creen/"), List.of(),
                SecondaryLogic.AND_ANY, 0);
        f.instruction = "Bert takes the LEDGERS down; the stevenson screen is gone.";
        f.scene("One", "Nothing.", "");

        AssembledPrompt p = f.assemble();

        assertTrue(all(p).contains("LEDGER-MARK"), "i: any case");
        assertFalse(all(p).contains("SCREEN-MARK"), "no i: case matters");
        assertTrue(dropped(p, "lore", caseMatters.id(), PromptReport.NOT_TRIGGERED));
        assertEquals(ledgers.id(), p.report().included().stream().filter(i -> i.kind().equals("lore"))
                .findFirst().orElseThrow().id());
    }

    @Test
    void aCatastrophicPatternDoesNotHang() {
        // (a+)+$ against a long run of a's ending in b takes exponential time in a backtracking engine
        entry("Trap", "TRAP-MARK", List.of("/(a+)+$/"), List.of(), SecondaryLogic.AND_ANY, 0);
        entry("Trap 2", "TRAP2-MARK", List.of("/^(\\w+\\s?)*$/"), List.of(), SecondaryLogic.AND_ANY, 0);
        f.instruction = "a".repeat(50_000) + "b " + "word ".repeat(20_000) + "!";
        f.scene("One", "Nothing.", "");

        AssembledPrompt p = assertTimeoutPreemptively(Duration.ofSeconds(10), f::assemble);

        assertFalse(all(p).contains("TRAP-MARK"));
        assertFalse(all(p).contains("TRAP2-MARK"));
    }

    @Test
    void anInvalidPatternSaysWhyAndNeverMatches() {
        LoreEntry e = entry("Look", "LOOK-MARK", List.of("/(?<=tide)way/"), List.of(), SecondaryLogic.AND_ANY, 0);
        assertTrue(LoreKeys.problem(e).orElseThrow().contains("/(?<=tide)way/"));
        assertTrue(LoreKeys.problem("/tide/q").orElseThrow().contains("flag \"q\""));
        assertTrue(LoreKeys.problem("/(tide)\\1/").orElseThrow().contains("back-reference"));
        assertTrue(LoreKeys.problem("/(tide/").orElseThrow().contains("not a pattern Quire can run"));
        assertTrue(LoreKeys.problem("causeway").isEmpty());
        assertTrue(LoreKeys.problem("/causeway/i").isEmpty());
        f.instruction = "tideway";
        f.scene("One", "Nothing.", "");
        assertTrue(dropped(f.assemble(), "lore", e.id(), PromptReport.NOT_TRIGGERED));
    }

    @Test
    void secondaryKeysAgreeByTheirLogic() {
        LoreEntry andAny = entry("and any", "AND-ANY-MARK", List.of("causeway"), List.of("tide", "flood"),
                SecondaryLogic.AND_ANY, 0);
        LoreEntry notAll = entry("not all", "NOT-ALL-MARK", List.of("causeway"), List.of("tide", "flood"),
                SecondaryLogic.NOT_ALL, 0);
        LoreEntry notAny = entry("not any", "NOT-ANY-MARK", List.of("causeway"), List.of("tide", "flood"),
                SecondaryLogic.NOT_ANY, 0);
        LoreEntry andAll = entry("and all", "AND-ALL-MARK", List.of("causeway"), List.of("tide", "flood"),
                SecondaryLogic.AND_ALL, 0);
        f.scene("One", "Nothing.", "");

        f.instruction = "The causeway at high tide.";
        String one = all(f.assemble());
        assertTrue(one.contains("AND-ANY-MARK") && one.contains("NOT-ALL-MARK"));
        assertFalse(one.contains("NOT-ANY-MARK") || one.contains("AND-ALL-MARK"));

        f.instruction = "The causeway at high tide, in flood.";
        String both = all(f.assemble());
        assertTrue(both.contains("AND-ANY-MARK") && both.contains("AND-ALL-MARK"));
        assertFalse(both.contains("NOT-ALL-MARK") || both.contains("NOT-ANY-MARK"));

        f.instruction = "The causeway, dry.";
        String none = all(f.assemble());
        assertTrue(none.contains("NOT-ALL-MARK") && none.contains("NOT-ANY-MARK"));
        assertFalse(none.contains("AND-ANY-MARK") || none.contains("AND-ALL-MARK"));

        f.instruction = "High tide and flood, nothing else.";
        AssembledPrompt p = f.assemble();
        for (LoreEntry e : List.of(andAny, notAll, notAny, andAll)) {
            assertTrue(dropped(p, "lore", e.id(), PromptReport.NOT_TRIGGERED), "no keyword, no entry");
        }
    }

    @Test
    void aScanDepthReachesFurtherBackThanTheDefault() {
        LoreEntry deep = entry("Deep", "DEEP-MARK", List.of("chapel"), List.of(), SecondaryLogic.AND_ANY, 4);
        LoreEntry shallow = entry("Shallow", "SHALLOW-MARK", List.of("chapel"), List.of(), SecondaryLogic.AND_ANY,
                0);
        LoreEntry one = entry("One back", "ONE-MARK", List.of("harbour"), List.of(), SecondaryLogic.AND_ANY, 1);
        f.scene("S1", "They rang the chapel bell.", "");
        f.scene("S2", "The harbour was empty.", "");
        f.scene("S3", "Rain.", "");
        f.target = f.scene("S4", "Nothing yet.", "");
        f.instruction = "Go on.";

        AssembledPrompt p = f.assemble();

        assertTrue(Fixture.included(p, "lore", deep.id()), "four scenes back");
        assertTrue(dropped(p, "lore", shallow.id(), PromptReport.NOT_TRIGGERED), "the default scans two");
        assertTrue(dropped(p, "lore", one.id(), PromptReport.NOT_TRIGGERED), "one scene back is S3 only");
    }

    @Test
    void entriesTriggerEntriesToABoundedDepth() {
        entry("A", "LOREA-MARK mentions beta.", List.of("alpha"), List.of(), SecondaryLogic.AND_ANY, 0);
        entry("B", "LOREB-MARK mentions gamma.", List.of("beta"), List.of(), SecondaryLogic.AND_ANY, 0);
        entry("C", "LOREC-MARK mentions delta.", List.of("/gamm[a]/"), List.of(), SecondaryLogic.AND_ANY, 0);
        LoreEntry d = entry("D", "LORED-MARK mentions epsilon.", List.of("delta"), List.of(), SecondaryLogic.AND_ANY, 0);
        LoreEntry e = entry("E", "LOREE-MARK.", List.of("epsilon"), List.of(), SecondaryLogic.AND_ANY, 0);
        f.instruction = "The alpha.";
        f.scene("One", "Nothing.", "");

        AssembledPrompt p = f.assemble();
        String text = all(p);

        assertTrue(text.contains("LOREA-MARK") && text.contains("LOREB-MARK") && text.contains("LOREC-MARK"));
        assertTrue(text.contains("LORED-MARK"), "three rounds: B, then C, then D");
        assertFalse(text.contains("LOREE-MARK"), "a fourth round is beyond the bound");
        assertTrue(Fixture.included(p, "lore", d.id()));
        assertTrue(dropped(p, "lore", e.id(), PromptReport.NOT_TRIGGERED));
        assertEquals(3, Lore.MAX_RECURSION);
    }

    @Test
    void alwaysOnLoreTriggersToo() {
        LoreEntry always = new LoreEntry(999, f.story.id(), "Tides", List.of(), "The causeway floods.", true, true);
        f.lore.add(always);
        entry("Causeway", "CAUSEWAY-MARK", List.of("causeway"), List.of(), SecondaryLogic.AND_ANY, 0);
        f.instruction = "Nothing about it.";
        f.scene("One", "Nothing.", "");
        assertTrue(all(f.assemble()).contains("CAUSEWAY-MARK"));
    }

    @Test
    void higherPriorityComesFirst() {
        LoreEntry low = new LoreEntry(1, f.story.id(), "Low", List.of(), "LOW-MARK", true, true, List.of(),
                SecondaryLogic.AND_ANY, 1, 0, "{}");
        LoreEntry high = new LoreEntry(2, f.story.id(), "High", List.of(), "HIGH-MARK", true, true, List.of(),
                SecondaryLogic.AND_ANY, 50, 0, "{}");
        f.lore.add(low);
        f.lore.add(high);
        f.scene("One", "Nothing.", "");
        String text = all(f.assemble());
        assertTrue(text.indexOf("HIGH-MARK") < text.indexOf("LOW-MARK"), text);
    }
}
