package dev.quire.ui.settings;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Providers page's row for how the story's avoid list is sent as provider-level bans, shown for OpenAI and
 * compatible servers (Anthropic and Ollama document no bans).
 */
final class BansField {

    /** The setting as the form has it: one of {@link ProviderProfile#BANS}. */
    static final class Setting {
        private final StringProperty bans = new SimpleStringProperty(this, "bans", "auto");

        void fill(ProviderProfile p) {
            bans.set(p.bans());
        }

        ProviderProfile applyTo(ProviderProfile p) {
            return p.withBans(bans.get());
        }

        StringProperty bansProperty() {
            return bans;
        }
    }

    private BansField() {
    }

    static String describe(String bans) {
        return switch (bans == null ? "auto" : bans) {
            case "none" -> "Never: the avoid list goes in the prompt only";
            case "koboldcpp" -> "KoboldCpp: phrases as banned_tokens";
            case "llamacpp" -> "llama.cpp server: single words as logit_bias";
            case "openai" -> "OpenAI: one-token words as logit_bias";
            default -> "Automatic: as the server says it is";
        };
    }

    /** Adds the row at {@code row}, shown only for the kinds that take bans; returns the next free row. */
    static int addTo(GridPane grid, int row, Setting setting, ObjectProperty<ProviderKind> kind) {
        ComboBox<String> choice = new ComboBox<>();
        choice.getStyleClass().add("bans-choice");
        choice.getItems().setAll(ProviderProfile.BANS);
        choice.valueProperty().bindBidirectional(setting.bansProperty());
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : describe(value);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        choice.setTooltip(new javafx.scene.control.Tooltip("Words on the story's avoid list can also be banned by"
                + " the server itself, where it documents how.\nAutomatic asks a compatible server what it is"
                + " (KoboldCpp, llama.cpp) and sends nothing to one that does not say."));
        Label label = new Label("Avoid-list bans");
        label.getStyleClass().add("field-label");
        label.setMinWidth(Label.USE_PREF_SIZE);
        VBox field = new VBox(choice);
        BooleanBinding takesBans = Bindings.createBooleanBinding(() -> kind.get() == ProviderKind.OPENAI
                || kind.get() == ProviderKind.OPENAI_COMPATIBLE, kind);
        for (javafx.scene.Node n : new javafx.scene.Node[] {label, field}) {
            n.visibleProperty().bind(takesBans);
            n.managedProperty().bind(takesBans);
        }
        grid.addRow(row++, label, field);
        return row;
    }
}
