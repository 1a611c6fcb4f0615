package dev.quire.stitch;

import dev.quire.stitch.SentenceDiff.Block;
import dev.quire.stitch.SentenceDiff.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparing two states of a scene a sentence at a time. */
class SentenceDiffTest {

    @Test
    void sentencesKeepTheirSpacesAndJoinBackIntoTheText() {
        String text = "The lamp went out. “Who’s there?” she asked… Nobody.\nA new day! And then";
        List<String> s = SentenceDiff.sentences(text);

        assertEquals(List.of("The lamp went out. ", "“Who’s there?” ", "she asked… ", "Nobody.\n", "A new day! ",
                "And then"), s);
        assertEquals(text, String.join("", s));
        assertEquals(List.of(), SentenceDiff.sentences(""));
        assertEquals(List.of("Dr.Who waited."), SentenceDiff.sentences("Dr.Who waited."),
                "a full stop inside a word ends nothing");
        assertEquals(List.of("\n", "\n", "Two breaks."), SentenceDiff.sentences("\n\nTwo breaks."));
    }

    @Test
    void anEditedSentenceIsOneBlockWithItsChangedWordsInsideIt() {
        String before = "The lamp went out. Ruth counted the cups twice. Nobody came.";
        String after = "The lamp went out. Ruth counted the blue cups once. Nobody came.";

        List<Block> blocks = SentenceDiff.between(before, after);

        assertEquals(List.of(Kind.SAME, Kind.CHANGED, Kind.SAME), blocks.stream().map(Block::kind).toList());
        assertEquals("The lamp went out. ", blocks.get(0).before());
        Block edited = blocks.get(1);
        assertEquals("Ruth counted the cups twice. ", edited.before());
        assertEquals("Ruth counted the blue cups once. ", edited.after());
        assertEquals(List.of(
                new WordDiff.Piece("Ruth counted the ", WordDiff.Kind.SAME),
                new WordDiff.Piece("blue ", WordDiff.Kind.ADDED),
                new WordDiff.Piece("cups ", WordDiff.Kind.SAME),
                new WordDiff.Piece("twice.", WordDiff.Kind.REMOVED),
                new WordDiff.Piece("once.", WordDiff.Kind.ADDED),
                new WordDiff.Piece(" ", WordDiff.Kind.SAME)), edited.words());
        assertEquals("Nobody came.", blocks.get(2).after());
        assertTrue(blocks.get(0).words().isEmpty(), "no word marks outside an edited sentence");
    }

    @Test
    void aRewrittenSentenceIsRemovedAndAddedWholeNotInterleaved() {
        String before = "She slept. The storm broke the shutters in the night. Morning.";
        String after = "She slept. Gulls argued on the roof until dawn came grey. Morning.";

        List<Block> blocks = SentenceDiff.between(before, after);

        assertEquals(List.of(Kind.SAME, Kind.REMOVED, Kind.ADDED, Kind.SAME),
                blocks.stream().map(Block::kind).toList());
        assertEquals("The storm broke the shutters in the night. ", blocks.get(1).before());
        assertEquals("", blocks.get(1).after());
        assertEquals("Gulls argued on the roof until dawn came grey. ", blocks.get(2).after());
    }

    @Test
    void insertedAndDeletedSentencesAndParagraphsStayWhole() {
        String before = "One.\nTwo. Three.\nFour.";
        String after = "One.\nTwo. A new one here. Three.\nFour.\nFive at the end.";

        List<Block> blocks = SentenceDiff.between(before, after);

        assertEquals(List.of(Kind.SAME, Kind.ADDED, Kind.SAME, Kind.ADDED), blocks.stream().map(Block::kind).toList());
        assertEquals("A new one here. ", blocks.get(1).after());
        assertEquals("Five at the end.", blocks.get(3).after());
        // what the blocks read as the later text is the later text
        StringBuilder later = new StringBuilder();
        StringBuilder earlier = new StringBuilder();
        for (Block b : SentenceDiff.between(after, before)) {
            later.append(b.after());
            earlier.append(b.before());
        }
        assertEquals(before, later.toString());
        assertEquals(after, earlier.toString());
    }

    @Test
    void aSentenceMovedToTheEndOfItsParagraphIsStillTheSame() {
        List<Block> blocks = SentenceDiff.between("Rain. Wind.\nSun.", "Rain. Wind. \nSun.");
        assertTrue(blocks.stream().allMatch(b -> b.kind() == Kind.SAME), blocks.toString());
    }

    @Test
    void similarityIsTheShareOfWordsInCommon() {
        assertEquals(1.0, SentenceDiff.similarity("a b c", "a b c"));
        assertEquals(0.0, SentenceDiff.similarity("a b", "c d"));
        assertEquals(0.8, SentenceDiff.similarity("a b c d e", "a b c d f"), 1e-9);
    }
}
