package dev.quire.ui.editor;

import dev.quire.model.Finding;
import dev.quire.studio.CannotGenerateException;
import dev.quire.studio.ContinuityCheck;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;
import java.util.Optional;

/**
 * A scene's continuity check: asks the model where the scene contradicts the canon, the sheets and the earlier
 * scenes, and keeps the findings for the writer to look at, dismiss, or keep as a "yes, and" note.
 */
public final class ContinuityViewModel {

    /** Where the check stands. */
    public enum State { IDLE, CHECKING, DONE, FAILED }

    private final Studio studio;
    private final Background background;
    private final long sceneId;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private ContinuityCheck.Running running;
    private String checkedText = "";
    private java.util.concurrent.CompletableFuture<State> settled = java.util.concurrent.CompletableFuture
            .completedFuture(State.IDLE);

    private ContinuityCheck.Lens lens = ContinuityCheck.Lens.CONTINUITY;

    public ContinuityViewModel(Studio studio, Background background, long sceneId) {
        this.studio = studio;
        this.background = background;
        this.sceneId = sceneId;
    }

    /** Sends the check; the scene's unsaved edits are saved first by the caller. */
    public void check() {
        check(ContinuityCheck.Lens.CONTINUITY);
    }

    /** Sends the check with this lens: contradictions, or stereotypes. */
    public void check(ContinuityCheck.Lens with) {
        if (state.get() == State.CHECKING) {
            return;
        }
        lens = with;
        state.set(State.CHECKING);
        settled = new java.util.concurrent.CompletableFuture<>();
        message.set(with == ContinuityCheck.Lens.STEREOTYPE
                ? "Checking the scene for default names, know-it-alls, explainers and stock reactions…"
                : "Checking the scene against the canon, the sheets and the earlier scenes…");
        findings.clear();
        background.write(() -> studio.continuity().start(new ContinuityCheck.Request(sceneId, null, null, with)))
                .onSuccess(r -> {
                    running = r;
                    r.done().whenComplete((report, error) -> background.results().execute(() -> finished(report,
                            error)));
                })
                .onError(e -> fail(e instanceof CannotGenerateException ? e.getMessage()
                        : "Quire could not send the check: " + e.getMessage()))
                .start();
    }

    private void finished(ContinuityCheck.Report report, Throwable error) {
        running = null;
        if (error != null) {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            fail(cause.getMessage());
            return;
        }
        checkedText = report.checkedText();
        findings.setAll(report.findings());
        state.set(State.DONE);
        String one = lens == ContinuityCheck.Lens.STEREOTYPE ? "stereotype" : "contradiction";
        message.set(report.findings().isEmpty() ? (report.dismissed().isEmpty() ? "No " + one + "s found."
                : "No new " + one + "s (" + report.dismissed().size() + " dismissed before).")
                : report.findings().size() + " possible " + one + (report.findings().size() == 1 ? "" : "s")
                + (report.dismissed().isEmpty() ? "" : " (" + report.dismissed().size() + " dismissed before)") + ".");
        settled.complete(State.DONE);
    }

    private void fail(String why) {
        state.set(State.FAILED);
        message.set(why == null ? "The check failed." : why);
        settled.complete(State.FAILED);
    }

    /** Completes when the latest check has its findings shown or its failure said. */
    public java.util.concurrent.CompletableFuture<State> settled() {
        return settled;
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** The writer does not see a contradiction there: hide it now and in later checks. */
    public void dismiss(Finding finding) {
        findings.remove(finding);
        background.write(() -> studio.continuity().dismiss(sceneId, finding))
                .onError(e -> message.set("Quire could not keep the dismissal: " + e.getMessage())).start();
    }

    /** "Yes, and": keeps the finding as a possible clue instead of a mistake to fix. */
    public void toNote(Finding finding, boolean shared) {
        findings.remove(finding);
        background.write(() -> studio.continuity().toNote(sceneId, finding, shared))
                .onSuccess(n -> message.set("Kept as a “yes, and” note" + (shared ? ", sent to the model." : ", private.")))
                .onError(e -> message.set("Quire could not keep the note: " + e.getMessage())).start();
    }

    /**
     * Where the finding's quote is in {@code text}, the editor's text now: the checked offsets while the text is
     * unchanged, else the quote found again (exactly, then ignoring case).
     */
    public Optional<int[]> locate(Finding finding, String text) {
        if (finding.located() && text.equals(checkedText)) {
            return Optional.of(new int[] {finding.start(), finding.end()});
        }
        if (finding.quote().isEmpty()) {
            return Optional.empty();
        }
        int at = text.indexOf(finding.quote());
        if (at < 0) {
            at = text.toLowerCase(Locale.ROOT).indexOf(finding.quote().toLowerCase(Locale.ROOT));
        }
        return at < 0 ? Optional.empty() : Optional.of(new int[] {at, at + finding.quote().length()});
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
