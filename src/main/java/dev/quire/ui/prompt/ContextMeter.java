package dev.quire.ui.prompt;

import dev.quire.prompt.PromptReport;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.text.NumberFormat;

/**
 * Used against budget, as a small bar whose colour warms as the context nears full. A prompt that cannot fit says
 * "does not fit" rather than a percentage; an estimated count is marked "≈".
 */
public final class ContextMeter extends HBox {

    private static final String TIP = "How much of the model's context the next request would use. Click for the "
            + "preview.";

    private final Region fill = new Region();
    private final Label label = new Label("context …");
    private final Tooltip tip = new Tooltip(TIP);
    private final ObservableValue<String> tooSmall;
    /** With the panel's Mix on, each column's fit, one line a column, under the tip; "" when off. */
    private String columnFits = "";
    private ObservableValue<PromptReport> shown;

    public ContextMeter(ObservableValue<PromptReport> report) {
        this(report, null);
    }

    /** @param tooSmall why the prompt cannot fit at all, "" (or null) while it can */
    public ContextMeter(ObservableValue<PromptReport> report, ObservableValue<String> tooSmall) {
        this.tooSmall = tooSmall;
        getStyleClass().add("context-meter");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        Region track = new Region();
        track.getStyleClass().add("meter-track");
        fill.getStyleClass().add("meter-fill");
        StackPane bar = new StackPane(track, fill);
        StackPane.setAlignment(fill, Pos.CENTER_LEFT);
        bar.setPrefSize(90, 8);
        bar.setMaxSize(90, 8);
        fill.setMaxWidth(0);
        label.getStyleClass().add("meter-label");
        getChildren().addAll(bar, label);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Tooltip.install(this, tip);
        shown = report;
        report.addListener((o, was, now) -> show(now));
        if (tooSmall != null) {
            tooSmall.addListener((o, was, now) -> show(report.getValue()));
        }
        show(report.getValue());
    }

    /** Lists each column's fit in the tip while the panel's Mix is on. */
    public void follow(javafx.collections.ObservableList<PromptPreviewViewModel.ColumnFit> fits) {
        javafx.collections.ListChangeListener<PromptPreviewViewModel.ColumnFit> update = c -> {
            StringBuilder sb = new StringBuilder();
            fits.forEach(f -> sb.append("\n").append(f.line()));
            columnFits = sb.length() == 0 ? "" : "\n\nEach column, to its own model:" + sb;
            show(shown.getValue());
        };
        fits.addListener(update);
        update.onChanged(null);
    }

    private void show(PromptReport r) {
        getStyleClass().removeAll("meter-ok", "meter-near", "meter-full");
        String refused = tooSmall == null || tooSmall.getValue() == null ? "" : tooSmall.getValue();
        if (!refused.isEmpty()) {
            fill.setMaxWidth(90);
            getStyleClass().add("meter-full");
            label.setText("does not fit");
            tip.setText(refused + columnFits);
            return;
        }
        tip.setText(TIP + columnFits);
        if (r == null) {
            label.setText("context …");
            fill.setMaxWidth(0);
            return;
        }
        NumberFormat n = NumberFormat.getIntegerInstance(java.util.Locale.ROOT);
        if (!r.fits()) {
            // never an absurd percentage: a budget of 0 would make it 9223372036854775807%
            fill.setMaxWidth(90);
            getStyleClass().add("meter-full");
            label.setText("does not fit · " + r.tokensText() + " / " + n.format(r.budget()));
            return;
        }
        double f = Math.max(0, r.fill());
        fill.setMaxWidth(90 * Math.min(1, f));
        getStyleClass().add(f >= 0.95 ? "meter-full" : f >= 0.75 ? "meter-near" : "meter-ok");
        label.setText(Math.round(f * 100) + "% · " + r.tokensText() + " / " + n.format(r.budget()));
    }
}
