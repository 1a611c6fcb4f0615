package dev.quire.stitch;

import dev.quire.stitch.Alignment.Kind;
import dev.quire.stitch.Alignment.Mark;
import dev.quire.stitch.AlignmentBenchmark.Drafts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlignmentTest {

    @Test
    void twoVersionsThatShareAClauseMarkItSharedAndTheirEndingsOwn() {
        String a = "The kettle sang, and Mira poured the tea.";
        String b = "The kettle sang, and Mira left it to cool.";
        String c = "At dawn the orchard was silent.";

        List<List<Mark>> marks = Alignment.of(List.of(a, b, c));

        assertEquals(List.of(new Mark(0, 26, Kind.SHARED), new Mark(26, 40, Kind.OWN),
                new Mark(40, 41, Kind.SHARED_BY_ALL)), marks.get(0));
        assertEquals(List.of(new Mark(0, 26, Kind.SHARED), new Mark(26, 41, Kind.OWN),
                new Mark(41, 42, Kind.SHARED_BY_ALL)), marks.get(1));
        assertEquals(List.of(new Mark(0, 30, Kind.OWN), new Mark(30, 31, Kind.SHARED_BY_ALL)), marks.get(2));
    }

    @Test
    void aWordOnlyOneVariantChoseIsItsOwnAndTheOthersShareTheirs() {
        List<String> texts = List.of("Light was failing fast.", "Light was failing fast.", "Light was fading fast.");

        List<List<Mark>> marks = Alignment.of(texts);

        assertEquals("Light was {failing} fast.", render(texts.get(0), marks.get(0)));
        assertEquals("Light was {failing} fast.", render(texts.get(1), marks.get(1)));
        assertEquals("Light was [fading] fast.", render(texts.get(2), marks.get(2)));
    }

    @Test
    void punctuationIsComparedApartFromItsWord() {
        List<String> texts = List.of("He knocked at the door.", "He knocked at the door,");

        List<List<Mark>> marks = Alignment.of(texts);

        assertEquals("He knocked at the door[.]", render(texts.get(0), marks.get(0)));
        assertEquals("He knocked at the door[,]", render(texts.get(1), marks.get(1)));
    }

    @Test
    void aContractionIsOneWord() {
        List<String> texts = List.of("She didn't wait.", "She did not wait.");

        List<List<Mark>> marks = Alignment.of(texts);

        assertEquals("She [didn't] wait.", render(texts.get(0), marks.get(0)));
        assertEquals("She [did not] wait.", render(texts.get(1), marks.get(1)));
    }

    @Test
    void whitespaceBetweenAnOwnAndASharedWordStaysQuiet() {
        List<String> texts = List.of("Rain came. The road was wet.", "Rain came; the road was wet.");

        List<List<Mark>> marks = Alignment.of(texts);

        // the spaces after "came" and "the" belong to the shared text, so the highlight hugs ". The"
        assertEquals(List.of(new Mark(0, 9, Kind.SHARED_BY_ALL), new Mark(9, 14, Kind.OWN),
                new Mark(14, 28, Kind.SHARED_BY_ALL)), marks.get(0));
    }

    @Test
    void wordsTwoRewordingsHappenToShareAreNotShown() {
        List<String> texts = List.of("She opened the door and walked out.", "He shut the window and sat down.");

        List<List<Mark>> marks = Alignment.of(texts);

        assertEquals("[She opened the door and walked out].", render(texts.get(0), marks.get(0)));
        assertEquals("[He shut the window and sat down].", render(texts.get(1), marks.get(1)));
    }

    @Test
    void aSentenceBothVariantsKeepStaysSharedBetweenRewrites() {
        List<String> texts = List.of(
                "The bell rang. Nobody on the island could remember who had hung it there, or why. Then the wind rose.",
                "A gull cried. Nobody on the island could remember who had hung it there, or why. The tide was out.");

        List<List<Mark>> marks = Alignment.of(texts);

        assertEquals("[The bell rang]. Nobody on the island could remember who had hung it there, or why. "
                + "[Then the wind rose].", render(texts.get(0), marks.get(0)));
        assertEquals("[A gull cried]. Nobody on the island could remember who had hung it there, or why. "
                + "[The tide was out].", render(texts.get(1), marks.get(1)));
    }

    @Test
    void identicalTextsAreSharedByAll() {
        String text = "The lamp guttered twice.\nShe counted the steps, one by one.";

        List<List<Mark>> marks = Alignment.of(List.of(text, text, text));

        for (List<Mark> m : marks) {
            assertEquals(List.of(new Mark(0, text.length(), Kind.SHARED_BY_ALL)), m);
        }
    }

    @Test
    void textsThatDifferOnlyInSpacingAreSharedByAll() {
        List<List<Mark>> marks = Alignment.of(List.of("  Two  spaces  ", "Two spaces"));

        assertEquals(List.of(new Mark(0, 15, Kind.SHARED_BY_ALL)), marks.get(0));
        assertEquals(List.of(new Mark(0, 10, Kind.SHARED_BY_ALL)), marks.get(1));
    }

    @Test
    void aSingleTextIsAllOwn() {
        String text = "Only one version came back.  ";

        assertEquals(List.of(List.of(new Mark(0, text.length(), Kind.OWN))), Alignment.of(List.of(text)));
    }

    @Test
    void emptyTextsHaveNoMarks() {
        assertEquals(List.of(), Alignment.of(List.of()));
        assertEquals(List.of(List.of()), Alignment.of(List.of("")));
        assertEquals(List.of(List.of(), List.of()), Alignment.of(List.of("", "")));
        assertEquals(List.of(List.of(), List.of(new Mark(0, 5, Kind.OWN))), Alignment.of(List.of("", "Hello")));
    }

    @Test
    void blankTextsAreSharedWithOtherBlankTexts() {
        List<List<Mark>> marks = Alignment.of(List.of(" \n", "\n", "Words."));

        assertEquals(List.of(new Mark(0, 2, Kind.SHARED)), marks.get(0));
        assertEquals(List.of(new Mark(0, 1, Kind.SHARED)), marks.get(1));
        assertEquals(List.of(new Mark(0, 6, Kind.OWN)), marks.get(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void marksTileEachTextInOrderWithNoGapsOverlapsOrUnmergedNeighbours(int seed) {
        Random random = new Random(seed);
        List<String> texts = Drafts.variants(random, 1 + random.nextInt(6), 20 + random.nextInt(400));

        List<List<Mark>> marks = Alignment.of(texts);

        assertEquals(texts.size(), marks.size());
        for (int i = 0; i < texts.size(); i++) {
            assertTiles(texts.get(i), marks.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {21, 22, 23, 24, 25, 26})
    void twoVariantsShareExactlyTheSameWords(int seed) {
        List<String> texts = Drafts.variants(new Random(seed), 2, 300);

        List<List<Mark>> marks = Alignment.of(texts);

        String shared = words(texts.get(0), marks.get(0), Kind.SHARED_BY_ALL);
        assertFalse(shared.isEmpty(), "the variants were drafted from one text");
        assertEquals(shared, words(texts.get(1), marks.get(1), Kind.SHARED_BY_ALL));
        assertTrue(marks.stream().flatMap(List::stream).noneMatch(m -> m.kind() == Kind.SHARED),
                "with two variants, shared is shared by all");
    }

    @ParameterizedTest
    @ValueSource(ints = {31, 32, 33})
    void aVariantThatRepeatsAnotherHasNothingOfItsOwn(int seed) {
        List<String> texts = new ArrayList<>(Drafts.variants(new Random(seed), 3, 500));
        texts.add(texts.get(1));
        Collections.swap(texts, 0, 3);

        List<List<Mark>> marks = Alignment.of(texts);

        assertTrue(marks.get(0).stream().noneMatch(m -> m.kind() == Kind.OWN));
        assertTrue(marks.get(1).stream().noneMatch(m -> m.kind() == Kind.OWN));
        assertTrue(marks.get(2).stream().anyMatch(m -> m.kind() == Kind.OWN));
    }

    @Test
    void sixLongVariantsAlignWholly() {
        List<String> texts = Drafts.variants(new Random(7), 6, 3000);

        List<List<Mark>> marks = Alignment.of(texts);

        for (int i = 0; i < texts.size(); i++) {
            assertTiles(texts.get(i), marks.get(i));
            assertTrue(marks.get(i).size() > 10, "long variants drafted from one text share some and differ some");
        }
    }

    /** Text with its own runs in [brackets] and runs some others share in {braces}. */
    static String render(String text, List<Mark> marks) {
        StringBuilder sb = new StringBuilder();
        for (Mark m : marks) {
            String piece = text.substring(m.start(), m.end());
            sb.append(m.kind() == Kind.OWN ? "[" + piece + "]" : m.kind() == Kind.SHARED ? "{" + piece + "}" : piece);
        }
        return sb.toString();
    }

    /** The non-whitespace characters of the marks of one kind: spacing is not compared. */
    private static String words(String text, List<Mark> marks, Kind kind) {
        StringBuilder sb = new StringBuilder();
        for (Mark m : marks) {
            if (m.kind() == kind) {
                sb.append(text, m.start(), m.end());
            }
        }
        return sb.toString().replaceAll("\\s+", "");
    }

    private static void assertTiles(String text, List<Mark> marks) {
        int at = 0;
        Kind previous = null;
        for (Mark m : marks) {
            assertEquals(at, m.start(), "no gap or overlap at " + at);
            assertTrue(m.end() > m.start(), "no empty mark");
            assertNotEquals(previous, m.kind(), "neighbours of one kind are merged");
            at = m.end();
            previous = m.kind();
        }
        assertEquals(text.length(), at, "marks reach the end");
    }
}
