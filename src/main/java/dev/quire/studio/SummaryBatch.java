package dev.quire.studio;

import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderError;
import dev.quire.llm.SerialExecutor;
import dev.quire.model.Chapter;
import dev.quire.model.Scene;
import dev.quire.store.SummaryRepository.SceneSummary;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Summaries being made: a plan's scenes, then its chapters. At most {@code concurrency} requests are in flight (the
 * provider's own fan-out bound, {@code Providers.Settings#concurrency()}); each scene's summary is saved as soon as it
 * arrives, and a failure keeps the old summary, marked with why. {@link #cancel()} stops the requests in flight and
 * starts no more; what finished stays saved.
 *
 * <p>A scene too long for the model's window goes in parts, cut at paragraph boundaries; the parts' summaries are
 * then combined by one more request (in rounds, if even they do not fit one). A chapter's summary is made from its
 * scenes' summaries once every scene is done, when they changed and there are at least two; not after a cancel, and
 * not for a chapter where a scene's summary failed (it would leave that scene out).
 *
 * <p>Threads: the batch's state lives on one lane of the studio's streaming executor. The listener is called on the
 * executor the caller gave, one call at a time and in order; {@link #done()} completes after its
 * {@link Listener#onFinished}. Cancel a batch before closing the library.
 */
public final class SummaryBatch {

    /** How a scene or a chapter ended. */
    public enum Status { SUMMARISED, SKIPPED, FAILED, CANCELLED }

    /**
     * One scene's end.
     *
     * @param scene    its position in story order, from 1
     * @param summary  the summary saved; "" unless {@link Status#SUMMARISED}
     * @param reason   why it was skipped or failed, in words for the writer; "" otherwise
     * @param requests how many requests it took (a long scene: its parts and the combining ones)
     */
    public record SceneOutcome(long sceneId, int scene, String title, Status status, String summary, String reason,
                               int requests) {
    }

    /** One chapter's end; {@code label} as "Chapter 3: The Ledger". */
    public record ChapterOutcome(long chapterId, String label, Status status, String summary, String reason) {
    }

    /**
     * Where the batch is.
     *
     * @param total    the scenes planned
     * @param done     scenes finished: summarised, skipped or failed
     * @param inFlight requests in flight
     * @param current  the scene or chapter whose request was sent last, as "Scene 4, “The Ledger”"; "" before any
     * @param chapters whether the scenes are done and the chapters are being summarised
     */
    public record Progress(int total, int done, int failed, int inFlight, String current, boolean chapters) {
    }

    /**
     * How the batch ended.
     *
     * @param scenes          every planned scene's outcome, and the scenes the plan skipped, in story order
     * @param requests        requests sent
     * @param inputTokens     input tokens sent: the provider's count where it reported one, else the estimate
     * @param outputTokens    output tokens the provider reported
     * @param estimatedTokens the input tokens estimated before sending
     * @param cost            null: unknown, Quire has no price table yet
     * @param cancelled       whether the batch was cancelled
     */
    public record Result(List<SceneOutcome> scenes, List<ChapterOutcome> chapters, int requests, int inputTokens,
                         int outputTokens, int estimatedTokens, BigDecimal cost, boolean cancelled) {
        public Result {
            scenes = List.copyOf(scenes);
            chapters = List.copyOf(chapters);
        }

        public int summarised() {
            return count(Status.SUMMARISED);
        }

        public int skipped() {
            return count(Status.SKIPPED);
        }

        /** Scenes not summarised because the batch was cancelled before or while they were. */
        public int unfinished() {
            return count(Status.CANCELLED);
        }

        public List<SceneOutcome> failed() {
            return scenes.stream().filter(s -> s.status() == Status.FAILED).toList();
        }

        public List<ChapterOutcome> failedChapters() {
            return chapters.stream().filter(c -> c.status() == Status.FAILED).toList();
        }

        /** Every scene and chapter summarised or skipped, and not cancelled. */
        public boolean ok() {
            return !cancelled && failed().isEmpty() && failedChapters().isEmpty();
        }

        private int count(Status status) {
            return (int) scenes.stream().filter(s -> s.status() == status).count();
        }
    }

    /** Hears a batch; every call comes on the caller's executor, in order. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void onProgress(Progress progress) {
        }

        default void onScene(SceneOutcome outcome) {
        }

        default void onChapter(ChapterOutcome outcome) {
        }

        /** A request failed in a way worth retrying before any text came; the provider tries again after delay. */
        default void onRetry(String what, String message, Duration delay) {
        }

        default void onFinished(Result result) {
        }
    }

    private final Studio studio;
    private final Summaries.Plan plan;
    private final SummaryPrompts prompts;
    private final int limit;
    private final Listener listener;
    private final Executor callbacks;
    private final Executor lane;
    private final CompletableFuture<Result> done = new CompletableFuture<>();

    // on the lane only
    private final ArrayDeque<Summaries.PlannedScene> toBegin;
    private final ArrayDeque<SummaryRequests.Pending> waiting = new ArrayDeque<>();
    private final Set<Generator.Running> running = new HashSet<>();
    private final List<SceneOutcome> scenes = new ArrayList<>();
    private final List<ChapterOutcome> chapters = new ArrayList<>();
    private final SummaryRequests requests;
    private List<Scene> context = List.of();
    private int openScenes;
    private int openChapters;
    private boolean chapterPhase;
    private boolean cancelled;
    private boolean finished;
    private String current = "";

    private SummaryBatch(Studio studio, Summaries.Target target, Summaries.Plan plan, Listener listener,
                         Executor callbacks) {
        this.studio = studio;
        this.plan = plan;
        this.prompts = new SummaryPrompts(studio, target);
        this.limit = Math.max(1, target.concurrency());
        this.listener = listener;
        this.callbacks = new SerialExecutor(callbacks);
        this.lane = new SerialExecutor(studio.streaming());
        this.toBegin = new ArrayDeque<>(plan.scenes());
        this.requests = new SummaryRequests(this);
        // the result tells the whole story: the scenes the plan left alone are in it, though no listener call was
        for (Summaries.Skipped skipped : plan.skipped()) {
            scenes.add(new SceneOutcome(skipped.sceneId(), skipped.scene(), skipped.title(), Status.SKIPPED, "",
                    skipped.reason(), 0));
        }
    }

    static SummaryBatch start(Studio studio, Summaries.Target target, Summaries.Plan plan, Listener listener,
                              Executor callbacks) {
        SummaryBatch batch = new SummaryBatch(studio, target, plan, listener, callbacks);
        batch.lane.execute(() -> {
            try {
                batch.context = studio.scenes().all(plan.storyId());
            } catch (RuntimeException e) {
                // the other scenes only help guess who is present; each scene's own read says what went wrong
            }
            batch.advance();
        });
        return batch;
    }

    public Summaries.Plan plan() {
        return plan;
    }

    /** Stops the requests in flight and starts no more; summaries already saved stay. */
    public void cancel() {
        lane.execute(() -> {
            if (cancelled || finished) {
                return;
            }
            cancelled = true;
            Summaries.PlannedScene p;
            while ((p = toBegin.poll()) != null) {
                scene(new SceneOutcome(p.sceneId(), p.scene(), p.title(), Status.CANCELLED, "", "", 0));
            }
            requests.cancelWaiting(waiting);
            List.copyOf(running).forEach(Generator.Running::cancel);
            advance();
        });
    }

    /** Completes, never exceptionally, once every summary is saved and the listener heard {@code onFinished}. */
    public CompletableFuture<Result> done() {
        return done;
    }

    // ---- the lane ----

    Studio studio() {
        return studio;
    }

    Executor lane() {
        return lane;
    }

    boolean cancelled() {
        return cancelled;
    }

    ArrayDeque<SummaryRequests.Pending> waiting() {
        return waiting;
    }

    Set<Generator.Running> running() {
        return running;
    }

    void sent(String what) {
        current = what;
    }

    /** Retries go straight to the listener: the scene's request is still the same one. */
    GenerationHandler retries(String what) {
        return new GenerationHandler() {
            @Override
            public void onText(int variant, String delta) {
                // a summary is used once complete; its text is in the library as it streams
            }

            @Override
            public void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
                callbacks.execute(() -> listener.onRetry(what, error.message(), delay));
            }
        };
    }

    /** Sends what waits while there is room, begins the next scenes, and moves on to the chapters, then the end. */
    void advance() {
        if (finished) {
            return;
        }
        while (!cancelled && running.size() < limit) {
            SummaryRequests.Pending next = waiting.poll();
            if (next != null) {
                requests.send(next);
                continue;
            }
            Summaries.PlannedScene scene = toBegin.poll();
            if (scene == null) {
                break;
            }
            begin(scene);
        }
        if (!chapterPhase && toBegin.isEmpty() && openScenes == 0) {
            chapterPhase = true;
            if (!cancelled && plan.withChapters()) {
                try {
                    beginChapters();
                } catch (RuntimeException e) {
                    chapter(new ChapterOutcome(0, "The chapters", Status.FAILED, "", SummaryRequests.message(e)));
                }
                advance();
                return;
            }
        }
        Progress progress = new Progress(plan.scenes().size(), (int) scenes.stream()
                .filter(s -> s.status() != Status.CANCELLED).count() - plan.skipped().size(), (int) scenes.stream()
                .filter(s -> s.status() == Status.FAILED).count(), running.size(), current, chapterPhase);
        callbacks.execute(() -> listener.onProgress(progress));
        if (chapterPhase && openChapters == 0 && running.isEmpty() && waiting.isEmpty()) {
            finish();
        }
    }

    private void begin(Summaries.PlannedScene planned) {
        openScenes++;
        CompletableFuture<SceneOutcome> outcome;
        try {
            outcome = summarise(planned);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.completedFuture(failed(planned, SummaryRequests.message(e)));
        }
        outcome.whenComplete((o, e) -> {
            openScenes--;
            scene(o != null ? o : failed(planned, SummaryRequests.message(e)));
            lane.execute(this::advance); // not from inside a sending loop
        });
    }

    private SceneOutcome failed(Summaries.PlannedScene p, String reason) {
        try {
            studio.summaries().failed(p.sceneId(), reason);
        } catch (RuntimeException e) {
            // the failure is still reported to the writer; only the library's note of it is missing
        }
        return new SceneOutcome(p.sceneId(), p.scene(), p.title(), Status.FAILED, "", reason, 0);
    }

    private void scene(SceneOutcome outcome) {
        scenes.add(outcome);
        callbacks.execute(() -> listener.onScene(outcome));
    }

    /** The scene as it is now: its text is read when its turn comes, and what it was made from is that text. */
    private CompletableFuture<SceneOutcome> summarise(Summaries.PlannedScene p) {
        Optional<Scene> found = studio.scenes().get(p.sceneId());
        Optional<SceneSummary> summary = studio.summaries().get(p.sceneId());
        boolean overwrite = plan.options().overwriteWriters();
        if (found.isEmpty() || summary.isEmpty()) {
            return done(p, Status.SKIPPED, "", "the scene was deleted", 0);
        }
        if (summary.get().state().byWriter() && !summary.get().missing() && !overwrite) {
            return done(p, Status.SKIPPED, "", Summaries.WRITERS, 0);
        }
        Scene scene = found.get();
        String source = scene.prose().text();
        if (source.isBlank()) {
            return done(p, Status.SKIPPED, "", "the scene has no text", 0);
        }
        String what = SummaryPrompts.sceneLabel(scene).replaceAll(",$", "");
        int[] sent = {0};
        CompletableFuture<SummaryRequests.Reply> made;
        Generator.Prepared whole = prompts.whole(scene, context);
        if (whole != null) {
            sent[0]++;
            made = requests.ask(what, whole);
        } else {
            List<Generator.Prepared> parts = prompts.parts(scene, context);
            List<CompletableFuture<SummaryRequests.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                replies.add(requests.ask(what + ", part " + (i + 1) + " of " + parts.size(), parts.get(i)));
            }
            sent[0] += parts.size();
            made = SummaryRequests.all(replies, "part").thenCompose(texts -> texts.isDone() ? CompletableFuture
                    .completedFuture(texts.reply()) : join(new SummaryPrompts.SceneParts(scene), texts.texts(), what,
                    sent));
        }
        return made.thenApply(reply -> save(p, source, reply, sent[0]));
    }

    private SceneOutcome save(Summaries.PlannedScene p, String source, SummaryRequests.Reply reply, int sent) {
        return switch (reply.kind()) {
            case CANCELLED -> new SceneOutcome(p.sceneId(), p.scene(), p.title(), Status.CANCELLED, "", "", sent);
            case FAILED -> {
                SceneOutcome f = failed(p, reply.text());
                yield new SceneOutcome(f.sceneId(), f.scene(), f.title(), f.status(), "", f.reason(), sent);
            }
            case TEXT -> {
                if (studio.summaries().saveMade(p.sceneId(), reply.text(), source,
                        plan.options().overwriteWriters())) {
                    yield new SceneOutcome(p.sceneId(), p.scene(), p.title(), Status.SUMMARISED, reply.text(), "",
                            sent);
                }
                // the writer wrote one while this was being made, or deleted the scene: theirs stands
                boolean gone = studio.summaries().get(p.sceneId()).isEmpty();
                yield new SceneOutcome(p.sceneId(), p.scene(), p.title(), Status.SKIPPED, "",
                        gone ? "the scene was deleted" : Summaries.WRITERS, sent);
            }
        };
    }

    private static CompletableFuture<SceneOutcome> done(Summaries.PlannedScene p, Status status, String summary,
                                                        String reason, int sent) {
        return CompletableFuture.completedFuture(new SceneOutcome(p.sceneId(), p.scene(), p.title(), status, summary,
                reason, sent));
    }

    /**
     * Summaries joined into one: in one request when they fit; else consecutive runs of them combined first, then
     * the runs' summaries, until one request holds them all.
     */
    private CompletableFuture<SummaryRequests.Reply> join(SummaryPrompts.Joining joining, List<String> items,
                                                          String what, int[] sent) {
        if (items.size() == 1) {
            return CompletableFuture.completedFuture(SummaryRequests.Reply.text(items.get(0)));
        }
        List<List<String>> runs = prompts.runs(joining, context, items);
        if (runs.size() == 1 || prompts.fits(joining, context, items)) {
            sent[0]++;
            return requests.ask(what, prompts.join(joining, context, items, true));
        }
        if (runs.stream().allMatch(r -> r.size() == 1)) {
            return CompletableFuture.completedFuture(SummaryRequests.Reply.failed("it is too long for the model's "
                    + "context window even as summaries of its parts; choose a model with a larger window"));
        }
        List<CompletableFuture<SummaryRequests.Reply>> replies = new ArrayList<>();
        for (List<String> run : runs) {
            if (run.size() == 1) {
                replies.add(CompletableFuture.completedFuture(SummaryRequests.Reply.text(run.get(0))));
            } else {
                sent[0]++;
                replies.add(requests.ask(what + ", combining", prompts.join(joining, context, run, false)));
            }
        }
        return SummaryRequests.all(replies, "run").thenCompose(texts -> texts.isDone()
                ? CompletableFuture.completedFuture(texts.reply()) : join(joining, texts.texts(), what, sent));
    }

    // ---- chapters ----

    private void beginChapters() {
        boolean overwrite = plan.options().overwriteWriters();
        Set<Long> failed = new HashSet<>();
        scenes.stream().filter(s -> s.status() == Status.FAILED).forEach(s -> failed.add(s.sceneId()));
        for (SummaryChapters.Due due : SummaryChapters.due(studio, plan.storyId(), failed)) {
            Chapter chapter = due.chapter();
            String skip = SummaryChapters.skip(due, overwrite);
            if (skip != null) {
                chapter(SummaryChapters.outcome(chapter, Status.SKIPPED, "", skip));
                continue;
            }
            openChapters++;
            join(new SummaryPrompts.ChapterScenes(chapter), due.summaries(), chapter.label(), new int[1])
                    .thenApply(reply -> SummaryChapters.save(studio, due, reply, overwrite))
                    .exceptionally(e -> SummaryChapters.outcome(chapter, Status.FAILED, "",
                            SummaryRequests.message(e)))
                    .thenAccept(outcome -> {
                        openChapters--;
                        chapter(outcome);
                        lane.execute(this::advance);
                    });
        }
    }

    private void chapter(ChapterOutcome outcome) {
        chapters.add(outcome);
        callbacks.execute(() -> listener.onChapter(outcome));
    }

    private void finish() {
        finished = true;
        List<SceneOutcome> ordered = new ArrayList<>(scenes);
        ordered.sort(Comparator.comparingInt(SceneOutcome::scene));
        Result result = new Result(ordered, chapters, requests.sentCount(), requests.inputTokens(),
                requests.outputTokens(), plan.tokens(), null, cancelled);
        callbacks.execute(() -> {
            try {
                listener.onFinished(result);
            } finally {
                done.complete(result);
            }
        });
    }
}
