package dev.quire.ui.shell;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.SceneHeader;
import dev.quire.studio.Studio;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import dev.quire.ui.prose.ProvenancePaint;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 §5, in the real window: with provenance on, a legend names the colours the scene's text has (A, B…
 * and "yours") in the same colours; and the toggle is as the writer left it after a restart.
 */
class ProvenanceWindowTest extends StudioWindow {

    /** Gives the scene the studio resumes text from variants B and A and the writer. */
    private void stitchedScene() {
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            long story = setup.stories().list().get(0).id();
            SceneHeader first = setup.scenes().headers(story).get(0);
            setup.scenes().saveProse(first.id(), new Prose.Builder()
                    .append("The lamp had gone out. ", Provenance.variant("B", null), false, false)
                    .append("Ruth counted the cups. ")
                    .append("One was missing.", Provenance.variant("A", null), false, false)
                    .build());
        }
    }

    private ToggleButton toggle(SceneEditorView editor) {
        return fx(() -> (ToggleButton) editor.view().lookup(".provenance-toggle"));
    }

    private Node legend(SceneEditorView editor) {
        return fx(() -> editor.view().lookup(".provenance-legend"));
    }

    private List<String> chips(SceneEditorView editor) {
        return fx(() -> editor.view().lookupAll(".provenance-legend .legend-chip").stream()
                .map(n -> ((Label) n).getText()).toList());
    }

    @Test
    void theLegendNamesTheColoursAndTheToggleSurvivesARestart() throws TimeoutException {
        stitchedScene();
        start();
        SceneEditorView editor = waitForOpenScene();
        assertFalse(fx(() -> toggle(editor).isSelected()), "provenance starts off");
        assertFalse(fx(() -> legend(editor).isVisible()), "and so does its legend");

        clickOn(toggle(editor));
        waitUntil("the legend shows", () -> legend(editor).isVisible());
        assertEquals(List.of("A", "B", "yours"), chips(editor));
        assertTrue(fx(() -> editor.area().getStyleClass().contains(ProvenancePaint.SHOWN)));
        List<String> chipColours = fx(() -> editor.view().lookupAll(".provenance-legend .legend-chip").stream()
                .map(n -> n.getStyleClass().stream().filter(c -> c.startsWith("prov-")).findFirst().orElse(""))
                .toList());
        assertEquals(List.of("prov-a", "prov-b", "prov-writer"), chipColours, "each chip in its text's colour");

        restart();
        SceneEditorView again = waitForOpenScene();
        waitUntil("the toggle is on as it was left", () -> toggle(again).isSelected());
        assertTrue(fx(() -> again.area().getStyleClass().contains(ProvenancePaint.SHOWN)));
        waitUntil("with its legend", () -> legend(again).isVisible());
        assertEquals(List.of("A", "B", "yours"), chips(again));

        clickOn(toggle(again));
        waitUntil("off", () -> !legend(again).isVisible());
        restart();
        SceneEditorView third = waitForOpenScene();
        assertFalse(fx(() -> toggle(third).isSelected()), "switching it off is remembered too");
    }
}
