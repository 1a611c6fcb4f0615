package dev.quire.ui.sheets;

import dev.quire.ui.common.AutosavingEditor;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** The story bible: what every prompt for this story starts from. */
public final class BibleView extends AutosavingEditor {

    private final StoryViewModel model;
    private final ScrollPane root;

    public BibleView(StoryViewModel model) {
        this(model, null);
    }

    /** With the story's spell check settings at the foot of the page, when {@code spelling} is given. */
    public BibleView(StoryViewModel model, dev.quire.ui.spell.SpellSettingsViewModel spelling) {
        super(new dev.quire.ui.common.EditorKey.Bible(model.storyId()), model, new javafx.beans.property.SimpleStringProperty("Bible"), "Bible");
        this.model = model;
        root = Form.page(
                Form.heading("Story bible"),
                Form.field("What you keep, by model", "How much of the story's text as it stands is yours, and how"
                        + " much each model wrote; pasted text and text of no known origin are unknown.",
                        new dev.quire.ui.prose.KeptBar(model.kept(), 420).view()),
                Form.field("Premise", "The situation and what is at stake, in a few sentences.",
                        Form.area(model.premiseProperty(), "Who wants what, and what stands in the way?", 4)),
                Form.field("Style guide", "How the prose should read: tense, point of view, rhythm, what to avoid.",
                        Form.area(model.styleGuideProperty(), "Close third person, past tense…", 6)),
                Form.field("About the writer", "What you know and love, so the model does not write down to you.",
                        Form.area(model.aboutWriterProperty(), "I sail; I read cloud atlases; I studied…", 4)),
                Form.field("Avoid list", "Names, phrases and habits the model should not use. One a line.",
                        listOfPhrases(Form.area(model.avoidListProperty(), "a breath she didn't know she was holding",
                                6))),
                Form.field("Provider for this story", "Which provider profile generates for this story. Add and"
                        + " test providers under Providers in the top bar.", providerChoice(model)),
                Form.field("Earlier scenes word for word", "At most this many words of the nearest earlier scenes"
                        + " go into a prompt verbatim; the rest go by summary. Empty: as many as the model's window"
                        + " allows.", verbatimCap(model)),
                Form.heading("For exports"),
                Form.field("Author", "Your own name: a manuscript's contact block, and the byline unless you give a"
                        + " pen name. None of this is sent to the model.",
                        Form.line(model.metadata().authorProperty(), "Ada Marsh")),
                Form.field("Pen name", "The name the story goes out under, if not your own.",
                        Form.line(model.metadata().penNameProperty(), "")),
                Form.field("Address", "A manuscript's first page carries it under your name.",
                        Form.area(model.metadata().contactProperty(), "12 Ferry Lane\nPortsmouth PO1 2AB", 3)),
                Form.field("Email", null, Form.line(model.metadata().emailProperty(), "ada@example.com")),
                Form.field("Agent", "Your agent or agency and how to reach them, if you have one.",
                        Form.area(model.metadata().agentProperty(), "", 2)),
                Form.field("Word count on a manuscript", "Editors want an estimate: the convention is the nearest"
                        + " 100 for short fiction and the nearest 1,000 for a novel.", rounding(model)),
                Form.field("Short title", "The title in a manuscript's running header, if the title is long.",
                        Form.line(model.metadata().shortTitleProperty(), "")));
        if (spelling != null) {
            ((javafx.scene.layout.VBox) ((javafx.scene.layout.VBox) root.getContent()).getChildren().get(0))
                    .getChildren().add(Form.field("Spelling", null,
                            new dev.quire.ui.spell.SpellSettingsView(spelling).view()));
        }
        model.loadProviders();
        model.kept().refresh();
        // the figure follows the text: worked out again each time the page is shown
        root.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.kept().refresh();
            }
        });
        root.visibleProperty().addListener((o, was, now) -> {
            if (now) {
                model.kept().refresh();
            }
        });
        root.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.flush();
            }
        });
    }



    /** A field of names and phrases, one a line, not prose: spell check leaves it alone. */
    private static javafx.scene.control.TextArea listOfPhrases(javafx.scene.control.TextArea area) {
        area.getStyleClass().remove(dev.quire.ui.spell.FieldSpelling.LONG_FIELD);
        return area;
    }

    /** The cap, kept when the field loses focus or Enter is pressed; a problem shows under it. */
    private static Node verbatimCap(StoryViewModel model) {
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        field.setPromptText("No cap");
        field.setPrefColumnCount(8);
        field.setMaxWidth(160);
        field.textProperty().bindBidirectional(model.verbatimCapProperty());
        field.setOnAction(e -> model.saveVerbatimCap());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.saveVerbatimCap();
            }
        });
        javafx.scene.control.Label problem = new javafx.scene.control.Label();
        problem.getStyleClass().add("form-problems");
        problem.textProperty().bind(model.verbatimProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        return new javafx.scene.layout.VBox(4, field, problem);
    }

    private static javafx.scene.control.ChoiceBox<dev.quire.model.WordRounding> rounding(StoryViewModel model) {
        var box = new javafx.scene.control.ChoiceBox<dev.quire.model.WordRounding>();
        box.getItems().setAll(dev.quire.model.WordRounding.values());
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(dev.quire.model.WordRounding r) {
                return r == null ? "" : switch (r) {
                    case CONVENTION -> "By convention (100, or 1,000 for a novel)";
                    case NEAREST_100 -> "Nearest 100";
                    case NEAREST_500 -> "Nearest 500";
                    case NEAREST_1000 -> "Nearest 1,000";
                    case NEAREST_5000 -> "Nearest 5,000";
                    case EXACT -> "Exact";
                };
            }

            @Override
            public dev.quire.model.WordRounding fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(model.metadata().roundingProperty());
        return box;
    }

    /** "Library default (name)" first, then each profile by name. */
    private static javafx.scene.control.ComboBox<String> providerChoice(StoryViewModel model) {
        javafx.scene.control.ComboBox<String> box = new javafx.scene.control.ComboBox<>();
        Runnable fill = () -> {
            java.util.List<String> items = new java.util.ArrayList<>();
            items.add("");
            items.addAll(model.providerNames());
            box.getItems().setAll(items);
            box.setValue(model.providerProperty().get());
        };
        model.providerNames().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        model.providerProperty().addListener((o, was, now) -> box.setValue(now));
        box.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(model.providerProperty().get())) {
                model.providerProperty().set(now);
            }
        });
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String name) {
                if (name == null || name.isEmpty()) {
                    String d = model.defaultProviderProperty().get();
                    return d.isEmpty() ? "Library default (none set yet)" : "Library default (" + d + ")";
                }
                return name;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        fill.run();
        return box;
    }

    @Override
    public Node view() {
        return root;
    }

}
