package dev.quire.ui.shell;

import dev.quire.ui.common.LayoutMemory.Placement;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the window opens when the screens have changed since it closed. */
class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 800);
    private static final Rectangle2D MONITOR = new Rectangle2D(1280, 0, 1920, 1080);

    @Test
    void aWindowOnAScreenStillThereOpensWhereItWas() {
        Placement saved = new Placement(1400, 100, 1500, 900, false);
        assertEquals(saved, WindowPlacement.fit(saved, List.of(LAPTOP, MONITOR), 720, 480));
    }

    @Test
    void aWindowWhoseScreenIsGoneOpensCentredOnTheMainScreenAtAComfortableSize() {
        Placement saved = new Placement(1400, 100, 1500, 900, true);
        assertEquals(new Placement(0, 0, 1280, 800, true),
                WindowPlacement.fit(saved, List.of(LAPTOP), 720, 480));
    }

    @Test
    void aWindowBiggerThanItsScreenNowIsShrunkToFitAndPulledOnto() {
        Placement saved = new Placement(200, 100, 1900, 1000, false);
        assertEquals(new Placement(0, 0, 1280, 800, false), WindowPlacement.fit(saved, List.of(LAPTOP), 720, 480));
    }

    @Test
    void aWindowHalfOffTheEdgeIsPulledBackWhole() {
        Placement saved = new Placement(900, 500, 800, 600, false);
        assertEquals(new Placement(480, 200, 800, 600, false), WindowPlacement.fit(saved, List.of(LAPTOP), 720, 480));
    }

    @Test
    void theFirstTimeItOpensAt1280By800CentredOnABigScreen() {
        assertEquals(new Placement(320, 140, 1280, 800, false),
                WindowPlacement.fit(null, List.of(new Rectangle2D(0, 0, 1920, 1080)), 720, 480));
    }

    @Test
    void aTitleBarAboveTheScreenDoesNotCount() {
        Placement saved = new Placement(100, -500, 800, 600, false);
        assertEquals(new Placement(0, 0, 1280, 800, false), WindowPlacement.fit(saved, List.of(LAPTOP), 720, 480));
    }
}
