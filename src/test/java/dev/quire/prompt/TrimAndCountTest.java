package dev.quire.prompt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cutting text at boundaries, matching whole words, and counting tokens. */
class TrimAndCountTest {

    final TokenCounter estimate = TokenCounter.estimate();

    @Test
    void keepingTheEndCutsAtAParagraphWhenOneFits() {
        String text = "First paragraph is long enough to matter here.\nSecond one.\nThird one is the end.";
        assertEquals("Third one is the end.", Trim.keepEnd(text, 7, estimate));
        assertEquals("Second one.\nThird one is the end.", Trim.keepEnd(text, 10, estimate));
    }

    @Test
    void keepingTheEndFallsBackToSentencesThenWordsButNeverCutsAWord() {
        String text = "One sentence here. “Another,” she said! A last one?";
        assertEquals("A last one?", Trim.keepEnd(text, 3, estimate));
        String words = "alpha beta gamma delta epsilon";
        String kept = Trim.keepEnd(words, 3, estimate);
        assertTrue(words.endsWith(kept) && (kept.isEmpty() || words.charAt(words.length() - kept.length() - 1) == ' '),
                kept);
    }

    @Test
    void keepingTheStartEndsAtABoundary() {
        String text = "Premise one. Premise two.\nStyle guide line.";
        assertEquals("Premise one. Premise two.", Trim.keepStart(text, 7, estimate));
        assertEquals("Premise one.", Trim.keepStart(text, 4, estimate));
        assertEquals("", Trim.keepStart(text, 0, estimate));
    }

    @ParameterizedTest
    @CsvSource({"'Ash fell.', ash, true", "'They went ashore.', ash, false", "'ASH’s coat', ash, true",
            "'the  Old\nHarbour', old harbour, true", "'old, harbour', old harbour, true", "'harbour', '', false"})
    void mentionsAreCaseInsensitiveWholeWords(String text, String phrase, boolean found) {
        assertEquals(found, new Mentions(text).contains(phrase));
    }

    @Test
    void theEstimateIsAboutFourCharactersATokenForEnglishAndFinerForOtherScripts() {
        assertEquals(25, estimate.count("a".repeat(100)));
        assertEquals(100, estimate.count("語".repeat(100)));
        assertEquals(50, estimate.count("я".repeat(100)));
        assertEquals(50, TokenCounter.estimate(2.0).count("a".repeat(100)));
    }

    @Test
    void openAiModelsAreCountedWithTheirOwnEncoding() {
        TokenCounter o200k = TokenCounter.openAi("gpt-4o");
        TokenCounter cl100k = TokenCounter.openAi("gpt-4-turbo");
        assertEquals("o200k_base", o200k.name());
        assertEquals("cl100k_base", cl100k.name());
        assertEquals("o200k_base", TokenCounter.openAi("gpt-4.1-mini").name());
        assertEquals(2, o200k.count("hello world"));
        assertEquals(4, o200k.count("<|endoftext|>") > 1 ? 4 : 0, "a special token in the text is ordinary text");
    }
}
