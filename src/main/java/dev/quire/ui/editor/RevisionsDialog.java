package dev.quire.ui.editor;

import dev.quire.model.SceneRevision;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.fxmisc.flowless.VirtualizedScrollPane;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * A scene's kept states, newest first, each readable in full; the chosen one can be put back.
 * Restoring keeps the text it replaces as a revision too, so nothing is lost either way.
 */
public final class RevisionsDialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ListView<SceneRevision> list = new ListView<>();

    public RevisionsDialog(Window owner, String sceneTitle, List<SceneRevision> revisions) {
        dialog.initOwner(owner);
        dialog.setTitle("Revisions");
        dialog.setHeaderText("Kept states of “" + sceneTitle + "”");
        dialog.setResizable(true);
        list.getItems().setAll(revisions);
        list.setPrefWidth(260);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SceneRevision r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : WHEN.format(r.created()) + "\n" + kind(r.kind()) + " · "
                        + String.format("%,d", r.words()) + " words");
            }
        });
        Label none = new Label("No revisions yet. Quire keeps one every ten minutes of writing, and one for each"
                + " accepted stitch and restore.");
        none.setWrapText(true);
        list.setPlaceholder(none);
        ProseArea text = new ProseArea();
        text.setEditable(false);
        text.setPadding(new Insets(12, 20, 12, 20));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, r) -> {
            if (r != null) {
                text.setProse(r.prose());
            }
        });
        VirtualizedScrollPane<ProseArea> scroll = new VirtualizedScrollPane<>(text);
        SplitPane split = new SplitPane(list, scroll);
        split.setDividerPositions(0.3);
        split.setPrefSize(900, 560);
        Label note = new Label("Restoring keeps the scene as it is now as a revision first.");
        note.getStyleClass().add("field-hint");
        dialog.getDialogPane().setContent(new VBox(8, split, note));
        dialog.getDialogPane().setPrefSize(960, 680);
        ButtonType restore = new ButtonType("Restore this revision", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE, restore);
        dialog.getDialogPane().lookupButton(restore).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        if (!revisions.isEmpty()) {
            list.getSelectionModel().select(0);
        }
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    /** The revision to restore, when the writer chose one. */
    public Optional<SceneRevision> choose() {
        return dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(b -> list.getSelectionModel().getSelectedItem());
    }

    private static String kind(SceneRevision.Kind kind) {
        switch (kind) {
            case ACCEPT:
                return "accepted stitch";
            case BEFORE_RESTORE:
                return "before a restore";
            case IMPORT:
                return "imported";
            default:
                return "while writing";
        }
    }
}
