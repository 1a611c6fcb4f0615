package dev.quire.ui.binder;

import dev.quire.model.Chapter;
import dev.quire.ui.StudioWindow;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Chapters in the real binder: start one at a scene, rename it, drag a scene into another, reorder, restart. */
class ChapterBinderWindowTest extends StudioWindow {

    /** The Scenes section as the writer reads it: chapters and, indented, their scenes. */
    private List<String> outline() {
        return fx(() -> {
            List<String> rows = new ArrayList<>();
            for (TreeItem<BinderView.Entry> section : main().binder().tree().getRoot().getChildren()) {
                if (section.getValue() instanceof BinderView.Section s && s.kind().equals("scenes")) {
                    for (TreeItem<BinderView.Entry> row : section.getChildren()) {
                        rows.add(name(row.getValue()));
                        for (TreeItem<BinderView.Entry> inner : row.getChildren()) {
                            rows.add("  " + name(inner.getValue()));
                        }
                    }
                }
            }
            return rows;
        });
    }

    private static String name(BinderView.Entry entry) {
        if (entry instanceof BinderView.ChapterEntry c) {
            return c.chapter().label();
        }
        return ((BinderView.SceneEntry) entry).header().title();
    }

    /** Chooses {@code item} from the context menu of the binder row that reads {@code row}. */
    private void menu(String row, String item) {
        onFx(() -> {
            javafx.scene.control.TreeCell<?> cell = lookup(".tree-cell").queryAll().stream()
                    .filter(n -> n instanceof javafx.scene.control.TreeCell<?> c && row.equals(c.getText()))
                    .map(n -> (javafx.scene.control.TreeCell<?>) n).findFirst()
                    .orElseThrow(() -> new AssertionError("no binder row reads " + row));
            cell.getContextMenu().getItems().stream().filter(m -> m.getText() != null && m.getText().startsWith(item))
                    .findFirst().orElseThrow(() -> new AssertionError(row + " offers no " + item)).fire();
        });
    }

    @Test
    void aChapterStartedAtASceneHoldsItAndTheRestAndSurvivesARestart() throws TimeoutException {
        start();
        waitForOpenScene();
        waitUntil("the binder lists the sample scenes", () -> binderSceneRows().size() == 4);

        menu("1  Nine O’Clock, Greenwich Time", "Start a chapter here");
        waitUntil("the scenes are in chapter 1", () -> outline().equals(List.of("Chapter 1",
                "  Nine O’Clock, Greenwich Time", "  The Crossed Sevens", "  Across the Hard", "  Don’t Round")));

        menu("3  Across the Hard", "Start a chapter here");
        waitUntil("scenes 3 and 4 are in chapter 2", () -> outline().equals(List.of("Chapter 1",
                "  Nine O’Clock, Greenwich Time", "  The Crossed Sevens", "Chapter 2",
                "  Across the Hard", "  Don’t Round")));

        // F2 renames the selected chapter through the window's own dialog
        clickOn("Chapter 2");
        push(KeyCode.F2);
        clickOn(".text-input-dialog .text-field");
        push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
        write("The Harbour");
        push(KeyCode.ENTER);
        waitUntil("the chapter is renamed", () -> outline().contains("Chapter 2: The Harbour"));

        // Alt+Up moves the chapter, with its scenes, before the first
        clickOn("Chapter 2: The Harbour");
        push(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN));
        List<String> moved = List.of("Chapter 1: The Harbour", "  Across the Hard", "  Don’t Round",
                "Chapter 2", "  Nine O’Clock, Greenwich Time", "  The Crossed Sevens");
        waitUntil("the chapter moved with its scenes", () -> outline().equals(moved));
        assertEquals(List.of("1  Across the Hard", "2  Don’t Round", "3  Nine O’Clock, Greenwich Time",
                "4  The Crossed Sevens"), binderSceneRows(), "story order follows the chapters");

        restart();
        waitUntil("the binder lists the scenes", () -> binderSceneRows().size() == 4);
        assertEquals(moved, outline(), "the library kept the chapters");
    }

    @Test
    void aSceneDraggedOntoAChapterGoesToItsEnd() throws TimeoutException {
        start();
        waitForOpenScene();
        waitUntil("the binder lists the sample scenes", () -> binderSceneRows().size() == 4);
        menu("1  Nine O’Clock, Greenwich Time", "Start a chapter here");
        waitUntil("chapter 1 holds the scenes", () -> outline().size() == 5);
        menu("3  Across the Hard", "Start a chapter here");
        waitUntil("chapter 2 holds scenes 3 and 4", () -> outline().size() == 6);

        drag("1  Nine O’Clock, Greenwich Time").dropTo("Chapter 2");

        waitUntil("the scene is last in chapter 2", () -> outline().equals(List.of("Chapter 1",
                "  The Crossed Sevens", "Chapter 2", "  Across the Hard", "  Don’t Round",
                "  Nine O’Clock, Greenwich Time")));
        List<Chapter> chapters = fx(() -> List.copyOf(main().binder().model().chapters()));
        assertEquals(2, chapters.size());
        assertEquals(fx(() -> main().binder().model().chapterOf(main().binder().model().scenes().get(3).id())),
                chapters.get(1).id());
    }
}
