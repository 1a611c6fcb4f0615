package dev.quire.ui.sheets;

import dev.quire.model.LoreEntry;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Shows a lorebook's entries as they will be added to the story, with the names its macros will take. */
public final class LorebookPreviewDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();

    public LorebookPreviewDialog(LorebookPreviewViewModel model, Window owner, String fileName) {
        dialog.initOwner(owner);
        dialog.setTitle("Import lorebook");
        dialog.setHeaderText("Add the lore of “" + fileName + "” to this story");
        dialog.setResizable(true);
        dialog.getDialogPane().getStyleClass().add("lorebook-preview");

        Label summary = new Label(model.summary());
        summary.getStyleClass().add("field-hint");
        GridPane macros = new GridPane();
        macros.setHgap(8);
        macros.setVgap(6);
        int row = 0;
        if (model.asksForChar()) {
            macros.addRow(row++, new Label("{{char}} is"), names(model, model.characterNameProperty(), "char-name",
                    "a story character, or leave as {{char}}"));
        }
        if (model.asksForUser()) {
            macros.addRow(row, new Label("{{user}} is"), names(model, model.userNameProperty(), "user-name",
                    "your own character, or leave as {{user}}"));
        }

        ListView<LoreEntry> list = new ListView<>(model.entries());
        list.getStyleClass().add("lorebook-entries");
        list.setPrefSize(660, 360);
        list.setCellFactory(v -> new EntryCell());

        Label warnings = new Label();
        warnings.textProperty().bind(model.warningsProperty());
        warnings.getStyleClass().add("field-hint");
        warnings.setWrapText(true);
        warnings.managedProperty().bind(Bindings.isNotEmpty(model.warningsProperty()));
        Label problem = new Label();
        problem.textProperty().bind(dev.quire.ui.common.WriterText.of(model.problemProperty()));
        problem.getStyleClass().add("form-problems");
        problem.setWrapText(true);
        problem.managedProperty().bind(Bindings.isNotEmpty(model.problemProperty()));

        VBox content = new VBox(10, summary, macros, list, warnings, problem);
        VBox.setVgrow(list, Priority.ALWAYS);
        content.setPadding(new Insets(8, 4, 4, 4));
        dialog.getDialogPane().setContent(content);
        ButtonType add = new ButtonType("Add to the lore", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, add);
    }

    private static ComboBox<String> names(LorebookPreviewViewModel model, javafx.beans.property.StringProperty name,
                                          String styleClass, String prompt) {
        ComboBox<String> box = new ComboBox<>(model.characterNames());
        box.setEditable(true);
        box.getStyleClass().add(styleClass);
        box.setPromptText(prompt);
        box.setPrefWidth(320);
        box.setValue(name.get());
        box.valueProperty().addListener((o, was, now) -> name.set(now == null ? "" : now));
        box.getEditor().textProperty().addListener((o, was, now) -> name.set(now == null ? "" : now));
        return box;
    }

    /** Shows the dialog; true when the writer chose to add the entries. */
    public boolean showAndWait() {
        return dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    private static final class EntryCell extends ListCell<LoreEntry> {
        private final Label title = new Label();
        private final Label keys = new Label();
        private final Label start = new Label();
        private final VBox box = new VBox(2, title, keys, start);

        EntryCell() {
            title.getStyleClass().add("story-title");
            keys.getStyleClass().add("story-meta");
            start.getStyleClass().add("story-meta");
            start.setWrapText(true);
            start.setMaxWidth(620);
        }

        @Override
        protected void updateItem(LoreEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            String name = e.title().isBlank() ? String.join(", ", e.keywords()) : e.title();
            title.setText(name + (e.alwaysOn() ? "  · always on" : "") + (e.enabled() ? "" : "  · off"));
            StringBuilder k = new StringBuilder("Keywords: ").append(String.join(", ", e.keywords()));
            if (!e.secondaryKeywords().isEmpty()) {
                k.append("  · ").append(e.secondaryLogic().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT))
                        .append(": ").append(String.join(", ", e.secondaryKeywords()));
            }
            keys.setText(k.toString());
            String text = e.content().replace('\n', ' ').strip();
            start.setText(text.length() <= 160 ? text : text.substring(0, 160).strip() + "…");
            setGraphic(box);
        }
    }
}
