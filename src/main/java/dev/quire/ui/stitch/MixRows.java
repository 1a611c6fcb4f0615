package dev.quire.ui.stitch;

import dev.quire.model.Variant;
import dev.quire.studio.Column;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/** The Mix's compact rows, one per column, with the presets and the Blind switch above them. */
final class MixRows extends VBox {

    private final GenerateOptions options;
    private final MixOptions mix;
    private final VBox rows = new VBox(4);

    MixRows(GenerateOptions options) {
        this.options = options;
        this.mix = options.mix();
        getStyleClass().add("mix-rows");
        setSpacing(4);

        Button same = new Button("Same request × N");
        same.setTooltip(new Tooltip("Every column asks what the panel asks, as many as Variants says"));
        same.setOnAction(e -> mix.sameRequest(options.variantsProperty().get()));
        Button across = new Button("Across models");
        across.setTooltip(new Tooltip("The same instruction to each provider profile (up to six); set each "
                + "row's model"));
        across.setOnAction(e -> mix.acrossProviders(options.providerChoices().subList(0,
                Math.min(dev.quire.llm.ChatRequest.MAX_VARIANTS, options.providerChoices().size()))));
        Button wordings = new Button("Wordings on one model");
        wordings.setTooltip(new Tooltip("The panel's provider and model, the instruction worded differently in "
                + "each column: fill in each row's addition"));
        wordings.setOnAction(e -> mix.wordings(options.variantsProperty().get(), options.providerProperty().get(),
                options.modelProperty().get()));
        Button add = new Button("+ Column");
        add.setOnAction(e -> mix.addRow());
        CheckBox blind = new CheckBox("Blind");
        blind.getStyleClass().add("mix-blind");
        blind.selectedProperty().bindBidirectional(mix.blindProperty());
        blind.setTooltip(new Tooltip("Show only A, B, C… above the columns until you accept, then name the "
                + "models: a model's name stays out of the choice"));
        HBox presets = new HBox(6, label("Mix"), same, across, wordings, add, blind);
        presets.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(presets, rows);
        mix.rows().addListener((ListChangeListener<MixOptions.Row>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        List<MixOptions.Row> all = List.copyOf(mix.rows());
        rows.getChildren().clear();
        for (int i = 0; i < all.size(); i++) {
            rows.getChildren().add(row(Variant.labelFor(i), all.get(i)));
        }
    }

    private HBox row(String label, MixOptions.Row row) {
        Label badge = label(label);
        badge.getStyleClass().add("mix-row-label");
        ComboBox<String> provider = new ComboBox<>(options.providerChoices());
        provider.setPromptText("panel's provider");
        provider.valueProperty().bindBidirectional(row.providerProperty());
        provider.setPrefWidth(170);
        provider.getStyleClass().add("mix-provider");
        TextField model = new TextField();
        model.setPromptText("default model");
        model.setPrefColumnCount(10);
        model.textProperty().bindBidirectional(row.modelProperty());
        model.getStyleClass().add("mix-model");
        TextField temperature = new TextField(row.temperatureProperty().get() == null ? ""
                : String.valueOf(row.temperatureProperty().get()));
        temperature.setPromptText("temp.");
        temperature.setPrefColumnCount(3);
        temperature.getStyleClass().add("mix-temperature");
        temperature.textProperty().addListener((o, was, now) -> {
            try {
                double t = Double.parseDouble(now.strip());
                row.temperatureProperty().set(t >= 0 && t <= 2 ? t : null);
            } catch (NumberFormatException e) {
                row.temperatureProperty().set(null);
            }
        });
        ChoiceBox<Column.Instruction> how = new ChoiceBox<>();
        how.getItems().setAll(Column.Instruction.values());
        how.setConverter(new StringConverter<>() {
            @Override
            public String toString(Column.Instruction i) {
                return i == null ? "" : switch (i) {
                    case SAME -> "Same instruction";
                    case ADD -> "Instruction +";
                    case REPLACE -> "Own instruction";
                };
            }

            @Override
            public Column.Instruction fromString(String s) {
                return null;
            }
        });
        how.valueProperty().bindBidirectional(row.instructionProperty());
        how.getStyleClass().add("mix-instruction");
        TextField text = new TextField();
        text.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                row.instructionProperty().get() == Column.Instruction.REPLACE ? "this column's instruction"
                        : "…and what this column adds", row.instructionProperty()));
        text.textProperty().bindBidirectional(row.textProperty());
        text.disableProperty().bind(row.instructionProperty().isEqualTo(Column.Instruction.SAME));
        text.getStyleClass().add("mix-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button remove = new Button("×");
        remove.getStyleClass().add("small");
        remove.setTooltip(new Tooltip("Take this column out of the mix"));
        remove.setOnAction(e -> mix.removeRow(row));
        HBox box = new HBox(6, badge, provider, model, temperature, how, text, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("mix-row");
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
