package dev.quire.ui.stitch;

import dev.quire.model.Composition.Placement;
import dev.quire.studio.Generator.Mode;
import dev.quire.studio.Stitching;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where Accept puts the composition, from what was asked to the writer's edits since. */
class AcceptPlaceTest {

    @Test
    void eachModeGoesWhereItWasAskedFor() {
        AcceptPlace place = new AcceptPlace();
        place.askedFor(Mode.REWRITE, new int[] {10, 20});
        assertEquals(Placement.REPLACE_SELECTION, place.placement());
        assertEquals(10, place.start());
        assertEquals(20, place.end());
        place.askedFor(Mode.CONTINUE, new int[] {7, 7});
        assertEquals(Placement.AT_CURSOR, place.placement());
        place.reset();
        assertEquals(Placement.REPLACE_SCENE, place.placement());
        assertEquals(0, place.end());
    }

    @Test
    void askingAgainInThePanesModeUsesThePanesAnchorsWhichFollowedTheEdits() {
        AcceptPlace place = new AcceptPlace();
        place.askedFor(Mode.REWRITE, new int[] {10, 20});
        assertTrue(place.sceneEdited(0, 0, 5), "typed before the selection");
        assertArrayEquals(new int[] {15, 25}, place.anchorsAgain(new Stitching.Asked(Mode.REWRITE, 10, 20)));
        assertArrayEquals(new int[] {3, 3}, place.anchorsAgain(new Stitching.Asked(Mode.CONTINUE, 3, 3)),
                "a column asked in another mode keeps its own place");
    }

    @Test
    void aWholeSceneDoesNotMoveAndARestoredSceneSendsAContinuationToTheEnd() {
        AcceptPlace place = new AcceptPlace();
        assertFalse(place.sceneEdited(0, 0, 5));
        assertFalse(place.sceneRestored(100));
        place.askedFor(Mode.REWRITE, new int[] {10, 20});
        assertTrue(place.sceneRestored(100));
        assertEquals(Placement.AT_CURSOR, place.placement());
        assertEquals(100, place.start());
        assertEquals(100, place.end());
    }

    @Test
    void aSelectionIsReplacedOnlyWhileItIsStillInTheText() {
        AcceptPlace place = new AcceptPlace();
        place.askedFor(Mode.REWRITE, new int[] {10, 20});
        assertTrue(place.replacesSelectionWithin(20));
        assertFalse(place.replacesSelectionWithin(19));
        place.askedFor(Mode.CONTINUE, new int[] {10, 10});
        assertFalse(place.replacesSelectionWithin(50));
    }

    @Test
    void aRewriteNeedsASelection() {
        SceneHost host = new SceneHost() {
            @Override
            public int caret() {
                return 4;
            }

            @Override
            public int[] selection() {
                return new int[] {4, 4};
            }

            @Override
            public void saveScene() {
            }

            @Override
            public void sceneReplaced(dev.quire.model.Prose prose) {
            }
        };
        assertNull(AcceptPlace.anchorsFor(Mode.REWRITE, host));
        assertArrayEquals(new int[] {4, 4}, AcceptPlace.anchorsFor(Mode.CONTINUE, host));
        assertArrayEquals(new int[] {0, 0}, AcceptPlace.anchorsFor(Mode.SCENE, host));
    }
}
