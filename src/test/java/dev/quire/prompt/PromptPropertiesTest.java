package dev.quire.prompt;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Scene;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over generated stories, cursors, passages and budgets: never over the budget; always the frame, the instruction, the
 * passage to rewrite exactly as selected, and the turns when the writer plays everyone.
 */
class PromptPropertiesTest {

    private static final String[] WORDS = {"tide", "lamp", "storm", "keeper", "ledger", "salt", "harbour", "rope",
            "gull", "oil", "night", "bell", "causeway", "boat", "fog", "Mara", "Tomas", "chapel", "ash"};

    @RepeatedTest(60)
    void neverOverTheBudgetAndAlwaysTheFrameAndTheInstruction(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 7919L);
        Fixture f = new Fixture();
        int characters = random.nextInt(8);
        boolean writerPlaysAll = random.nextInt(4) == 0;
        List<CharacterSheet> cast = new ArrayList<>();
        for (int i = 0; i < characters; i++) {
            CharacterSheet c = f.character(i % 2 == 0 ? "Mara" + i : "Tomas" + i, "alias" + i);
            cast.add(writerPlaysAll || random.nextInt(5) == 0 ? f.playedByTheWriter(c) : c);
        }
        int scenes = random.nextInt(15);
        for (int i = 0; i < scenes; i++) {
            List<CharacterSheet> present = new ArrayList<>();
            for (CharacterSheet c : cast) {
                if (random.nextInt(3) == 0) {
                    present.add(c);
                }
            }
            Scene s = f.scene("S" + i, words(random, random.nextInt(3000)), random.nextBoolean()
                    ? words(random, random.nextInt(120)) : "", present.toArray(new CharacterSheet[0]));
            if (random.nextInt(6) == 0) {
                f.pin(s);
            }
        }
        for (int i = 0; i < random.nextInt(30); i++) {
            f.lore("L" + i, words(random, 1 + random.nextInt(200)), random.nextInt(5) == 0, random.nextInt(8) != 0,
                    WORDS[random.nextInt(WORDS.length)]);
        }
        if (!f.scenes.isEmpty() && random.nextBoolean()) {
            f.target = f.scenes.get(random.nextInt(f.scenes.size()));
            int length = f.target.prose().text().length();
            int a = random.nextInt(length + 1);
            int b = random.nextInt(length + 1);
            if (random.nextInt(3) == 0) {
                f.anchor = PromptInput.Anchor.cursor(a);
            } else if (random.nextBoolean() && a != b) {
                f.anchor = PromptInput.Anchor.passage(Math.min(a, b), Math.max(a, b));
            }
        }
        List<Frame> frames = Frames.builtIn();
        f.frame = frames.get(random.nextInt(frames.size()));
        f.instruction = ("INSTRUCTION-" + repetition.getCurrentRepetition() + " " + words(random, random.nextInt(40)))
                .strip();
        if (random.nextInt(4) == 0) {
            f.counter = TokenCounter.openAi("gpt-4o");
        }
        int essentials = f.essentials();
        f.budget = essentials + random.nextInt(random.nextBoolean() ? 800 : 20_000);

        AssembledPrompt p = f.assemble();

        assertTrue(p.tokens() <= f.budget, p.tokens() + " tokens for a budget of " + f.budget);
        assertTrue(p.user().contains(f.instruction), "the instruction");
        if (f.anchor != null && !f.anchor.isCursor() && f.frame.slots().contains("passage")) {
            String passage = f.target.prose().text().substring(f.anchor.start(), f.anchor.end());
            assertTrue(p.user().contains("<passage>\n" + passage + "\n</passage>"), "the passage as selected");
        }
        if (writerPlaysAll && characters > 0 && f.frame.slots().contains("turns")) {
            assertTrue(p.user().contains("# Turns\nThe author plays "), "the turns");
        }
        String role = f.frame.template().substring(f.frame.template().indexOf('\n') + 1, 60);
        assertTrue(p.system().get(0).text().startsWith(role), "the frame's own words");
        assertTrue(p.report().included().stream().anyMatch(i -> i.kind().equals("frame")));
        assertTrue(p.report().included().stream().anyMatch(i -> i.kind().equals("instruction")));
        assertTrue(p.report().dropped().stream().noneMatch(d -> d.kind().equals("character")
                && !d.reason().equals(PromptReport.PRIVATE) && !d.reason().equals(PromptReport.OVER_BUDGET)));
        for (CharacterSheet c : cast) {
            assertTrue(!p.report().text().contains(c.privateNotes()), "private notes never");
        }
    }

    private static String words(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(WORDS[random.nextInt(WORDS.length)]);
            sb.append(i % 11 == 10 ? ". " : i % 60 == 59 ? ".\n" : " ");
        }
        return sb.toString().strip();
    }
}
