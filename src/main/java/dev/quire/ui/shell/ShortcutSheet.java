package dev.quire.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.List;

/** Help › Keyboard shortcuts: every shortcut the window registered, grouped by where it works. */
final class ShortcutSheet {

    private ShortcutSheet() {
    }

    static Dialog<ButtonType> of(Window owner, List<Shortcuts.Shortcut> shortcuts) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-sheet");
        grid.setHgap(18);
        grid.setVgap(4);
        grid.setPadding(new Insets(4, 4, 4, 4));
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        int row = 0;
        String where = null;
        for (Shortcuts.Shortcut s : shortcuts.stream()
                .sorted(java.util.Comparator.comparingInt(s -> order(s.where()))).toList()) {
            if (!s.where().equals(where)) {
                where = s.where();
                Label heading = new Label(where);
                heading.getStyleClass().add("section-heading");
                GridPane.setMargin(heading, new Insets(row == 0 ? 0 : 10, 0, 2, 0));
                grid.add(heading, 0, row++, 2, 1);
            }
            Label k = new Label(s.keys());
            k.getStyleClass().add("shortcut-keys");
            Label what = new Label(s.what());
            what.getStyleClass().add("shortcut-what");
            what.setWrapText(true);
            grid.addRow(row++, k, what);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setPrefViewportHeight(Math.min(520, 26.0 * row));
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().setPrefWidth(560);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setResizable(true);
        return dialog;
    }

    private static int order(String where) {
        return switch (where) {
            case Shortcuts.WINDOW -> 0;
            case Shortcuts.SCENE -> 1;
            default -> 2;
        };
    }
}
