package dev.quire.ui.shell;

import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.StoryExport;
import dev.quire.ui.common.Dialogs.FileType;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Optional;

/** Export…: format and options, then where; the file is written whole or not at all. */
final class StoryExportFlow {

    /** What the writer chose in the export dialog. */
    record Choice(Format format, StoryExport.Options options) {
    }

    private final Shell shell;

    StoryExportFlow(Shell shell) {
        this.shell = shell;
    }

    void run() {
        MainViewModel.OpenStory open = shell.model().openStoryProperty().get();
        if (open == null) {
            return;
        }
        shell.flushAll();
        String title = open.bible().titleProperty().get();
        Optional<Choice> choice = ask(title);
        if (choice.isEmpty()) {
            return;
        }
        Format chosen = choice.get().format();
        Optional<java.nio.file.Path> file = shell.dialogs().chooseFileToSave("Export as " + chosen.displayName(),
                dev.quire.studio.FileNames.suggested(title, chosen.extension()), List.of());
        if (file.isEmpty()) {
            return;
        }
        long storyId = open.story().id();
        MainViewModel model = shell.model();
        model.background().read(() -> StoryExport.export(model.studio(), storyId, chosen, choice.get().options(),
                        file.get()))
                .onSuccess(r -> shell.notice("Exported " + r.scenes() + " scenes ("
                        + String.format("%,d", r.words()) + " words) to " + r.file() + "."))
                .onError(e -> shell.dialogs().error("Quire could not export the story", e.getMessage(), e))
                .start();
    }

    /** The format and options; empty when the writer cancels. */
    private Optional<Choice> ask(String title) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(shell.window().get());
        dialog.setTitle("Export");
        dialog.setHeaderText("Export “" + title + "”");
        ChoiceBox<Format> format = new ChoiceBox<>();
        format.getItems().setAll(Format.values());
        format.setValue(Format.DOCX);
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(Format f) {
                return f == null ? "" : f.displayName();
            }

            @Override
            public Format fromString(String s) {
                return null;
            }
        });
        CheckBox provenance = new CheckBox("Mark where text came from (a colour per variant, with a legend)");
        CheckBox unused = new CheckBox("Add an appendix of the variants not used");
        dialog.getDialogPane().setContent(new VBox(10, new Label("Format"), format, provenance, unused));
        ButtonType next = new ButtonType("Choose file…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, next);
        if (dialog.showAndWait().filter(b -> b == next).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Choice(format.getValue(),
                new StoryExport.Options(provenance.isSelected(), unused.isSelected())));
    }
}
