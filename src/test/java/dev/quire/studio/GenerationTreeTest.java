package dev.quire.studio;

import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A scene's generations as branches: a continuation or rewrite under the generation whose text it came from. */
class GenerationTreeTest {

    /** "Mine. " by the writer, then "Theirs here." from variant 42, then " End." by the writer. */
    private static final Prose SCENE = new Prose.Builder().append("Mine. ")
            .append("Theirs here.", Provenance.variant("B", 42L), false, false).append(" End.").build();

    @Test
    void aContinuationComesFromTheVariantThatWroteTheWordsBeforeTheCursor() {
        int afterTheirs = "Mine. Theirs here.".length();
        assertEquals(42L, GenerationTree.fromVariant(SCENE, Generator.Mode.CONTINUE, afterTheirs, afterTheirs));
        assertEquals(42L, GenerationTree.fromVariant(SCENE, Generator.Mode.CONTINUE, afterTheirs + 1, afterTheirs + 1),
                "the space after the sentence is skipped");
        assertNull(GenerationTree.fromVariant(SCENE, Generator.Mode.CONTINUE, 5, 5), "after the writer's own words");
        assertNull(GenerationTree.fromVariant(SCENE, Generator.Mode.CONTINUE, SCENE.text().length(),
                SCENE.text().length()));
        assertNull(GenerationTree.fromVariant(Prose.EMPTY, Generator.Mode.CONTINUE, 0, 0));
    }

    @Test
    void aRewriteComesFromTheFirstVariantTextInThePassage() {
        assertEquals(42L, GenerationTree.fromVariant(SCENE, Generator.Mode.REWRITE, 0, 10));
        assertNull(GenerationTree.fromVariant(SCENE, Generator.Mode.REWRITE, 0, 5));
        assertNull(GenerationTree.fromVariant(SCENE, Generator.Mode.REWRITE, 19, 23));
    }

    private static Generation made(long id, int minute, String fromVariant) {
        return new Generation(id, 1, 1L, null, "scene", "p", "m", "[]",
                fromVariant == null ? "{}" : "{\"fromVariant\": " + fromVariant + "}", null, 1, null,
                Instant.ofEpochSecond(minute * 60L), null, Generation.Status.COMPLETE, null, "g" + id);
    }

    @Test
    void childrenHangUnderTheirGenerationNewestFirstAndOrphansAreRoots() {
        // 1 wrote variant 10; 2 continued it; 3 rewrote part of 2's variant 20; 4 is new; 5 came from a deleted one
        Generation one = made(1, 1, null);
        Generation two = made(2, 2, "10");
        Generation three = made(3, 3, "20");
        Generation four = made(4, 4, null);
        Generation five = made(5, 5, "99");
        Generation six = made(6, 6, "10");
        Map<Long, Long> owner = Map.of(10L, 1L, 20L, 2L);

        List<GenerationTree.Entry> tree = GenerationTree.of(List.of(six, five, four, three, two, one),
                owner::get);

        assertEquals(List.of(5L, 4L, 1L, 6L, 2L, 3L), tree.stream().map(e -> e.generation().id()).toList());
        assertEquals(List.of(0, 0, 0, 1, 1, 2), tree.stream().map(GenerationTree.Entry::depth).toList());
    }

    @Test
    void originsThatPointAtEachOtherAreStillListed() {
        Generation a = made(1, 1, "20");
        Generation b = made(2, 2, "10");
        List<GenerationTree.Entry> tree = GenerationTree.of(List.of(b, a), Map.of(10L, 1L, 20L, 2L)::get);
        assertEquals(2, tree.size(), tree.toString());
    }

    @Test
    void whatWasRecordedIsReadBackAndNothingOrBadJsonIsNone() {
        assertEquals(7L, GenerationTree.recordedFromVariant(made(1, 1, "7")));
        assertNull(GenerationTree.recordedFromVariant(made(1, 1, null)));
        assertNull(GenerationTree.recordedFromVariant(new Generation(1, 1, 1L, null, "scene", "p", "m", "[]",
                "{not json", null, 1, null, null, null, null, null)));
    }
}
