package dev.quire.ui.sheets;

import dev.quire.ui.common.AutosavingEditor;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;

/** The writer's working notes for the story. */
public final class NotesView extends AutosavingEditor {

    private final StoryViewModel model;
    private final BorderPane root = new BorderPane();
    private final TextArea text;

    public NotesView(StoryViewModel model) {
        super(new dev.quire.ui.common.EditorKey.Notes(model.storyId()), model, new javafx.beans.property.SimpleStringProperty("Notes"), "Notes");
        this.model = model;
        text = Form.area(model.notesProperty(), "Open questions, ideas for later scenes, things to check…", 20);
        text.getStyleClass().add("notes-area");
        root.setTop(Form.heading("Notes"));
        BorderPane.setMargin(root.getTop(), new Insets(16, 20, 8, 20));
        javafx.scene.control.ListView<dev.quire.model.Note> clues = new javafx.scene.control.ListView<>(model.clues());
        clues.setPrefHeight(180);
        clues.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(dev.quire.model.Note note, boolean empty) {
                super.updateItem(note, empty);
                if (empty || note == null) {
                    setGraphic(null);
                    return;
                }
                javafx.scene.control.Label words = new javafx.scene.control.Label(note.text());
                words.setWrapText(true);
                words.setMaxWidth(Double.MAX_VALUE);
                javafx.scene.layout.HBox.setHgrow(words, javafx.scene.layout.Priority.ALWAYS);
                javafx.scene.control.CheckBox shared = new javafx.scene.control.CheckBox("sent to the model");
                shared.setSelected(note.shared());
                shared.selectedProperty().addListener((o, was, now) -> model.share(note, now));
                javafx.scene.control.Button remove = new javafx.scene.control.Button("✕");
                remove.getStyleClass().add("flat");
                remove.setOnAction(e -> model.deleteClue(note));
                javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(10, words, shared, remove);
                row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                words.prefWidthProperty().bind(getListView().widthProperty().subtract(220));
                setGraphic(row);
            }
        });
        javafx.scene.control.Label none = new javafx.scene.control.Label("No “yes, and” notes yet. Mark a surprise in a"
                + " reply with Note… to keep it here, as a possible clue.");
        none.getStyleClass().add("empty-hint");
        none.setWrapText(true);
        clues.setPlaceholder(none);
        javafx.scene.layout.VBox body = new javafx.scene.layout.VBox(8, text, Form.heading("“Yes, and” notes"), clues);
        javafx.scene.layout.VBox.setVgrow(text, javafx.scene.layout.Priority.ALWAYS);
        root.setCenter(body);
        BorderPane.setMargin(body, new Insets(0, 20, 20, 20));
        model.loadClues();
        text.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.flush();
            }
        });
    }



    @Override
    public Node view() {
        return root;
    }


    @Override
    public void focus() {
        text.requestFocus();
    }
}
