package dev.quire.ui.stitch;

import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderError;
import dev.quire.llm.VariantResult;
import dev.quire.model.Scene;
import dev.quire.model.Variant;
import dev.quire.stitch.Alignment;
import dev.quire.studio.Column;
import dev.quire.studio.GenerationRequest;
import dev.quire.studio.Generator;
import dev.quire.studio.Stitching;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.Ticker;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The stitching pane's columns and the generations streaming into them. Text is gathered on the generator's
 * thread and lands in the columns once per frame; the columns are kept in the library as the pane's, compared
 * word by word once none streams, and their elapsed time ticks while they wait for words.
 */
final class VariantStreams {

    /** How often the columns' elapsed time moves on: a few times a second, not every frame. */
    static final Duration CLOCK = Duration.ofMillis(250);

    private final Studio studio;
    private final Generator generator;
    private final Background background;
    private final Executor frames;
    private final Ticker ticker;
    private final long sceneId;
    private final StringProperty problem;

    private final ObservableList<VariantColumn> columns = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final List<Run> runs = new ArrayList<>();
    private final List<Continuing> continuations = new ArrayList<>();
    /** Requests being prepared, not yet streaming. */
    private int preparing;
    /** The pane closed: nothing more is sent. */
    private boolean closed;
    private Ticker.Ticking clock;
    private java.util.function.Consumer<Asking> asking = p -> { };

    VariantStreams(Studio studio, Generator generator, Background background, Executor frames, Ticker ticker,
                   long sceneId, StringProperty problem) {
        this.studio = studio;
        this.generator = generator;
        this.background = background;
        this.frames = frames;
        this.ticker = ticker;
        this.sceneId = sceneId;
        this.problem = problem;
        // the columns' elapsed time counts on while they wait for their first words
        running.addListener((o, was, now) -> clock(now));
    }

    private void clock(boolean on) {
        if (on && clock == null && !closed) {
            clock = ticker.every(CLOCK, () -> columns.forEach(VariantColumn::tick));
        } else if (!on && clock != null) {
            clock.cancel();
            clock = null;
        }
    }

    private void updateRunning() {
        running.set(!runs.isEmpty() || preparing > 0 || !continuations.isEmpty());
    }

    /** Continues a column's variant in place; see {@link Continuing}. */
    void extend(VariantColumn column) {
        if (closed || !columns.contains(column) || column.isStreaming() || column.variantId() == null) {
            return;
        }
        problem.set("");
        Continuing c = new Continuing(studio, background, frames, column, problem, this::continued);
        continuations.add(c);
        updateRunning();
        c.start();
    }

    private void continued(Continuing c) {
        continuations.remove(c);
        updateRunning();
        realign();
    }

    /** The columns the library keeps for the pane, with their word-level marks. */
    void showStored(Stitching.Pane pane, List<List<Alignment.Mark>> marks) {
        List<VariantColumn> shown = new ArrayList<>();
        for (int i = 0; i < pane.columns().size(); i++) {
            Stitching.Column c = pane.columns().get(i);
            VariantColumn column = VariantColumn.of(c.variant(), c.label(), c.source(), c.outputTokens(),
                    c.elapsed() == null ? "" : VariantColumn.seconds(c.elapsed().toNanos()));
            column.marksProperty().set(marks.get(i));
            column.askedProperty().set(c.asked().orElse(null));
            column.outputLimitProperty().set(c.outputLimit());
            shown.add(column);
        }
        columns.setAll(shown);
    }

    /** Whether the column can be asked for again now: it is here, idle, and was generated (not pasted). */
    boolean canAskAgain(VariantColumn column) {
        return columns.contains(column) && preparing == 0 && !column.isStreaming()
                && column.askedProperty().get() != null;
    }

    /**
     * Prepares the request on the writer thread (after the scene's pending save), and only once it can be sent
     * takes its columns: a request that cannot be sent (no provider, a bad cursor) leaves the pane as it was and
     * says why. Then the request is recorded and sent, and the columns, now holding their variants' ids, are kept
     * as the pane's columns before any text arrives.
     *
     * @param request what to ask, given the scene as the library holds it
     * @param asked   what the columns' variants are asked for, kept with them for Regenerate
     */
    void start(Function<Scene, GenerationRequest> request, Stitching.Asked asked,
               Supplier<List<VariantColumn>> columnsWhenReady) {
        begin(scene -> Asking.of(generator.prepare(request.apply(scene))), asked, columnsWhenReady);
    }

    /** As {@link #start}, for a mixed set: the set's request asked of each column's own provider and model. */
    void startMix(Function<Scene, GenerationRequest> set, List<Column> mix, Stitching.Asked asked,
                  Supplier<List<VariantColumn>> columnsWhenReady) {
        begin(scene -> Asking.of(generator.prepareEach(set.apply(scene), mix)), asked, columnsWhenReady);
    }

    private void begin(Function<Scene, Asking> request, Stitching.Asked asked,
                       Supplier<List<VariantColumn>> columnsWhenReady) {
        preparing++;
        running.set(true);
        background.write(() -> {
            Scene scene = studio.scenes().get(sceneId).orElseThrow(() -> new IllegalStateException(
                    "This scene is no longer in the library."));
            return request.apply(scene);
        }).onSuccess(prepared -> {
            preparing--;
            if (closed) {
                updateRunning();
                return;
            }
            asking.accept(prepared);
            Run run = new Run(columnsWhenReady.get());
            runs.add(run);
            for (int i = 0; i < run.targets.length; i++) {
                VariantColumn c = run.targets[i];
                // a column asked again leaves its earlier stream: what that one still sends is not shown here
                for (Run other : List.copyOf(runs)) {
                    if (other != run) {
                        other.cancel(c);
                    }
                }
                Column was = prepared.column(i) == null && run.targets.length == 1 ? c.columnProperty().get() : null;
                c.restart(run, prepared.source(i) + (was == null || was.difference().isEmpty() ? ""
                        : " · " + was.difference()));
                c.askedProperty().set(asked);
                // a column asked again keeps what its column of a mixed set asked
                if (prepared.column(i) != null || run.targets.length > 1) {
                    c.columnProperty().set(prepared.column(i));
                }
                c.outputLimitProperty().set(prepared.outputLimit(i));
            }
            send(run, prepared);
        }).onError(e -> {
            preparing--;
            updateRunning();
            problem.set(e.getMessage());
        }).start();
    }

    private record Started(Generator.Running running, List<Long> variantIds) {
    }

    private void send(Run run, Asking prepared) {
        background.write(() -> {
            Generator.Running r;
            try {
                r = prepared.start(generator, run);
            } catch (RuntimeException e) {
                run.sent.completeExceptionally(e);
                throw e;
            }
            run.sent.complete(r);
            if (run.stopAll) {
                // the pane closed (or Cancel was pressed) while the request was being sent
                r.cancel();
            }
            List<Long> ids = new ArrayList<>();
            for (Variant v : studio.generations().variants(r.generationId())) {
                ids.add(v.id());
            }
            return new Started(r, ids);
        }).onSuccess(started -> run.started(started.running(), started.variantIds()))
                .onError(e -> run.failedToStart(e.getMessage()))
                .start();
    }

    /** Stops every stream; what arrived is kept. */
    void cancel() {
        for (Run r : List.copyOf(runs)) {
            r.cancelAll();
        }
        continuations.forEach(Continuing::cancel);
    }

    /** Stops one column's stream. */
    void cancel(VariantColumn column) {
        for (Run r : runs) {
            r.cancel(column);
        }
        for (Continuing c : continuations) {
            if (c.column() == column) {
                c.cancel();
            }
        }
    }

    /**
     * The pane closes: nothing more is sent and the streams stop, without the FX thread waiting for anything. What
     * the stopped streams sent is recorded on the studio's streaming threads, and the studio's close waits for it.
     */
    void close() {
        closed = true;
        clock(false);
        for (Run r : List.copyOf(runs)) {
            r.cancelAll();
        }
        continuations.forEach(Continuing::cancel);
    }

    /** Stores the columns in their current order (those with a stored variant). */
    void keepColumns() {
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
    void realign() {
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

    /** Adds text written anywhere as one more column. */
    void paste(String text) {
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
    void remove(VariantColumn column) {
        if (column.isStreaming()) {
            cancel(column);
        }
        columns.remove(column);
        int label = 0;
        for (VariantColumn c : columns) {
            if (!c.isOriginal()) {
                c.labelProperty().set(Variant.labelFor(label++));
            }
        }
        keepColumns();
        realign();
    }

    /** Saves a column's rating and note. */
    void rate(VariantColumn column) {
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

    ObservableList<VariantColumn> columns() {
        return columns;
    }

    /** Hears each request once it is prepared, just before it streams into its columns. */
    void onAsking(java.util.function.Consumer<Asking> listener) {
        asking = listener;
    }

    BooleanProperty runningProperty() {
        return running;
    }

    /**
     * One generation streaming into some columns. Provider callbacks arrive on the generator's thread; text is
     * gathered there and handed to the FX thread once per frame, however fast it comes.
     */
    private final class Run implements GenerationHandler {
        private final VariantColumn[] targets;
        private final StringBuilder[] pending;
        private boolean drainQueued;
        private Generator.Running handle;
        /** The stream ended before its start was known here (a request refused at once). */
        private boolean finishedEarly;
        /** Variants to stop as soon as the request is sent (-1: all of them). */
        private final List<Integer> cancelWhenStarted = new ArrayList<>();
        /** The generation once sent, known on the writer thread before the FX thread hears of it. */
        private final CompletableFuture<Generator.Running> sent = new CompletableFuture<>();
        /** Stop everything as soon as it is sent: read on the writer thread. */
        private volatile boolean stopAll;

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
                ColumnCosts.show(studio, background, outcome.generationId(), targets, this);
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
            updateRunning();
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
                stopAll = true;
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
                    targets[result.index()].ended(result);
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
            updateRunning();
            realign();
        }
    }
}
