package dev.quire.llm;

/**
 * Token counts as the provider reported them; any may be null when it did not say.
 *
 * <p>{@code input} is the whole prompt, cached or not, the same on every provider (Anthropic reports the
 * uncached part, cache reads and cache writes separately; they are added up here). {@code cachedInput} is
 * the part read from the prompt cache (Anthropic {@code cache_read_input_tokens}, OpenAI
 * {@code prompt_tokens_details.cached_tokens}); {@code cacheCreation} the part written to it (Anthropic
 * {@code cache_creation_input_tokens}).
 */
public record Usage(Integer input, Integer output, Integer cachedInput, Integer cacheCreation) {

    public static final Usage NONE = new Usage(null, null, null, null);

    public Usage(Integer input, Integer output, Integer cachedInput) {
        this(input, output, cachedInput, null);
    }

    /** Counts from {@code later} where it has them, else from this. */
    public Usage mergedWith(Usage later) {
        if (later == null) {
            return this;
        }
        return new Usage(later.input != null ? later.input : input, later.output != null ? later.output : output,
                later.cachedInput != null ? later.cachedInput : cachedInput,
                later.cacheCreation != null ? later.cacheCreation : cacheCreation);
    }

    public boolean isEmpty() {
        return input == null && output == null && cachedInput == null && cacheCreation == null;
    }
}
