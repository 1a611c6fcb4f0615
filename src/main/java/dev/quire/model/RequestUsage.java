package dev.quire.model;

import java.time.Instant;

/**
 * One request to a provider as the library recorded it: when, for which story, to which provider (the profile's
 * name) and model, and the tokens the provider reported.
 *
 * @param kind what it was for: the generation's frame ({@code scene}, {@code summary}, {@code co-writer}…), or
 *             {@code continuation}
 * @param oneHourCache it asked for Anthropic's 1-hour prompt cache, whose writes cost more
 */
public record RequestUsage(Instant at, long storyId, String provider, String model, String kind, TokenUsage tokens,
                           boolean oneHourCache) {

    /** Its cost at a price: its cache writes at the 1-hour price when it asked for that cache. */
    public double cost(Price price) {
        return price.cost(tokens.input(), tokens.output(), tokens.cacheRead(), tokens.cacheWrite(), oneHourCache);
    }
}
