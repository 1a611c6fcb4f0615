package dev.quire.ui.stitch;

import dev.quire.model.Composition;
import dev.quire.model.Prose;
import dev.quire.stitch.Shares;
import dev.quire.studio.Generator;
import dev.quire.studio.Generator.Mode;
import dev.quire.studio.Stitching;
import dev.quire.studio.Studio;
import dev.quire.ui.common.AutosavingViewModel;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.SaveStatus;
import dev.quire.ui.common.Ticker;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * A scene's stitching pane: the composition stitched from the variant columns, which autosaves and which Accept
 * puts into the scene where it was asked for ({@link AcceptPlace}). What to ask is {@link GenerateOptions}; the
 * columns and the streams filling them are {@link VariantStreams}, laid out by {@link ColumnLayout}; what the pane
 * reads when it opens is {@link StoredPane}.
 */
public final class StitchViewModel extends AutosavingViewModel<StitchViewModel.Draft> {

    /** The composition as of one moment, with where Accept will put it. */
    public record Draft(Prose prose, Composition.Placement placement, int anchorStart, int anchorEnd) {
    }

    /** The library's setting for whether the generate panel shows its options or folds them into one line. */
    static final String OPTIONS_SHOWN = "generate.options.shown";

    private final Studio studio;
    private final Background background;
    private final long sceneId;
    /** Known once the scene has loaded: {@link #load(long)}. */
    private long storyId;
    private SceneHost host = SceneHost.NONE;
    private CompositionText composition = CompositionText.NONE;

    private final GenerateOptions options = new GenerateOptions();
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final VariantStreams streams;
    private final StringProperty shares = new SimpleStringProperty(this, "shares", "");
    private final ObjectProperty<List<Shares.Share>> shareList = new SimpleObjectProperty<>(this, "shareList",
            List.of());
    private final AcceptPlace place = new AcceptPlace();
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final BooleanProperty accepting = new SimpleBooleanProperty(this, "accepting");
    private final IntegerProperty sceneWords = new SimpleIntegerProperty(this, "sceneWords");
    private final SceneGenerations generations;
    private final dev.quire.ui.cliche.ClicheWatch cliches;
    private final dev.quire.ui.spell.SpellWatch spelling;
    /** Blind mode: the columns' models are shown once the writer accepts. */
    private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed", true);

    /**
     * @param generator the studio's generator, which records what streams in the library
     * @param frames    where streamed text is applied: once per frame in the window
     * @param ticker    what moves the columns' elapsed time on while they stream
     */
    public StitchViewModel(Studio studio, Generator generator, Background background, SaveStatus status,
                           Executor frames, Ticker ticker, long sceneId) {
        super(background, status);
        this.studio = studio;
        this.background = background;
        this.sceneId = sceneId;
        this.streams = new VariantStreams(studio, generator, background, frames, ticker, sceneId, problem);
        this.generations = new SceneGenerations(studio, background, sceneId, streams, problem);
        this.cliches = new dev.quire.ui.cliche.ClicheWatch(studio, background);
        this.spelling = new dev.quire.ui.spell.SpellWatch(studio, background);
        streams.onAsking(generations::asking);
        options.optionsShownProperty().addListener((o, was, shown) -> {
            if (loaded.get()) {
                background.write(() -> {
                    studio.settings().put(OPTIONS_SHOWN, String.valueOf(shown));
                    return null;
                }).onError(e -> problem.set(e.getMessage())).start();
            }
        });
    }

    /** The scene editor beside the pane, once it exists. */
    public void attach(SceneHost sceneHost) {
        this.host = sceneHost;
    }

    /** The view's editor for the composition, before {@link #load(long)} shows the stored one in it. */
    public void composeIn(CompositionText text) {
        this.composition = text;
    }

    // ---- loading ----

    /** Reads the stored pane, frames and providers, once the scene has loaded and its story is known. */
    public void load(long story) {
        this.storyId = story;
        cliches.story(story);
        spelling.story(story);
        background.read(() -> StoredPane.read(studio, sceneId, story)).onSuccess(l -> {
            loading(() -> {
                options.fill(l.frames(), l.providers().names(), l.providers().storyProvider(), l.optionsShown());
                streams.showStored(l.pane(), l.marks());
                Composition comp = l.pane().composition();
                place.set(comp.placement(), comp.anchorStart(), comp.anchorEnd());
                composition.show(comp.prose());
                compositionEdited(comp.prose());
            });
            showOriginal();
            loaded.set(true);
            MixMemory.restore(studio, background, story, options.mix(), problem);
            // the instruction the writer last gave for this scene, as they left it
            generations.reload(last -> {
                if (options.instructionProperty().get().isBlank()) {
                    options.instructionProperty().set(last);
                }
            });
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    /** Reads the provider profiles again: the writer may have added one on the Providers page. */
    public void reloadProviders() {
        long story = storyId;
        background.read(() -> StoredPane.Providers.read(studio, story))
                .onSuccess(l -> options.providers(l.names(), l.storyProvider()))
                .describedAs("Quire could not read the provider profiles").start();
    }

    // ---- generating ----

    /** Sends the request and streams the variants into fresh columns. */
    public void generate() {
        if (streams.runningProperty().get()) {
            return;
        }
        Mode m = options.modeProperty().get();
        String missing = options.missingInstruction(m);
        if (missing != null) {
            problem.set(missing);
            return;
        }
        MixOptions mix = options.mix();
        List<dev.quire.studio.Column> mixed;
        try {
            mixed = mix.onProperty().get() ? mix.columns() : null;
            if (mixed != null && mix.blindProperty().get()) {
                // blind: column A is not row A, so the rows do not give the models away either
                mixed = new java.util.ArrayList<>(mixed);
                java.util.Collections.shuffle(mixed);
            }
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        int count = mixed != null ? mixed.size() : options.variantsProperty().get();
        int[] anchors = AcceptPlace.anchorsFor(m, host);
        if (anchors == null) {
            problem.set("Select the passage to rewrite in the scene first.");
            return;
        }
        host.saveScene();
        saveSoon();
        problem.set("");
        revealed.set(false);
        MixMemory.keep(studio, background, storyId, mix, problem);
        java.util.function.Supplier<List<VariantColumn>> columnsWhenReady = () -> {
            List<VariantColumn> fresh = ColumnLayout.forAsk(streams.columns(), m, count,
                    m == Mode.REWRITE ? host.text() : "", anchors);
            // a composition already begun keeps where it goes: new variants feed it, they do not move it
            if (composition.prose().isEmpty()) {
                place.askedFor(m, anchors);
                changed();
            }
            return fresh;
        };
        Stitching.Asked asked = new Stitching.Asked(m, anchors[0], anchors[1]);
        if (mixed != null) {
            streams.startMix(options.request(storyId, m, anchors, 1, false), mixed, asked, columnsWhenReady);
        } else {
            streams.start(options.request(storyId, m, anchors, count, false), asked, columnsWhenReady);
        }
    }

    /**
     * Asks again for one column's variant, for what that variant was asked for (its mode and place in the scene,
     * whatever the panel shows now); the others stay. A pasted column cannot be asked for again.
     */
    public void regenerate(VariantColumn column) {
        if (!streams.canAskAgain(column)) {
            return;
        }
        Stitching.Asked was = column.askedProperty().get();
        Mode m = was.mode();
        if (options.missingInstruction(m) != null) {
            problem.set("Say what the scene should do in the instruction first, then regenerate.");
            return;
        }
        int[] anchors = place.anchorsAgain(was);
        host.saveScene();
        problem.set("");
        java.util.function.Function<dev.quire.model.Scene, dev.quire.studio.GenerationRequest> request =
                options.request(storyId, m, anchors, 1, m != options.modeProperty().get());
        dev.quire.studio.Column asked = column.columnProperty().get();
        // a column of a mixed set asks its own provider, model, temperature and instruction again
        streams.start(asked == null ? request : request.andThen(asked::apply),
                new Stitching.Asked(m, anchors[0], anchors[1]), () -> List.of(column));
    }

    /**
     * Continues a column's variant in place, from exactly where it stops: the same column, label and provenance,
     * the new text streaming in after the old.
     */
    public void continueVariant(VariantColumn column) {
        streams.extend(column);
    }

    /** The rewrite's passage as the scene holds it now, first among the columns, when they rewrite it. */
    private void showOriginal() {
        if (ColumnLayout.showOriginal(streams.columns(), place, host.text())) {
            streams.realign();
        }
    }

    /** Shows an earlier generation's variants as the columns; the composition stays. */
    public void reopen(dev.quire.model.Generation generation) {
        generations.reopen(generation, this::showOriginal);
    }

    /**
     * The scene's generations, newest first: what each asked, when, and how many variants; a continuation or rewrite
     * follows the generation whose text it came from, {@link #historyDepth one level deeper}.
     */
    public ObservableList<dev.quire.model.Generation> history() {
        return generations.history();
    }

    /** How a generation of {@link #history()} ended where not all its variants finished; "" when all did. */
    public String historyOutcomes(dev.quire.model.Generation g) {
        return generations.outcomes(g);
    }

    /** How deep a generation of {@link #history()} hangs under the one it came from; 0 for none. */
    public int historyDepth(dev.quire.model.Generation g) {
        return generations.depth(g);
    }

    /** What the columns were asked for: instruction, frame, provider and model, time; null for none. */
    public ObjectProperty<dev.quire.model.Generation> shownGenerationProperty() {
        return generations.shownProperty();
    }

    /** The scene's words as the editor beside the pane counts them: what Accept says it replaces. */
    public IntegerProperty sceneWordsProperty() {
        return sceneWords;
    }

    /** Stops every stream; what arrived is kept. */
    public void cancel() {
        streams.cancel();
    }

    /** Stops one column's stream. */
    public void cancel(VariantColumn column) {
        streams.cancel(column);
    }

    /** Adds text written anywhere as one more column. */
    public void paste(String text) {
        streams.paste(text);
    }

    /** Takes a column out of the pane; its variant stays in the library. */
    public void remove(VariantColumn column) {
        streams.remove(column);
    }

    /** Saves a column's rating and note. */
    public void rate(VariantColumn column) {
        streams.rate(column);
    }

    // ---- the composition ----

    /**
     * Takes a column's passage into the composition at {@code at} (clamped to it), attributed to its variant; the
     * text before it decides the gap ({@link VariantColumn#passage}).
     */
    public void take(VariantColumn column, int start, int end, int at) {
        String composed = composition.text();
        int where = Math.max(0, Math.min(at, composed.length()));
        Prose piece = column.passage(start, end, where == 0 ? "" : composed.substring(where - 1, where));
        if (!piece.isEmpty()) {
            composition.insert(where, piece);
        }
    }

    /** The view reports each edit of the composition. */
    public void compositionEdited(Prose now) {
        List<Shares.Share> list = Shares.of(now);
        shareList.set(list);
        shares.set(Shares.describe(list));
        changed();
    }

    /** Puts the composition where the pane was asked for: the whole scene, a continuation's cursor, a selection. */
    public void accept() {
        accept(place.placement(), place.start(), place.end());
    }

    /** Inserts the composition at the scene editor's cursor as it is now. */
    public void acceptAtCursor() {
        int caret = host.caret();
        accept(Composition.Placement.AT_CURSOR, caret, caret);
    }

    /** Makes the composition the whole scene text. */
    public void acceptAsScene() {
        accept(Composition.Placement.REPLACE_SCENE, 0, 0);
    }

    /** The scene's earlier text stays a revision. One accept at a time: a double click does not insert twice. */
    private void accept(Composition.Placement where, int start, int end) {
        if (accepting.get()) {
            return;
        }
        Prose prose = composition.prose();
        if (prose.isEmpty()) {
            problem.set("The composition is empty: take passages from the columns or write into it first.");
            return;
        }
        // both saves are queued ahead of the accept on the one writer thread, so no older state lands after it
        host.saveScene();
        saveSoon();
        problem.set("");
        accepting.set(true);
        Prose placed = AcceptChoice.spaced(prose, host.text(), where, start, end);
        String done = AcceptChoice.done(where, sceneWords.get(), prose.wordCount());
        background.write(() -> studio.stitching().accept(sceneId, placed, where, start, end))
                .onSuccess(scene -> {
                    accepting.set(false);
                    revealed.set(true);
                    loading(() -> {
                        composition.show(Prose.EMPTY);
                        compositionEdited(Prose.EMPTY);
                        place.reset();
                    });
                    host.accepted(scene.prose(), done);
                })
                .onError(e -> {
                    accepting.set(false);
                    problem.set(e.getMessage());
                }).start();
    }

    /**
     * The scene's text was put back from a revision: a continuation or rewrite can no longer know its place, so it
     * goes at the end, where it replaces nothing.
     */
    public void sceneRestored(int length) {
        if (place.sceneRestored(length)) {
            changed();
        }
    }

    /**
     * The writer edited the scene: {@code removed} characters at {@code position} became {@code inserted} ones.
     * The place a continuation or rewrite will be accepted moves with the text around it; an edit inside a
     * selection being rewritten stretches or shrinks it.
     */
    public void sceneEdited(int position, int removed, int inserted) {
        if (place.sceneEdited(position, removed, inserted)) {
            changed();
        }
    }

    @Override
    protected boolean canSave() {
        return loaded.get();
    }

    @Override
    protected Draft snapshot() {
        return new Draft(composition.prose(), place.placement(), place.start(), place.end());
    }

    @Override
    protected void save(Draft d) {
        studio.stitching().saveComposition(sceneId, d.prose(), d.placement(), d.anchorStart(), d.anchorEnd());
    }

    /**
     * The scene closes: its streams stop and nothing more is sent. The FX thread does not wait for the library to
     * record what arrived: that finishes in the background, ahead of anything queued on the library's writer after
     * it, so closing the window mid-stream still keeps every variant's text (marked as stopped).
     */
    public void close() {
        streams.close();
    }

    // ---- properties ----

    public long sceneId() {
        return sceneId;
    }

    /** What to ask for: the generate panel's state. */
    /** Cliché watch over the story, for the columns and the composition. */
    public dev.quire.ui.cliche.ClicheWatch cliches() {
        return cliches;
    }

    /** Spell check of the scene's story, for the scene and its composition. */
    public dev.quire.ui.spell.SpellWatch spelling() {
        return spelling;
    }

    /** The cost of the next send, estimated as the prompt and the options change. */
    public SendEstimate sendEstimate() {
        return new SendEstimate(studio, background, storyId, options);
    }

    public GenerateOptions options() {
        return options;
    }

    public StringProperty instructionProperty() {
        return options.instructionProperty();
    }

    public IntegerProperty variantsProperty() {
        return options.variantsProperty();
    }

    public ObjectProperty<Mode> modeProperty() {
        return options.modeProperty();
    }

    /** Whether the generate panel shows its options, or folds them into one line; remembered in the library. */
    public BooleanProperty optionsShownProperty() {
        return options.optionsShownProperty();
    }

    public BooleanProperty runningProperty() {
        return streams.runningProperty();
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public ObservableList<VariantColumn> columns() {
        return streams.columns();
    }

    /** "Insert at the cursor where Continue was asked (position 120)": the Accept button's tooltip. */
    public String placementText() {
        return place.tooltip();
    }

    /** "38% yours · 40% B · 22% C". */
    public StringProperty sharesProperty() {
        return shares;
    }

    public ObjectProperty<List<Shares.Share>> shareListProperty() {
        return shareList;
    }

    public ObjectProperty<Composition.Placement> placementProperty() {
        return place.placementProperty();
    }

    /** Blind mode's veil: the columns' headers hide their providers and models until Accept. */
    public javafx.beans.binding.BooleanBinding modelsHidden() {
        return options.mix().blindProperty().and(revealed.not());
    }

    /** True while an accepted composition is being written into the scene. */
    public BooleanProperty acceptingProperty() {
        return accepting;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }
}
