package dev.quire.llm.internal;

import dev.quire.llm.SerialExecutor;

import dev.quire.llm.GenerationHandle;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderError;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generation in flight: the variants' accumulated text and the ordered delivery of callbacks. Every
 * variant ends exactly once (complete, incomplete, failed or cancelled); no text is delivered after its end.
 */
final class Generation implements GenerationHandle {

    private final GenerationHandler handler;
    private final SerialExecutor out;
    private final Map<Integer, Variant> variants = new TreeMap<>();
    private final Map<Integer, VariantResult> results = new ConcurrentHashMap<>();
    private final AtomicInteger open;
    private final CompletableFuture<List<VariantResult>> done = new CompletableFuture<>();

    Generation(List<Integer> indices, GenerationHandler handler, Executor callbacks) {
        this.handler = handler;
        this.out = new SerialExecutor(callbacks);
        for (int index : indices) {
            variants.put(index, new Variant(index));
        }
        this.open = new AtomicInteger(variants.size());
    }

    Variant variant(int index) {
        return variants.get(index);
    }

    @Override
    public void cancel() {
        for (Variant v : variants.values()) {
            cancel(v.index);
        }
    }

    @Override
    public void cancel(int index) {
        Variant v = variants.get(index);
        if (v == null) {
            return;
        }
        Unit unit = v.unit;
        if (finish(v, VariantResult.Status.CANCELLED, null) && unit != null) {
            unit.variantEnded();
        }
    }

    @Override
    public List<Integer> variants() {
        return List.copyOf(variants.keySet());
    }

    @Override
    public CompletableFuture<List<VariantResult>> done() {
        return done;
    }

    /** Appends text and hands it to the handler, unless the variant already ended. */
    void text(Variant v, String delta) {
        synchronized (v) {
            if (v.finished) {
                return;
            }
            v.text.append(delta);
            v.seen = true;
            out.execute(() -> handler.onText(v.index, delta));
        }
    }

    /** Keeps thinking or refusal text apart from the prose, unless the variant already ended. */
    void aside(Variant v, String delta, boolean refusal) {
        synchronized (v) {
            if (!v.finished) {
                (refusal ? v.refusal : v.thinking).append(delta);
            }
        }
    }

    void retrying(Variant v, ProviderError error, int attempt, Duration delay) {
        synchronized (v) {
            if (!v.finished) {
                out.execute(() -> handler.onRetry(v.index, error, attempt, delay));
            }
        }
    }

    /** Ends a variant; false when it had already ended. */
    boolean finish(Variant v, VariantResult.Status status, ProviderError error) {
        VariantResult result;
        synchronized (v) {
            if (v.finished) {
                return false;
            }
            v.finished = true;
            Usage usage = v.unit == null ? Usage.NONE : v.unit.usageFor(v);
            Usage shared = v.unit == null ? Usage.NONE : v.unit.sharedUsageFor(v);
            boolean keepsError = status == VariantResult.Status.FAILED || status == VariantResult.Status.INCOMPLETE;
            String refusal = v.refusal.length() == 0 ? null : v.refusal.toString();
            if (status == VariantResult.Status.COMPLETE) {
                status = VariantResult.outcomeOf(v.stopReason, refusal, v.filter);
            }
            result = new VariantResult(v.index, v.text.toString(), status, v.stopReason, usage,
                    keepsError ? error : null, refusal, v.thinking.toString(), v.filter, shared);
            results.put(v.index, result);
            out.execute(() -> handler.onVariantFinished(result));
        }
        if (open.decrementAndGet() == 0) {
            List<VariantResult> all = new ArrayList<>(new TreeMap<>(results).values());
            List<VariantResult> ordered = Collections.unmodifiableList(all);
            out.execute(() -> {
                try {
                    handler.onFinished(ordered);
                } finally {
                    done.complete(ordered);
                }
            });
        }
        return true;
    }

    /** Ends a variant after an error: INCOMPLETE when it has text to keep, else FAILED. */
    void fail(Variant v, ProviderError error) {
        boolean hasText;
        synchronized (v) {
            hasText = v.text.length() > 0;
        }
        finish(v, hasText ? VariantResult.Status.INCOMPLETE : VariantResult.Status.FAILED, error);
    }

    /** One variant's state; guarded by its own monitor. */
    static final class Variant {
        final int index;
        final StringBuilder text = new StringBuilder();
        final StringBuilder thinking = new StringBuilder();
        final StringBuilder refusal = new StringBuilder();
        String stopReason;
        String filter;
        boolean finished;
        boolean seen;
        volatile Unit unit;

        Variant(int index) {
            this.index = index;
        }

        synchronized boolean isFinished() {
            return finished;
        }
    }
}
