package dev.quire.ui.sheets;

import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.SceneRevision;
import dev.quire.model.Variant;
import dev.quire.store.Jdbc;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the writer keeps, by model, in the studio: the story's page shows the bar and its line, the scene's header the
 * scene's line; a scene whose stored provenance does not match its text opens whole, and the status bar says so.
 */
class KeptWindowTest extends StudioWindow {

    /** 30 characters that are not white space, the writer's. */
    private static final String MINE = "Ruth counted the cups twice and went up. ";
    private static final String CLAUDE = "The lamp turned all night over the water.";

    private long sceneId;
    private long storyId;

    /** The resumed scene, its text now the writer's words and a passage of a claude-opus variant. */
    private void stitchedScene() throws Exception {
        start();
        sceneId = fx(() -> waitForOpenScene().model().sceneId());
        stop();
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            storyId = setup.scenes().get(sceneId).orElseThrow().storyId();
            Generation g = setup.generations().create(new Generation(0, storyId, sceneId, null, "scene", "anthropic",
                    "claude-opus", "[]", "{}", null, 2, null, Instant.now(), Instant.now(),
                    Generation.Status.COMPLETE, null));
            setup.generations().saveVariant(g.id(), 0, CLAUDE, Variant.Status.COMPLETE, null, null);
            setup.generations().saveVariant(g.id(), 1, "Nothing of this stays.", Variant.Status.COMPLETE, null, null);
            long a = setup.generations().variants(g.id()).get(0).id();
            for (var h : setup.scenes().headers(storyId)) {
                if (h.id() != sceneId) {
                    setup.scenes().delete(h.id());
                }
            }
            setup.scenes().replaceProse(sceneId, new Prose.Builder().append(MINE)
                    .append(CLAUDE, Provenance.variant("A", a), false, false).build(), SceneRevision.Kind.ACCEPT);
        }
        start();
        waitForOpenScene();
    }

    @Test
    void theStoryPageShowsWhatTheWriterKeepsByModelAsABarAndALine() throws Exception {
        stitchedScene();
        int mine = nonSpace(MINE);
        int claude = nonSpace(CLAUDE);
        String expected = "yours " + Math.round(100.0 * mine / (mine + claude)) + "% · claude-opus "
                + Math.round(100.0 * claude / (mine + claude)) + "%";

        doubleClickOn("Bible");
        waitUntil("the story page shows the figure", () -> lookup(".kept .kept-shares").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Label) n).getText().equals(expected)));

        List<Region> parts = fx(() -> lookup(".kept-bar .bar-part").queryAll().stream()
                .filter(n -> n.getParent().isVisible()).map(n -> (Region) n).toList());
        assertEquals(2, parts.size(), "yours and one model");
        assertTrue(fx(() -> parts.get(0).getStyleClass().contains("prov-writer")), "the writer's colour first");
        assertTrue(fx(() -> parts.get(1).getStyleClass().contains("prov-a")));
        assertEquals("claude-opus", fx(() -> parts.get(1).getUserData()));
        double ratio = fx(() -> parts.get(0).getPrefWidth() / parts.get(1).getPrefWidth());
        assertEquals((double) mine / claude, ratio, 1e-9, "the bar's parts are in proportion to the characters");
        String tip = fx(() -> lookup(".kept .kept-shares").queryAll().stream().filter(Node::isVisible)
                .map(n -> ((Label) n).getTooltip().getText()).findFirst().orElseThrow());
        assertEquals("anthropic · claude-opus: 1 of 2 variants kept", tip);
    }

    @Test
    void theSceneHeaderShowsTheScenesFigure() throws Exception {
        stitchedScene();
        SceneEditorView editor = openScene();
        waitUntil("the scene's header shows its figure", () -> {
            Node line = editor.view().lookup(".scene-kept .kept-shares");
            return line != null && ((Label) line).getText().startsWith("yours ")
                    && ((Label) line).getText().contains("· claude-opus ");
        });
    }

    @Test
    void aSceneWhoseProvenanceDoesNotMatchItsTextOpensWholeAndTheStatusBarSaysItWasRepaired() throws Exception {
        start();
        sceneId = fx(() -> waitForOpenScene().model().sceneId());
        String before = fx(() -> openScene().area().getText());
        stop();
        Jdbc.execute(LibraryLocation.libraryFile(dataDir), "UPDATE scene SET text = text || ' Added by hand.'"
                + " WHERE id = " + sceneId);

        start();
        SceneEditorView editor = waitForOpenScene();

        assertEquals(before + " Added by hand.", fx(() -> editor.area().getText()), "the whole text, as stored");
        waitUntil("the status bar says the provenance was repaired", () -> lookup(".status-bar .status-notice")
                .queryAs(Label.class).getText().contains("provenance did not match its text"));
        int end = before.length() + 2;
        assertTrue(fx(() -> editor.area().getStyleOfChar(end).provenance().isUnknown()),
                "the added text is of unknown origin, not the writer's");
    }

    private static int nonSpace(String s) {
        return (int) s.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }
}
