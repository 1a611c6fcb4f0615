package dev.quire.ui.editor;

import dev.quire.ui.prose.ProseArea;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The scene editor's context menu: the clipboard, asking the model from here, and keeping a passage as canon. */
final class ProseMenu {

    private ProseMenu() {
    }

    /**
     * @param canGenerate whether the generate panel is there to ask (it comes once the scene has loaded)
     * @param toCanon     receives the selected passage to keep as a canon fact
     */
    static ContextMenu of(ProseArea area, Runnable continueHere, Runnable rewrite, BooleanSupplier canGenerate,
                          Consumer<String> toCanon) {
        MenuItem cut = item("Cut\t" + keys(javafx.scene.input.KeyCode.X), area::cut);
        MenuItem copy = item("Copy\t" + keys(javafx.scene.input.KeyCode.C), area::copy);
        MenuItem paste = item("Paste\t" + keys(javafx.scene.input.KeyCode.V), area::paste);
        MenuItem cont = item("Continue from here…", continueHere);
        MenuItem rew = item("Rewrite selection…", rewrite);
        MenuItem canon = item("Add to canon", () -> toCanon.accept(area.getSelectedText()));
        ContextMenu menu = new ContextMenu(cut, copy, paste, new SeparatorMenuItem(), cont, rew,
                new SeparatorMenuItem(), canon);
        menu.setOnShowing(e -> {
            boolean selected = area.getSelection().getLength() > 0;
            cut.setDisable(!selected);
            copy.setDisable(!selected);
            rew.setDisable(!selected || !canGenerate.getAsBoolean());
            cont.setDisable(!canGenerate.getAsBoolean());
            canon.setDisable(!selected);
        });
        return menu;
    }

    /** What else a writer does with the scene, from its header: summarise it, check its continuity. */
    static javafx.scene.control.MenuButton sceneMenu(Runnable summarise, Runnable checkContinuity,
                                                     Runnable checkStereotypes) {
        javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton("Scene", null,
                item("Summarise", summarise), item("Check continuity", checkContinuity),
                item("Check for stereotypes", checkStereotypes));
        menu.setTooltip(new javafx.scene.control.Tooltip("Summarise the scene, check it against the canon and"
                + " the earlier scenes, or look for default names, know-it-alls, explainers and stock reactions"));
        return menu;
    }

    /** Ctrl+{@code code} as the menu shows it; the area answers the keys itself. */
    private static String keys(javafx.scene.input.KeyCode code) {
        return dev.quire.ui.common.KeyText.of(new javafx.scene.input.KeyCodeCombination(code,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }
}
