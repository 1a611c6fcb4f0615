package dev.quire.ui.editor;

import dev.quire.model.Prose;
import dev.quire.model.SceneHeader;
import dev.quire.model.SceneRevision;
import dev.quire.studio.Studio;
import dev.quire.ui.StudioWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Revisions dialog in the real window: "Compare with now" reads a sentence at a time, and restoring a revision
 * brings the scene's word count, the binder's and the story's along with its text.
 */
class RevisionsWindowTest extends StudioWindow {

    private static final String OLD = "The lamp went out. Ruth counted the cups twice. The storm broke the shutters"
            + " in the night. Nobody came.";
    private static final String NOW = "The lamp went out. Ruth counted the blue cups once. Gulls argued on the roof"
            + " until dawn came grey. Nobody came. She slept at last.";

    private long sceneId;

    /** The resumed scene, now holding {@link #NOW}, with {@link #OLD} the revision before it. */
    private SceneEditorView sceneWithTwoStates() throws Exception {
        start();
        sceneId = fx(() -> waitForOpenScene().model().sceneId());
        stop();
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            setup.scenes().replaceProse(sceneId, Prose.plain(OLD), SceneRevision.Kind.ACCEPT);
            setup.scenes().replaceProse(sceneId, Prose.plain(NOW), SceneRevision.Kind.ACCEPT);
        }
        start();
        SceneEditorView editor = waitForOpenScene();
        assertEquals(NOW, fx(() -> editor.area().getText()));
        return editor;
    }

    /** Opens Revisions… and selects the revision holding {@link #OLD}. */
    @SuppressWarnings("unchecked")
    private ListView<SceneRevision> openRevisionsAtOld() {
        clickOn("Revisions…");
        waitUntil("the dialog lists the revisions", () -> lookup(".dialog-pane .list-view").tryQuery().isPresent());
        ListView<SceneRevision> list = (ListView<SceneRevision>) fx(() -> lookup(".dialog-pane .list-view").query());
        onFx(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> r.prose().text().equals(OLD)).findFirst().orElseThrow()));
        return list;
    }

    private static int at(String text, String part) {
        int i = text.indexOf(part);
        assertTrue(i >= 0, part + " in " + text);
        return i;
    }

    @Test
    void compareWithNowShowsWholeSentencesStruckAndInsertedAndChangedWordsOnlyInsideAnEditedOne() throws Exception {
        sceneWithTwoStates();
        openRevisionsAtOld();
        clickOn("Compare with now");
        waitUntil("the comparison shows", () -> lookup(".revision-diff").tryQuery()
                .filter(Node::isVisible).isPresent());
        StyleClassedTextArea diff = fx(() -> lookup(".revision-diff").queryAs(StyleClassedTextArea.class));
        String shown = fx(diff::getText);

        assertEquals("The lamp went out. Ruth counted the cups twice. Ruth counted the blue cups once. The storm broke"
                + " the shutters in the night. Gulls argued on the roof until dawn came grey. Nobody came. She slept"
                + " at last.", shown, "whole sentences, each in one piece, not words interleaved");
        Collection<String> kept = fx(() -> diff.getStyleOfChar(at(shown, "lamp")));
        Collection<String> storm = fx(() -> diff.getStyleOfChar(at(shown, "shutters")));
        Collection<String> gulls = fx(() -> diff.getStyleOfChar(at(shown, "roof")));
        Collection<String> oldRuth = fx(() -> diff.getStyleOfChar(at(shown, "Ruth")));
        Collection<String> twice = fx(() -> diff.getStyleOfChar(at(shown, "twice")));
        Collection<String> blue = fx(() -> diff.getStyleOfChar(at(shown, "blue")));
        int newRuth = shown.indexOf("Ruth", at(shown, "twice"));
        Collection<String> newRuthStyle = fx(() -> diff.getStyleOfChar(newRuth));
        Collection<String> last = fx(() -> diff.getStyleOfChar(at(shown, "slept")));

        assertEquals(Set.of("rev-same"), Set.copyOf(kept));
        assertEquals(Set.of("rev-removed"), Set.copyOf(storm), "a sentence that went is struck whole");
        assertEquals(Set.of("rev-added"), Set.copyOf(gulls), "a new sentence is inserted whole");
        assertEquals(Set.of("rev-added"), Set.copyOf(last));
        assertEquals(Set.of("rev-removed"), Set.copyOf(oldRuth), "the edited sentence as it was");
        assertEquals(Set.of("rev-removed", "rev-word"), Set.copyOf(twice), "its changed word picked out");
        assertEquals(Set.of("rev-added"), Set.copyOf(newRuthStyle), "the edited sentence as it is");
        assertEquals(Set.of("rev-added", "rev-word"), Set.copyOf(blue));

        clickOn("Compare with now");
        clickOn("Close");
    }

    @Test
    void restoringARevisionBringsTheWordCountsAlong() throws Exception {
        SceneEditorView editor = sceneWithTwoStates();
        int oldWords = Prose.plain(OLD).wordCount();
        int nowWords = Prose.plain(NOW).wordCount();
        int otherScenes = fx(() -> main().model().openStoryProperty().get().binder().scenes().stream()
                .filter(h -> h.id() != sceneId).mapToInt(SceneHeader::words).sum());
        waitUntil("the binder counts the scene as it is", () -> binderWords() == nowWords);

        openRevisionsAtOld();
        clickOn("Restore this revision");

        waitUntil("the scene is the revision again", () -> editor.area().getText().equals(OLD));
        waitUntil("the scene's count follows", () -> editor.model().wordsProperty().get() == oldWords
                && statusLabel("Scene ").equals("Scene " + oldWords + " words"));
        waitUntil("the binder's count follows", () -> binderWords() == oldWords);
        waitUntil("the story's count follows", () -> statusLabel("Story ")
                .equals("Story " + java.text.NumberFormat.getIntegerInstance().format(otherScenes + oldWords)
                        + " words"));
    }

    private int binderWords() {
        return fx(() -> main().model().openStoryProperty().get().binder().scenes().stream()
                .filter(h -> h.id() == sceneId).findFirst().orElseThrow().words());
    }

    private String statusLabel(String prefix) {
        List<String> found = fx(() -> lookup(".status-bar .label").queryAll().stream()
                .map(n -> ((Label) n).getText()).filter(t -> t != null && t.startsWith(prefix)).toList());
        return found.isEmpty() ? "" : found.get(0);
    }
}
