package dev.quire.ui.settings;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/** The Providers page's rows for extended thinking (Anthropic) and reasoning effort (OpenAI and compatible). */
final class ReasoningFields {

    private ReasoningFields() {
    }

    /** Adds the rows from {@code row}, each shown only for the kinds that take it; returns the next free row. */
    static int addTo(GridPane grid, int row, ReasoningSettings settings, ObjectProperty<ProviderKind> kind) {
        CheckBox thinking = new CheckBox("Think before writing, with a budget of");
        thinking.getStyleClass().add("thinking-toggle");
        thinking.selectedProperty().bindBidirectional(settings.thinkingProperty());
        TextField budget = new TextField();
        budget.getStyleClass().add("thinking-budget");
        budget.setPrefColumnCount(6);
        budget.textProperty().bindBidirectional(settings.budgetProperty());
        budget.disableProperty().bind(thinking.selectedProperty().not());
        HBox thinkingRow = new HBox(8, thinking, budget, new Label("tokens"));
        thinkingRow.setAlignment(Pos.CENTER_LEFT);
        Label thinkingLabel = new Label("Extended thinking");
        thinkingLabel.getStyleClass().add("field-label");
        thinkingLabel.setMinWidth(Label.USE_PREF_SIZE);
        BooleanBinding anthropic = Bindings.createBooleanBinding(() -> kind.get() == ProviderKind.ANTHROPIC, kind);
        show(anthropic, thinkingLabel, thinkingRow);

        ComboBox<String> effort = new ComboBox<>();
        effort.getStyleClass().add("reasoning-effort");
        effort.getItems().add("");
        effort.getItems().addAll(ProviderProfile.REASONING_EFFORTS);
        effort.setPromptText("not sent");
        effort.valueProperty().bindBidirectional(settings.effortProperty());
        Label effortLabel = new Label("Reasoning effort");
        effortLabel.getStyleClass().add("field-label");
        effortLabel.setMinWidth(Label.USE_PREF_SIZE);
        BooleanBinding openAi = Bindings.createBooleanBinding(() -> kind.get() == ProviderKind.OPENAI
                || kind.get() == ProviderKind.OPENAI_COMPATIBLE, kind);
        show(openAi, effortLabel, effort);

        CheckBox hour = new CheckBox("Keep the prompt cache for an hour, for long sessions (its writes cost 2× "
                + "input, not 1.25×)");
        hour.getStyleClass().add("cache-hour");
        hour.selectedProperty().bindBidirectional(settings.oneHourCacheProperty());
        Label cacheLabel = new Label("Prompt cache");
        cacheLabel.getStyleClass().add("field-label");
        cacheLabel.setMinWidth(Label.USE_PREF_SIZE);
        show(anthropic, cacheLabel, hour);

        grid.addRow(row++, thinkingLabel, thinkingRow);
        grid.addRow(row++, cacheLabel, hour);
        grid.addRow(row++, effortLabel, effort);
        return row;
    }

    private static void show(BooleanBinding when, javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            n.visibleProperty().bind(when);
            n.managedProperty().bind(when);
        }
    }
}
