package dev.quire.studio;

import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandle;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderError;
import dev.quire.llm.SerialExecutor;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.store.PersistenceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Records a stream into the library as it arrives: the variants of a generation and a conversation's reply alike.
 * Each variant's text is saved with its first words, then at most once per interval ({@link Generator#SAVE_INTERVAL}
 * in the studio) and always when the variant ends, so a crash or a dropped connection loses nothing that arrived;
 * a variant that fails or is cancelled keeps its text. When every variant has ended the generation's outcome is
 * recorded, and only then does the caller hear {@code onFinished}.
 *
 * <p>Threads: the recorder runs on a {@link #lane() lane} of the studio's streaming executor, handed to the provider
 * as its callback executor: one task at a time, so its state needs no lock while other streams use the pool's other
 * threads. A delayed save is a timer on the pool that re-enters the lane. The caller's handler is called on the
 * executor the caller passes, one call at a time and in order, after the library saved what the call reports.
 */
final class StreamRecorder implements GenerationHandler {

    /** Where a stream's text and outcome go in the library; called on the lane, one call at a time. */
    interface Target {
        /** A variant's text so far, while it streams. */
        void saveStreaming(int variant, String text);

        /** How a variant ended, with the text to keep: everything that arrived, whatever the status. */
        void saveEnded(VariantResult result, String text);

        /** How the whole generation ended (or that it could not be sent). */
        void saveOutcome(Generation.Status status, Generation.Usage usage, String error);

        /** What the request behind a variant used, as the provider reported it; called only when it reported some. */
        default void saveUsage(VariantResult result, dev.quire.store.UsageRepository.Counts counts) {
        }
    }

    /**
     * How a stream ended, once the library recorded it.
     *
     * @param usage       summed over the variants; null counts when the provider reported none
     * @param error       the failed or cut-off variants' messages; null when none failed
     * @param saveFailure the first save the library refused (a full disk); null when every save went in
     */
    record Ending(List<VariantResult> results, Generation.Status status, Usage usage, String error,
                  PersistenceException saveFailure) {
        Ending {
            results = List.copyOf(results);
        }
    }

    private final Target target;
    private final ScheduledExecutorService pool;
    private final Executor lane;
    private final long intervalNanos;
    private final GenerationHandler caller;
    private final Executor out;
    private final Buffer[] variants;
    private final CompletableFuture<Ending> done = new CompletableFuture<>();
    private PersistenceException saveFailure;

    /**
     * @param variants  how many variants stream, indices 0..n-1; text for any other index goes to the caller only
     * @param pool      the studio's streaming executor: the lane runs on it, and the delayed saves
     * @param interval  the most time streamed text waits before it is saved
     * @param callbacks where the caller's handler is called
     */
    StreamRecorder(int variants, Target target, ScheduledExecutorService pool, Duration interval,
                   GenerationHandler caller, Executor callbacks) {
        this.target = Objects.requireNonNull(target, "target");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.lane = new SerialExecutor(pool);
        this.intervalNanos = interval.toNanos();
        this.caller = Objects.requireNonNull(caller, "caller");
        this.out = new SerialExecutor(Objects.requireNonNull(callbacks, "callbacks"));
        this.variants = new Buffer[variants];
        for (int i = 0; i < variants; i++) {
            this.variants[i] = new Buffer();
        }
    }

    /**
     * Sends the request with this recorder listening. When it cannot even be sent, the outcome is recorded as
     * failed and the exception goes on to the caller.
     */
    GenerationHandle send(ChatProvider provider, ChatRequest request) {
        try {
            return provider.stream(request, this, lane);
        } catch (RuntimeException e) {
            target.saveOutcome(Generation.Status.FAILED, Generation.Usage.NONE,
                    "Quire could not send the request (" + e.getClass().getSimpleName() + ").");
            throw e;
        }
    }

    /** Where the provider's callbacks must arrive: one at a time, on the streaming executor. */
    Executor lane() {
        return lane;
    }

    /** Completes, never exceptionally, once the library holds the outcome and the caller's onFinished ran. */
    CompletableFuture<Ending> done() {
        return done;
    }

    // ---- the provider's callbacks, on the lane ----

    @Override
    public void onText(int variant, String delta) {
        Buffer v = buffer(variant);
        if (v != null && !v.ended) {
            v.text.append(delta);
            v.dirty = true;
            long sinceSaved = System.nanoTime() - v.savedAt;
            if (!v.everSaved || sinceSaved >= intervalNanos) {
                save(variant, v);
            } else if (!v.flushPending) {
                v.flushPending = true;
                saveLater(variant, v, intervalNanos - sinceSaved);
            }
        }
        out.execute(() -> caller.onText(variant, delta));
    }

    @Override
    public void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
        out.execute(() -> caller.onRetry(variant, error, attempt, delay));
    }

    @Override
    public void onVariantFinished(VariantResult result) {
        Buffer v = buffer(result.index());
        String kept = result.text();
        if (v != null) {
            v.ended = true;
            // the result holds everything that arrived; what was buffered is the fallback should it not
            kept = kept.isEmpty() ? v.text.toString() : kept;
        }
        try {
            target.saveEnded(result, kept);
            dev.quire.store.UsageRepository.Counts counts = UsageRecords.counts(result);
            if (!counts.isEmpty()) {
                target.saveUsage(result, counts);
            }
        } catch (PersistenceException e) {
            failedToSave(e);
        }
        out.execute(() -> caller.onVariantFinished(result));
    }

    @Override
    public void onFinished(List<VariantResult> results) {
        Generation.Status status = statusOf(results);
        Usage usage = sum(results);
        String error = errorOf(results);
        try {
            target.saveOutcome(status, new Generation.Usage(null, usage.input(), usage.output(), usage.cachedInput()),
                    error);
        } catch (PersistenceException e) {
            failedToSave(e);
        }
        Ending ending = new Ending(results, status, usage, error, saveFailure);
        out.execute(() -> {
            try {
                caller.onFinished(results);
            } finally {
                done.complete(ending);
            }
        });
    }

    private void saveLater(int variant, Buffer v, long delayNanos) {
        try {
            pool.schedule(() -> lane.execute(() -> flush(variant, v)), delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the studio is closing and takes no more timers: save now rather than lose the text
            v.flushPending = false;
            save(variant, v);
        }
    }

    private void flush(int variant, Buffer v) {
        v.flushPending = false;
        if (!v.ended && v.dirty) {
            save(variant, v);
        }
    }

    private void save(int variant, Buffer v) {
        v.savedAt = System.nanoTime();
        v.everSaved = true;
        try {
            target.saveStreaming(variant, v.text.toString());
            v.dirty = false;
        } catch (PersistenceException e) {
            failedToSave(e);
        }
    }

    private void failedToSave(PersistenceException e) {
        if (saveFailure == null) {
            saveFailure = e;
        }
    }

    private Buffer buffer(int index) {
        return index >= 0 && index < variants.length ? variants[index] : null;
    }

    /** One variant's text as it streams; touched only on the lane. */
    private static final class Buffer {
        final StringBuilder text = new StringBuilder();
        long savedAt;
        boolean everSaved;
        boolean dirty;
        boolean flushPending;
        boolean ended;
    }

    // ---- how a stream ended ----

    /** How the library records a variant that ended this way. */
    static Variant.Status statusOf(VariantResult.Status status) {
        return switch (status) {
            case COMPLETE -> Variant.Status.COMPLETE;
            case CUT_OFF -> Variant.Status.CUT_OFF;
            case REFUSED -> Variant.Status.REFUSED;
            case FILTERED -> Variant.Status.FILTERED;
            case INCOMPLETE -> Variant.Status.INCOMPLETE;
            case CANCELLED -> Variant.Status.STOPPED;
            case FAILED -> Variant.Status.FAILED;
        };
    }

    /**
     * The variant as the library keeps it once it ended: for a filtered one the filter named in its message, and its
     * own output tokens only where they can be counted (its request served it alone).
     */
    static Variant ended(VariantResult result, String text) {
        String error = result.error() == null ? null : result.error().message();
        if (result.status() == VariantResult.Status.FILTERED) {
            error = filterMessage(result.filter());
        }
        return new Variant(0, 0, result.index(), text, statusOf(result.status()), result.stopReason(), error, null,
                "", result.refusal(), result.thinking(), result.usage().output());
    }

    /** What the writer reads about a variant a content filter stopped. */
    static String filterMessage(String filter) {
        return "The provider's content filter stopped this variant"
                + (filter == null ? "." : " (" + filter + ").");
    }

    /**
     * COMPLETE when every variant is; FAILED when every one failed with nothing to show; CANCELLED when the writer
     * stopped some and none failed; otherwise PARTIAL (some failed, were cut off, refused or filtered; the rest are
     * kept).
     */
    static Generation.Status statusOf(List<VariantResult> results) {
        int complete = 0;
        int failed = 0;
        int incomplete = 0;
        for (VariantResult r : results) {
            switch (r.status()) {
                case COMPLETE -> complete++;
                case FAILED -> failed++;
                case INCOMPLETE, CUT_OFF, REFUSED, FILTERED -> incomplete++;
                case CANCELLED -> { }
            }
        }
        if (complete == results.size()) {
            return Generation.Status.COMPLETE;
        }
        if (failed == results.size()) {
            return Generation.Status.FAILED;
        }
        if (failed + incomplete == 0) {
            return Generation.Status.CANCELLED;
        }
        return Generation.Status.PARTIAL;
    }

    static Usage sum(List<VariantResult> results) {
        Integer input = null;
        Integer output = null;
        Integer cached = null;
        Integer creation = null;
        for (VariantResult r : results) {
            // a variant's own usage, or the usage of the request it shared, which only one of its variants carries
            for (Usage u : List.of(r.usage(), r.requestUsage())) {
                input = add(input, u.input());
                output = add(output, u.output());
                cached = add(cached, u.cachedInput());
                creation = add(creation, u.cacheCreation());
            }
        }
        return new Usage(input, output, cached, creation);
    }

    private static Integer add(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(a + b);
    }

    /** The distinct messages of the variants that failed or were cut off, labelled when there are several variants. */
    static String errorOf(List<VariantResult> results) {
        Set<String> messages = new LinkedHashSet<>();
        for (VariantResult r : results) {
            if (r.error() != null) {
                messages.add(r.error().message());
            }
        }
        if (messages.isEmpty()) {
            return null;
        }
        if (messages.size() == 1) {
            return messages.iterator().next();
        }
        List<String> lines = new ArrayList<>();
        for (VariantResult r : results) {
            if (r.error() != null) {
                lines.add(Variant.labelFor(r.index()) + ": " + r.error().message());
            }
        }
        return String.join("\n", lines);
    }
}
