package dev.quire.model;

/**
 * Tokens added up over requests. {@code input} is the whole prompt, cached or not; {@code cacheRead} and
 * {@code cacheWrite} the parts of it read from and written to the provider's prompt cache.
 */
public record TokenUsage(long requests, long input, long output, long cacheRead, long cacheWrite) {

    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0);

    public TokenUsage plus(TokenUsage o) {
        return new TokenUsage(requests + o.requests, input + o.input, output + o.output, cacheRead + o.cacheRead,
                cacheWrite + o.cacheWrite);
    }

    /** The share of the input read from the cache, 0 to 1; 0 with no input. */
    public double hitRate() {
        return input == 0 ? 0 : (double) cacheRead / input;
    }
}
