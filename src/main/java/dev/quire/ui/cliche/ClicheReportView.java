package dev.quire.ui.cliche;

import dev.quire.cliche.Proposals;
import dev.quire.cliche.Recurring;
import dev.quire.ui.common.Editor;
import dev.quire.ui.common.EditorKey;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The cliché report tab: the story's findings by kind, each naming its scene (a click opens the scene with the
 * passage selected), and what the model keeps reaching for across generations, with Add to the avoid list.
 */
public final class ClicheReportView implements Editor {

    /** Opens a scene with a passage selected. */
    public interface Opener {
        void open(long sceneId, int start, int end);
    }

    private final ClicheReportViewModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<ClicheReportViewModel.Row> findings;
    private final ListView<Recurring.Item> recurring;
    private final ListView<Proposals.Proposal> proposed;

    public ClicheReportView(ClicheReportViewModel model, Opener opener) {
        this.model = model;
        root.getStyleClass().add("cliche-report");
        Label heading = new Label("Clichés");
        heading.getStyleClass().add("section-heading");
        Button again = new Button("Scan again");
        again.setOnAction(e -> model.reload());
        HBox head = new HBox(12, heading, again);
        head.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.getStyleClass().add("field-hint");
        summary.textProperty().bind(model.summaryProperty());
        Label problem = new Label();
        problem.getStyleClass().add("status-problem");
        problem.textProperty().bind(dev.quire.ui.common.WriterText.of(model.problemProperty()));
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        findings = new ListView<>(model.rows());
        findings.getStyleClass().add("cliche-findings");
        findings.setCellFactory(v -> new FindingCell());
        Label none = new Label("No stock phrases, over-used words or default names in the story's scenes.");
        none.getStyleClass().add("empty-hint");
        none.setWrapText(true);
        findings.setPlaceholder(none);
        Runnable open = () -> {
            ClicheReportViewModel.Row r = findings.getSelectionModel().getSelectedItem();
            if (r != null && !r.isHeading()) {
                opener.open(r.sceneId(), r.finding().start(), r.finding().end());
            }
        };
        findings.setOnMouseClicked(e -> open.run());
        findings.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.run();
            }
        });

        Label recurringHeading = new Label("What the model keeps reaching for");
        recurringHeading.getStyleClass().add("section-heading");
        Label recurringHint = new Label("Used in several of the last generations and never kept in the story.");
        recurringHint.getStyleClass().add("field-hint");
        recurring = new ListView<>(model.recurring());
        recurring.getStyleClass().add("cliche-recurring");
        recurring.setCellFactory(v -> new AddCell<>(i -> i.text() + " · in " + i.generations() + " generations",
                Recurring.Item::text));
        recurring.setPrefHeight(150);
        Label noRecurring = new Label("Nothing keeps coming back.");
        noRecurring.getStyleClass().add("empty-hint");
        recurring.setPlaceholder(noRecurring);

        Label proposedHeading = new Label("What you keep cutting");
        proposedHeading.getStyleClass().add("section-heading");
        Label proposedHint = new Label("Phrases you cut from three or more of the model's variants and kept nowhere."
                + " Add one and the model is asked not to write it.");
        proposedHint.getStyleClass().add("field-hint");
        proposedHint.setWrapText(true);
        proposed = new ListView<>(model.proposed());
        proposed.getStyleClass().add("cliche-proposed");
        proposed.setCellFactory(v -> new AddCell<>(p -> p.text() + " · cut from " + p.variants() + " variants",
                Proposals.Proposal::text));
        proposed.setPrefHeight(120);
        Label noProposed = new Label("Nothing yet: phrases show here once you have cut them from three variants.");
        noProposed.getStyleClass().add("empty-hint");
        proposed.setPlaceholder(noProposed);

        VBox.setVgrow(findings, Priority.ALWAYS);
        VBox body = new VBox(10, head, summary, problem, findings, recurringHeading, recurringHint, recurring,
                proposedHeading, proposedHint, proposed);
        body.setPadding(new Insets(16, 20, 20, 20));
        root.setCenter(body);
        model.reload();
    }

    private static final class FindingCell extends ListCell<ClicheReportViewModel.Row> {
        @Override
        protected void updateItem(ClicheReportViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("cliche-kind");
            if (empty || row == null) {
                setText(null);
                return;
            }
            if (row.isHeading()) {
                getStyleClass().add("cliche-kind");
                setText(row.heading());
            } else {
                String title = row.sceneTitle() == null || row.sceneTitle().isBlank() ? "Untitled scene"
                        : row.sceneTitle();
                setText("    “" + row.finding().text().replaceAll("\\s+", " ") + "” · scene " + row.sceneNumber()
                        + ", " + title);
            }
        }
    }

    /** A row with its words and Add to avoid list. */
    private final class AddCell<T> extends ListCell<T> {
        private final java.util.function.Function<T, String> shown;
        private final java.util.function.Function<T, String> words;

        AddCell(java.util.function.Function<T, String> shown, java.util.function.Function<T, String> words) {
            this.shown = shown;
            this.words = words;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label label = new Label(shown.apply(item));
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, Priority.ALWAYS);
            Button add = new Button("Add to avoid list");
            add.getStyleClass().add("small");
            add.setOnAction(e -> model.addToAvoidList(words.apply(item)));
            HBox row = new HBox(10, label, add);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }

    public ListView<ClicheReportViewModel.Row> findings() {
        return findings;
    }

    public ListView<Recurring.Item> recurringList() {
        return recurring;
    }

    public ListView<Proposals.Proposal> proposedList() {
        return proposed;
    }

    public ClicheReportViewModel model() {
        return model;
    }

    @Override
    public EditorKey key() {
        return new EditorKey.ClicheReport(model.storyId());
    }

    @Override
    public ObservableValue<String> title() {
        return new SimpleStringProperty("Clichés");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void flush() {
        // nothing to save: the report is read from the story
    }
}
