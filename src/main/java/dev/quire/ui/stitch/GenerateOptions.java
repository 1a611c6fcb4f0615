package dev.quire.ui.stitch;

import dev.quire.model.Scene;
import dev.quire.studio.GenerationRequest;
import dev.quire.studio.Generator.Mode;
import dev.quire.studio.Prompts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Function;

/**
 * What the generate panel asks for: the instruction, the mode, the frame, the provider and model, how many
 * variants and how hot. Choosing a mode chooses its own frame, and only frames of the mode's kind can be chosen
 * over it; the rest stays as the writer set it.
 */
public final class GenerateOptions {

    private final StringProperty instruction = new SimpleStringProperty(this, "instruction", "");
    private final ObservableList<Prompts.FrameInfo> frameChoices = FXCollections.observableArrayList();
    /** The frames the mode can use: its own kind only, so the frame never contradicts the mode. */
    private final javafx.collections.transformation.FilteredList<Prompts.FrameInfo> compatibleFrames =
            new javafx.collections.transformation.FilteredList<>(frameChoices, f -> fits(f, Mode.SCENE));
    private final ObjectProperty<Prompts.FrameInfo> frame = new SimpleObjectProperty<>(this, "frame");
    private final ObservableList<String> providerChoices = FXCollections.observableArrayList();
    private final StringProperty provider = new SimpleStringProperty(this, "provider");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final IntegerProperty variants = new SimpleIntegerProperty(this, "variants", 3);
    private final ObjectProperty<Double> temperature = new SimpleObjectProperty<>(this, "temperature", 1.0);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SCENE);
    private final BooleanProperty optionsShown = new SimpleBooleanProperty(this, "optionsShown", false);
    private final BooleanProperty providersKnown = new SimpleBooleanProperty(this, "providersKnown");
    private final MixOptions mix = new MixOptions();

    GenerateOptions() {
        mode.addListener((o, was, now) -> {
            compatibleFrames.setPredicate(f -> fits(f, now));
            selectFrameFor(now);
        });
        // a frame set from elsewhere that the mode cannot use gives way to the mode's own
        frame.addListener((o, was, now) -> {
            if (now != null && !fits(now, mode.get())) {
                selectFrameFor(mode.get());
            }
        });
    }

    /** Whether {@code frame} is written for {@code m}: a scene, a continuation or a rewrite. */
    static boolean fits(Prompts.FrameInfo frame, Mode m) {
        return frame.kind().equals(m.defaultFrame());
    }

    /** The profiles again, after the Providers page: the story's own stays chosen unless the writer chose another. */
    void providers(List<String> providers, String storyProvider) {
        String chosen = provider.get();
        providerChoices.setAll(providers);
        provider.set(chosen != null && providers.contains(chosen) ? chosen : storyProvider);
        providersKnown.set(true);
    }

    /** The choices the library offers, and the panel as the writer left it. */
    void fill(List<Prompts.FrameInfo> frames, List<String> providers, String storyProvider, boolean shown) {
        optionsShown.set(shown);
        frameChoices.setAll(frames);
        providerChoices.setAll(providers);
        provider.set(storyProvider);
        providersKnown.set(true);
        selectFrameFor(mode.get());
    }

    private void selectFrameFor(Mode m) {
        String key = m.defaultFrame();
        frameChoices.stream().filter(f -> f.key().equals(key)).findFirst().ifPresent(frame::set);
    }

    /** Why {@code m} cannot be asked for yet, or null: every mode but Continue needs an instruction. */
    String missingInstruction(Mode m) {
        if (!instruction.get().isBlank() || m == Mode.CONTINUE) {
            return null;
        }
        return m == Mode.REWRITE ? "Say how the selected passage should change in the instruction first."
                : "Say what the scene should do in the instruction first.";
    }

    /**
     * The request as the panel stands now (read here, on the FX thread), finished once the scene as the library
     * holds it is known.
     *
     * @param anchors      the cursor twice (continue), the passage (rewrite), unused for a scene
     * @param defaultFrame use the mode's own frame rather than the one chosen in the panel
     */
    Function<Scene, GenerationRequest> request(long storyId, Mode m, int[] anchors, int count, boolean defaultFrame) {
        String instructionText = instruction.get();
        String frameKey = defaultFrame || frame.get() == null || !fits(frame.get(), m) ? null : frame.get().key();
        String providerName = provider.get();
        String modelName = model.get();
        Double temp = temperature.get();
        return scene -> {
            GenerationRequest.Builder b = GenerationRequest.builder(storyId, instructionText)
                    .scene(scene.position() + 1).provider(providerName).model(modelName).variants(count)
                    .temperature(temp).frame(frameKey);
            switch (m) {
                case CONTINUE -> b.continueAt(anchors[0]);
                case REWRITE -> b.rewrite(anchors[0], anchors[1]);
                case SCENE -> { }
            }
            return b.build();
        };
    }

    public StringProperty instructionProperty() {
        return instruction;
    }

    public ObservableList<Prompts.FrameInfo> frameChoices() {
        return frameChoices;
    }

    /** The frames offered for the current mode: those of its kind (the built-in one and the writer's copies). */
    public ObservableList<Prompts.FrameInfo> compatibleFrames() {
        return compatibleFrames;
    }

    /**
     * No provider profile is set up: nothing can be generated until the writer adds one (false until the
     * profiles have been read).
     */
    public javafx.beans.binding.BooleanBinding noProvider() {
        return providersKnown.and(javafx.beans.binding.Bindings.isEmpty(providerChoices));
    }

    public ObjectProperty<Prompts.FrameInfo> frameProperty() {
        return frame;
    }

    public ObservableList<String> providerChoices() {
        return providerChoices;
    }

    /** A profile name; null for the story's own provider. */
    public StringProperty providerProperty() {
        return provider;
    }

    /** A model name; empty for the profile's default. */
    public StringProperty modelProperty() {
        return model;
    }

    public IntegerProperty variantsProperty() {
        return variants;
    }

    /** Null for the provider's default. */
    public ObjectProperty<Double> temperatureProperty() {
        return temperature;
    }

    /** The Mix: a row per column, each its own request; off, "N variants" of one. */
    public MixOptions mix() {
        return mix;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** Whether the panel shows its options, or folds them into one line; remembered in the library. */
    public BooleanProperty optionsShownProperty() {
        return optionsShown;
    }
}
