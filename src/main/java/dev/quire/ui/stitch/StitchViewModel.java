package dev.quire.ui.stitch;

import dev.quire.llm.ProviderError;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.VariantResult;
import dev.quire.model.Composition;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Variant;
import dev.quire.stitch.Alignment;
import dev.quire.stitch.Shares;
import dev.quire.studio.Generator;
import dev.quire.studio.Generator.Mode;
import dev.quire.studio.Prompts;
import dev.quire.studio.Stitching;
import dev.quire.studio.Studio;
import dev.quire.ui.common.AutosavingViewModel;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.SaveStatus;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A scene's generate panel and stitching pane: what to ask for, the variant columns as they stream,
 * and the composition stitched from them, which autosaves and which Accept puts into the scene.
 */
public final class StitchViewModel extends AutosavingViewModel<StitchViewModel.Draft> {

    /** The composition as of one moment, with where Accept will put it. */
    public record Draft(Prose prose, Composition.Placement placement, int anchorStart, int anchorEnd) {
    }

    /** What the pane needs from the scene editor beside it. */
    public interface SceneHost {
        /** The editor's caret. */
        int caret();

        /** The editor's selection, as {start, end}. */
        int[] selection();

        /** The editor's text, to space a continuation or rewrite from the words beside it. */
        default String text() {
            return "";
        }

        /**
         * Queues a save of the scene's unsaved edits on the library's writer thread, so work queued there next
         * sees what the writer sees.
         */
        void saveScene();

        /** The scene's text changed in the library (an accepted composition): show it. */
        void sceneReplaced(Prose prose);
    }

    private final Studio studio;
    private final Background background;
    private final Executor frames;
    private final long sceneId;
    private final long storyId;
    private final Generator generator;
    private final SceneHost host;

    private final StringProperty instruction = new SimpleStringProperty(this, "instruction", "");
    private final ObservableList<Prompts.FrameInfo> frameChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Prompts.FrameInfo> frame = new SimpleObjectProperty<>(this, "frame");
    private final ObservableList<String> providerChoices = FXCollections.observableArrayList();
    private final StringProperty provider = new SimpleStringProperty(this, "provider");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final IntegerProperty variants = new SimpleIntegerProperty(this, "variants", 3);
    private final ObjectProperty<Double> temperature = new SimpleObjectProperty<>(this, "temperature", 1.0);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SCENE);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final ObservableList<VariantColumn> columns = FXCollections.observableArrayList();
    private final StringProperty shares = new SimpleStringProperty(this, "shares", "");
    private final ObjectProperty<List<Shares.Share>> shareList = new SimpleObjectProperty<>(this, "shareList",
            List.of());
    private final ObjectProperty<Composition.Placement> placement = new SimpleObjectProperty<>(this, "placement",
            Composition.Placement.REPLACE_SCENE);
    private final IntegerProperty anchorStart = new SimpleIntegerProperty(this, "anchorStart");
    private final IntegerProperty anchorEnd = new SimpleIntegerProperty(this, "anchorEnd");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final BooleanProperty accepting = new SimpleBooleanProperty(this, "accepting");
    private final BooleanProperty optionsShown = new SimpleBooleanProperty(this, "optionsShown", true);

    private Supplier<Prose> composition = () -> Prose.EMPTY;
    private Consumer<Prose> showComposition = p -> { };
    private final List<Run> runs = new ArrayList<>();
    /** Requests being prepared, not yet streaming. */
    private int preparing;
    /** The scene closed: nothing more is sent. */
    private boolean closed;

    public StitchViewModel(Studio studio, Background background, SaveStatus status, Executor frames, long storyId,
                           long sceneId, SceneHost host) {
        super(background, status);
        this.studio = studio;
        this.background = background;
        this.frames = frames;
        this.storyId = storyId;
        this.sceneId = sceneId;
        this.host = host;
        this.generator = new Generator(studio);
        // the columns' elapsed time counts on while they wait for their first words
        javafx.animation.Timeline clock = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(250), e -> columns.forEach(VariantColumn::tick)));
        clock.setCycleCount(javafx.animation.Animation.INDEFINITE);
        running.addListener((o, was, now) -> {
            if (now) {
                clock.play();
            } else {
                clock.stop();
            }
        });
    }

    // ---- loading ----

    private record Loaded(Stitching.Pane pane, List<Prompts.FrameInfo> frames, List<String> providers,
                          String storyProvider, List<List<Alignment.Mark>> marks, boolean optionsShown) {
    }

    /** The library's setting for whether the generate panel shows its options or folds them into one line. */
    static final String OPTIONS_SHOWN = "generate.options.shown";

    /** Reads the stored pane, frames and providers; {@code show} receives the composition for its editor. */
    public void load(Consumer<Prose> show) {
        this.showComposition = show;
        background.read(() -> {
            Stitching.Pane pane = studio.stitching().pane(sceneId);
            List<String> names = new ArrayList<>();
            for (ProviderProfile p : studio.providers().profiles()) {
                names.add(p.name());
            }
            String chosen = studio.providers().profileFor(storyId).map(ProviderProfile::name).orElse(null);
            List<String> texts = new ArrayList<>();
            pane.columns().forEach(c -> texts.add(c.variant().text()));
            return new Loaded(pane, studio.prompts().frames(storyId), names, chosen,
                    texts.isEmpty() ? List.of() : Alignment.of(texts),
                    !"false".equals(studio.settings().get(OPTIONS_SHOWN).orElse("true")));
        }).onSuccess(l -> {
            loading(() -> {
                optionsShown.set(l.optionsShown());
                frameChoices.setAll(l.frames());
                providerChoices.setAll(l.providers());
                provider.set(l.storyProvider());
                selectFrameFor(mode.get());
                List<VariantColumn> shown = new ArrayList<>();
                for (int i = 0; i < l.pane().columns().size(); i++) {
                    Stitching.Column c = l.pane().columns().get(i);
                    VariantColumn column = VariantColumn.of(c.variant(), c.label(), c.source(), c.outputTokens(),
                            c.elapsed() == null ? "" : VariantColumn.seconds(c.elapsed().toNanos()));
                    column.marksProperty().set(l.marks().get(i));
                    column.askedProperty().set(c.asked().orElse(null));
                    shown.add(column);
                }
                columns.setAll(shown);
                Composition comp = l.pane().composition();
                placement.set(comp.placement());
                anchorStart.set(comp.anchorStart());
                anchorEnd.set(comp.anchorEnd());
                showComposition.accept(comp.prose());
                compositionEdited(comp.prose());
            });
            loaded.set(true);
        }).onError(e -> problem.set(e.getMessage())).start();
        mode.addListener((o, was, now) -> selectFrameFor(now));
        optionsShown.addListener((o, was, shown) -> {
            if (loaded.get()) {
                background.write(() -> {
                    studio.settings().put(OPTIONS_SHOWN, String.valueOf(shown));
                    return null;
                }).onError(e -> problem.set(e.getMessage())).start();
            }
        });
    }

    private void selectFrameFor(Mode m) {
        String key = m.defaultFrame();
        frameChoices.stream().filter(f -> f.key().equals(key)).findFirst().ifPresent(frame::set);
    }

    /** The view tells where the composition is read from. */
    public void readCompositionFrom(Supplier<Prose> supplier) {
        this.composition = supplier;
    }

    // ---- generating ----

    /** Sends the request and streams the variants into fresh columns. */
    public void generate() {
        if (running.get()) {
            return;
        }
        if (instruction.get().isBlank() && mode.get() != Mode.CONTINUE) {
            problem.set(mode.get() == Mode.REWRITE ? "Say how the selected passage should change in the instruction"
                    + " first." : "Say what the scene should do in the instruction first.");
            return;
        }
        int count = variants.get();
        Mode m = mode.get();
        int[] anchors = anchorsFor(m);
        if (anchors == null) {
            return;
        }
        host.saveScene();
        saveSoon();
        problem.set("");
        start(m, anchors, count, false, () -> {
            List<VariantColumn> fresh = new ArrayList<>();
            if (columns.size() == count) {
                // the same number of columns: they start over in place, and the views stay (rebuilding them is
                // the one slow frame of a Generate)
                fresh.addAll(columns);
            } else {
                for (int i = 0; i < count; i++) {
                    fresh.add(new VariantColumn(Variant.labelFor(i)));
                }
                columns.setAll(fresh);
            }
            // a composition already begun keeps where it goes: new variants feed it, they do not move it
            if (composition.get().isEmpty()) {
                placement.set(placementFor(m));
                anchorStart.set(anchors[0]);
                anchorEnd.set(anchors[1]);
                changed();
            }
            return fresh;
        });
    }

    /**
     * Asks again for one column's variant, for what that variant was asked for (its mode and place in the scene,
     * whatever the panel shows now); the others stay. A pasted column cannot be asked for again.
     */
    public void regenerate(VariantColumn column) {
        Stitching.Asked was = column.askedProperty().get();
        if (!columns.contains(column) || preparing > 0 || column.isStreaming() || was == null) {
            return;
        }
        Mode m = was.mode();
        if (instruction.get().isBlank() && m != Mode.CONTINUE) {
            problem.set("Say what the scene should do in the instruction first, then regenerate.");
            return;
        }
        // the pane's own anchors follow the writer's edits; a column asked in another mode keeps its own
        int[] anchors = modeFor(placement.get()) == m ? new int[] {anchorStart.get(), anchorEnd.get()}
                : new int[] {was.anchorStart(), was.anchorEnd()};
        host.saveScene();
        problem.set("");
        start(m, anchors, 1, m != mode.get(), () -> List.of(column));
    }

    private static Mode modeFor(Composition.Placement p) {
        return p == Composition.Placement.AT_CURSOR ? Mode.CONTINUE
                : p == Composition.Placement.REPLACE_SELECTION ? Mode.REWRITE : Mode.SCENE;
    }

    private int[] anchorsFor(Mode m) {
        if (m == Mode.CONTINUE) {
            int c = host.caret();
            return new int[] {c, c};
        }
        if (m == Mode.REWRITE) {
            int[] sel = host.selection();
            if (sel[1] <= sel[0]) {
                problem.set("Select the passage to rewrite in the scene first.");
                return null;
            }
            return sel;
        }
        return new int[] {0, 0};
    }

    private static Composition.Placement placementFor(Mode m) {
        return m == Mode.CONTINUE ? Composition.Placement.AT_CURSOR
                : m == Mode.REWRITE ? Composition.Placement.REPLACE_SELECTION : Composition.Placement.REPLACE_SCENE;
    }

    /**
     * Prepares the request on the writer thread (after the scene's pending save), and only once it can be sent
     * takes its columns: a request that cannot be sent (no provider, a bad cursor) leaves the pane as it was and
     * says why. Then the request is recorded and sent, and the columns, now holding their variants' ids, are kept
     * as the pane's columns before any text arrives.
     *
     * @param defaultFrame use the mode's own frame rather than the one chosen in the panel
     */
    private void start(Mode m, int[] anchors, int count, boolean defaultFrame,
                       Supplier<List<VariantColumn>> columnsWhenReady) {
        String instructionText = instruction.get();
        String frameKey = defaultFrame || frame.get() == null ? null : frame.get().key();
        String providerName = provider.get();
        String modelName = model.get();
        Double temp = temperature.get();
        preparing++;
        running.set(true);
        background.write(() -> {
            Scene scene = studio.scenes().get(sceneId).orElseThrow(() -> new IllegalStateException(
                    "This scene is no longer in the library."));
            Generator.Request.Builder b = Generator.Request.builder(storyId, instructionText)
                    .scene(scene.position() + 1).provider(providerName).model(modelName).variants(count)
                    .temperature(temp);
            asked(b, m, anchors, frameKey);
            return generator.prepare(b.build());
        }).onSuccess(prepared -> {
            preparing--;
            if (closed) {
                running.set(false);
                return;
            }
            Run run = new Run(columnsWhenReady.get());
            runs.add(run);
            String source = prepared.profile().name() + " · " + prepared.model();
            for (VariantColumn c : run.targets) {
                // a column asked again leaves its earlier stream: what that one still sends is not shown here
                for (Run other : List.copyOf(runs)) {
                    if (other != run) {
                        other.cancel(c);
                    }
                }
                c.restart(run, source);
                c.askedProperty().set(new Stitching.Asked(m, anchors[0], anchors[1]));
            }
            background.write(() -> {
                Generator.Running r = generator.start(prepared, run, Runnable::run);
                List<Long> ids = new ArrayList<>();
                for (Variant v : studio.generations().variants(r.generationId())) {
                    ids.add(v.id());
                }
                return new Started(r, ids);
            }).onSuccess(started -> run.started(started.running(), started.variantIds()))
                    .onError(e -> run.failedToStart(e.getMessage()))
                    .start();
        }).onError(e -> {
            preparing--;
            running.set(!runs.isEmpty() || preparing > 0);
            problem.set(e.getMessage());
        }).start();
    }

    private record Started(Generator.Running running, List<Long> variantIds) {
    }

    private static void asked(Generator.Request.Builder b, Mode m, int[] anchors, String frameKey) {
        b.frame(frameKey);
        if (m == Mode.CONTINUE) {
            b.continueAt(anchors[0]);
        } else if (m == Mode.REWRITE) {
            b.rewrite(anchors[0], anchors[1]);
        }
    }

    /** Stops every stream; what arrived is kept. */
    public void cancel() {
        for (Run r : List.copyOf(runs)) {
            r.cancelAll();
        }
    }

    /** Stops one column's stream. */
    public void cancel(VariantColumn column) {
        for (Run r : runs) {
            r.cancel(column);
        }
    }

    /**
     * One generation streaming into some columns. Provider callbacks arrive on the generator's thread; text is
     * gathered there and handed to the FX thread once per frame, however fast it comes.
     */
    private final class Run implements dev.quire.llm.GenerationHandler {
        private final VariantColumn[] targets;
        private final StringBuilder[] pending;
        private boolean drainQueued;
        private Generator.Running handle;
        /** The stream ended before its start was known here (a request refused at once). */
        private boolean finishedEarly;
        /** Variants to stop as soon as the request is sent (-1: all of them). */
        private final List<Integer> cancelWhenStarted = new ArrayList<>();

        Run(List<VariantColumn> targets) {
            this.targets = targets.toArray(new VariantColumn[0]);
            this.pending = new StringBuilder[this.targets.length];
            for (int i = 0; i < pending.length; i++) {
                pending[i] = new StringBuilder();
            }
        }

        void started(Generator.Running r, List<Long> variantIds) {
            handle = r;
            // Cancel pressed while the request was being sent
            for (int i : cancelWhenStarted) {
                if (i < 0) {
                    r.cancel();
                } else {
                    r.cancel(i);
                }
            }
            for (int i = 0; i < targets.length && i < variantIds.size(); i++) {
                if (targets[i].ownedBy(this)) {
                    targets[i].variantId(variantIds.get(i));
                }
            }
            // the pane's columns are kept now, so closing the window mid-stream finds them again
            keepColumns();
            r.done().thenAccept(outcome -> {
                if (outcome.saveFailure() != null) {
                    frames.execute(() -> problem.set(outcome.saveFailure().getMessage() + " The text is still in"
                            + " the columns: take what you need into the composition."));
                }
            });
            if (finishedEarly) {
                finished();
            }
        }

        void failedToStart(String message) {
            runs.remove(this);
            StitchViewModel.this.running.set(!runs.isEmpty() || preparing > 0);
            problem.set(message);
            for (VariantColumn c : targets) {
                if (c.ownedBy(this)) {
                    c.finish(Variant.Status.FAILED, message, null);
                    c.sourceProperty().set("Not sent");
                }
            }
        }

        void cancelAll() {
            if (handle != null) {
                handle.cancel();
            } else {
                cancelWhenStarted.add(-1);
            }
        }

        void cancel(VariantColumn column) {
            for (int i = 0; i < targets.length; i++) {
                if (targets[i] == column) {
                    if (handle != null) {
                        handle.cancel(i);
                    } else {
                        cancelWhenStarted.add(i);
                    }
                }
            }
        }

        // -- on the generator's thread --

        @Override
        public void onText(int variant, String delta) {
            synchronized (pending) {
                if (variant >= 0 && variant < pending.length) {
                    pending[variant].append(delta);
                }
                if (!drainQueued) {
                    drainQueued = true;
                    frames.execute(this::drain);
                }
            }
        }

        @Override
        public void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
            frames.execute(() -> {
                if (variant >= 0 && variant < targets.length && targets[variant].ownedBy(this)) {
                    targets[variant].retryProperty().set(error.message() + " Trying again in "
                            + Math.max(1, Math.round(delay.toMillis() / 1000.0)) + " s…");
                }
            });
        }

        @Override
        public void onVariantFinished(VariantResult result) {
            frames.execute(() -> {
                drain();
                if (result.index() >= 0 && result.index() < targets.length
                        && targets[result.index()].ownedBy(this)) {
                    targets[result.index()].finish(Generator.statusOf(result.status()),
                            result.error() == null ? null : result.error().message(), result.usage().output());
                    targets[result.index()].finishedAt(System.nanoTime());
                }
            });
        }

        @Override
        public void onFinished(List<VariantResult> results) {
            frames.execute(() -> {
                drain();
                finished();
            });
        }

        // -- on the FX thread --

        private void drain() {
            String[] pieces = new String[pending.length];
            synchronized (pending) {
                drainQueued = false;
                for (int i = 0; i < pending.length; i++) {
                    if (pending[i].length() > 0) {
                        pieces[i] = pending[i].toString();
                        pending[i].setLength(0);
                    }
                }
            }
            for (int i = 0; i < pieces.length; i++) {
                if (pieces[i] != null && targets[i].ownedBy(this)) {
                    targets[i].append(pieces[i]);
                }
            }
        }

        private void finished() {
            if (handle == null) {
                finishedEarly = true;
                return;
            }
            runs.remove(this);
            StitchViewModel.this.running.set(!runs.isEmpty() || preparing > 0);
            realign();
        }
    }

    /** Stores the columns in their current order (those with a stored variant). */
    private void keepColumns() {
        List<Long> ids = new ArrayList<>();
        for (VariantColumn c : columns) {
            if (c.variantId() != null) {
                ids.add(c.variantId());
            }
        }
        background.write(() -> studio.stitching().showColumns(sceneId, ids))
                .onError(e -> problem.set(e.getMessage())).start();
    }

    /** Recomputes the word-level alignment of the columns once none is streaming. */
    private void realign() {
        if (columns.stream().anyMatch(VariantColumn::isStreaming)) {
            return;
        }
        List<VariantColumn> now = List.copyOf(columns);
        List<String> texts = new ArrayList<>();
        now.forEach(c -> texts.add(c.text()));
        background.read(() -> Alignment.of(texts)).onSuccess(marks -> {
            for (int i = 0; i < now.size(); i++) {
                if (now.get(i).text().equals(texts.get(i))) {
                    now.get(i).marksProperty().set(marks.get(i));
                }
            }
        }).onError(e -> problem.set("Quire could not compare the variants (" + e.getMessage() + "); they can"
                + " still be stitched.")).start();
    }

    // ---- pasting and columns ----

    /** Adds text written anywhere as one more column. */
    public void paste(String text) {
        if (text == null || text.isBlank()) {
            problem.set("There is nothing to paste: copy the text first, then paste it here.");
            return;
        }
        problem.set("");
        background.write(() -> studio.stitching().paste(sceneId, text)).onSuccess(pane -> {
            Stitching.Column c = pane.columns().get(pane.columns().size() - 1);
            columns.add(VariantColumn.of(c.variant(), Variant.labelFor(columns.size()), c.source(), null, ""));
            keepColumns();
            realign();
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    /** Takes a column out of the pane; its variant stays in the library. */
    public void remove(VariantColumn column) {
        if (column.isStreaming()) {
            cancel(column);
        }
        columns.remove(column);
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).labelProperty().set(Variant.labelFor(i));
        }
        keepColumns();
        realign();
    }

    /** Saves a column's rating and note. */
    public void rate(VariantColumn column) {
        Long id = column.variantId();
        if (id == null) {
            return;
        }
        Integer r = column.ratingProperty().get();
        String n = column.noteProperty().get();
        background.write(() -> {
            studio.stitching().rate(id, r, n);
            return null;
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    // ---- the composition ----

    /** The view reports each edit of the composition. */
    public void compositionEdited(Prose now) {
        List<Shares.Share> list = Shares.of(now);
        shareList.set(list);
        shares.set(Shares.describe(list));
        changed();
    }

    /** Puts the composition where the pane was asked for: the whole scene, a continuation's cursor, a selection. */
    public void accept() {
        accept(placement.get(), anchorStart.get(), anchorEnd.get());
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
        Prose prose = composition.get();
        if (prose.isEmpty()) {
            problem.set("The composition is empty: take passages from the columns or write into it first.");
            return;
        }
        // both saves are queued ahead of the accept on the one writer thread, so no older state lands after it
        host.saveScene();
        saveSoon();
        problem.set("");
        accepting.set(true);
        Prose placed = spaced(prose, host.text(), where, start, end);
        background.write(() -> studio.stitching().accept(sceneId, placed, where, start, end))
                .onSuccess(scene -> {
                    accepting.set(false);
                    loading(() -> {
                        showComposition.accept(Prose.EMPTY);
                        compositionEdited(Prose.EMPTY);
                        // the anchors pointed into text that has just changed
                        placement.set(Composition.Placement.REPLACE_SCENE);
                        anchorStart.set(0);
                        anchorEnd.set(0);
                    });
                    host.sceneReplaced(scene.prose());
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
        if (placement.get() != Composition.Placement.REPLACE_SCENE) {
            placement.set(Composition.Placement.AT_CURSOR);
            anchorStart.set(length);
            anchorEnd.set(length);
            changed();
        }
    }

    /**
     * The writer edited the scene: {@code removed} characters at {@code position} became {@code inserted} ones.
     * The place a continuation or rewrite will be accepted moves with the text around it; an edit inside a
     * selection being rewritten stretches or shrinks it.
     */
    public void sceneEdited(int position, int removed, int inserted) {
        Composition.Placement p = placement.get();
        if (p == Composition.Placement.REPLACE_SCENE) {
            return;
        }
        int start = anchorStart.get();
        int end = anchorEnd.get();
        int[] moved = Anchors.moved(start, end, p == Composition.Placement.AT_CURSOR, position, removed, inserted);
        if (moved[0] != start || moved[1] != end) {
            anchorStart.set(moved[0]);
            anchorEnd.set(moved[1]);
            changed();
        }
    }

    /**
     * A continuation or rewrite is sent and comes back without the whitespace around it; put back a space (the
     * writer's) where it would otherwise run into the words beside it.
     */
    static Prose spaced(Prose prose, String scene, Composition.Placement where, int start, int end) {
        if (where == Composition.Placement.REPLACE_SCENE || prose.isEmpty()) {
            return prose;
        }
        int from = Math.min(start, scene.length());
        int to = where == Composition.Placement.REPLACE_SELECTION ? Math.min(Math.max(end, from), scene.length()) : from;
        Prose out = prose;
        if (from > 0 && !Character.isWhitespace(scene.charAt(from - 1))
                && !Character.isWhitespace(out.text().charAt(0))) {
            out = Prose.plain(" ").replace(1, 1, out);
        }
        if (to < scene.length() && !Character.isWhitespace(scene.charAt(to))
                && !Character.isWhitespace(out.text().charAt(out.text().length() - 1))
                && Character.isLetterOrDigit(scene.charAt(to))) {
            out = out.replace(out.text().length(), out.text().length(), Prose.plain(" "));
        }
        return out;
    }

    @Override
    protected boolean canSave() {
        return loaded.get();
    }

    @Override
    protected Draft snapshot() {
        return new Draft(composition.get(), placement.get(), anchorStart.get(), anchorEnd.get());
    }

    @Override
    protected void save(Draft d) {
        studio.stitching().saveComposition(sceneId, d.prose(), d.placement(), d.anchorStart(), d.anchorEnd());
    }

    /**
     * The scene closes: stops its streams and waits a moment for the library to record what arrived, so closing
     * the window mid-stream keeps every variant's text (marked as stopped).
     */
    public void close() {
        closed = true;
        List<Run> open = List.copyOf(runs);
        open.forEach(Run::cancelAll);
        for (Run r : open) {
            if (r.handle != null) {
                try {
                    r.handle.done().get(2, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // recorded as far as it got; the next start finds the rest marked STREAMING at worst
                }
            }
        }
    }

    /** "Accept puts this at the cursor", said for the Accept button's tooltip. */
    public String placementText() {
        switch (placement.get()) {
            case AT_CURSOR:
                return "Insert at the cursor where Continue was asked (position " + anchorStart.get() + ")";
            case REPLACE_SELECTION:
                return "Replace the selected passage the rewrite was asked for";
            default:
                return "Replace the scene text (the current text stays among the revisions)";
        }
    }

    // ---- properties ----

    public long sceneId() {
        return sceneId;
    }

    public StringProperty instructionProperty() {
        return instruction;
    }

    public ObservableList<Prompts.FrameInfo> frameChoices() {
        return frameChoices;
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

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public ObservableList<VariantColumn> columns() {
        return columns;
    }

    /** "38% yours · 40% B · 22% C". */
    public StringProperty sharesProperty() {
        return shares;
    }

    public ObjectProperty<List<Shares.Share>> shareListProperty() {
        return shareList;
    }

    public ObjectProperty<Composition.Placement> placementProperty() {
        return placement;
    }

    /** Whether the generate panel shows its options, or folds them into one line; remembered in the library. */
    public BooleanProperty optionsShownProperty() {
        return optionsShown;
    }

    /** True while an accepted composition is being written into the scene. */
    public BooleanProperty acceptingProperty() {
        return accepting;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }
}
