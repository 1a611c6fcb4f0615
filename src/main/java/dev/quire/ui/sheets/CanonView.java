package dev.quire.ui.sheets;

import dev.quire.model.CanonFact;
import dev.quire.ui.common.Editor;
import dev.quire.ui.common.EditorKey;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The canon tab: the story's established facts, each with its source; add one, remove one. */
public final class CanonView implements Editor {

    private final CanonViewModel model;
    private final BorderPane root = new BorderPane();
    private final TextField draft = new TextField();

    public CanonView(CanonViewModel model) {
        this.model = model;
        Label hint = new Label("What must never be forgotten. Every fact here goes into every scene prompt, before"
                + " anything else of the story, and is never trimmed.");
        hint.getStyleClass().add("field-hint");
        hint.setWrapText(true);
        draft.setPromptText("Mara's brother died in the flood.");
        draft.textProperty().bindBidirectional(model.draftProperty());
        draft.setOnAction(e -> model.add());
        Button add = new Button("Add to canon");
        add.setDefaultButton(false);
        add.setOnAction(e -> model.add());
        HBox.setHgrow(draft, Priority.ALWAYS);
        HBox entry = new HBox(8, draft, add);
        entry.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.getStyleClass().add("status-problem");
        problem.textProperty().bind(dev.quire.ui.common.WriterText.of(model.problemProperty()));
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        ListView<CanonFact> facts = new ListView<>(model.facts());
        facts.getStyleClass().add("canon-list");
        facts.setCellFactory(v -> new FactCell());
        Label none = new Label("No canon yet. Add a fact above, or pin one from a conversation.");
        none.getStyleClass().add("empty-hint");
        none.setWrapText(true);
        facts.setPlaceholder(none);
        VBox.setVgrow(facts, Priority.ALWAYS);
        VBox body = new VBox(10, hint, entry, problem, facts);
        root.setTop(Form.heading("Canon"));
        BorderPane.setMargin(root.getTop(), new Insets(16, 20, 8, 20));
        root.setCenter(body);
        BorderPane.setMargin(body, new Insets(0, 20, 20, 20));
        model.reload();
    }

    private final class FactCell extends ListCell<CanonFact> {
        @Override
        protected void updateItem(CanonFact fact, boolean empty) {
            super.updateItem(fact, empty);
            if (empty || fact == null) {
                setGraphic(null);
                return;
            }
            Label words = new Label(fact.text());
            words.setWrapText(true);
            words.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(words, Priority.ALWAYS);
            Label source = new Label(CanonViewModel.source(fact));
            source.getStyleClass().add("field-hint");
            source.setMinWidth(Label.USE_PREF_SIZE);
            Button remove = new Button("✕");
            remove.getStyleClass().add("flat");
            remove.setAccessibleText("Remove from canon");
            remove.setOnAction(e -> model.remove(fact));
            HBox row = new HBox(10, words, source, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            words.prefWidthProperty().bind(getListView().widthProperty().subtract(240));
            setGraphic(row);
        }
    }

    /** Facts pinned elsewhere arrived: show them. */
    public void refresh() {
        model.reload();
    }

    @Override
    public EditorKey key() {
        return new EditorKey.Canon(model.storyId());
    }

    @Override
    public ObservableValue<String> title() {
        return new SimpleStringProperty("Canon");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void flush() {
        // every change is written as it is made
    }

    @Override
    public void focus() {
        draft.requestFocus();
    }
}
