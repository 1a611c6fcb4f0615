package dev.quire.model;

import java.util.Objects;

/**
 * What a model costs, per million tokens, in {@code currency}. A cache price that is null costs as input.
 *
 * @param cacheWrite   Anthropic's 5-minute cache write; null when the provider bills no writes
 * @param cacheRead    a cached input token; null when the provider has no cache discount
 * @param cacheWrite1h Anthropic's 1-hour cache write; null when none
 * @param asOf         the date the shipped price was checked ({@code 2026-11-01}), or the day the writer set it
 * @param writers      set by the writer rather than shipped
 */
public record Price(String provider, String model, double input, double output, Double cacheWrite,
                    Double cacheRead, Double cacheWrite1h, String currency, String asOf, boolean writers) {

    public Price {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        currency = currency == null || currency.isBlank() ? "USD" : currency.strip();
        if (input < 0 || output < 0 || negative(cacheWrite) || negative(cacheRead) || negative(cacheWrite1h)) {
            throw new IllegalArgumentException("A price cannot be negative.");
        }
    }

    private static boolean negative(Double d) {
        return d != null && d < 0;
    }

    /** A model that runs on the writer's own machine. */
    public static Price free(String provider, String model) {
        return new Price(provider, model, 0, 0, 0.0, 0.0, 0.0, "USD", null, false);
    }

    public boolean isFree() {
        return input == 0 && output == 0;
    }

    /**
     * The cost of one request's tokens. {@code input} is the whole prompt, cached or not: its cache reads and writes
     * are billed at their own prices, the rest as input.
     *
     * @param oneHour the cache was written with the 1-hour TTL
     */
    public double cost(long input, long output, long cacheRead, long cacheWrite, boolean oneHour) {
        long plain = Math.max(0, input - cacheRead - cacheWrite);
        double write = oneHour && this.cacheWrite1h != null ? this.cacheWrite1h
                : this.cacheWrite != null ? this.cacheWrite : this.input;
        double read = this.cacheRead != null ? this.cacheRead : this.input;
        return (plain * this.input + output * this.output + cacheWrite * write + cacheRead * read) / 1_000_000.0;
    }

    public double cost(TokenUsage u) {
        return cost(u.input(), u.output(), u.cacheRead(), u.cacheWrite(), false);
    }
}
