package dev.quire.ui.shell;

import dev.quire.ui.common.SaveStatus;
import dev.quire.ui.editor.SceneEditorView;
import dev.quire.ui.library.LibraryView;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.text.NumberFormat;
import java.time.Instant;

/** The bottom line: when the work was saved, a problem or a passing notice, and the scene's and story's words. */
final class StatusBar {

    private final MainViewModel model;
    private final Label saveLabel = new Label();
    private final Label wordsLabel = new Label();
    private final Label sceneWordsLabel = new Label();
    private final HBox bar;
    private final javafx.scene.layout.StackPane targets = new javafx.scene.layout.StackPane();

    StatusBar(MainViewModel model) {
        this.model = model;
        saveLabel.getStyleClass().add("save-status");
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshSaveLabel()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        SaveStatus status = model.saveStatus();
        status.lastSavedProperty().addListener((o, a, b) -> refreshSaveLabel());
        status.problemProperty().addListener((o, a, b) -> refreshSaveLabel());
        refreshSaveLabel();
        Label problem = new Label();
        problem.getStyleClass().add("status-problem");
        problem.textProperty().bind(dev.quire.ui.common.WriterText.of(model.problemProperty()));
        Label notice = new Label();
        notice.getStyleClass().add("status-notice");
        notice.textProperty().bind(model.noticeProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the counts and the save state keep their room; a long notice or problem gives way with an ellipsis
        for (Label fixed : new Label[] {saveLabel, sceneWordsLabel, wordsLabel}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        problem.setMinWidth(0);
        notice.setMinWidth(0);
        // a tooltip is a window of its own: made once the studio's window is up
        dev.quire.ui.common.Startup.afterFirstFrame(() -> {
            notice.setTooltip(new Tooltip());
            notice.getTooltip().textProperty().bind(notice.textProperty());
        });
        javafx.scene.control.Button action = new javafx.scene.control.Button();
        action.getStyleClass().addAll("flat", "status-action");
        action.setMinWidth(Region.USE_PREF_SIZE);
        action.visibleProperty().bind(model.noticeActionProperty().isNotNull());
        action.managedProperty().bind(action.visibleProperty());
        action.textProperty().bind(Bindings.createStringBinding(() -> model.noticeActionProperty().get() == null ? ""
                : model.noticeActionProperty().get().label(), model.noticeActionProperty()));
        action.setOnAction(e -> {
            MainViewModel.NoticeAction now = model.noticeActionProperty().get();
            model.noticeActionProperty().set(null);
            if (now != null) {
                now.run().run();
            }
        });
        HBox noticed = new HBox(6, notice, action);
        noticed.setAlignment(Pos.CENTER_LEFT);
        noticed.setMinWidth(0);
        bar = new HBox(16, saveLabel, problem, noticed, spacer, activity(model.activity()),
                new SpendLabel(model).view(), targets, sceneWordsLabel, wordsLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("status-bar");
    }

    Node view() {
        return bar;
    }

    /** Long work in progress: what, how far, and Stop; nothing when idle. */
    private static Node activity(Activity activity) {
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.progressProperty().bind(activity.progressProperty());
        bar.setPrefWidth(120);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        bar.setMaxHeight(10);
        Label what = new Label();
        what.textProperty().bind(activity.textProperty());
        what.getStyleClass().add("activity-text");
        what.setMinWidth(0);
        javafx.scene.control.Button stop = new javafx.scene.control.Button("Stop");
        stop.getStyleClass().addAll("flat", "activity-stop");
        stop.setOnAction(e -> activity.cancel());
        HBox box = new HBox(8, bar, what, stop);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("activity");
        box.visibleProperty().bind(activity.runningProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void refreshSaveLabel() {
        String problem = model.saveStatus().problemProperty().get();
        saveLabel.getStyleClass().remove("failing");
        if (!problem.isEmpty()) {
            saveLabel.setText(problem);
            saveLabel.getStyleClass().add("failing");
            return;
        }
        Instant last = model.saveStatus().lastSavedProperty().get();
        if (last == null) {
            saveLabel.setText("Everything is saved as you type");
        } else {
            long s = java.time.Duration.between(last, Instant.now()).getSeconds();
            saveLabel.setText(s < 2 ? "Autosaved just now" : s < 60 ? "Autosaved " + s + " s ago"
                    : "Autosaved " + LibraryView.ago(last));
        }
    }

    /** Shows the words of the scene in the selected tab, following its edits; nothing when no scene is selected. */
    void showScene(SceneEditorView scene) {
        sceneWordsLabel.textProperty().unbind();
        sceneWordsLabel.setText("");
        if (scene != null) {
            sceneWordsLabel.textProperty().bind(count("Scene ", scene.model().wordsProperty()));
        }
    }

    /** Shows the story's word targets; null for none (the library page). */
    void showTargets(Node view) {
        if (view == null) {
            targets.getChildren().clear();
        } else {
            targets.getChildren().setAll(view);
        }
    }

    /** Shows the story's words, following them; null for none (the library page). */
    void showStory(ObservableIntegerValue words) {
        wordsLabel.textProperty().unbind();
        wordsLabel.setText("");
        if (words != null) {
            wordsLabel.textProperty().bind(count("Story ", words));
        }
    }

    private static javafx.beans.binding.StringBinding count(String what, ObservableIntegerValue words) {
        return Bindings.createStringBinding(() -> what + NumberFormat.getIntegerInstance().format(words.get())
                + " words", words);
    }
}
