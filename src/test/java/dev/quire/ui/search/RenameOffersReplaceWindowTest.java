package dev.quire.ui.search;

import dev.quire.model.SearchQuery;
import dev.quire.ui.StudioWindow;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renaming a character offers, in the status bar, to replace the old name across the story, previewed first. */
class RenameOffersReplaceWindowTest extends StudioWindow {

    @Test
    void renamingACharacterOffersAPreviewedReplaceOfTheOldName() throws TimeoutException {
        start();
        waitForOpenScene();
        TreeCell<?> maud = fx(() -> lookup(".tree-cell").queryAll().stream()
                .filter(n -> n instanceof TreeCell<?> c && c.isVisible() && "Maud Iredale".equals(c.getText()))
                .map(n -> (TreeCell<?>) n).findFirst().orElseThrow());
        clickOn(maud);
        waitUntil("her sheet is open", () -> lookup(".sheet-name").tryQuery().isPresent());
        onFx(() -> lookup(".sheet-name").queryAs(TextField.class).setText("Maud"));
        onFx(main()::flushAll);

        waitUntil("the status bar offers to replace the old name", () -> {
            Button action = lookup(".status-bar .status-action").queryAs(Button.class);
            return action.isVisible() && action.getText().equals("Replace “Maud Iredale” in the story…");
        });
        clickOn(".status-bar .status-action");

        waitUntil("the Search tab previews the replace", () -> {
            Tab tab = main().tabs().getSelectionModel().getSelectedItem();
            return tab != null && tab.getUserData() instanceof StorySearchView v && v.model().previewingProperty().get();
        });
        StorySearchViewModel search = fx(() -> ((StorySearchView) main().tabs().getSelectionModel().getSelectedItem()
                .getUserData()).model());
        assertEquals("Maud Iredale", fx(() -> search.queryProperty().get()));
        assertEquals("Maud", fx(() -> search.replacementProperty().get()));
        assertTrue(fx(() -> search.wholeWordProperty().get() && search.matchCaseProperty().get()));
        long storyId = fx(() -> main().model().openStoryProperty().get().story().id());
        int expected = fx(() -> main().model().studio()).search().find(storyId,
                new SearchQuery("Maud Iredale", false, true, true)).stream().mapToInt(h -> h.hits().size()).sum();
        assertEquals(expected, fx(() -> search.chosen().size()), "every use of the old name, each ticked");
    }
}
