package dev.quire.llm.internal;

import dev.quire.llm.Usage;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The variants one HTTP request serves: all of them with native {@code n}, else exactly one. It is aborted
 * (its call cancelled, its backoff cut short) once every variant in it has ended.
 */
final class Unit {

    final List<Generation.Variant> variants;
    final WireFormat.Call call;
    private final CompletableFuture<Void> abortSignal = new CompletableFuture<>();
    /** Completes when the reply begins (its first event), or when the unit stops trying without one. */
    private final CompletableFuture<Void> begun = new CompletableFuture<>();
    private Http.Call current;
    private volatile boolean aborted;
    private volatile boolean settled;
    volatile boolean textDelivered;
    private Usage usage = Usage.NONE;

    Unit(List<Generation.Variant> variants, WireFormat.Call call) {
        this.variants = List.copyOf(variants);
        this.call = call;
        for (Generation.Variant v : variants) {
            v.unit = this;
        }
    }

    /** The variant behind a wire choice index, or null for a choice nobody asked for. */
    Generation.Variant forChoice(int choice) {
        return choice >= 0 && choice < variants.size() ? variants.get(choice) : null;
    }

    CompletableFuture<Void> begun() {
        return begun;
    }

    void begin() {
        begun.complete(null);
    }

    boolean aborted() {
        return aborted;
    }

    /** Registers the call about to run; false (and the call cancelled) when the unit was aborted meanwhile. */
    synchronized boolean attach(Http.Call c) {
        current = c;
        if (aborted) {
            c.cancel();
            return false;
        }
        return true;
    }

    /** Called when a variant ends; aborts the request once none of its variants still wants text. */
    void variantEnded() {
        if (settled) {
            return;
        }
        for (Generation.Variant v : variants) {
            if (!v.isFinished()) {
                return;
            }
        }
        abort();
    }

    /** The request finished on its own; ending its variants must not cancel anything. */
    void settle() {
        settled = true;
    }

    private void abort() {
        Http.Call c;
        synchronized (this) {
            aborted = true;
            c = current;
        }
        abortSignal.complete(null);
        if (c != null) {
            c.cancel();
        }
    }

    /** Waits for a backoff; true when the unit was aborted during the wait. */
    boolean sleepUnlessAborted(long millis) {
        if (millis <= 0) {
            return aborted;
        }
        try {
            abortSignal.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return aborted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }

    synchronized void resetUsage() {
        usage = Usage.NONE;
    }

    synchronized void addUsage(Usage u) {
        usage = usage.mergedWith(u);
    }

    /** A request that served one variant: its usage is that variant's. With several, no variant's own is known. */
    synchronized Usage usageFor(Generation.Variant v) {
        return variants.size() == 1 ? usage : Usage.NONE;
    }

    /** A request that served several variants: its usage, on the lowest-index one only, so it is never counted twice. */
    synchronized Usage sharedUsageFor(Generation.Variant v) {
        return variants.size() > 1 && v == variants.get(0) ? usage : Usage.NONE;
    }
}
