package dev.quire.ui.binder;

import dev.quire.ui.StudioWindow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BinderWindowTest extends StudioWindow {

    private static final KeyCodeCombination ALT_DOWN = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);

    private void selectFirstScene() {
        waitForOpenScene();
        waitUntil("the binder lists the sample scenes", () -> binderSceneRows().size() == 4);
        clickOn("1  Nine O’Clock, Greenwich Time");
    }

    @Test
    void anUntitledLoreEntryIsNamedByItsKeywords() throws TimeoutException {
        start();
        waitForOpenScene();
        // a lorebook's entries often have no title, as if imported from the command line
        try (dev.quire.studio.Studio other = dev.quire.studio.Studio.open(dataDir,
                dev.quire.studio.Studio.NewLibrary.EMPTY)) {
            long story = other.stories().list().get(0).id();
            other.lore().create(new dev.quire.model.LoreEntry(0, story, "", List.of("glade", "safe haven"),
                    "A warded glade.", false, true));
        }
        restart();
        waitForOpenScene();
        waitUntil("the binder names the entry by its keywords", () -> lookup(".tree-cell").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.TreeCell<?> c && "glade, safe haven"
                        .equals(c.getText())));
    }

    @Test
    void altDownMovesTheSceneDownAndTheNumberingFollows() throws TimeoutException {
        start();
        selectFirstScene();

        push(ALT_DOWN);

        List<String> moved = List.of("1  The Crossed Sevens", "2  Nine O’Clock, Greenwich Time",
                "3  Across the Hard", "4  Don’t Round");
        waitUntil("the scene moved down one place, renumbered", () -> binderSceneRows().equals(moved));

        restart();
        waitUntil("the binder lists the scenes", () -> binderSceneRows().size() == 4);
        assertEquals(moved, binderSceneRows(), "the library kept the new order");
    }

    @Test
    void theMovedSceneStaysSelectedSoAltDownMovesItFurther() throws TimeoutException {
        start();
        selectFirstScene();

        push(ALT_DOWN);
        waitUntil("the first move landed", () -> binderSceneRows().get(0).equals("1  The Crossed Sevens"));
        assertEquals("scene Nine O’Clock, Greenwich Time", selectedEntry());
        push(ALT_DOWN);

        waitUntil("the scene moved down a second place", () -> binderSceneRows().equals(List.of(
                "1  The Crossed Sevens", "2  Across the Hard", "3  Nine O’Clock, Greenwich Time",
                "4  Don’t Round")));
    }

    @Test
    void savingTheOpenSceneKeepsTheBinderSelectionWhereTheWriterLeftIt() throws TimeoutException {
        start();
        waitForOpenScene();
        waitUntil("the binder lists the sample scenes", () -> binderSceneRows().size() == 4);
        clickOn("3  Across the Hard");
        clickOn(proseArea());
        write(" More.");

        shortcut(KeyCode.S);

        waitUntil("the save reached the status bar",
                () -> lookup(".save-status").queryLabeled().getText().startsWith("Autosaved"));
        assertEquals("scene Across the Hard", selectedEntry());
    }

    /** The binder's selected row, briefly: "scene Title", "character Name", "lore Title"… */
    private String selectedEntry() {
        return fx(() -> {
            var selected = main().binder().tree().getSelectionModel().getSelectedItem();
            if (selected == null) {
                return "nothing";
            }
            BinderView.Entry entry = selected.getValue();
            if (entry instanceof BinderView.SceneEntry s) {
                return "scene " + s.header().title();
            } else if (entry instanceof BinderView.CharacterEntry c) {
                return "character " + c.sheet().name();
            } else if (entry instanceof BinderView.LoreEntryRow l) {
                return "lore " + l.entry().title();
            }
            return entry.toString();
        });
    }
}
