package dev.quire.cliche;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the detector finds, where, and what it leaves alone. */
class DetectorTest {

    private static List<Finding> scan(String text) {
        return Detector.builtIn().scan(text);
    }

    private static List<String> found(String text) {
        return scan(text).stream().map(Finding::text).toList();
    }

    @Test
    void phrasesMatchInAnyCaseAndInflectionAcrossALineBreak() {
        assertEquals(List.of("Shivers raced down\nhis spine"), found("Shivers raced down\nhis spine."));
        assertEquals(List.of("SHIVER RAN DOWN HER SPINE"), found("A SHIVER RAN DOWN HER SPINE."));
        assertEquals(List.of("chill snaking up Maud's spine"), found("She felt a chill snaking up Maud's spine."));
    }

    @Test
    void aPhraseMatchesAcrossALineBreakInsideAParagraph() {
        assertEquals(List.of("Shivers raced down\u2028his spine"), found("Shivers raced down\u2028his spine."));
    }

    @Test
    void offsetsAreUtf16CodeUnitsWithTheEndExclusive() {
        String text = "\uD83D\uDE00 Kael smiled. \u201CIt wasn\u2019t fear. It was grief.\u201D";
        List<Finding> f = scan(text);
        assertEquals(2, f.size(), f.toString());
        assertEquals(3, f.get(0).start(), "the emoji counts as two");
        assertEquals("Kael", text.substring(f.get(0).start(), f.get(0).end()));
        assertEquals("It wasn\u2019t fear. It was grief", text.substring(f.get(1).start(), f.get(1).end()));
        assertEquals(Finding.Kind.CONSTRUCTION, f.get(1).kind());
    }

    @Test
    void wordsMatchOnWordBoundariesOnlyAndNamesOnlyWithACapital() {
        assertTrue(found("The delvers' guild, the tapestryworks and Chenille Street.").isEmpty());
        assertTrue(found("A thorne bush and a vance of geese.").isEmpty(), "names need their capital");
        assertEquals(List.of("Thorne", "delving"), found("Mr Thorne was delving into it."));
    }

    @Test
    void aSentenceEndStopsAPhrase() {
        assertTrue(found("He felt the shiver. Down her spine it went, they said.").isEmpty());
    }

    @Test
    void constructionsAreFoundByShape() {
        assertEquals(List.of("It wasn't anger. It was fear"), found("It wasn't anger. It was fear."));
        assertEquals(List.of("This isn't a game \u2014 it's a war"), found("This isn't a game \u2014 it's a war."));
        assertEquals(List.of("was not a request, but an order"), found("It was not a request, but an order."));
        assertEquals(List.of("cold, dark, silent"), found("The house was cold, dark, silent."));
        assertEquals(List.of("cold, hard, and unforgiving"), found("The sea was cold, hard, and unforgiving."));
    }

    @Test
    void ordinaryProseIsLeftAlone() {
        for (String clean : List.of(
                "It wasn't much, but it was home.",
                "She was tired, hungry and cold.",
                "He bought bread, cheese, and apples.",
                "I could not sleep, but lay awake listening.",
                "Something to look at that was not her face. It was a trick she had learned.",
                "He wasn't home. She was furious.",
                "The flag was red, white, and blue.")) {
            assertTrue(found(clean).isEmpty(), clean + " -> " + found(clean));
        }
    }

    @Test
    void overlappingPhrasesBecomeOneFinding() {
        List<Finding> f = scan("She let out a breath she didn't know she was holding.");
        assertEquals(1, f.size());
        assertEquals("let out a breath she didn't know she was holding", f.get(0).text());
    }

    @Test
    void aStoryExtendsTheListsWithItsAvoidListAndOverridesThemWithWhatItAllows() {
        Detector story = Detector.builtIn().withAvoid(List.of("copper-bright", "the old man's eyes"))
                .withAllowed(List.of("Chen", "phrases:POSS mind {raced|racing|reeled|reeling|whirled|whirling}"));
        List<Finding> f = story.scan("Dr Chen came in. Her mind raced. The old man's eyes were copper-bright.");
        assertEquals(List.of("the old man's eyes", "copper-bright"), f.stream().map(x -> x.text().toLowerCase())
                .toList());
        assertTrue(f.stream().allMatch(x -> x.kind() == Finding.Kind.AVOID && x.rule().startsWith("avoid:")));
        assertEquals(2, Detector.builtIn().scan("Dr Chen came in. Her mind raced.").size(), "the lists alone find both");
    }

    @Test
    void theListsAreVersioned() {
        assertEquals("words 1, phrases 1, names 1", Detector.builtIn().version());
    }

    @Test
    void aNameTheModelKeepsUsingAndTheWriterNeverKeptIsFlagged() {
        List<Recurring.Generation> newestFirst = List.of(
                new Recurring.Generation(5, List.of("Then Mirela Oduya came in.", "Later Bram left.")),
                new Recurring.Generation(4, List.of("Outside, Mirela waited.")),
                new Recurring.Generation(3, List.of("She told Bram about the door.")),
                new Recurring.Generation(2, List.of("He and Mirela argued.", "And Bram shrugged.")),
                new Recurring.Generation(1, List.of("Nobody came.")),
                new Recurring.Generation(0, List.of("Mirela, Mirela, Mirela.")));
        List<Recurring.Item> items = Recurring.find(newestFirst, List.of("Bram walked home."), Detector.builtIn());
        assertEquals(List.of(new Recurring.Item("Bram", Finding.Kind.NAME, 3, true),
                new Recurring.Item("Mirela", Finding.Kind.NAME, 3, false)), items,
                "only the last five generations count; Bram is in the writer's text");

        Detector story = Detector.builtIn().withRecurring(items);
        List<Finding> f = story.scan("Mirela and Bram went out.");
        assertEquals(1, f.size());
        assertEquals(Finding.Kind.RECURRING, f.get(0).kind());
        assertEquals("Mirela", f.get(0).text());
    }
}
