package dev.quire.ui.stitch;

import dev.quire.ui.common.KeyText;
import dev.quire.studio.Generator;
import dev.quire.studio.Prompts;
import dev.quire.ui.prompt.ContextMeter;
import dev.quire.ui.prompt.PromptPreviewViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The generate panel under a scene: the instruction, what to ask (frame, provider and model, variants,
 * temperature), the context meter, and Generate (Ctrl+Enter) and Cancel (Esc).
 */
public final class GeneratePanel extends VBox {

    /** Generate, from anywhere in the scene's tab. */
    public static final KeyCombination GENERATE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final TextArea instruction = new TextArea();
    private final Button generate = new Button("Generate");
    private final HBox meterBox = new HBox();
    private final Label turns = new Label();
    private final StitchViewModel model;
    private final BooleanProperty stitchShown = new SimpleBooleanProperty(this, "stitchShown");

    /** The Prompt Preview, from anywhere in the window. */
    public static final KeyCombination PROMPT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    /**
     * @param openPrompt  opens the Prompt Preview
     * @param addProvider opens the Providers page
     * @param paste       asks for a variant written elsewhere, as a column
     */
    private SendEstimate sendEstimate;

    public GeneratePanel(StitchViewModel model, Runnable openPrompt, Runnable addProvider, Runnable paste) {
        this.model = model;
        GenerateOptions options = model.options();
        getStyleClass().add("generate-panel");
        setSpacing(6);
        setPadding(new Insets(8, 16, 8, 16));

        ChoiceBox<Generator.Mode> mode = new ChoiceBox<>();
        mode.getItems().setAll(Generator.Mode.values());
        mode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Generator.Mode m) {
                return m == null ? "" : switch (m) {
                    case CONTINUE -> "Continue from cursor";
                    case REWRITE -> "Rewrite selection";
                    case SCENE -> "Write the scene";
                };
            }

            @Override
            public Generator.Mode fromString(String text) {
                return null;
            }
        });
        mode.valueProperty().bindBidirectional(options.modeProperty());
        mode.setTooltip(new Tooltip("Write the whole scene, continue from the editor's cursor, or rewrite the"
                + " passage selected in the editor. The mode chooses the frame."));
        mode.setPrefWidth(185);
        mode.setMinWidth(Region.USE_PREF_SIZE);
        mode.setMaxWidth(Region.USE_PREF_SIZE);
        mode.getStyleClass().add("generate-mode");

        instruction.getStyleClass().add("instruction");
        instruction.setPromptText("What should happen, exactly: who does what, what is said or kept back, where it"
                + " ends. The more precise, the less the model falls back on stereotype.");
        instruction.setWrapText(true);
        instruction.setPrefRowCount(2);
        instruction.textProperty().bindBidirectional(options.instructionProperty());
        instruction.setTooltip(new Tooltip("The instruction for this request; " + KeyText.of(GENERATE)
                + " generates"));
        HBox.setHgrow(instruction, Priority.ALWAYS);
        HBox first = new HBox(8, mode, instruction);

        ComboBox<Prompts.FrameInfo> frame = new ComboBox<>(options.compatibleFrames());
        frame.valueProperty().bindBidirectional(options.frameProperty());
        frame.setCellFactory(v -> new FrameCell());
        frame.setButtonCell(new FrameCell());
        frame.getStyleClass().add("generate-frame");
        frame.setTooltip(new Tooltip("An advanced override: another frame of the mode's kind, such as your own copy"
                + " of it (edit frames in the Prompt Preview)"));
        // long names are cut short rather than pushing the panel wider than the window
        frame.setPrefWidth(200);
        frame.setMaxWidth(200);
        ComboBox<String> provider = new ComboBox<>(options.providerChoices());
        provider.setPromptText("Story's provider");
        provider.valueProperty().bindBidirectional(options.providerProperty());
        provider.setTooltip(new Tooltip("The provider profile to ask (set them up on the Providers page)"));
        provider.setPrefWidth(190);
        provider.setMaxWidth(190);
        TextField modelName = new TextField();
        modelName.setPromptText("default model");
        modelName.setPrefColumnCount(9);
        modelName.textProperty().bindBidirectional(options.modelProperty());
        modelName.setTooltip(new Tooltip("A model name; empty for the profile's default"));
        Spinner<Integer> variants = new Spinner<>(1, 6, options.variantsProperty().get());
        variants.setEditable(true);
        variants.setPrefWidth(70);
        variants.valueProperty().addListener((o, was, now) -> options.variantsProperty().set(now));
        variants.setTooltip(new Tooltip("How many versions to ask for, side by side (1–6)"));
        Spinner<Double> temperature = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 2,
                options.temperatureProperty().get() == null ? 1.0 : options.temperatureProperty().get(), 0.1));
        temperature.setEditable(true);
        temperature.setPrefWidth(80);
        temperature.valueProperty().addListener((o, was, now) -> options.temperatureProperty().set(now));
        temperature.setTooltip(new Tooltip("Temperature: higher gives more varied versions (0–2)"));

        Button prompt = new Button("Prompt…");
        prompt.setTooltip(new Tooltip("See exactly what Generate would send (" + KeyText.of(PROMPT) + ")"));
        prompt.setOnAction(e -> openPrompt.run());
        generate.getStyleClass().add("accent");
        generate.setDefaultButton(false);
        generate.setTooltip(new Tooltip("Ask for the variants (" + KeyText.of(GENERATE) + ")"));
        generate.setOnAction(e -> generate());
        generate.disableProperty().bind(model.runningProperty().or(options.noProvider()));
        Button cancel = new Button("Cancel");
        cancel.setTooltip(new Tooltip("Stop every stream; what arrived is kept (Esc)"));
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());

        meterBox.setAlignment(Pos.CENTER_LEFT);
        meterBox.setSpacing(8);
        meterBox.setMinWidth(0);
        // the options wrap onto a second line in a narrow window
        javafx.scene.layout.FlowPane settings = new javafx.scene.layout.FlowPane(12, 4,
                pair("Frame", frame), pair("", provider, modelName), pair("Variants", variants),
                pair("Temperature", temperature));
        settings.getStyleClass().add("generate-options");
        settings.setAlignment(Pos.CENTER_LEFT);
        settings.setMinWidth(0);
        settings.setPrefWrapLength(400);
        settings.widthProperty().addListener((o, was, w) -> settings.setPrefWrapLength(w.doubleValue()));
        Button fold = new Button();
        fold.getStyleClass().addAll("flat", "options-fold");
        fold.textProperty().bind(Bindings.when(options.optionsShownProperty()).then("Fewer options")
                .otherwise("Options…"));
        fold.setOnAction(e -> options.optionsShownProperty().set(!options.optionsShownProperty().get()));
        fold.setTooltip(new Tooltip("Show or fold away the frame, provider, model, variants and temperature"));
        Label summary = new Label();
        summary.getStyleClass().addAll("field-label", "options-summary");
        summary.setMinWidth(0);
        summary.textProperty().bind(Bindings.createStringBinding(() -> (options.frameProperty().get() == null ? ""
                        : options.frameProperty().get().name() + " · ")
                        + (options.providerProperty().get() == null ? "the story's provider" : options.providerProperty().get())
                        + (options.modelProperty().get().isBlank() ? "" : " · " + options.modelProperty().get())
                        + (options.mix().onProperty().get() ? " · a mix of " + options.mix().rows().size()
                        + (options.mix().blindProperty().get() ? ", blind" : "")
                        : " · " + options.variantsProperty().get() + (options.variantsProperty().get() == 1 ? " variant"
                        : " variants")) + (options.temperatureProperty().get() == null ? "" : " · temperature "
                        + options.temperatureProperty().get()),
                options.frameProperty(), options.providerProperty(), options.modelProperty(), options.variantsProperty(),
                options.temperatureProperty(), options.mix().onProperty(), options.mix().rows(),
                options.mix().blindProperty()));
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        javafx.scene.control.ToggleButton mixSwitch = new javafx.scene.control.ToggleButton("Mix");
        mixSwitch.getStyleClass().add("mix-switch");
        mixSwitch.selectedProperty().bindBidirectional(options.mix().onProperty());
        mixSwitch.setTooltip(new Tooltip("A column per request: give each column its own provider, model, "
                + "temperature and instruction"));
        settings.getChildren().add(mixSwitch);
        MixRows mixRows = new MixRows(options);
        mixRows.visibleProperty().bind(options.mix().onProperty().and(options.optionsShownProperty()));
        mixRows.managedProperty().bind(mixRows.visibleProperty());
        settings.visibleProperty().bind(options.optionsShownProperty());
        settings.managedProperty().bind(settings.visibleProperty());
        summary.visibleProperty().bind(options.optionsShownProperty().not());
        fold.setMinWidth(Region.USE_PREF_SIZE);

        turns.getStyleClass().add("turns-hint");
        turns.setMinWidth(0);
        turns.visibleProperty().bind(turns.textProperty().isNotEmpty());
        turns.managedProperty().bind(turns.visibleProperty());
        HBox actions = new HBox(8, meterBox, fold, prompt, cancel, generate);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(Region.USE_PREF_SIZE);
        VBox about = new VBox(2, turns, summary);
        about.setMinWidth(0);
        about.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(about, Priority.ALWAYS);
        HBox second = new HBox(12, about, actions);
        second.setAlignment(Pos.CENTER_LEFT);
        for (Region r : new Region[] {variants, temperature, prompt, cancel, generate}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }

        // with no provider, the panel says so once, and offers the two ways on
        Label none = new Label("No provider is set up yet, so Quire cannot ask a model for variants. Add one"
                + " (Anthropic, OpenAI, an OpenAI-compatible server or Ollama), or paste a variant written anywhere.");
        none.setWrapText(true);
        none.setMinWidth(0);
        none.getStyleClass().add("no-provider-text");
        HBox.setHgrow(none, Priority.ALWAYS);
        Button add = new Button("Add a provider…");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> addProvider.run());
        add.setMinWidth(Region.USE_PREF_SIZE);
        Button pasteInstead = new Button("Paste a variant instead");
        pasteInstead.setOnAction(e -> paste.run());
        pasteInstead.setMinWidth(Region.USE_PREF_SIZE);
        HBox noProvider = new HBox(10, none, pasteInstead, add);
        noProvider.setAlignment(Pos.CENTER_LEFT);
        noProvider.getStyleClass().add("no-provider");
        noProvider.visibleProperty().bind(options.noProvider());
        noProvider.managedProperty().bind(noProvider.visibleProperty());

        Label problem = new Label();
        problem.getStyleClass().add("status-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(dev.quire.ui.common.WriterText.of(model.problemProperty()));
        // one place only: the stitching pane shows the same problem while it is up, and "no provider" is said above
        problem.visibleProperty().bind(Bindings.isNotEmpty(model.problemProperty()).and(stitchShown.not())
                .and(options.noProvider().not()));
        problem.managedProperty().bind(problem.visibleProperty());

        getChildren().addAll(noProvider, first, settings, mixRows, second, problem);
    }

    /** Generate, unless there is no provider to ask (the panel already says so). */
    public void generate() {
        if (model.options().noProvider().get()) {
            return;
        }
        String warning = sendEstimate == null ? null : sendEstimate.warning();
        if (warning != null && !goAheadPastBudget(warning)) {
            return;
        }
        model.generate();
    }

    /** Asks before a send that would pass a budget: go ahead, or stop. */
    private boolean goAheadPastBudget(String warning) {
        javafx.scene.control.ButtonType goAhead = new javafx.scene.control.ButtonType("Go ahead",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType stop = new javafx.scene.control.ButtonType("Stop",
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.WARNING, warning, goAhead, stop);
        alert.setHeaderText("Over budget");
        alert.setTitle("Budget");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.getDialogPane().getStyleClass().add("budget-warning");
        return alert.showAndWait().filter(goAhead::equals).isPresent();
    }

    /** Whether the stitching pane is showing, which then shows the panel's problems itself. */
    public BooleanProperty stitchShownProperty() {
        return stitchShown;
    }

    /** Shows the context meter of the prompt Generate would send. */
    public void showMeter(PromptPreviewViewModel preview) {
        ContextMeter meter = new ContextMeter(preview.reportProperty(), preview.tooSmallProperty());
        meter.follow(preview.fits());
        Label estimate = new Label();
        estimate.getStyleClass().add("send-estimate");
        estimate.setMinWidth(0);
        // the action row keeps its buttons whole, so the estimate may not widen it: cut short, whole on hover
        estimate.setMaxWidth(240);
        sendEstimate = model.sendEstimate();
        estimate.textProperty().bind(sendEstimate.follow(preview.reportProperty()));
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(estimate.textProperty());
        estimate.tooltipProperty().bind(javafx.beans.binding.Bindings.when(estimate.textProperty().isEmpty())
                .then((Tooltip) null).otherwise(whole));
        meterBox.getChildren().setAll(meter, estimate);
    }

    /**
     * Co-writing turns: names the characters the writer plays among those present, whom the model leaves to
     * the writer; empty when the model plays everyone.
     */
    public void showTurns(java.util.List<String> writerPlayed) {
        turns.setText(writerPlayed.isEmpty() ? "" : "You play " + String.join(", ", writerPlayed)
                + "; the model stops at your turn.");
        turns.setTooltip(writerPlayed.isEmpty() ? null : new Tooltip("Co-writing turns: the model writes the"
                + " characters you do not play, and stops where " + String.join(" or ", writerPlayed)
                + " would act or speak next."));
    }

    public TextArea instruction() {
        return instruction;
    }

    public Button generateButton() {
        return generate;
    }

    private static HBox pair(String name, javafx.scene.Node... controls) {
        HBox box = new HBox(6);
        if (!name.isEmpty()) {
            box.getChildren().add(label(name));
        }
        box.getChildren().addAll(controls);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static final class FrameCell extends ListCell<Prompts.FrameInfo> {
        @Override
        protected void updateItem(Prompts.FrameInfo item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : item.name());
        }
    }
}
