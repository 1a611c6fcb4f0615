package dev.quire.ui.sheets;

import dev.quire.ui.common.AutosavingEditor;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;

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
        root = Form.page(titleField,
                Form.field("Keywords", "When one of these words appears in recent text or the instruction, the entry"
                        + " joins the prompt. Separate with commas.", Form.line(model.keywordsProperty(),
                        "the hard, mudflat, low water")),
                Form.field("Content", null, Form.area(model.contentProperty(), "What is true about this", 8)),
                alwaysOn, enabled);
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
