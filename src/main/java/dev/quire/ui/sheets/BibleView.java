package dev.quire.ui.sheets;

import dev.quire.ui.common.AutosavingEditor;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** The story bible: what every prompt for this story starts from. */
public final class BibleView extends AutosavingEditor {

    private final StoryViewModel model;
    private final ScrollPane root;

    public BibleView(StoryViewModel model) {
        super("bible:" + model.storyId(), model, new javafx.beans.property.SimpleStringProperty("Bible"), "Bible");
        this.model = model;
        root = Form.page(
                Form.heading("Story bible"),
                Form.field("Premise", "The situation and what is at stake, in a few sentences.",
                        Form.area(model.premiseProperty(), "Who wants what, and what stands in the way?", 4)),
                Form.field("Style guide", "How the prose should read: tense, point of view, rhythm, what to avoid.",
                        Form.area(model.styleGuideProperty(), "Close third person, past tense…", 6)),
                Form.field("About the writer", "What you know and love, so the model does not write down to you.",
                        Form.area(model.aboutWriterProperty(), "I sail; I read cloud atlases; I studied…", 4)),
                Form.field("Avoid list", "Names, phrases and habits the model should not use. One a line.",
                        Form.area(model.avoidListProperty(), "a breath she didn't know she was holding", 6)));
        root.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.flush();
            }
        });
    }



    @Override
    public Node view() {
        return root;
    }

}
