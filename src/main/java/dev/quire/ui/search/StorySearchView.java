package dev.quire.ui.search;

import dev.quire.ui.common.Editor;
import dev.quire.ui.common.EditorKey;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The story's Search tab: what to find and what to replace it with, the options, and the matches grouped by scene
 * (a click opens the scene at the match). Replace… shows every change first, each ticked, to untick; Replace
 * applies them as one step that Undo takes back.
 */
public final class StorySearchView implements Editor {

    private final StorySearchViewModel model;
    private final BorderPane root = new BorderPane();
    private final TextField find = new TextField();
    private final TextField with = new TextField();
    private final ListView<StorySearchViewModel.Row> results;

    public StorySearchView(StorySearchViewModel model) {
        this.model = model;
        root.getStyleClass().add("story-search");
        Label heading = new Label("Search the story");
        heading.getStyleClass().add("section-heading");
        find.getStyleClass().add("search-find");
        find.setPromptText("Find in every scene");
        find.textProperty().bindBidirectional(model.queryProperty());
        find.setOnAction(e -> model.search());
        with.getStyleClass().add("search-replace");
        with.setPromptText("Replace with");
        with.textProperty().bindBidirectional(model.replacementProperty());
        with.setOnAction(e -> model.previewReplace());
        CheckBox matchCase = option("Match case", model.matchCaseProperty(), "search-case");
        CheckBox word = option("Whole words", model.wholeWordProperty(), "search-word");
        CheckBox regex = option("Regular expression", model.regexProperty(), "search-regex");
        Button search = new Button("Find");
        search.getStyleClass().add("search-go");
        search.setOnAction(e -> model.search());
        Button preview = new Button("Replace…");
        preview.getStyleClass().add("search-preview");
        preview.setOnAction(e -> model.previewReplace());
        Button apply = new Button("Replace");
        apply.getStyleClass().addAll("accent", "search-apply");
        apply.setOnAction(e -> model.applyReplace());
        apply.disableProperty().bind(Bindings.isEmpty(model.rows()));
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add("search-cancel");
        cancel.setOnAction(e -> model.cancelPreview());
        Button undo = new Button("Undo replace");
        undo.getStyleClass().addAll("flat", "search-undo");
        undo.setOnAction(e -> model.undoLast());
        undo.visibleProperty().bind(model.lastReplaceProperty().isNotNull());
        undo.managedProperty().bind(undo.visibleProperty());
        for (Node n : new Node[] {apply, cancel}) {
            n.visibleProperty().bind(model.previewingProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        preview.visibleProperty().bind(model.previewingProperty().not());
        preview.managedProperty().bind(preview.visibleProperty());

        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        fields.addRow(0, new Label("Find"), find, search);
        fields.addRow(1, new Label("Replace"), with, new HBox(6, preview, apply, cancel));
        GridPane.setHgrow(find, Priority.ALWAYS);
        GridPane.setHgrow(with, Priority.ALWAYS);
        HBox options = new HBox(14, matchCase, word, regex, undo);
        options.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.getStyleClass().addAll("field-hint", "search-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label problem = new Label();
        problem.getStyleClass().add("status-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(model.problemProperty().isNotEmpty());

        results = new ListView<>(model.rows());
        results.getStyleClass().add("search-results");
        results.setCellFactory(v -> new RowCell());
        Label none = new Label("Type what to find and press Enter. Every scene of the story is searched.");
        none.getStyleClass().add("empty-hint");
        none.setWrapText(true);
        results.setPlaceholder(none);
        results.setOnMouseClicked(e -> {
            if (!model.previewingProperty().get()) {
                model.open(results.getSelectionModel().getSelectedItem());
            }
        });
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !model.previewingProperty().get()) {
                model.open(results.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox body = new VBox(10, heading, fields, options, summary, problem, results);
        body.setPadding(new Insets(16, 20, 20, 20));
        root.setCenter(body);
    }

    private static CheckBox option(String text, javafx.beans.property.BooleanProperty property, String style) {
        CheckBox box = new CheckBox(text);
        box.getStyleClass().add(style);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    /** A scene's heading, or a match in its line of text; in preview, ticked, with what it becomes. */
    private final class RowCell extends ListCell<StorySearchViewModel.Row> {
        private final CheckBox tick = new CheckBox();
        private StorySearchViewModel.Row bound;

        RowCell() {
            tick.getStyleClass().add("search-tick");
        }

        @Override
        protected void updateItem(StorySearchViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null && bound.chosen() != null) {
                tick.selectedProperty().unbindBidirectional(bound.chosen());
            }
            bound = null;
            getStyleClass().removeAll("search-scene", "search-hit");
            setText(null);
            setGraphic(null);
            if (empty || row == null) {
                return;
            }
            if (row.isHeading()) {
                getStyleClass().add("search-scene");
                String title = row.title() == null || row.title().isBlank() ? "Untitled scene" : row.title();
                setText(row.number() + ". " + title + " · " + StorySearchViewModel.count(row.count(), "match",
                        "matches"));
                return;
            }
            getStyleClass().add("search-hit");
            Text before = new Text(row.hit().before());
            Text match = new Text(row.hit().match());
            match.getStyleClass().add("search-match");
            TextFlow line = new TextFlow(before, match);
            if (row.replacement() != null) {
                match.getStyleClass().add("search-replaced");
                Text becomes = new Text(row.replacement());
                becomes.getStyleClass().add("search-replacement");
                line.getChildren().add(becomes);
            }
            line.getChildren().add(new Text(row.hit().after()));
            line.getStyleClass().add("search-line");
            line.setPrefWidth(0);
            line.prefWidthProperty().bind(results.widthProperty().subtract(70));
            if (row.chosen() != null) {
                tick.selectedProperty().bindBidirectional(row.chosen());
                bound = row;
                HBox box = new HBox(8, tick, line);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
            } else {
                setGraphic(line);
            }
            setPadding(new Insets(2, 8, 2, 24));
        }
    }

    /** Puts the cursor in Find, with its text selected, for the next search. */
    @Override
    public void focus() {
        find.requestFocus();
        find.selectAll();
    }

    @Override
    public EditorKey key() {
        return new EditorKey.Search(model.storyId());
    }

    @Override
    public ObservableValue<String> title() {
        return new javafx.beans.property.SimpleStringProperty("Search");
    }

    @Override
    public Node view() {
        return root;
    }

    /** Nothing to save: the search keeps nothing, and a replace is written when the writer applies it. */
    @Override
    public void flush() {
    }

    public StorySearchViewModel model() {
        return model;
    }

    public ListView<StorySearchViewModel.Row> results() {
        return results;
    }
}
