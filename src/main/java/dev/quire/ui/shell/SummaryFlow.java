package dev.quire.ui.shell;

import dev.quire.studio.CannotGenerateException;
import dev.quire.studio.Summaries;
import dev.quire.studio.SummaryBatch;
import dev.quire.ui.common.EditorKey;
import dev.quire.ui.editor.SceneEditorView;

import java.text.NumberFormat;

/**
 * Summarise: one scene, or every scene whose summary is missing or stale. The batch is estimated and confirmed
 * first, runs in the background with its progress in the status bar, can be stopped, and keeps every summary as
 * it arrives; an open scene shows its new summary at once.
 */
final class SummaryFlow {

    private final Shell shell;
    private final MainViewModel.OpenStory open;

    SummaryFlow(Shell shell, MainViewModel.OpenStory open) {
        this.shell = shell;
        this.open = open;
    }

    /** Every scene without a summary or with a stale one (not the writer's own), then the chapters. */
    void summariseAll() {
        shell.flushAll();
        long storyId = open.story().id();
        Summaries summaries = shell.model().studio().summarizer();
        shell.model().background().read(() -> summaries.plan(storyId, Summaries.Options.DEFAULT))
                .onSuccess(plan -> {
                    if (plan.isEmpty()) {
                        shell.notice("Every scene's summary is up to date" + (plan.skipped().isEmpty() ? "."
                                : " (" + plan.skipped().size() + " are yours and were left alone)."));
                        return;
                    }
                    String what = count(plan.scenes().size(), "scene") + (plan.chapters() > 0 ? " and "
                            + count(plan.chapters(), "chapter") : "");
                    if (shell.dialogs().confirm("Summarise", "Summarise " + what + "?", "About "
                            + NumberFormat.getIntegerInstance().format(plan.tokens()) + " tokens in "
                            + count(plan.requests(), "request") + " to " + plan.provider() + " (" + plan.model()
                            + "); " + plan.costText() + ". Summaries you wrote yourself are left alone. Each summary"
                            + " is kept as it arrives; stopping keeps what is done.", "Summarise")) {
                        run(summaries, plan);
                    }
                })
                .onError(CannotGenerateException.class, e -> shell.dialogs().error("Quire cannot summarise yet",
                        e.getMessage()))
                .onError(e -> shell.dialogs().error("Quire could not plan the summaries", e.getMessage(), e))
                .start();
    }

    /** One scene, even if its summary is current; the writer's own is replaced only if they say so. */
    void summariseScene(long sceneId) {
        shell.flushAll();
        long storyId = open.story().id();
        Summaries summaries = shell.model().studio().summarizer();
        shell.model().background().read(() -> summaries.planScene(storyId, sceneId, Summaries.Options.DEFAULT))
                .onSuccess(plan -> {
                    if (!plan.isEmpty()) {
                        run(summaries, plan);
                    } else if (!plan.skipped().isEmpty() && Summaries.WRITERS.equals(plan.skipped().get(0).reason())
                            && shell.dialogs().confirm("Summarise", "Replace the summary you wrote?",
                            "The model's summary will take its place. Your words are kept in no other place.",
                            "Replace it")) {
                        shell.model().background().read(() -> summaries.planScene(storyId, sceneId,
                                        new Summaries.Options(null, null, true)))
                                .onSuccess(again -> run(summaries, again))
                                .describedAs("Quire could not plan the summary").start();
                    } else if (!plan.skipped().isEmpty() && !Summaries.WRITERS.equals(plan.skipped().get(0).reason())) {
                        shell.notice("Nothing to summarise: " + plan.skipped().get(0).reason() + ".");
                    }
                })
                .onError(CannotGenerateException.class, e -> shell.dialogs().error("Quire cannot summarise yet",
                        e.getMessage()))
                .onError(e -> shell.dialogs().error("Quire could not plan the summary", e.getMessage(), e))
                .start();
    }

    private void run(Summaries summaries, Summaries.Plan plan) {
        Activity activity = shell.model().activity();
        SummaryBatch[] batch = new SummaryBatch[1];
        if (!activity.begin("Summarising…", () -> {
            if (batch[0] != null) {
                batch[0].cancel();
            }
        })) {
            shell.notice("Quire is already summarising; wait for it to finish, or stop it first.");
            return;
        }
        SummaryBatch.Listener listener = new SummaryBatch.Listener() {
            @Override
            public void onProgress(SummaryBatch.Progress p) {
                activity.update((p.chapters() ? "Summarising chapters: " : "Summarising ") + p.done() + " of "
                        + p.total() + (p.current() == null || p.current().isBlank() ? "" : " · " + p.current())
                        + (p.failed() > 0 ? " · " + p.failed() + " failed" : ""),
                        p.total() == 0 ? 0 : (double) p.done() / p.total());
            }

            @Override
            public void onScene(SummaryBatch.SceneOutcome outcome) {
                if (outcome.status() == SummaryBatch.Status.SUMMARISED) {
                    shell.tabs().editor(new EditorKey.Scene(outcome.sceneId()))
                            .filter(SceneEditorView.class::isInstance)
                            .ifPresent(e -> ((SceneEditorView) e).model().summaryReplaced(outcome.summary()));
                }
            }

            @Override
            public void onFinished(SummaryBatch.Result result) {
                activity.end();
                open.binder().reload();
                shell.notice(outcome(result));
            }
        };
        shell.model().background().write(() -> summaries.start(plan, listener, shell.model().background().results()))
                .onSuccess(b -> batch[0] = b)
                .onError(e -> {
                    activity.end();
                    shell.dialogs().error("Quire could not start summarising", e.getMessage(), e);
                })
                .start();
    }

    private static String outcome(SummaryBatch.Result r) {
        StringBuilder out = new StringBuilder(r.cancelled() ? "Stopped: " : "Summarised ");
        out.append(count(r.summarised(), "scene"));
        if (r.cancelled()) {
            out.append(" summarised, the rest left as they were");
        }
        if (!r.failed().isEmpty()) {
            out.append("; ").append(r.failed().size()).append(" failed (").append(r.failed().get(0).reason())
                    .append(")");
        }
        return out.append('.').toString();
    }

    private static String count(int n, String noun) {
        return NumberFormat.getIntegerInstance().format(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
