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
        super("notes:" + model.storyId(), model, new javafx.beans.property.SimpleStringProperty("Notes"), "Notes");
        this.model = model;
        text = Form.area(model.notesProperty(), "Open questions, ideas for later scenes, things to check…", 20);
        text.getStyleClass().add("notes-area");
        root.setTop(Form.heading("Notes"));
        BorderPane.setMargin(root.getTop(), new Insets(16, 20, 8, 20));
        root.setCenter(text);
        BorderPane.setMargin(text, new Insets(0, 20, 20, 20));
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
