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
                renderFacts();
            }
        });
        renderFacts();

        root = Form.page(
                nameField,
                Form.field("Also known as", "Nicknames and titles, separated by commas; they trigger lore too.",
                        Form.line(model.aliasesProperty(), "Bert, the Colonel")),
                Form.field("Played by", "In co-writing turns, the model writes only the characters it plays.",
                        playedBy),
                Form.heading("Identity"),
                area(Field.ROLE, "Their part in the story, in a line", 1),
                area(Field.APPEARANCE, "What others notice first", 2),
                Form.heading("Inner life"),
                area(Field.PERSONALITY, "How they meet the world", 3),
                area(Field.PSYCHOLOGY, "What drives them underneath; what they don't admit", 3),
                area(Field.DESIRES, "What they want", 2),
                area(Field.FEARS, "What they avoid", 2),
                Form.heading("History"),
                area(Field.BACKSTORY, "What happened before the story", 4),
                Form.heading("Relationships"),
                area(Field.RELATIONSHIPS, "To the other characters, by name", 3),
                Form.heading("Voice"),
                area(Field.VOICE, "How they speak, with a line they would say", 2),
                area(Field.INTERESTS, "Interests outside the plot, so they are more than their role", 2),
                Form.heading("Facts"),
                factsBox,
                addFact,
                Form.heading("Private notes"),
                Form.field("Never sent to the model", null,
                        Form.area(model.field(Field.PRIVATE_NOTES), "Notes for yourself only", 3)));
        root.getStyleClass().add("character-sheet");
    }

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
            TextField text = new TextField();
            text.textProperty().bindBidirectional(row.textProperty());
            text.setPromptText("A fact about this character");
            HBox.setHgrow(text, Priority.ALWAYS);
            Button remove = new Button("✕");
            remove.getStyleClass().add("flat");
            remove.setTooltip(new Tooltip("Remove this fact"));
            remove.setOnAction(e -> model.removeFact(row));
            HBox line = new HBox(6, text, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            if (row.hasSource()) {
                javafx.scene.control.Hyperlink source = new javafx.scene.control.Hyperlink("from a conversation");
                source.getStyleClass().add("fact-source");
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



    @Override
    public Node view() {
        return root;
    }



    @Override
    public void focus() {
        nameField.requestFocus();
    }
}
