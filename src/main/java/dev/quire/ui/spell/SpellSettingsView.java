package dev.quire.ui.spell;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The story's spell check settings, for its bible page: the language, and grammar on or off. */
public final class SpellSettingsView {

    /** What the settings say besides their controls. */
    public static final String HINT = "Misspellings are underlined in the scene, the composition and the sheets;"
            + " right-click one for suggestions. English (US and GB) is built in; other languages work where their"
            + " LanguageTool module is installed beside Quire. Character names, aliases and lore titles count as"
            + " known words.";

    private final VBox root;
    private final ComboBox<String> language = new ComboBox<>();
    private final CheckBox grammar = new CheckBox("Check grammar and style too");

    public SpellSettingsView(SpellSettingsViewModel model) {
        language.setItems(model.languages());
        language.valueProperty().bindBidirectional(model.languageProperty());
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : model.name(code) + " · " + code;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        language.getStyleClass().add("spell-language");
        grammar.selectedProperty().bindBidirectional(model.grammarProperty());
        grammar.setTooltip(new javafx.scene.control.Tooltip("LanguageTool's grammar and style rules, underlined in"
                + " blue; for the whole library"));
        Label hint = new Label(HINT);
        hint.getStyleClass().add("field-hint");
        hint.setWrapText(true);
        root = new VBox(6, language, grammar, hint);
        model.load();
    }

    public Node view() {
        return root;
    }

    ComboBox<String> language() {
        return language;
    }

    CheckBox grammar() {
        return grammar;
    }
}
