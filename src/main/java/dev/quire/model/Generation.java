package dev.quire.model;

import java.time.Instant;

/**
 * One request to a provider, kept as sent: the exact messages (JSON), model and parameters, the
 * provider's usage beside our estimate, timing and status.
 */
public record Generation(
        long id,
        long storyId,
        Long sceneId,
        Long conversationId,
        String frame,
        String provider,
        String model,
        String messagesJson,
        String parametersJson,
        Long seed,
        int variantCount,
        Usage usage,
        Instant started,
        Instant finished,
        Status status,
        String error) {

    public enum Status { PENDING, STREAMING, COMPLETE, PARTIAL, CANCELLED, FAILED }

    /** Token counts; any may be null when the provider did not report it. */
    public record Usage(Integer estimatedInputTokens, Integer inputTokens, Integer outputTokens,
                        Integer cachedInputTokens) {
        public static final Usage NONE = new Usage(null, null, null, null);
    }

    public Generation {
        usage = usage == null ? Usage.NONE : usage;
        status = status == null ? Status.PENDING : status;
    }
}
