package dev.quire.ui.stitch;

import dev.quire.model.Composition;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A continuation or rewrite comes back trimmed; accepting it must not run words together. */
class SpacingTest {

    private static final Provenance A = Provenance.variant("A", 7L);

    @Test
    void aContinuationAfterAWordGetsTheWritersSpace() {
        Prose reply = Prose.from("The door opened.", A);
        Prose placed = AcceptChoice.spaced(reply, "She waited.", Composition.Placement.AT_CURSOR, 11, 11);
        assertEquals(" The door opened.", placed.text());
        assertEquals(Provenance.WRITER, placed.spans().get(0).provenance());
        assertEquals(A, placed.spans().get(1).provenance());
    }

    @Test
    void nothingIsAddedWhereWhitespaceAlreadyIs() {
        Prose reply = Prose.from("The door opened.", A);
        assertEquals(reply, AcceptChoice.spaced(reply, "She waited.\n", Composition.Placement.AT_CURSOR, 12, 12));
        assertEquals(reply, AcceptChoice.spaced(reply, "", Composition.Placement.AT_CURSOR, 0, 0));
        assertEquals(reply, AcceptChoice.spaced(reply, "She waited.", Composition.Placement.REPLACE_SCENE, 0, 0));
    }

    @Test
    void aRewriteInsideASentenceIsSpacedOnBothSides() {
        String scene = "He said nothing at all and left.";
        int start = scene.indexOf("nothing");
        int end = start + "nothing at all".length();
        Prose placed = AcceptChoice.spaced(Prose.from("very little", A), scene,
                Composition.Placement.REPLACE_SELECTION, start, end);
        // the selection kept its spaces outside it, so nothing needs adding
        assertEquals("very little", placed.text());
        Prose tight = AcceptChoice.spaced(Prose.from("very little", A), "He saidnothing.",
                Composition.Placement.REPLACE_SELECTION, 7, 14);
        assertEquals(" very little", tight.text());
    }
}
