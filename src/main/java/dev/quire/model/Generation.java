package dev.quire.model;

import java.time.Instant;

/**
 * One request to a provider, kept as sent: the exact messages (JSON), model and parameters, the
 * provider's usage beside our estimate, timing and status, and the writer's instruction as typed ("" when none was
 * given or it was made before instructions were kept).
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
        String error,
        String instruction) {

    public enum Status { PENDING, STREAMING, COMPLETE, PARTIAL, CANCELLED, FAILED }

    /** Token counts; any may be null when the provider did not report it. */
    public record Usage(Integer estimatedInputTokens, Integer inputTokens, Integer outputTokens,
                        Integer cachedInputTokens) {
        public static final Usage NONE = new Usage(null, null, null, null);
    }

    public Generation {
        usage = usage == null ? Usage.NONE : usage;
        status = status == null ? Status.PENDING : status;
        instruction = Text.orEmpty(instruction);
    }

    /** With no instruction: a pasted variant, a summary, a reply. */
    public Generation(long id, long storyId, Long sceneId, Long conversationId, String frame, String provider,
                      String model, String messagesJson, String parametersJson, Long seed, int variantCount,
                      Usage usage, Instant started, Instant finished, Status status, String error) {
        this(id, storyId, sceneId, conversationId, frame, provider, model, messagesJson, parametersJson, seed,
                variantCount, usage, started, finished, status, error, "");
    }
}
