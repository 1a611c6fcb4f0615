package dev.quire.ui.search;

import dev.quire.model.Prose;
import dev.quire.model.SceneHeader;
import dev.quire.studio.Studio;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.common.EditorKey;
import dev.quire.ui.editor.SceneEditorView;
import dev.quire.ui.shell.MainView;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 §2 in the real window: Ctrl+Shift+F searches every scene, a match opens its scene at the match, a replace
 * is previewed with ticks, applied, and undone from the status bar; the open editor of a changed scene shows the
 * replaced text and never saves its older copy over it.
 */
class StorySearchWindowTest extends StudioWindow {

    private Studio studio() {
        return fx(() -> main().model().studio());
    }

    private String stored(long sceneId) {
        return studio().scenes().get(sceneId).orElseThrow().prose().text();
    }

    private StorySearchView searchTab() {
        return fx(() -> {
            Tab tab = main().tabs().getSelectionModel().getSelectedItem();
            return tab != null && tab.getUserData() instanceof StorySearchView v ? v : null;
        });
    }

    private SceneEditorView editorOf(long sceneId) {
        return fx(() -> main().tabs().getTabs().stream().map(Tab::getUserData)
                .filter(d -> d instanceof SceneEditorView e && e.key().equals(new EditorKey.Scene(sceneId)))
                .map(SceneEditorView.class::cast).findFirst().orElse(null));
    }

    @Test
    void searchOpensTheHitAndAReplaceIsPreviewedAppliedAndUndoneWithoutStaleSaves() throws TimeoutException {
        start();
        SceneEditorView editor = waitForOpenScene();
        long open = fx(() -> editor.model().sceneId());
        long storyId = fx(() -> main().model().openStoryProperty().get().story().id());
        List<SceneHeader> scenes = studio().scenes().headers(storyId);
        long other = scenes.stream().mapToLong(SceneHeader::id).filter(id -> id != open).findFirst().orElseThrow();
        onFx(() -> editor.area().replaceText("Marra walked home. The quay was empty."));
        onFx(editor::flush);
        studio().scenes().saveProse(other, Prose.plain("Nobody saw Marra leave."));

        shortcut(KeyCode.F, KeyCombination.SHIFT_DOWN);
        waitUntil("the Search tab is open", () -> searchTab() != null);
        clickOn(".search-find").write("marra").type(KeyCode.ENTER);
        StorySearchView search = searchTab();
        waitUntil("both scenes' matches are listed", () -> search.model().rows().stream()
                .filter(StorySearchViewModel.Row::isHeading).count() == 2);
        assertEquals("2 matches in 2 scenes.", fx(() -> lookup(".search-summary").queryAs(Label.class).getText()));

        onFx(() -> {
            int hit = indexOf(search, other);
            search.results().getSelectionModel().select(hit);
            search.model().open(search.results().getItems().get(hit));
        });
        waitUntil("the other scene opened with the match selected", () -> {
            SceneEditorView e = editorOf(other);
            return e != null && "Marra".equals(e.area().getSelectedText());
        });

        onFx(() -> main().tabs().getSelectionModel().select(main().tabs().getTabs().stream()
                .filter(t -> t.getUserData() instanceof StorySearchView).findFirst().orElseThrow()));
        clickOn(".search-replace").write("Mara");
        clickOn(".search-preview");
        waitUntil("the preview lists two changes", () -> search.model().previewingProperty().get()
                && search.model().chosen().size() == 2);
        onFx(() -> search.model().rows().stream().filter(r -> !r.isHeading() && r.sceneId() == other)
                .findFirst().orElseThrow().chosen().set(false));
        assertTrue(fx(() -> lookup(".search-summary").queryAs(Label.class).getText())
                .startsWith("Replace 1 match in 1 scene"));
        clickOn(".search-apply");

        waitUntil("the ticked change is in the library", () -> stored(open).equals("Mara walked home. The quay was empty."));
        assertEquals("Nobody saw Marra leave.", stored(other), "the unticked change was not made");
        waitUntil("the open editor shows the replaced text", () -> editorOf(open) != null
                && editorOf(open).area().getText().equals("Mara walked home. The quay was empty."));

        SceneEditorView reopened = editorOf(open);
        onFx(() -> reopened.area().appendText(" Gulls."));
        onFx(reopened::flush);
        waitUntil("typing after the replace is saved on top of it",
                () -> stored(open).equals("Mara walked home. The quay was empty. Gulls."));

        waitUntil("the status bar offers Undo", () -> lookup(".status-bar .status-action").queryAs(Button.class)
                .isVisible());
        clickOn(".status-bar .status-action");
        waitUntil("the replace is undone", () -> stored(open).equals("Marra walked home. The quay was empty."));
        waitUntil("the open editor shows the text from before", () -> editorOf(open) != null
                && editorOf(open).area().getText().equals("Marra walked home. The quay was empty."));
        assertTrue(studio().scenes().revisions(open).stream().anyMatch(r -> r.prose().text().endsWith("Gulls.")),
                "the typing the undo replaced is kept as a revision");
        assertTrue(fx(() -> main().shortcuts().stream().anyMatch(s -> s.keys().equals(
                dev.quire.ui.common.KeyText.of(MainView.SEARCH)))), "the F1 sheet lists the search");
    }

    private static int indexOf(StorySearchView search, long sceneId) {
        List<StorySearchViewModel.Row> rows = search.results().getItems();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isHeading() && rows.get(i).sceneId() == sceneId) {
                return i;
            }
        }
        throw new AssertionError("no match in scene " + sceneId);
    }
}
