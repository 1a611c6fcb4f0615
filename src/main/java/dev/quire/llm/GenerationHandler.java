package dev.quire.llm;

import java.time.Duration;
import java.util.List;

/**
 * Receives a generation as it streams. Every call arrives on the caller's {@code Executor}, one at a time,
 * in order: for each variant its text deltas, then exactly one {@link #onVariantFinished}; after all
 * variants, exactly one {@link #onFinished}. Deltas may come in bursts; a UI should coalesce them per frame.
 */
public interface GenerationHandler {

    /** More text for a variant. Never empty. */
    void onText(int variant, String delta);

    /** The variant ended (complete, incomplete, failed or cancelled); no more text will come for it. */
    default void onVariantFinished(VariantResult result) {
    }

    /** Every variant has ended; results are ordered by index. */
    default void onFinished(List<VariantResult> results) {
    }

    /**
     * A retryable error happened before any text of this variant was shown; the layer tries again after
     * {@code delay}. {@code attempt} is the attempt that failed, from 1.
     */
    default void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
    }
}
