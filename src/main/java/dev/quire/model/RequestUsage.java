package dev.quire.model;

import java.time.Instant;

/**
 * One request to a provider as the library recorded it: when, for which story, to which provider (the profile's
 * name) and model, and the tokens the provider reported.
 *
 * @param kind what it was for: the generation's frame ({@code scene}, {@code summary}, {@code co-writer}…), or
 *             {@code continuation}
 */
public record RequestUsage(Instant at, long storyId, String provider, String model, String kind, TokenUsage tokens) {
}
