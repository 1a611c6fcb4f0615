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

/** Used against budget, as a small bar whose colour warms as the context nears full. */
public final class ContextMeter extends HBox {

    private final Region fill = new Region();
    private final Label label = new Label("context …");

    public ContextMeter(ObservableValue<PromptReport> report) {
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
        Tooltip tip = new Tooltip("How much of the model's context the next request would use. Click for the preview.");
        Tooltip.install(this, tip);
        report.addListener((o, was, now) -> show(now));
        show(report.getValue());
    }

    private void show(PromptReport r) {
        getStyleClass().removeAll("meter-ok", "meter-near", "meter-full");
        if (r == null) {
            label.setText("context …");
            fill.setMaxWidth(0);
            return;
        }
        double f = Math.max(0, r.fill());
        fill.setMaxWidth(90 * Math.min(1, f));
        getStyleClass().add(f >= 0.95 ? "meter-full" : f >= 0.75 ? "meter-near" : "meter-ok");
        NumberFormat n = NumberFormat.getIntegerInstance();
        label.setText(Math.round(f * 100) + "% · " + n.format(r.tokens()) + " / " + n.format(r.budget()));
    }
}
