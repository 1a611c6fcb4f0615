package dev.quire.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link Dialogs} as JavaFX dialogs and file choosers, owned by the window. */
public final class FxDialogs implements Dialogs {

    private final Supplier<Window> owner;

    /** {@code owner} is asked each time: the window may not be shown yet when this is made. */
    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String question, String detail, String action) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(owner.get());
        confirm.setTitle(title);
        confirm.setHeaderText(question);
        confirm.setContentText(detail);
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        confirm.getButtonTypes().setAll(ButtonType.CANCEL, yes);
        return confirm.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        File file = chooser(title, types).showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        FileChooser chooser = chooser(title, types);
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    private static FileChooser chooser(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileType type : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.description(), type.patterns()));
        }
        return chooser;
    }

    @Override
    public void error(String header, String message, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setHeaderText(header);
        Label text = new Label(WriterText.of(message));
        text.setWrapText(true);
        text.setPrefWidth(480);
        alert.getDialogPane().setContent(text);
        if (details != null) {
            TextArea causes = new TextArea(causes(details));
            causes.setEditable(false);
            causes.setWrapText(true);
            causes.setPrefRowCount(6);
            alert.getDialogPane().setExpandableContent(causes);
        }
        alert.showAndWait();
    }

    /** The cause chain, one line each: class and message, no stack (messages are already free of keys). */
    static String causes(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(t.getClass().getName());
            if (t.getMessage() != null) {
                out.append(": ").append(t.getMessage());
            }
            out.append('\n');
        }
        return out.toString().strip();
    }

    @Override
    public Optional<String> textInput(String title, String question, String label, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        dialog.setContentText(label);
        return dialog.showAndWait();
    }
}
