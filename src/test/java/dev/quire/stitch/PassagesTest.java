package dev.quire.stitch;

import dev.quire.stitch.Passages.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PassagesTest {

    /** Each case: the text with ^ before the character clicked, and the sentence expected. */
    static Stream<Arguments> sentences() {
        return Stream.of(
                arguments("^He left. She stayed.", "He left."),
                arguments("He le^ft. She stayed.", "He left."),
                arguments("He left^. She stayed.", "He left."),
                arguments("He left. She stay^ed.", "She stayed."),
                // on the space between two sentences: the one after
                arguments("He left.^ She stayed.", "She stayed."),
                arguments("He left.  ^ She stayed.", "She stayed."),
                // at the end of the text, or on trailing space at the end of a paragraph: the one before
                arguments("He left. She stayed.^", "She stayed."),
                arguments("He left. She stayed.  ^", "She stayed."),
                arguments("He left. She stayed.^\nMorning came.", "She stayed."),
                arguments("He left. She stayed. ^ \nMorning came.", "She stayed."),
                // leading space of a paragraph: its first sentence
                arguments("One.\n ^  Two. Three.", "Two."),
                // a paragraph ends a sentence that has no mark
                arguments("Dusk\n^Then the lamps", "Then the lamps"),
                arguments("Dusk, and no ^stop at all", "Dusk, and no stop at all"),
                arguments("He waited… ^Nobody came.", "Nobody came."),
                arguments("He wait^ed… Nobody came.", "He waited…"),
                arguments("He waited... ^Nobody came.", "Nobody came."),
                arguments("He wait^ed... Nobody came.", "He waited..."),
                arguments("I thought… ^maybe not. Then yes.", "I thought… maybe not."),
                arguments("Really?! ^Yes.", "Yes."),
                arguments("“Wa^it,” she said. Then she ran.", "“Wait,” she said."),
                arguments("“Wait,” she said. ^Then she ran.", "Then she ran."),
                arguments("“Stop!” she ^cried. He stopped.", "“Stop!” she cried."),
                arguments("“Stop!” she cried. He ^stopped.", "He stopped."),
                arguments("“Who is it?” he asked. ^Nobody answered.", "Nobody answered."),
                arguments("“Wh^o is it?” he asked. Nobody answered.", "“Who is it?” he asked."),
                arguments("“Stop!” He ^froze.", "He froze."),
                arguments("“St^op!” He froze.", "“Stop!”"),
                arguments("‘Now!’ ^Go.", "Go."),
                arguments("'Who?' ^she asked.", "'Who?' she asked."),
                arguments("\"Enough.\" ^The door shut.", "The door shut."),
                arguments("(She was ^tired.) He was not.", "(She was tired.)"),
                arguments("(She was tired.) He ^was not.", "He was not."),
                arguments("Mr. Hale ^arrived. Dr. Voss left.", "Mr. Hale arrived."),
                arguments("Mr. Hale arrived. Dr. ^Voss left.", "Dr. Voss left."),
                arguments("She asked Mrs. Penn the ^way to St. Ives. It was far.", "She asked Mrs. Penn the way to St. Ives."),
                arguments("It was 3.^5 miles. Far enough.", "It was 3.5 miles."));
    }

    @ParameterizedTest
    @MethodSource("sentences")
    void aClickTakesTheSentenceItLandsIn(String marked, String expected) {
        int offset = marked.indexOf('^');
        String text = marked.substring(0, offset) + marked.substring(offset + 1);

        Range range = Passages.sentenceAt(text, offset);

        assertEquals(expected, text.substring(range.start(), range.end()));
        assertEquals(text.indexOf(expected), range.start(), "the sentence where it stands");
    }

    @Test
    void sentenceRangesAreExactOffsets() {
        String text = "Fog lay on the water. “Row,” he said. A bell sounded.";

        assertEquals(new Range(0, 21), Passages.sentenceAt(text, 4));
        assertEquals(new Range(22, 37), Passages.sentenceAt(text, 21));
        assertEquals(new Range(38, 53), Passages.sentenceAt(text, 53));
        assertEquals(15, Passages.sentenceAt(text, 30).length());
    }

    @Test
    void anEmptyTextHasAnEmptySentenceAndParagraph() {
        assertEquals(new Range(0, 0), Passages.sentenceAt("", 0));
        assertEquals(new Range(0, 0), Passages.paragraphAt("", 0));
    }

    @Test
    void aBlankParagraphHasAnEmptySentenceAtItsStart() {
        assertEquals(new Range(5, 5), Passages.sentenceAt("One.\n\nTwo.", 5));
        assertEquals(new Range(5, 5), Passages.sentenceAt("One.\n  \nTwo.", 6));
    }

    @Test
    void offsetsOutsideTheTextAreHeldToIt() {
        assertEquals(new Range(5, 9), Passages.sentenceAt("One. Two.", 99));
        assertEquals(new Range(0, 4), Passages.sentenceAt("One. Two.", -3));
    }

    @Test
    void aParagraphRunsBetweenNewlinesWithoutThem() {
        String text = "First.\nSecond one.\nThird.";

        assertEquals(new Range(0, 6), Passages.paragraphAt(text, 0));
        assertEquals(new Range(0, 6), Passages.paragraphAt(text, 6));
        assertEquals(new Range(7, 18), Passages.paragraphAt(text, 7));
        assertEquals(new Range(7, 18), Passages.paragraphAt(text, 12));
        assertEquals(new Range(19, 25), Passages.paragraphAt(text, 25));
    }

    @Test
    void anEmptyLastParagraphIsEmpty() {
        assertEquals(new Range(7, 7), Passages.paragraphAt("First.\n", 7));
        assertEquals(new Range(7, 7), Passages.paragraphAt("First.\n\n", 7));
    }
}
