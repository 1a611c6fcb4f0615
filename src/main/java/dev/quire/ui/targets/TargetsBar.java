package dev.quire.ui.targets;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * The status bar's word targets: the story's progress towards its length and today's towards the day's, or, with
 * no target set, a quiet way to set one. A click opens the targets and the history of words written per day.
 */
public final class TargetsBar {

    private final HBox box;
    private TargetsWindow window;

    public TargetsBar(TargetsViewModel model, Supplier<Window> owner) {
        ProgressBar story = bar(model.storyProgressProperty(), "targets-story");
        story.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.targetsProperty().get().story() > 0,
                model.targetsProperty()));
        story.managedProperty().bind(story.visibleProperty());
        ProgressBar today = bar(model.todayProgressProperty(), "targets-today");
        today.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.targetsProperty().get().daily() > 0,
                model.targetsProperty()));
        today.managedProperty().bind(today.visibleProperty());
        Label text = new Label();
        text.getStyleClass().add("targets-text");
        text.setMinWidth(Region.USE_PREF_SIZE);
        text.textProperty().bind(model.summaryProperty());
        Button open = new Button();
        open.getStyleClass().addAll("flat", "targets-open");
        open.textProperty().bind(Bindings.when(model.summaryProperty().isEmpty()).then("Set a word target")
                .otherwise(model.summaryProperty()));
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setTooltip(new Tooltip("Word targets for the story and the day, and the words written each day"));
        open.setOnAction(e -> {
            if (window == null) {
                window = new TargetsWindow(model, owner.get());
            }
            window.show();
        });
        box = new HBox(6, story, today, open);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("targets-bar");
        model.refresh();
    }

    private static ProgressBar bar(javafx.beans.value.ObservableDoubleValue progress, String style) {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(progress);
        bar.setPrefWidth(90);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        bar.setMaxHeight(10);
        bar.getStyleClass().add(style);
        return bar;
    }

    public Node view() {
        return box;
    }

    /** Closes the targets window, if it is open: the story is going away. */
    public void close() {
        if (window != null) {
            window.close();
        }
    }
}
