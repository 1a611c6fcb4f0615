package dev.quire.ui.stitch;

import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderError;
import dev.quire.llm.VariantResult;
import dev.quire.studio.Continuation;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One column's variant continued in place: the continuation is recorded and sent on the writer thread, its text
 * streams into the same column once per frame, and when it ends the column shows the variant as the library holds it
 * (or, when the continuation failed, as it was, with the message).
 */
final class Continuing implements GenerationHandler {

    private final Studio studio;
    private final Background background;
    private final Executor frames;
    private final VariantColumn column;
    private final StringProperty problem;
    private final Consumer<Continuing> ended;
    private final StringBuilder pending = new StringBuilder();
    private boolean drainQueued;
    private Continuation.Running running;
    private boolean cancelWhenStarted;

    Continuing(Studio studio, Background background, Executor frames, VariantColumn column, StringProperty problem,
               Consumer<Continuing> ended) {
        this.studio = studio;
        this.background = background;
        this.frames = frames;
        this.column = column;
        this.problem = problem;
        this.ended = ended;
    }

    VariantColumn column() {
        return column;
    }

    /** On the FX thread. */
    void start() {
        long id = column.variantId();
        column.resume(this, column.text());
        background.write(() -> new Continuation(studio).start(id, null, this, Runnable::run))
                .onSuccess(r -> {
                    running = r;
                    if (column.ownedBy(this)) {
                        column.resume(this, r.base());
                    }
                    if (cancelWhenStarted) {
                        r.cancel();
                    }
                    r.done().thenAccept(outcome -> frames.execute(() -> finished(outcome)));
                })
                .onError(e -> {
                    column.settleUnchanged(e.getMessage());
                    problem.set(e.getMessage());
                    ended.accept(this);
                })
                .start();
    }

    /** On the FX thread. */
    void cancel() {
        if (running != null) {
            running.cancel();
        } else {
            cancelWhenStarted = true;
        }
    }

    private void finished(Continuation.Outcome outcome) {
        drain();
        if (column.ownedBy(this)) {
            column.settle(outcome.variant(), outcome.error() == null ? null
                    : "The continuation failed, and the variant is as it was: " + outcome.error());
        }
        if (outcome.saveFailure() != null) {
            problem.set(outcome.saveFailure().getMessage());
        }
        ended.accept(this);
    }

    // -- on the studio's streaming thread --

    @Override
    public void onText(int variant, String delta) {
        synchronized (pending) {
            pending.append(delta);
            if (!drainQueued) {
                drainQueued = true;
                frames.execute(this::drain);
            }
        }
    }

    @Override
    public void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
        frames.execute(() -> {
            if (column.ownedBy(this)) {
                column.retryProperty().set(error.message() + " Trying again in "
                        + Math.max(1, Math.round(delay.toMillis() / 1000.0)) + " s…");
            }
        });
    }

    @Override
    public void onFinished(List<VariantResult> results) {
        frames.execute(this::drain);
    }

    // -- on the FX thread --

    private void drain() {
        String piece;
        synchronized (pending) {
            drainQueued = false;
            piece = pending.toString();
            pending.setLength(0);
        }
        if (!piece.isEmpty() && column.ownedBy(this)) {
            column.append(piece);
        }
    }
}
