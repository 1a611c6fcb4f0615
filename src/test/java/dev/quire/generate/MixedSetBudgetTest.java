package dev.quire.generate;

import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.prompt.PromptReport;
import dev.quire.studio.Column;
import dev.quire.studio.GenerationRequest;
import dev.quire.studio.Generator;
import dev.quire.studio.Mix;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each column of a mixed set has its own model's budget: an 8K model gets a shorter story-so-far. */
class MixedSetBudgetTest {

    @TempDir
    Path dir;

    @Test
    void eachColumnsStorySoFarIsFittedToItsOwnModelsBudget() {
        Quire quire = new Quire(dir);
        assertEquals(0, quire.run("provider", "add", "small", "--kind", "ollama", "--base-url",
                "http://127.0.0.1:9", "--model", "small-8k", "--context", "8000", "--max-tokens", "500").code());
        assertEquals(0, quire.run("provider", "add", "big", "--kind", "ollama", "--base-url",
                "http://127.0.0.1:9", "--model", "big-200k", "--context", "200000", "--max-tokens", "500").code());
        try (Studio studio = quire.open()) {
            Lighthouse story = Lighthouse.addTo(studio);
            String paragraph = "The keeper counted the steps again, forty and then forty more, and the lamp "
                    + "burned on over the black water while the wind worked at the shutters. ";
            for (int i = 0; i < 30; i++) {
                studio.scenes().append(new Scene(0, story.story.id(), 0, "Night " + i,
                        Prose.plain("NIGHT-" + i + " " + paragraph.repeat(60)), "", null, List.of(), false, null));
            }
            GenerationRequest set = GenerationRequest.builder(story.story.id(), "The storm breaks.").build();
            Mix.Prepared mix = studio.generator().prepare(set, List.of(
                    new Column("small", null, null, null, Column.Instruction.SAME, ""),
                    new Column("big", null, null, null, Column.Instruction.SAME, "")));

            Generator.Prepared small = mix.requests().get(0);
            Generator.Prepared big = mix.requests().get(1);
            assertEquals("small-8k", small.model());
            assertEquals("big-200k", big.model());
            PromptReport s = small.report();
            PromptReport b = big.report();
            assertTrue(s.budget() < 8000 && b.budget() > 100_000, s.budget() + " / " + b.budget());
            assertTrue(s.tokens() <= s.budget(), "the small column fits its own budget");
            assertTrue(s.tokens() < b.tokens() / 3, "a shorter story-so-far: " + s.tokens() + " vs " + b.tokens());
            assertTrue(s.dropped().size() > b.dropped().size(), "the small column's report says what it left out: "
                    + s.dropped() + " / " + b.dropped());
            assertTrue(big.messagesJson().contains("NIGHT-0 ") && !small.messagesJson().contains("NIGHT-0 "));
        }
    }

    @Test
    void aColumnNamingNoSuchProviderIsRefusedNamingTheColumn() {
        Quire quire = new Quire(dir);
        try (Studio studio = quire.open()) {
            Lighthouse story = Lighthouse.addTo(studio);
            GenerationRequest set = GenerationRequest.builder(story.story.id(), "The storm breaks.")
                    .provider("ollama").build();
            Mix.ColumnException e = assertThrows(Mix.ColumnException.class, () -> studio.generator().prepare(set,
                    List.of(Column.same(), new Column("nonesuch", null, null, null, null, null))));
            assertEquals(1, e.column());
            assertTrue(e.getMessage().startsWith("Column B: ") && e.getMessage().contains("nonesuch"),
                    e.getMessage());
        }
    }
}
