package dev.quire.ui.usage;

import dev.quire.model.TokenUsage;
import dev.quire.studio.Spending;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Usage page: the last 30 days' requests as a chart per day and per story (uncached input, input read from the
 * cache, output), a table by provider and model with cost and cache hit rate, what the cache saved, and the budget.
 */
public final class UsageView {

    private final UsageViewModel model;
    private final VBox root = new VBox(14);
    private final Label summary = new Label();
    private final StackedBarChart<String, Number> byDay = chart("Tokens per day");
    private final StackedBarChart<String, Number> byStory = chart("Tokens per story");
    private final TableView<Spending.Line> byModel = new TableView<>();
    private final TextField dailyCap = new TextField();
    private final TextField storyCap = new TextField();

    public UsageView(UsageViewModel model) {
        this.model = model;
        Label heading = new Label("Usage");
        heading.getStyleClass().add("page-heading");
        summary.getStyleClass().add("usage-summary");
        summary.setWrapText(true);
        byDay.getStyleClass().add("usage-by-day");
        byStory.getStyleClass().add("usage-by-story");
        HBox charts = new HBox(12, byDay, byStory);
        HBox.setHgrow(byDay, Priority.ALWAYS);
        HBox.setHgrow(byStory, Priority.ALWAYS);
        byDay.setPrefWidth(640);
        byStory.setPrefWidth(360);
        buildTable();
        root.getChildren().addAll(heading, summary, charts, new Label("By provider and model"), byModel, budget());
        root.setPadding(new Insets(20, 28, 12, 28));
        root.getStyleClass().add("usage-page");
        model.loadedProperty().addListener((o, was, now) -> show(now));
        if (model.loadedProperty().get() != null) {
            show(model.loadedProperty().get());
        }
    }

    public Node view() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static StackedBarChart<String, Number> chart(String title) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("tokens");
        StackedBarChart<String, Number> c = new StackedBarChart<>(x, y);
        c.setTitle(title);
        c.setAnimated(false);
        c.setPrefHeight(260);
        c.setMinHeight(220);
        return c;
    }

    private void buildTable() {
        byModel.getStyleClass().add("usage-by-model");
        byModel.getColumns().add(column("Provider", Spending.Line::provider));
        byModel.getColumns().add(column("Model", Spending.Line::model));
        byModel.getColumns().add(column("Requests", l -> Long.toString(l.tokens().requests())));
        byModel.getColumns().add(column("Input", l -> UsageViewModel.tokens(l.tokens().input())));
        byModel.getColumns().add(column("Cached", l -> UsageViewModel.tokens(l.tokens().cacheRead())));
        byModel.getColumns().add(column("Cache hit rate", l -> percent(l.tokens().hitRate())));
        byModel.getColumns().add(column("Output", l -> UsageViewModel.tokens(l.tokens().output())));
        byModel.getColumns().add(column("Cost", UsageViewModel::cost));
        byModel.getColumns().add(column("Cache saved", l -> l.cost() == null ? "" : Spending.money(l.saving())));
        byModel.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        byModel.setPrefHeight(170);
        byModel.setPlaceholder(new Label("No requests in the last " + UsageViewModel.DAYS + " days."));
    }

    private static TableColumn<Spending.Line, String> column(String name, Function<Spending.Line, String> value) {
        TableColumn<Spending.Line, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private Node budget() {
        Label title = new Label("Budget");
        title.getStyleClass().add("section-heading");
        dailyCap.setPromptText("none");
        dailyCap.setPrefColumnCount(6);
        dailyCap.getStyleClass().add("daily-cap");
        storyCap.setPromptText("none");
        storyCap.setPrefColumnCount(6);
        storyCap.getStyleClass().add("story-cap");
        Button save = new Button("Save budget");
        save.setOnAction(e -> model.saveCaps(dailyCap.getText(), storyCap.getText()));
        HBox row = new HBox(8, new Label("Per day $"), dailyCap);
        if (model.hasStory()) {
            row.getChildren().addAll(new Label("  This story $"), storyCap);
        }
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("usage-message");
        row.getChildren().addAll(save, message);
        row.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Quire asks before a request that would pass a budget; you can go ahead or stop.");
        hint.getStyleClass().add("hint");
        return new VBox(6, title, row, hint);
    }

    private void show(UsageViewModel.Loaded loaded) {
        Spending.Report r = loaded.report();
        Spending.Line total = r.total();
        TokenUsage t = total.tokens();
        if (t.requests() == 0) {
            summary.setText("No requests in the last " + UsageViewModel.DAYS + " days.");
        } else {
            summary.setText(String.format(Locale.ROOT, "Last %d days: %,d requests, %s tokens in (%s read from the "
                            + "cache, a hit rate of %s), %s out. %s%s. Today: %s.", UsageViewModel.DAYS, t.requests(),
                    UsageViewModel.tokens(t.input()), UsageViewModel.tokens(t.cacheRead()), percent(t.hitRate()),
                    UsageViewModel.tokens(t.output()), total.cost() == null ? "No price known"
                            : "Cost " + Spending.money(total.cost()),
                    total.cost() == null ? "" : "; the cache saved " + Spending.money(total.saving()),
                    loaded.today() == null ? "$0.00" : Spending.money(loaded.today())));
        }
        byDay.getData().setAll(series(r.byDay(), l -> LocalDate.parse(l.key()).getDayOfMonth() + " "
                + LocalDate.parse(l.key()).getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)));
        byStory.getData().setAll(series(r.byStory(), l -> loaded.storyTitles()
                .getOrDefault(Long.parseLong(l.key()), "(deleted story)")));
        byModel.setItems(FXCollections.observableArrayList(r.byModel()));
        dailyCap.setText(loaded.dailyCap().map(UsageView::plain).orElse(""));
        storyCap.setText(loaded.storyCap().map(UsageView::plain).orElse(""));
    }

    private static java.util.List<XYChart.Series<String, Number>> series(java.util.List<Spending.Line> lines,
                                                                        Function<Spending.Line, String> label) {
        XYChart.Series<String, Number> input = new XYChart.Series<>();
        input.setName("Input");
        XYChart.Series<String, Number> cached = new XYChart.Series<>();
        cached.setName("Cached input");
        XYChart.Series<String, Number> output = new XYChart.Series<>();
        output.setName("Output");
        for (Spending.Line l : lines) {
            String x = label.apply(l);
            TokenUsage t = l.tokens();
            input.getData().add(new XYChart.Data<>(x, Math.max(0, t.input() - t.cacheRead())));
            cached.getData().add(new XYChart.Data<>(x, t.cacheRead()));
            output.getData().add(new XYChart.Data<>(x, t.output()));
        }
        return java.util.List.of(input, cached, output);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static String plain(double amount) {
        return amount == Math.rint(amount) ? Long.toString((long) amount)
                : String.format(Locale.ROOT, "%.2f", amount);
    }
}
