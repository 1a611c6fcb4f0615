package dev.quire.ui.chat;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * A "yes, and" note: what the model said, and what the writer makes of it. It opens on its template with the
 * part to write selected, and cannot be kept (or sent to the model) until the writer has written it.
 */
public final class YesAndDialog {

    /** The part of the template the writer replaces. */
    public static final String BLANK = "[what this could mean for the story]";

    /** The note as kept. */
    public record Note(String text, boolean shared) {
    }

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextArea text = new TextArea();
    private final CheckBox shared = new CheckBox("Send it to the model with the story context (otherwise it stays private)");
    private final ButtonType keep = new ButtonType("Keep note", ButtonBar.ButtonData.OK_DONE);

    public YesAndDialog(Window owner, String said) {
        dialog.initOwner(owner);
        dialog.setTitle("“Yes, and” note");
        dialog.setHeaderText("Keep this as a possible clue");
        String quote = said.length() > 240 ? said.substring(0, 240).strip() + "…" : said.strip();
        String template = template(quote);
        text.setText(template);
        text.setWrapText(true);
        text.setPrefColumnCount(48);
        text.setPrefRowCount(PinDialog.rowsFor(template, 48));
        text.getStyleClass().add("yes-and-text");
        Label hint = new Label("Replace the part in brackets with the clue you see in it.");
        hint.getStyleClass().add("field-hint");
        hint.setWrapText(true);
        VBox content = new VBox(10, text, hint, shared);
        content.setPadding(new Insets(8, 4, 4, 4));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, keep);
        Node keepButton = dialog.getDialogPane().lookupButton(keep);
        // an unedited template says nothing: it is neither kept nor sent
        keepButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> unedited(text.getText(), template), text.textProperty()));
        shared.disableProperty().bind(keepButton.disableProperty());
        dialog.setOnShown(e -> {
            text.requestFocus();
            int at = template.indexOf(BLANK);
            text.selectRange(at, at + BLANK.length());
        });
    }

    static String template(String quote) {
        return "The model said: “" + quote + "”\nClue: " + BLANK;
    }

    /** True when the note still holds its blank, or nothing of the writer's. */
    static boolean unedited(String text, String template) {
        return text == null || text.isBlank() || text.contains(BLANK) || text.strip().equals(template.strip());
    }

    public Optional<Note> choose() {
        return dialog.showAndWait().filter(b -> b == keep)
                .filter(b -> !text.getText().isBlank() && !text.getText().contains(BLANK))
                .map(b -> new Note(text.getText().strip(), shared.isSelected()));
    }
}
