package dev.quire.ui.stitch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Where an accepted continuation or rewrite goes, after the writer edits the scene in the meantime. */
class AnchorsTest {

    @Test
    void editsAfterTheCursorLeaveItAndEditsBeforeItMoveIt() {
        assertArrayEquals(new int[] {40, 40}, Anchors.moved(40, 40, true, 50, 3, 10), "after");
        assertArrayEquals(new int[] {47, 47}, Anchors.moved(40, 40, true, 10, 3, 10), "before: +7");
        assertArrayEquals(new int[] {35, 35}, Anchors.moved(40, 40, true, 10, 5, 0), "a deletion before: -5");
    }

    @Test
    void textTypedAtTheCursorGoesAfterWhereTheContinuationGoes() {
        assertArrayEquals(new int[] {40, 40}, Anchors.moved(40, 40, true, 40, 0, 6));
    }

    @Test
    void aDeletionAcrossTheCursorPutsItWhereTheDeletionWas() {
        assertArrayEquals(new int[] {30, 30}, Anchors.moved(40, 40, true, 30, 20, 0));
        assertArrayEquals(new int[] {32, 32}, Anchors.moved(40, 40, true, 30, 20, 2), "replaced by two characters");
    }

    @Test
    void aSelectionGrowsWithTypingInsideItAndMovesWithEditsBeforeIt() {
        assertArrayEquals(new int[] {10, 25}, Anchors.moved(10, 20, false, 15, 0, 5), "typed inside");
        assertArrayEquals(new int[] {13, 23}, Anchors.moved(10, 20, false, 2, 0, 3), "typed before");
        assertArrayEquals(new int[] {10, 20}, Anchors.moved(10, 20, false, 25, 4, 0), "deleted after");
        assertArrayEquals(new int[] {5, 12}, Anchors.moved(10, 20, false, 5, 8, 0), "a deletion reaching into it");
        assertArrayEquals(new int[] {10, 20}, Anchors.moved(10, 20, false, 20, 0, 6),
                "typed just after it stays outside, so accepting never replaces it");
    }
}
