package dev.quire.spell;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpellCheckTest {

    private static Speller us;

    @BeforeAll
    static void load() {
        us = Speller.load("en-US");
    }

    @Test
    void aMisspellingIsFoundWithSuggestionsAndUtf16Offsets() {
        String text = "She walked “home” and saw teh lantern.";
        List<SpellFinding> found = us.check(text, KnownWords.NONE, false);
        assertEquals(1, found.size(), found.toString());
        SpellFinding f = found.get(0);
        assertEquals("teh", f.text());
        assertEquals(text.indexOf("teh"), f.start());
        assertEquals(SpellFinding.Kind.SPELLING, f.kind());
        assertTrue(f.suggestions().contains("the"), f.suggestions().toString());
    }

    @Test
    void aLineBreakInsideAParagraphSeparatesTheWordsOnEitherSide() {
        String text = "Dear Father,\u2028the lamp is lit\u2028and teh gulls are loud";
        List<SpellFinding> found = us.check(text, KnownWords.NONE, false);
        assertEquals(List.of("teh"), found.stream().map(SpellFinding::text).toList());
        assertEquals(text.indexOf("teh"), found.get(0).start());
        assertEquals(11, dev.quire.model.Words.count(text), "the words either side of a line break are two");
    }

    @Test
    void namesTheStoryKnowsAreNotFlaggedWithPossessivesOrInAnyCase() {
        String text = "Marra Vellacourt took Quilleth's hand. QUILLETH smiled at Marra.";
        assertFalse(us.check(text, KnownWords.NONE, false).isEmpty());
        KnownWords known = KnownWords.of(List.of("Marra Vellacourt", "Quilleth"));
        assertEquals(List.of(), us.check(text, known, false));
    }

    @Test
    void britishSpellingIsRightInEnGbOnly() {
        String text = "The colour of the harbour.";
        assertEquals(2, us.check(text, KnownWords.NONE, false).size());
        assertEquals(List.of(), Speller.load("en-GB").check(text, KnownWords.NONE, false));
        assertTrue(Speller.languages().containsAll(List.of("en-US", "en-GB")), Speller.languages().toString());
    }

    @Test
    void grammarPointsOnlyWhenAsked() {
        String text = "He have a apple.";
        assertTrue(us.check(text, KnownWords.NONE, false).isEmpty());
        List<SpellFinding> found = us.check(text, KnownWords.NONE, true);
        assertTrue(found.stream().anyMatch(f -> f.kind() == SpellFinding.Kind.GRAMMAR), found.toString());
        assertTrue(us.check(text, KnownWords.NONE, false).isEmpty());
    }

    @Test
    void onlyChangedParagraphsAreCheckedAgain() {
        SpellChecks checks = new SpellChecks();
        List<String> asked = new ArrayList<>();
        Function<String, List<SpellFinding>> check = p -> {
            asked.add(p);
            return us.check(p, KnownWords.NONE, false);
        };
        String text = "First paragraph is fine.\n\nSecond has teh typo.\nThird is fine.";
        SpellChecks.Result r = checks.run(checks.ask(), text, check).orElseThrow();
        assertEquals(3, r.checked());
        assertEquals(List.of(text.indexOf("teh")), r.findings().stream().map(SpellFinding::start).toList());

        String edited = "First paragraph is fine.\n\nSecond has teh typo.\nThird is fine, mostlyy.";
        asked.clear();
        SpellChecks.Result again = checks.run(checks.ask(), edited, check).orElseThrow();
        assertEquals(List.of("Third is fine, mostlyy."), asked);
        assertEquals(List.of("teh", "mostlyy"), again.findings().stream().map(SpellFinding::text).toList());
        assertEquals(edited.indexOf("mostlyy"), again.findings().get(1).start());
    }

    @Test
    void aResultForTextThatChangedSinceIsStale() {
        SpellChecks checks = new SpellChecks();
        long ticket = checks.ask();
        SpellChecks.Result r = checks.run(ticket, "A tpyo.", p -> us.check(p, KnownWords.NONE, false)).orElseThrow();
        assertTrue(checks.isCurrent(r, "A tpyo."));
        assertFalse(checks.isCurrent(r, "A tpyo!"), "the text changed while it was checked");
        checks.ask();
        assertFalse(checks.isCurrent(r, "A tpyo."), "a newer check was asked for");
    }

    @Test
    void aCheckSupersededBeforeItRunsGivesNothingAndADictionaryChangeMakesResultsStale() {
        SpellChecks checks = new SpellChecks();
        long old = checks.ask();
        checks.ask();
        assertTrue(checks.run(old, "A tpyo.", p -> us.check(p, KnownWords.NONE, false)).isEmpty());

        long ticket = checks.latest();
        SpellChecks.Result r = checks.run(ticket, "A tpyo.", p -> us.check(p, KnownWords.NONE, false)).orElseThrow();
        checks.forget();
        assertFalse(checks.isCurrent(r, "A tpyo."));
        List<String> asked = new ArrayList<>();
        checks.run(checks.ask(), "A tpyo.", p -> {
            asked.add(p);
            return us.check(p, KnownWords.of(List.of("tpyo")), false);
        });
        assertEquals(List.of("A tpyo."), asked, "a dictionary change checks every paragraph again");
    }

    @Test
    void findingsMoveWithAnEditAndThoseItTouchesGo() {
        SpellFinding a = new SpellFinding(0, 3, "teh", SpellFinding.Kind.SPELLING, "", "r", List.of());
        SpellFinding b = new SpellFinding(10, 14, "wrod", SpellFinding.Kind.SPELLING, "", "r", List.of());
        SpellFinding c = new SpellFinding(20, 24, "xxyz", SpellFinding.Kind.SPELLING, "", "r", List.of());
        List<SpellFinding> after = SpellFinding.afterEdit(List.of(a, b, c), 11, 1, 3);
        assertEquals(List.of(a, c.moved(2)), after);
    }
}
