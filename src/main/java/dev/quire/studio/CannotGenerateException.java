package dev.quire.studio;

import java.util.Objects;

/**
 * A generation that cannot start: nothing was sent and nothing recorded. The message says what to change, in
 * the writer's words; {@link #reason()} lets a caller word it for its own surface (the command line names
 * its commands, the studio window its settings screen).
 */
public final class CannotGenerateException extends RuntimeException {

    public enum Reason {
        /** No provider was named and the story has none (no default, not exactly one profile). */
        NO_PROVIDER,
        /** The named provider is neither a stored profile nor a provider kind. */
        UNKNOWN_PROVIDER,
        /** The profile, or the base URL given for it, cannot be used as it is. */
        UNUSABLE_PROVIDER,
        NO_SUCH_STORY,
        NO_SUCH_SCENE,
        /** A provider setting in the environment is not a usable value. */
        BAD_SETTING
    }

    private final Reason reason;
    private final boolean ollamaRunning;

    CannotGenerateException(Reason reason, String message) {
        this(reason, message, false);
    }

    CannotGenerateException(Reason reason, String message, boolean ollamaRunning) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.ollamaRunning = ollamaRunning;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#NO_PROVIDER}: whether Ollama answers at its default address, so it can be offered. */
    public boolean ollamaRunning() {
        return ollamaRunning;
    }
}
