package dev.quire.ui.prompt;

import dev.quire.prompt.Frame;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A frame's template, to read or edit. Built-in frames are read-only: "Duplicate" makes the
 * writer's own copy, which can be edited, restored to the built-in text, or deleted.
 */
public final class FrameEditorDialog {

    private final PromptPreviewViewModel model;
    private final Stage stage = new Stage();
    private final TextField name = new TextField();
    private final TextArea template = new TextArea();
    private final Label note = new Label();
    private final Label problems = new Label();
    private final Button duplicate = new Button("Duplicate to edit");
    private final Button save = new Button("Save");
    private final Button restore = new Button("Restore built-in text");
    private final Button delete = new Button("Delete");
    private Frame frame;

    public FrameEditorDialog(PromptPreviewViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Quire — Frame");
        template.setWrapText(true);
        template.getStyleClass().add("prompt-messages");
        Label slots = new Label("Slots: " + String.join(", ", Frame.SLOTS.stream().map(s -> "{{" + s + "}}").toList())
                + ". [system] and [user] start the two parts.");
        slots.setWrapText(true);
        slots.getStyleClass().add("field-hint");
        note.setWrapText(true);
        note.getStyleClass().add("field-hint");
        problems.setWrapText(true);
        problems.getStyleClass().add("form-problems");
        save.getStyleClass().add("accent");
        delete.getStyleClass().add("danger");
        duplicate.setOnAction(e -> model.duplicateFrame(frame.name() + " (mine)", this::show));
        save.setOnAction(e -> model.saveFrame(frame.key(), name.getText(), template.getText(), problem -> {
            problems.setText(problem == null ? "" : problem);
            if (problem == null) {
                note.setText("Saved. The preview uses it now.");
            }
        }));
        restore.setOnAction(e -> model.restoreFrame(frame.key(), this::show));
        delete.setOnAction(e -> {
            model.deleteFrame(frame.key());
            stage.close();
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, duplicate, save, restore, gap, delete, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(8, new Label("Name"), name, note, template, slots, problems, buttons);
        VBox.setVgrow(template, Priority.ALWAYS);
        root.setPadding(new Insets(14));
        root.getStyleClass().add("prompt-preview");
        javafx.scene.Scene scene = new javafx.scene.Scene(root, 760, 620);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        dev.quire.ui.common.WindowSize.fit(stage, owner, 760, 620);
    }

    public void open() {
        model.loadFrame(f -> {
            show(f);
            stage.show();
        });
    }

    private void show(Frame f) {
        frame = f;
        name.setText(f.name());
        template.setText(f.template());
        problems.setText("");
        boolean builtIn = f.builtIn();
        name.setEditable(!builtIn);
        template.setEditable(!builtIn);
        duplicate.setVisible(builtIn);
        duplicate.setManaged(builtIn);
        for (Button b : new Button[] {save, restore, delete}) {
            b.setVisible(!builtIn);
            b.setManaged(!builtIn);
        }
        note.setText(builtIn ? "A built-in frame. Duplicate it to make your own version for this story."
                : "Your frame, for this story. Edit the template, then Save.");
    }
}
