package dev.quire.stitch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordDiffTest {

    private static String later(List<WordDiff.Piece> pieces) {
        StringBuilder sb = new StringBuilder();
        pieces.stream().filter(p -> p.kind() != WordDiff.Kind.REMOVED).forEach(p -> sb.append(p.text()));
        return sb.toString();
    }

    private static String earlier(List<WordDiff.Piece> pieces) {
        StringBuilder sb = new StringBuilder();
        pieces.stream().filter(p -> p.kind() != WordDiff.Kind.ADDED).forEach(p -> sb.append(p.text()));
        return sb.toString();
    }

    @Test
    void aChangedWordIsRemovedAndAddedInPlace() {
        List<WordDiff.Piece> pieces = WordDiff.between("The ferry left at dawn.", "The ferry left at noon.");
        assertEquals(List.of(new WordDiff.Piece("The ferry left at ", WordDiff.Kind.SAME),
                new WordDiff.Piece("dawn.", WordDiff.Kind.REMOVED),
                new WordDiff.Piece("noon.", WordDiff.Kind.ADDED)), pieces);
    }

    @Test
    void bothTextsCanBeReadBackFromThePieces() {
        String before = "Oda kept the ledger.\nNobody asked why.";
        String after = "Oda kept the old ledger in a drawer.\nEveryone asked why, once.";
        List<WordDiff.Piece> pieces = WordDiff.between(before, after);
        assertEquals(before, earlier(pieces));
        assertEquals(after, later(pieces));
    }

    @Test
    void emptyTexts() {
        assertEquals(List.of(), WordDiff.between("", ""));
        assertEquals(List.of(new WordDiff.Piece("New words.", WordDiff.Kind.ADDED)), WordDiff.between("",
                "New words."));
        assertEquals(List.of(new WordDiff.Piece("Old words.", WordDiff.Kind.REMOVED)), WordDiff.between("Old words.",
                ""));
    }
}
