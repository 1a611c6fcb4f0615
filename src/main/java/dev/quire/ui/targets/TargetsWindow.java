package dev.quire.ui.targets;

import dev.quire.model.WordShares;
import dev.quire.store.WordLog;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The story's word targets and, below them, the words written each day of the last two weeks: the writer's, the
 * model's (kept from its variants) and pasted text, stacked, so a day's own writing shows apart from what was
 * accepted. Net of cuts, so a day of heavy editing can go below zero.
 */
final class TargetsWindow {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d", Locale.getDefault());

    private final Stage stage = new Stage();
    private final TargetsViewModel model;
    private final TextField story = number();
    private final TextField daily = number();
    private final XYChart.Series<String, Number> writer = new XYChart.Series<>();
    private final XYChart.Series<String, Number> byModel = new XYChart.Series<>();
    private final XYChart.Series<String, Number> pasted = new XYChart.Series<>();
    private final Label today = new Label();

    TargetsWindow(TargetsViewModel model, Window owner) {
        this.model = model;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Word targets");
        Label heading = new Label("Word targets");
        heading.getStyleClass().add("section-heading");
        story.getStyleClass().add("targets-story-field");
        story.setPromptText("e.g. 80000");
        daily.getStyleClass().add("targets-daily-field");
        daily.setPromptText("e.g. 1000");
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(6);
        fields.addRow(0, new Label("The story, in words"), story);
        fields.addRow(1, new Label("Words a day"), daily);
        Label hint = new Label("Leave empty or 0 for no target. A day's words are net: what you cut counts against"
                + " what you add.");
        hint.getStyleClass().add("field-hint");
        hint.setWrapText(true);
        Button save = new Button("Save targets");
        save.getStyleClass().addAll("accent", "targets-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save(parse(story), parse(daily)));
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, save, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        writer.setName("You");
        byModel.setName("Model");
        pasted.setName("Pasted");
        CategoryAxis days = new CategoryAxis();
        NumberAxis words = new NumberAxis();
        words.setLabel("Words");
        StackedBarChart<String, Number> chart = new StackedBarChart<>(days, words);
        chart.getStyleClass().add("targets-chart");
        chart.setAnimated(false);
        chart.setTitle("Words written per day");
        chart.setPrefHeight(260);
        chart.setCategoryGap(6);
        chart.getData().addAll(java.util.List.of(writer, byModel, pasted));
        today.getStyleClass().addAll("field-hint", "targets-today-text");
        Label problem = new Label();
        problem.getStyleClass().add("status-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(model.problemProperty().isNotEmpty());
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox root = new VBox(10, heading, fields, hint, buttons, today, chart, problem);
        root.setPadding(new Insets(16));
        root.getStyleClass().add("targets-window");
        Scene scene = new Scene(root, 560, 520);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
        model.targetsProperty().addListener((o, was, now) -> fill());
        model.history().addListener((ListChangeListener<WordLog.Day>) c -> chart());
        fill();
        chart();
    }

    private void fill() {
        story.setText(model.targetsProperty().get().story() == 0 ? ""
                : Integer.toString(model.targetsProperty().get().story()));
        daily.setText(model.targetsProperty().get().daily() == 0 ? ""
                : Integer.toString(model.targetsProperty().get().daily()));
    }

    private void chart() {
        writer.getData().clear();
        byModel.getData().clear();
        pasted.getData().clear();
        for (WordLog.Day d : model.history()) {
            String day = DAY.format(d.day());
            writer.getData().add(new XYChart.Data<>(day, d.words().writer()));
            byModel.getData().add(new XYChart.Data<>(day, d.words().model()));
            pasted.getData().add(new XYChart.Data<>(day, d.words().other()));
        }
        WordShares w = model.todayWordsProperty().get();
        today.setText("Today: " + TargetsViewModel.number(w.writer()) + " words yours, "
                + TargetsViewModel.number(w.model()) + " from the model"
                + (w.other() == 0 ? "" : ", " + TargetsViewModel.number(w.other()) + " pasted") + ".");
    }

    private static TextField number() {
        TextField field = new TextField();
        field.setTextFormatter(new TextFormatter<>(change -> change.getControlNewText().matches("[0-9,]{0,9}")
                ? change : null));
        field.setPrefColumnCount(8);
        field.setMinWidth(Region.USE_PREF_SIZE);
        return field;
    }

    private static int parse(TextField field) {
        String digits = field.getText().replace(",", "").strip();
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    void show() {
        model.refresh();
        stage.show();
        stage.toFront();
    }

    void close() {
        stage.close();
    }

    Stage stage() {
        return stage;
    }
}
