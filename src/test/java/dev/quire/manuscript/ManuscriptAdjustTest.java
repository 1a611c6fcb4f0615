package dev.quire.manuscript;

import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.studio.manuscript.ManuscriptReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static dev.quire.manuscript.Manuscripts.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview's adjustments: merge, split, rename, remove; each a new value, styles kept. */
class ManuscriptAdjustTest {

    private final Manuscript lighthouse = ManuscriptReader.read(
            Manuscripts.LIGHTHOUSE.getBytes(StandardCharsets.UTF_8), Format.MARKDOWN, Path.of("l.md"), null);

    @Test
    void mergingJoinsTwoScenesParagraphsAndKeepsTheirStyles() {
        Manuscript merged = lighthouse.rename(1, "Morning").mergeWithNext(1);

        assertEquals(3, merged.scenes().size());
        assertEquals("[Morning] Morning came **grey** and late, and with it the supply boat. ¶ A letter arrived."
                + " It said _come home_, and nothing else.", describe(merged).get(1));
        assertEquals(4, lighthouse.scenes().size(), "the original is unchanged");
        assertEquals(lighthouse.words(), merged.words());
    }

    @Test
    void splittingMakesTheParagraphAndThoseAfterItANewScene() {
        Manuscript split = lighthouse.split(0, 1, "The Stairs");

        assertEquals(List.of("[] The lamp had been lit at _six_, as it was every night, and the keeper's daughter"
                        + " watched it turn.", "[The Stairs] She climbed the stairs. The _sea_ was loud tonight."),
                describe(split).subList(0, 2));
        assertEquals(5, split.scenes().size());
        assertEquals(describe(lighthouse), describe(lighthouse.split(0, 1).mergeWithNext(0)),
                "split then merge gives it back");
    }

    @Test
    void renamingAndRemovingChangeOnlyThatScene() {
        Manuscript m = lighthouse.rename(3, "  Coda ").remove(0).withTitle("Keeper");

        assertEquals("Keeper", m.title());
        assertEquals(3, m.scenes().size());
        assertEquals("Coda", m.scenes().get(2).title());
    }

    @Test
    void impossibleAdjustmentsSayWhy() {
        IllegalArgumentException last = assertThrows(IllegalArgumentException.class, () -> lighthouse.mergeWithNext(3));
        assertTrue(last.getMessage().contains("last scene"), last.getMessage());
        IllegalArgumentException edge = assertThrows(IllegalArgumentException.class, () -> lighthouse.split(1, 0));
        assertTrue(edge.getMessage().contains("has 1 paragraphs"), edge.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> lighthouse.rename(9, "x"));
    }
}
