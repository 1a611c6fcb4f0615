package dev.quire.ui.sheets;

import dev.quire.ui.common.AutosavingEditor;
import dev.quire.model.LoreEntry.SecondaryLogic;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** A fact about the world, and the words that bring it into a prompt. */
public final class LoreEntryView extends AutosavingEditor {

    private final LoreEntryViewModel model;
    private final ScrollPane root;
    private final TextField titleField;

    public LoreEntryView(LoreEntryViewModel model) {
        super(new dev.quire.ui.common.EditorKey.Lore(model.entryId()), model, model.titleProperty(), "Untitled lore");
        this.model = model;
        titleField = Form.line(model.titleProperty(), "Title");
        titleField.getStyleClass().add("sheet-name");
        CheckBox alwaysOn = new CheckBox("Always in the prompt");
        alwaysOn.selectedProperty().bindBidirectional(model.alwaysOnProperty());
        CheckBox enabled = new CheckBox("Enabled");
        enabled.selectedProperty().bindBidirectional(model.enabledProperty());
        Label problem = new Label();
        problem.textProperty().bind(model.keyProblemProperty());
        problem.getStyleClass().addAll("form-problems", "lore-key-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(Bindings.isNotEmpty(model.keyProblemProperty()));
        problem.visibleProperty().bind(problem.managedProperty());
        ChoiceBox<SecondaryLogic> logic = new ChoiceBox<>();
        logic.getItems().setAll(SecondaryLogic.values());
        logic.valueProperty().bindBidirectional(model.secondaryLogicProperty());
        logic.setConverter(new StringConverter<>() {
            @Override
            public String toString(SecondaryLogic l) {
                return l == null ? "" : switch (l) {
                    case AND_ANY -> "and any of these";
                    case NOT_ALL -> "unless all of these";
                    case NOT_ANY -> "unless any of these";
                    case AND_ALL -> "and all of these";
                };
            }

            @Override
            public SecondaryLogic fromString(String text) {
                return null;
            }
        });
        logic.getStyleClass().add("secondary-logic");
        TextField secondary = Form.line(model.secondaryKeywordsProperty(), "tide, flood");
        HBox.setHgrow(secondary, javafx.scene.layout.Priority.ALWAYS);
        Spinner<Integer> priority = spinner(model.priorityProperty(), -10_000, 10_000);
        Spinner<Integer> depth = spinner(model.scanDepthProperty(), 0, 100);
        root = Form.page(titleField,
                Form.field("Keywords", "When one of these words appears in recent text or the instruction, the entry"
                        + " joins the prompt. Separate with commas; write /pattern/i for a regular expression.",
                        Form.line(model.keywordsProperty(), "the hard, mudflat, low water")),
                Form.field("Secondary keywords", "Also needed (or ruled out) once a keyword has matched.",
                        new HBox(8, logic, secondary)),
                problem,
                Form.field("Content", null, Form.area(model.contentProperty(), "What is true about this", 8)),
                alwaysOn, enabled,
                Form.field("Priority and scan depth", "Higher priority reaches the prompt first. Scan depth: how "
                        + "many recent scenes and messages are searched (0: the usual two scenes).",
                        aligned(new HBox(8, new Label("Priority"), priority, new Label("Scan depth"), depth))));
    }



    private static HBox aligned(HBox row) {
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static Spinner<Integer> spinner(javafx.beans.property.IntegerProperty value, int min, int max) {
        Spinner<Integer> s = new Spinner<>(min, max, value.get());
        s.setEditable(true);
        s.setPrefWidth(100);
        s.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                value.set(now);
            }
        });
        value.addListener((o, was, now) -> s.getValueFactory().setValue(now.intValue()));
        return s;
    }

    @Override
    public Node view() {
        return root;
    }



    @Override
    public void focus() {
        titleField.requestFocus();
    }
}
