package dev.quire.ui.editor;

import dev.quire.model.Finding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The findings of a scene's continuity check, under the scene's header: each quotes the passage and names what it
 * contradicts; clicking one selects the passage; it can be dismissed or kept as a "yes, and" note.
 */
final class ContinuityPanel {

    private final VBox root = new VBox(6);

    /** {@code select} receives a finding to select in the editor. */
    ContinuityPanel(ContinuityViewModel model, Consumer<Finding> select) {
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(dev.quire.ui.common.WriterText.of(model.messageProperty()));
        message.getStyleClass().add("continuity-message");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button stop = new Button("Stop");
        stop.getStyleClass().add("flat");
        stop.visibleProperty().bind(model.stateProperty().isEqualTo(ContinuityViewModel.State.CHECKING));
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> model.cancel());
        Button close = new Button("✕");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> model.stateProperty().set(ContinuityViewModel.State.IDLE));
        HBox top = new HBox(8, message, spacer, stop, close);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);

        ListView<Finding> list = new ListView<>(model.findings());
        list.getStyleClass().add("continuity-findings");
        list.setPrefHeight(150);
        list.setCellFactory(v -> new FindingCell(model, select));
        list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.findings()));
        list.managedProperty().bind(list.visibleProperty());

        root.getChildren().addAll(top, list);
        root.setPadding(new Insets(6, 8, 6, 8));
        root.getStyleClass().add("continuity-panel");
        root.visibleProperty().bind(model.stateProperty().isNotEqualTo(ContinuityViewModel.State.IDLE));
        root.managedProperty().bind(root.visibleProperty());
    }

    Node view() {
        return root;
    }

    /** Selects a finding's passage in the scene, as the text is now. */
    static void select(dev.quire.ui.prose.ProseArea area, ContinuityViewModel model, Finding finding) {
        model.locate(finding, area.getText()).ifPresentOrElse(at -> {
            area.selectRange(at[0], at[1]);
            area.requestFollowCaret();
            area.requestFocus();
        }, () -> model.messageProperty().set("That passage is no longer in the scene as the check quoted it."));
    }

    private static final class FindingCell extends ListCell<Finding> {
        private final ContinuityViewModel model;
        private final Consumer<Finding> select;

        FindingCell(ContinuityViewModel model, Consumer<Finding> select) {
            this.model = model;
            this.select = select;
        }

        @Override
        protected void updateItem(Finding finding, boolean empty) {
            super.updateItem(finding, empty);
            if (empty || finding == null) {
                setGraphic(null);
                return;
            }
            Hyperlink quote = new Hyperlink("“" + finding.quote() + "”");
            quote.setWrapText(true);
            quote.setOnAction(e -> select.accept(finding));
            quote.setDisable(finding.quote().isEmpty());
            Label conflict = new Label(finding.conflict() + (finding.source().isEmpty() ? ""
                    : " (" + finding.source() + ")") + (finding.located() ? "" : " · not found in the text as it is"));
            conflict.setWrapText(true);
            conflict.setMinHeight(Region.USE_PREF_SIZE);
            VBox words = new VBox(2, quote, conflict);
            HBox.setHgrow(words, Priority.ALWAYS);
            // the cell follows the list's width, so long findings wrap instead of scrolling sideways
            setPrefWidth(0);
            words.prefWidthProperty().bind(getListView().widthProperty().subtract(230));
            conflict.maxWidthProperty().bind(words.prefWidthProperty());
            quote.maxWidthProperty().bind(words.prefWidthProperty());
            Button dismiss = new Button("Dismiss");
            dismiss.getStyleClass().add("flat");
            dismiss.setOnAction(e -> model.dismiss(finding));
            MenuItem shared = new MenuItem("Sent to the model");
            shared.setOnAction(e -> model.toNote(finding, true));
            MenuItem private_ = new MenuItem("Private");
            private_.setOnAction(e -> model.toNote(finding, false));
            MenuButton note = new MenuButton("Yes, and…", null, shared, private_);
            note.getStyleClass().add("flat");
            HBox row = new HBox(8, words, dismiss, note);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
