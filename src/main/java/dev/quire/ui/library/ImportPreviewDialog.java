package dev.quire.ui.library;

import dev.quire.studio.manuscript.DraftScene;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/** Shows how a manuscript will be split into scenes, lets the writer adjust it, then imports it. */
public final class ImportPreviewDialog {

    private final ImportPreviewViewModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ListView<DraftScene> list;

    public ImportPreviewDialog(ImportPreviewViewModel model, Window owner, String fileName) {
        this.model = model;
        dialog.initOwner(owner);
        dialog.setTitle("Import manuscript");
        dialog.setHeaderText("Import “" + fileName + "” as a new story");
        dialog.setResizable(true);

        TextField title = new TextField();
        title.textProperty().bindBidirectional(model.titleProperty());
        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add("field-hint");
        Label author = hint(Bindings.createStringBinding(() -> model.authorProperty().get().isEmpty() ? ""
                : "By " + model.authorProperty().get(), model.authorProperty()), "import-author");
        Label report = hint(model.reportProperty(), "import-report");
        Label warnings = hint(model.warningsProperty(), "import-warnings");
        warnings.getStyleClass().add("form-problems");

        list = new ListView<>(model.scenes());
        // a report and its warnings take room; the dialog must still fit a laptop's screen
        boolean reported = !model.reportProperty().get().isEmpty() || !model.warningsProperty().get().isEmpty();
        list.setPrefSize(640, reported ? 220 : 360);
        list.setCellFactory(v -> new SceneCell());
        Button merge = new Button("Merge with next");
        merge.setOnAction(e -> keep(selected(), () -> model.mergeWithNext(selected())));
        Button split = new Button("Split…");
        split.setOnAction(e -> split());
        Button rename = new Button("Rename…");
        rename.setOnAction(e -> rename());
        Button remove = new Button("Leave out");
        remove.setOnAction(e -> keep(selected(), () -> model.remove(selected())));
        for (Button b : new Button[] {merge, split, rename, remove}) {
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        HBox actions = new HBox(8, merge, split, rename, remove);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.textProperty().bind(dev.quire.ui.common.WriterText.of(model.problemProperty()));
        problem.getStyleClass().add("form-problems");
        problem.setWrapText(true);
        problem.managedProperty().bind(Bindings.isNotEmpty(model.problemProperty()));

        VBox content = new VBox(10, new Label("Story title"), title, author, summary, report, warnings, list, actions,
                problem);
        if (model.offersPageBreaks()) {
            CheckBox pages = new CheckBox("Start a new scene at each page break");
            pages.getStyleClass().add("import-page-breaks");
            pages.selectedProperty().bindBidirectional(model.pageBreaksSplitScenesProperty());
            content.getChildren().add(content.getChildren().indexOf(list), pages);
        }
        VBox.setVgrow(list, Priority.ALWAYS);
        content.setPadding(new Insets(8, 4, 4, 4));
        dialog.getDialogPane().setContent(content);
        ButtonType importButton = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, importButton);
        if (!model.scenes().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    /** A wrapped hint that takes no room when it has nothing to say. */
    private static Label hint(javafx.beans.value.ObservableStringValue text, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().addAll("field-hint", styleClass);
        label.setWrapText(true);
        label.setMaxWidth(640);
        label.managedProperty().bind(Bindings.isNotEmpty(text));
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    /** Shows the dialog; true when the writer chose Import. */
    public boolean showAndWait() {
        return dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    private int selected() {
        return list.getSelectionModel().getSelectedIndex();
    }

    private void keep(int index, Runnable change) {
        change.run();
        list.getSelectionModel().select(Math.max(0, Math.min(index, model.scenes().size() - 1)));
    }

    private void split() {
        int index = selected();
        DraftScene scene = list.getSelectionModel().getSelectedItem();
        if (scene == null || scene.paragraphCount() < 2) {
            return;
        }
        List<String> starts = new ArrayList<>();
        List<String> paragraphs = scene.paragraphs();
        for (int p = 1; p < paragraphs.size(); p++) {
            starts.add((p + 1) + ". " + snippet(paragraphs.get(p), 70));
        }
        ChoiceDialog<String> choose = new ChoiceDialog<>(starts.get(0), starts);
        choose.initOwner(dialog.getDialogPane().getScene().getWindow());
        choose.setTitle("Split scene");
        choose.setHeaderText("Start a new scene at which paragraph?");
        choose.showAndWait().ifPresent(choice -> keep(index + 1, () -> model.split(index, starts.indexOf(choice) + 1)));
    }

    private void rename() {
        int index = selected();
        DraftScene scene = list.getSelectionModel().getSelectedItem();
        if (scene == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(scene.title());
        ask.initOwner(dialog.getDialogPane().getScene().getWindow());
        ask.setTitle("Rename scene");
        ask.setHeaderText("Scene " + (index + 1));
        ask.showAndWait().ifPresent(t -> keep(index, () -> model.rename(index, t)));
    }

    static String snippet(String text, int max) {
        String flat = text.replace('\n', ' ').strip();
        return flat.length() <= max ? flat : flat.substring(0, max).strip() + "…";
    }

    private final class SceneCell extends ListCell<DraftScene> {
        private final Label title = new Label();
        private final Label start = new Label();
        private final VBox box = new VBox(2, title, start);

        SceneCell() {
            title.getStyleClass().add("story-title");
            start.getStyleClass().add("story-meta");
        }

        @Override
        protected void updateItem(DraftScene scene, boolean empty) {
            super.updateItem(scene, empty);
            if (empty || scene == null) {
                setGraphic(null);
                return;
            }
            title.setText((getIndex() + 1) + "  " + (scene.title().isBlank() ? "Untitled scene" : scene.title())
                    + "  ·  " + String.format("%,d", scene.words()) + " words");
            start.setText(snippet(scene.prose().text(), 110));
            setGraphic(box);
        }
    }
}
