package dev.quire.model;

import java.time.Instant;

/**
 * What one variant of a mixed set was asked, when its column asked something of its own: the provider profile,
 * model, parameters (JSON) and instruction, the system blocks and messages exactly as sent (JSON), the usage its
 * request reported and when it was sent and ended. A variant of a set asked in one request has none: its
 * generation's own request is what it was asked.
 *
 * @param inputTokens       the input tokens of the request that served it, null when not reported or when another
 *                          variant of the same request carries them
 * @param cachedInputTokens of those, the ones read from the provider's cache; null when not reported
 * @param finished          null while it streams
 */
public record VariantRequest(int index, String provider, String model, String parametersJson, String instruction,
                             String messagesJson, Integer inputTokens, Integer cachedInputTokens, Instant started,
                             Instant finished) {

    public VariantRequest {
        instruction = Text.orEmpty(instruction);
    }
}
