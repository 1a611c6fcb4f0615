package dev.quire.prompt;

import dev.quire.model.CharacterSheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prompt builder refuses what cannot fit, stops at the writer's turn, and counts a prompt one way. */
class NeverSendWhatCannotWorkTest {

    private Fixture f;

    @BeforeEach
    void story() {
        f = new Fixture();
        CharacterSheet mara = f.character("Mara");
        f.scene("Dock", Fixture.prose("DOCK-TEXT", 400), "DOCK-SUMMARY", mara);
        f.target = f.scene("Oil", Fixture.prose("OIL-TEXT", 600), "", mara);
    }

    @Test
    void aBudgetThatCannotHoldTheFrameAndTheInstructionIsRefusedWithTheFigures() {
        f.budget = 10;
        PromptTooSmallException e = assertThrows(PromptTooSmallException.class, f::assemble);

        assertEquals(PromptTooSmallException.What.ESSENTIALS, e.what());
        assertEquals(10, e.available());
        assertTrue(e.needed() > 10, "needs " + e.needed());
        assertTrue(e.getMessage().contains(String.format("%,d", e.needed())) && e.getMessage().contains(" 10 "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Raise the context window") && e.getMessage().contains("maximum output"),
                "says what to change: " + e.getMessage());

        f.budget = 0; // a window no larger than the output tokens
        PromptTooSmallException none = assertThrows(PromptTooSmallException.class, f::assemble);
        assertTrue(none.getMessage().contains("budget is 0"), none.getMessage());

        // exactly the essentials: sent, with the scene worked on given up
        f.budget = e.needed();
        AssembledPrompt p = f.assemble();
        assertTrue(p.tokens() <= e.needed(), p.tokens() + " > " + e.needed());
        assertTrue(p.user().contains("INSTRUCTION-MARK"));
        assertTrue(p.report().fits());
    }

    @Test
    void aLongInstructionIsRefusedRatherThanSentOverTheBudget() {
        f.budget = 2000;
        f.instruction = Fixture.prose("LONG-INSTRUCTION", 3000);
        PromptTooSmallException e = assertThrows(PromptTooSmallException.class, f::assemble);
        assertTrue(e.getMessage().contains("short"), e.getMessage());
        assertTrue(e.getMessage().contains(String.format("%,d", e.needed() - 2000)), e.getMessage());
    }

    @Test
    void theWriterPlayingACharacterSendsStopSequencesWhereThatCharacterWouldActOrSpeak() {
        f.playedByTheWriter(f.characters.get(0));
        AssembledPrompt p = f.assemble();
        assertEquals(List.of("\n\nMara", "\nMara:"), p.stop());
        assertTrue(p.user().contains("The author plays Mara."), p.user());

        // a rewrite has no turns, so no stop either: the writer's passage is rewritten whoever speaks in it
        f.frame = Frames.builtIn("rewrite").orElseThrow();
        assertEquals(List.of(), f.assemble().stop());
    }

    @Test
    void theStopUsesTheNameProseUsesAFirstNameUnlessItIsATitle() {
        assertEquals("Odile", Cast.stopName("Odile Farrant"));
        assertEquals("Mara", Cast.stopName(" Mara "));
        assertEquals("The Keeper", Cast.stopName("The Keeper"));
        assertEquals("Mrs Iredale", Cast.stopName("Mrs Iredale"));
        assertEquals("Dr. Okafor", Cast.stopName("Dr. Okafor"));
    }

    @Test
    void noStopSequenceWhenTheModelPlaysEveryone() {
        assertEquals(List.of(), f.assemble().stop());
    }

    @Test
    void aCharacterTheWriterPlaysForOneRequestIsPresentAndGetsAStop() {
        CharacterSheet bert = f.character("Bert"); // not in the scene's cast, and played by the model on his sheet
        AssembledPrompt p = ContextAssembler.assemble(f.input().withWriterPlaying(Set.of(bert.id())));

        assertEquals(List.of("\n\nBert", "\nBert:"), p.stop());
        assertTrue(p.user().contains("The author plays Bert."), p.user());
        assertTrue(p.report().included().stream().anyMatch(i -> i.kind().equals("character") && i.id() == bert.id()),
                "the character the writer plays is present");
    }

    @Test
    void thePromptIsCountedOnceTheSameWayItIsSentAndSaysWhenItIsAnEstimate() {
        AssembledPrompt estimated = f.assemble();
        List<String> contents = new ArrayList<>();
        estimated.report().messages().forEach(m -> contents.add(m.content()));
        assertEquals(TokenCounter.estimate().messages(contents), estimated.tokens());
        assertFalse(estimated.report().exact());
        assertTrue(estimated.report().tokensText().startsWith("≈"), estimated.report().tokensText());
        assertEquals(TokenCounter.estimate().name(), estimated.report().counter());

        f.counter = TokenCounter.openAi("gpt-4o");
        AssembledPrompt exact = f.assemble();
        List<String> sent = new ArrayList<>();
        exact.report().messages().forEach(m -> sent.add(m.content()));
        assertEquals(f.counter.messages(sent), exact.tokens());
        assertTrue(exact.report().exact());
        assertEquals(String.format("%,d", exact.tokens()), exact.report().tokensText());
        assertEquals("o200k_base", exact.report().counter());
    }
}
