package dev.quire.ui.sheets;

import dev.quire.model.CharacterSheet.Field;
import dev.quire.model.PlayedBy;
import dev.quire.ui.common.AutosavingEditor;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A character sheet laid out for reading and writing: identity, inner life, history, voice, facts. */
public final class CharacterSheetView extends AutosavingEditor {

    private final CharacterSheetViewModel model;
    private final ScrollPane root;
    private final VBox factsBox = new VBox(6);
    private final TextField nameField;

    private java.util.function.LongConsumer goToSource = id -> { };

    /** What "from a conversation" does: open the conversation at the message the fact came from. */
    public void onGoToSource(java.util.function.LongConsumer action) {
        this.goToSource = action;
    }

    public CharacterSheetView(CharacterSheetViewModel model) {
        super(new dev.quire.ui.common.EditorKey.Character(model.characterId()), model, model.nameProperty(), "Unnamed");
        this.model = model;
        nameField = Form.line(model.nameProperty(), "Name");
        nameField.getStyleClass().add("sheet-name");

        ToggleGroup group = new ToggleGroup();
        RadioButton byModel = new RadioButton("The model");
        RadioButton byWriter = new RadioButton("You");
        byModel.setToggleGroup(group);
        byWriter.setToggleGroup(group);
        byModel.setSelected(model.playedByProperty().get() == PlayedBy.MODEL);
        byWriter.setSelected(model.playedByProperty().get() == PlayedBy.WRITER);
        group.selectedToggleProperty().addListener((o, was, now) ->
                model.playedByProperty().set(now == byWriter ? PlayedBy.WRITER : PlayedBy.MODEL));
        HBox playedBy = new HBox(16, byModel, byWriter);
        playedBy.setAlignment(Pos.CENTER_LEFT);

        Button addFact = new Button("Add fact");
        addFact.setOnAction(e -> model.addFact());
        model.facts().addListener((ListChangeListener<CharacterSheetViewModel.FactRow>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved();
            }
            if (structural) {
                keepingScroll(this::renderFacts);
            }
        });
        model.pinnedProperty().addListener((o, was, now) -> keepingScroll(this::renderFacts));
        renderFacts();

        root = Form.page(
                nameField,
                Form.field("Also known as", "Nicknames and titles, separated by commas; they trigger lore too.",
                        Form.line(model.aliasesProperty(), "Bert, the Colonel")),
                Form.field("Played by", "In co-writing turns, the model writes only the characters it plays.",
                        playedBy),
                // a section heading never repeats the label of the one field under it
                Form.heading("Identity"),
                area(Field.ROLE, "Their part in the story, in a line", 1),
                area(Field.APPEARANCE, "What others notice first", 2),
                Form.heading("Inner life"),
                area(Field.PERSONALITY, "How they meet the world", 3),
                area(Field.PSYCHOLOGY, "What drives them underneath; what they don't admit", 3),
                area(Field.DESIRES, "What they want", 2),
                area(Field.FEARS, "What they avoid", 2),
                Form.heading("History and ties"),
                area(Field.BACKSTORY, "What happened before the story", 4),
                area(Field.RELATIONSHIPS, "To the other characters, by name", 3),
                Form.heading("Voice and interests"),
                area(Field.VOICE, "How they speak, with a line they would say", 2),
                area(Field.INTERESTS, "Interests outside the plot, so they are more than their role", 2),
                Form.heading("Facts"),
                factsBox,
                addFact,
                Form.heading("Private notes"),
                Form.field("Never sent to the model", null,
                        Form.area(model.field(Field.PRIVATE_NOTES), "Notes for yourself only", 3)));
        root.getStyleClass().add("character-sheet");
        javafx.beans.value.ChangeListener<Node> owner = (o, was, now) -> {
            if (now != null && isInside(now)) {
                lastFocused = now;
            }
        };
        root.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(owner);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(owner);
            }
        });
    }

    private Node lastFocused;

    private VBox area(Field field, String prompt, int rows) {
        return Form.field(field.label(), null, Form.area(model.field(field), prompt, rows));
    }

    private void renderFacts() {
        factsBox.getChildren().clear();
        if (model.facts().isEmpty()) {
            Label none = new Label("No facts yet. Keep what you establish in brainstorms here.");
            none.getStyleClass().add("empty-hint");
            factsBox.getChildren().add(none);
        }
        for (CharacterSheetViewModel.FactRow row : model.facts()) {
            // a fact can run to several sentences: it wraps and grows rather than hiding its end
            javafx.scene.control.TextArea text = new javafx.scene.control.TextArea();
            text.setWrapText(true);
            text.setPrefRowCount(1);
            text.getStyleClass().add("fact-text");
            text.textProperty().bindBidirectional(row.textProperty());
            text.setPromptText("A fact about this character");
            Form.growWithText(text, 1);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button remove = new Button("✕");
            remove.getStyleClass().add("flat");
            remove.setTooltip(new Tooltip("Remove this fact"));
            remove.setOnAction(e -> model.removeFact(row));
            HBox line = new HBox(6, text, remove);
            line.setAlignment(Pos.TOP_LEFT);
            line.getStyleClass().add("fact-row");
            if (row == model.pinnedProperty().get()) {
                line.getStyleClass().add("fact-pinned");
                Tooltip.install(line, new Tooltip("Just pinned from a conversation"));
                // the mark goes once the writer works on the fact
                text.focusedProperty().addListener((o, was, now) -> {
                    if (now && model.pinnedProperty().get() == row) {
                        model.pinnedProperty().set(null);
                    }
                });
            }
            if (row.hasSource()) {
                javafx.scene.control.Hyperlink source = new javafx.scene.control.Hyperlink("from a conversation");
                source.getStyleClass().add("fact-source");
                source.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                source.setTooltip(new Tooltip("Go to source: open the conversation at the message this came from"));
                source.setOnAction(e -> goToSource.accept(row.sourceMessageId()));
                line.getChildren().add(1, source);
            }
            factsBox.getChildren().add(line);
            if (row.textProperty().get().isEmpty()) {
                text.requestFocus();
            }
        }
    }



    /**
     * Runs a change to the page's content and keeps the part the writer was reading in place: a pin
     * arriving must not move the sheet under them.
     */
    private void keepingScroll(Runnable change) {
        double offset = scrollOffset();
        change.run();
        root.applyCss();
        root.layout();
        double range = root.getContent().getLayoutBounds().getHeight() - root.getViewportBounds().getHeight();
        root.setVvalue(range <= 0 ? 0 : Math.min(1, offset / range));
    }

    /** How far down the page the view is, in pixels. */
    double scrollOffset() {
        double range = root.getContent().getLayoutBounds().getHeight() - root.getViewportBounds().getHeight();
        return range <= 0 ? 0 : root.getVvalue() * range;
    }

    @Override
    public Node view() {
        return root;
    }


    public CharacterSheetViewModel model() {
        return model;
    }

    /** Back in the field the writer left, without scrolling; the name the first time. */
    @Override
    public void focus() {
        Node last = lastFocused;
        if (last != null && last.getScene() == root.getScene() && isInside(last)) {
            last.requestFocus();
        } else {
            nameField.requestFocus();
        }
    }

    private boolean isInside(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == root) {
                return true;
            }
        }
        return false;
    }
}
