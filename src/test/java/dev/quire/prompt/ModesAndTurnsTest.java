package dev.quire.prompt;

import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
import dev.quire.model.Scene;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.quire.prompt.Fixture.all;
import static dev.quire.prompt.Fixture.dropped;
import static dev.quire.prompt.Fixture.included;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Continuing from the cursor, rewriting a passage, and co-writing turns, as the prompt builder sends them. */
class ModesAndTurnsTest {

    final Fixture f = new Fixture();

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    // ---- continuing from the cursor ----

    @Test
    void continuingSendsOnlyTheTextBeforeTheCursor() {
        f.frame = Frames.builtIn("continue").orElseThrow();
        LoreEntry later = f.lore("Bell", "BELL-LORE-MARK", false, true, "bell");
        String text = "BEFORE-MARK The tide turned. She waited.\nAFTER-MARK The bell rang twice.";
        f.target = f.scene("Waiting", text, "");
        f.anchor = PromptInput.Anchor.cursor(text.indexOf("AFTER-MARK"));

        AssembledPrompt p = f.assemble();

        assertTrue(p.user().startsWith("Here is scene 1, “Waiting”, so far:\n\nBEFORE-MARK The tide turned. She "
                + "waited.\n\nContinue from where the text stops. " + f.instruction), p.user());
        assertFalse(all(p).contains("AFTER-MARK"), "nothing after the cursor is sent");
        assertTrue(dropped(p, "lore", later.id(), PromptReport.NOT_TRIGGERED),
                "text after the cursor does not trigger lore either");
        assertTrue(p.report().included().stream().anyMatch(i -> i.kind().equals("scene")
                && i.label().equals("Scene 1: Waiting up to the cursor")), p.report().included().toString());
    }

    @Test
    void aCursorAtTheEndSendsTheWholeSceneAndAtTheStartNoneOfIt() {
        f.frame = Frames.builtIn("continue").orElseThrow();
        f.target = f.scene("Waiting", "WHOLE-MARK all of it.", "");

        f.anchor = PromptInput.Anchor.cursor(f.target.prose().text().length());
        assertTrue(f.assemble().user().contains("WHOLE-MARK all of it."));
        f.anchor = PromptInput.Anchor.cursor(0);
        AssembledPrompt atStart = f.assemble();
        assertFalse(all(atStart).contains("WHOLE-MARK"));
        assertTrue(atStart.user().startsWith("Continue from where the text stops."), atStart.user());
    }

    // ---- rewriting a passage ----

    @Test
    void aPassageGoesExactlyAsSelectedDelimitedWithItsPlaceMarkedInTheScene() {
        f.frame = Frames.builtIn("rewrite").orElseThrow();
        String passage = "  He set the can down hard.\n\n\n\nIt rang.  ";
        String text = "LEAD-MARK Tomas came in." + passage + "FOLLOW-MARK Mara did not look up.";
        f.target = f.scene("Oil", text, "");
        int start = text.indexOf(passage);
        f.anchor = PromptInput.Anchor.passage(start, start + passage.length());
        f.instruction = "Make it quieter.";

        AssembledPrompt p = f.assemble();

        String user = p.user();
        assertTrue(user.contains("Here is scene 1, “Oil”, as it stands, with [PASSAGE TO REWRITE] where the "
                + "passage to rewrite is:\n\nLEAD-MARK Tomas came in.[PASSAGE TO REWRITE]FOLLOW-MARK Mara did not "
                + "look up."), user);
        assertTrue(user.contains("# The passage to rewrite\n\n<passage>\n" + passage + "\n</passage>"),
                "blank lines and spaces as selected: " + user);
        assertEquals(1, count(all(p), "He set the can down hard."), "the passage once, not twice");
        assertTrue(user.endsWith("Rewrite as follows: Make it quieter."), user);
        assertTrue(user.indexOf("FOLLOW-MARK") < user.indexOf("<passage>")
                && user.indexOf("</passage>") < user.indexOf("Rewrite as follows"), "scene, passage, instruction");
        assertTrue(included(p, "passage", f.target.id()));
        assertTrue(p.report().included().stream().anyMatch(i -> i.label().equals("Scene 1: Oil around the passage")));
        assertEquals(p.report().tokens(), p.report().included().stream().mapToInt(PromptReport.Included::tokens)
                .sum(), "the report still adds up");
    }

    @Test
    void thePassageIsNeverShortenedWhenTheBudgetIsTightButTheSceneAroundItIs() {
        f.frame = Frames.builtIn("rewrite").orElseThrow();
        String passage = Fixture.prose("PASSAGE-START", 400) + " PASSAGE-END.";
        String text = Fixture.prose("SCENE-START", 2000) + " NEAR-BEFORE.\n" + passage + "\nNEAR-AFTER. "
                + Fixture.prose("AFTER-MORE", 2000) + " SCENE-END.";
        f.target = f.scene("Long", text, "");
        int start = text.indexOf(passage);
        f.anchor = PromptInput.Anchor.passage(start, start + passage.length());
        f.budget = 0;
        int essentials = assertThrows(PromptTooSmallException.class, f::assemble).needed();

        for (int budget : new int[] {essentials, essentials + 150, essentials + 1500}) {
            f.budget = budget;
            AssembledPrompt p = f.assemble();
            String user = p.user();
            assertTrue(user.contains("<passage>\n" + passage + "\n</passage>"), "whole at " + budget);
            assertFalse(all(p).contains("SCENE-START"), "the far start of the scene goes first at " + budget);
            if (budget >= essentials) {
                assertTrue(p.tokens() <= budget, p.tokens() + " > " + budget);
            }
        }
        f.budget = essentials + 1500;
        String user = f.assemble().user();
        assertTrue(user.contains("[…] "), user.substring(0, 200));
        assertTrue(user.contains("NEAR-BEFORE.\n[PASSAGE TO REWRITE]\nNEAR-AFTER."),
                "what stands next to the passage is kept first");
    }

    @Test
    void withoutAPassageTheRewriteFrameRewritesTheSceneAndShowsNoEmptyDelimiters() {
        f.frame = Frames.builtIn("rewrite").orElseThrow();
        f.target = f.scene("Oil", "SCENE-TEXT-MARK", "");

        AssembledPrompt p = f.assemble();

        assertFalse(all(p).contains("<passage>") || all(p).contains("[PASSAGE TO REWRITE]"), all(p));
        assertTrue(p.user().contains("SCENE-TEXT-MARK"));
    }

    @Test
    void aCursorOrPassageMustBeInTheSceneWorkedOn() {
        Scene s = f.scene("Short", "Twelve chars", "");
        PromptInput input = new PromptInput(f.story, f.characters, f.scenes, s, f.lore, f.frame, "x", 1000,
                f.counter);

        assertThrows(IllegalArgumentException.class, () -> input.withAnchor(PromptInput.Anchor.cursor(13)));
        assertThrows(IllegalArgumentException.class, () -> input.withAnchor(PromptInput.Anchor.passage(3, 20)));
        assertThrows(IllegalArgumentException.class, () -> PromptInput.Anchor.passage(3, 3));
        assertThrows(IllegalArgumentException.class, () -> new PromptInput(f.story, f.characters, f.scenes, null,
                f.lore, f.frame, "x", 1000, f.counter).withAnchor(PromptInput.Anchor.cursor(0)));
        assertEquals("chars", input.withAnchor(PromptInput.Anchor.passage(7, 12)).passage());
        assertEquals("", input.withAnchor(PromptInput.Anchor.cursor(12)).passage());
    }

    // ---- co-writing turns ----

    @Test
    void aWriterPlayedCharacterPresentIsLeftToTheWriterNearTheInstruction() {
        CharacterSheet mara = f.playedByTheWriter(f.character("Mara"));
        CharacterSheet tomas = f.character("Tomas");
        f.target = f.scene("Oil", "SCENE-TEXT-MARK", "", mara, tomas);

        AssembledPrompt p = f.assemble();

        String turns = "# Turns\nThe author plays Mara. Write only the other characters and the world around them. "
                + "Never write Mara's speech, actions or thoughts; stop at the point where Mara would act or speak "
                + "next, and leave that to the author.";
        assertTrue(p.user().contains("SCENE-TEXT-MARK\n\n" + turns + "\n\n" + f.instruction), p.user());
        assertTrue(p.user().endsWith(f.instruction), "the instruction still comes last");
        assertFalse(p.system().stream().anyMatch(b -> b.text().contains("# Turns")), "in the user message");
        assertTrue(p.report().included().stream().anyMatch(i -> i.kind().equals("turns")
                && i.label().equals("The author plays Mara")), p.report().included().toString());
        assertTrue(p.stablePrefix().contains("MARA-ROLE-MARK"), "the writer's character is still described");
    }

    @Test
    void severalWriterPlayedCharactersAreNamedTogether() {
        CharacterSheet mara = f.playedByTheWriter(f.character("Mara"));
        CharacterSheet ilse = f.playedByTheWriter(f.character("Ilse"));
        CharacterSheet tomas = f.character("Tomas");
        f.frame = Frames.builtIn("continue").orElseThrow();
        f.target = f.scene("Oil", "SCENE-TEXT-MARK", "", mara, ilse, tomas);
        f.anchor = PromptInput.Anchor.cursor(6);

        String user = f.assemble().user();

        assertTrue(user.contains("The author plays Mara and Ilse. Write only the other characters"), user);
        assertTrue(user.contains("Never write Mara's or Ilse's speech, actions or thoughts; stop at the point where "
                + "one of them would act or speak next"), user);
        assertTrue(user.indexOf("# Turns") < user.indexOf("Continue from where the text stops."), user);
    }

    @Test
    void noTurnsWhenTheModelPlaysEveryoneInTheScene() {
        CharacterSheet mara = f.character("Mara");
        CharacterSheet tomas = f.character("Tomas");
        f.playedByTheWriter(f.character("Ilse"));
        f.target = f.scene("Oil", "SCENE-TEXT-MARK", "", mara, tomas);

        AssembledPrompt p = f.assemble();

        assertFalse(all(p).contains("# Turns") || all(p).contains("The author plays"), all(p));
        assertTrue(p.report().included().stream().noneMatch(i -> i.kind().equals("turns")));
    }

    @Test
    void theTurnsAreNeverLeftOutForTheBudget() {
        CharacterSheet mara = f.playedByTheWriter(f.character("Mara"));
        f.target = f.scene("Oil", Fixture.prose("SCENE-TEXT", 3000), "", mara);
        f.budget = 0;
        int essentials = assertThrows(PromptTooSmallException.class, f::assemble).needed();

        for (int budget : new int[] {essentials, essentials + 200}) {
            f.budget = budget;
            assertTrue(f.assemble().user().contains("The author plays Mara."), "at " + budget);
        }
    }

    // ---- the frames ----

    @Test
    void theNewSlotsAreKnownAndTheFramesThatUseThemSayWhich() {
        assertTrue(Frame.SLOTS.containsAll(List.of("passage", "turns")));
        assertEquals(List.of(), Frame.problems("[system]\n{{bible}}\n[user]\n{{scene_text}}\n{{passage}}\n{{turns}}\n"
                + "{{instruction}}"));
        assertTrue(Frames.builtIn("rewrite").orElseThrow().slots().contains("passage"));
        assertTrue(Frames.builtIn("scene").orElseThrow().slots().contains("turns"));
        assertTrue(Frames.builtIn("continue").orElseThrow().slots().contains("turns"));
        assertFalse(Frames.builtIn("rewrite").orElseThrow().slots().contains("turns"),
                "a rewrite changes the writer's own passage, whoever speaks in it");
    }
}
