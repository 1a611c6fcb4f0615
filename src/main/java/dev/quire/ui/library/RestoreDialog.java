package dev.quire.ui.library;

import dev.quire.studio.Backups;
import dev.quire.studio.Backups.Backup;
import dev.quire.studio.Backups.Contents;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * "Restore from backup": the backups beside the library, and for the one chosen, what it holds
 * against what the library holds now, so the writer sees what will be replaced before it is.
 */
public final class RestoreDialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ListView<Backup> list;

    public RestoreDialog(Window owner, List<Backup> backups, Contents current) {
        dialog.initOwner(owner);
        dialog.setTitle("Restore from backup");
        dialog.setHeaderText(backups.isEmpty() ? "There are no backups yet"
                : "Choose a backup to put in place of the library");
        dialog.setResizable(true);
        list = new ListView<>();
        list.getItems().setAll(backups);
        list.setPrefSize(360, 320);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Backup b, boolean empty) {
                super.updateItem(b, empty);
                if (empty || b == null) {
                    setText(null);
                    return;
                }
                setText(WHEN.format(b.taken()) + "\n" + kind(b.kind()) + " · " + size(b.bytes())
                        + (b.readable() ? "" : " · cannot be read"));
            }
        });
        Label none = new Label("Quire keeps a daily backup, and one before every story deletion and restore.");
        none.setWrapText(true);
        list.setPlaceholder(none);

        Label now = new Label(describe("The library now", current));
        now.setWrapText(true);
        Label then = new Label("Choose a backup to see what it holds.");
        then.setWrapText(true);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, b) -> then.setText(b == null
                ? "Choose a backup to see what it holds."
                : b.readable() ? describe("The backup", b.contents()) : "This backup cannot be read: " + b.problem()));
        Label note = new Label("The library as it is now is kept as a backup first, so a restore can be undone.");
        note.setWrapText(true);
        note.getStyleClass().add("field-hint");
        VBox compare = new VBox(14, now, then, note);
        compare.setPrefWidth(360);
        HBox body = new HBox(16, list, compare);
        HBox.setHgrow(compare, Priority.ALWAYS);
        body.setPadding(new Insets(8, 4, 4, 4));
        dialog.getDialogPane().setContent(body);
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, restore);
        dialog.getDialogPane().lookupButton(restore).disableProperty().bind(
                list.getSelectionModel().selectedItemProperty().isNull());
    }

    /** The backup to restore, when the writer confirmed one. */
    public Optional<Path> choose() {
        return dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(b -> list.getSelectionModel().getSelectedItem())
                .filter(Backup::readable)
                .map(Backup::file);
    }

    static String describe(String heading, Contents c) {
        StringBuilder sb = new StringBuilder(heading).append(": ").append(c.stories().size())
                .append(c.stories().size() == 1 ? " story, " : " stories, ")
                .append(String.format("%,d", c.words())).append(" words");
        for (Backups.StoryContents s : c.stories()) {
            sb.append("\n  • ").append(s.title()).append(" — ").append(s.scenes()).append(" scenes, ")
                    .append(String.format("%,d", s.words())).append(" words");
        }
        return sb.toString();
    }

    private static String kind(Backups.Kind kind) {
        return switch (kind) {
            case AUTOMATIC -> "daily backup";
            case BEFORE_DELETE -> "before a story was deleted";
            case BEFORE_RESTORE -> "before a restore";
            case OTHER -> "copy";
        };
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / (double) (1 << 20))
                : String.format("%,d KB", Math.max(1, bytes / 1024));
    }
}
