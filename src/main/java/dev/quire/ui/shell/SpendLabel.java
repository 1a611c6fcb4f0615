package dev.quire.ui.shell;

import dev.quire.ui.common.Tips;
import dev.quire.studio.Spending;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** Today's spend and the open story's, in the status bar; read off the FX thread, again every half minute. */
final class SpendLabel {

    private final MainViewModel model;
    private final Label label = new Label();

    SpendLabel(MainViewModel model) {
        this.model = model;
        label.getStyleClass().add("status-spend");
        label.setMinWidth(Region.USE_PREF_SIZE);
        Tips.set(label, "What your requests cost today and for this story, at the prices on the Usage "
                + "page");
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(30), e -> refresh()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        model.openStoryProperty().addListener((o, was, now) -> refresh());
        refresh();
    }

    Label view() {
        return label;
    }

    void refresh() {
        MainViewModel.OpenStory open = model.openStoryProperty().get();
        Long storyId = open == null ? null : open.story().id();
        model.background().read(() -> {
            Spending spending = model.studio().spending();
            Double today = spending.today();
            String text = "Today " + Spending.money(today == null ? 0 : today);
            if (storyId != null) {
                Double story = spending.story(storyId);
                text += " · Story " + Spending.money(story == null ? 0 : story);
            }
            return text;
        }).describedAs("Quire could not read today's spend").onSuccess(label::setText).start();
    }
}
