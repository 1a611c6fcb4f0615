package dev.quire.ui.editor;

import dev.quire.model.SceneRevision;
import dev.quire.ui.prose.ProseArea;
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
    private RevisionCompareView compareView;

    public RevisionsDialog(Window owner, String sceneTitle, List<SceneRevision> revisions) {
        this(owner, sceneTitle, revisions, null);
    }

    /** With the scene's text as it is now, so a revision can be compared with it. */
    public RevisionsDialog(Window owner, String sceneTitle, List<SceneRevision> revisions,
                           dev.quire.model.Prose now) {
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
        RevisionCompareView diff = new RevisionCompareView();
        this.compareView = diff;
        javafx.scene.control.ToggleButton compare = new javafx.scene.control.ToggleButton("Compare with now");
        compare.setTooltip(new javafx.scene.control.Tooltip("Show what changed between this revision and the scene"
                + " now, a sentence at a time: struck-through sentences are only in the revision, underlined ones only"
                + " in the scene now; in an edited sentence the changed words are picked out"));
        compare.setDisable(now == null);
        VirtualizedScrollPane<ProseArea> scroll = new VirtualizedScrollPane<>(text);
        VirtualizedScrollPane<org.fxmisc.richtext.StyleClassedTextArea> diffScroll = new VirtualizedScrollPane<>(diff.area());
        javafx.scene.layout.StackPane right = new javafx.scene.layout.StackPane(scroll);
        Runnable show = () -> {
            SceneRevision r = list.getSelectionModel().getSelectedItem();
            if (r == null) {
                return;
            }
            if (compare.isSelected() && now != null) {
                diff.show(r.prose().text(), now.text());
                right.getChildren().setAll(diffScroll);
            } else {
                text.setProse(r.prose());
                right.getChildren().setAll(scroll);
            }
        };
        list.getSelectionModel().selectedItemProperty().addListener((o, was, r) -> show.run());
        compare.selectedProperty().addListener((o, was, on) -> show.run());
        SplitPane split = new SplitPane(list, right);
        split.setDividerPositions(0.3);
        split.setPrefSize(900, 560);
        Label note = new Label("Restoring keeps the scene as it is now as a revision first.");
        note.getStyleClass().add("field-hint");
        javafx.scene.layout.Region spring = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spring, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox foot = new javafx.scene.layout.HBox(8, note, spring, compare);
        foot.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        dialog.getDialogPane().setContent(new VBox(8, split, foot));
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

    /** The comparison shown by "Compare with now". */
    RevisionCompareView compareView() {
        return compareView;
    }

    /** The revision to restore, when the writer chose one. */
    public Optional<SceneRevision> choose() {
        return dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(b -> list.getSelectionModel().getSelectedItem());
    }

    private static String kind(SceneRevision.Kind kind) {
        return switch (kind) {
            case ACCEPT -> "accepted stitch";
            case BEFORE_RESTORE -> "before a restore";
            case IMPORT -> "imported";
            case AUTOSAVE -> "while writing";
        };
    }
}
