package dev.quire.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * What went wrong, typed for code and worded for a writer. The message names the provider (profile name and
 * base URL) and the fix; it never contains the API key (server-supplied text is scrubbed of it).
 *
 * @param httpStatus  the HTTP status when there was one, else null (transport failures, errors in a stream)
 * @param retryAfter  how long the provider asked to wait, when it said (header {@code retry-after}); else null
 * @param retryable   whether trying again can help (before any text was shown); the layer has already
 *                    retried these as far as its settings allow
 * @param serverCode  the provider's own error type or code ({@code overloaded_error}, {@code insufficient_quota}…),
 *                    or null
 */
public record ProviderError(Kind kind, String message, Integer httpStatus, Duration retryAfter, boolean retryable,
                            String serverCode) {

    public enum Kind {
        /** The key is missing or wrong (401). */
        AUTHENTICATION(false),
        /** The key may not use this model or feature (403). */
        PERMISSION(false),
        /** No such model on this server. */
        MODEL_NOT_FOUND(false),
        /** The prompt does not fit the model's context (400/413). */
        PROMPT_TOO_LARGE(false),
        /** The provider rejected the request for another reason (400, 422…). */
        BAD_REQUEST(false),
        /** Too many requests (429); retried with backoff. */
        RATE_LIMITED(true),
        /** Out of credit (429 {@code insufficient_quota}, 402): billing, never retried. */
        QUOTA_EXCEEDED(false),
        /** The provider is overloaded (529, 503); retried with backoff. */
        OVERLOADED(true),
        /** Other server failures (500, 502, 504…); retried with backoff. */
        SERVER_ERROR(true),
        /** No answer in time (connect or first byte). */
        TIMEOUT(true),
        /** The stream started and then went silent. */
        STALLED(true),
        /** Nothing listens at the address (for Ollama: not running), or the host is unknown. Not retried. */
        CONNECTION_REFUSED(false),
        /** The connection broke, or the stream ended before its end marker. */
        CONNECTION_DROPPED(true),
        /** The reply could not be parsed. */
        MALFORMED_RESPONSE(false),
        /** Something other than the API answered: an HTML page, a redirect, a missing path. */
        NOT_AN_API(false),
        /** The writer cancelled. */
        CANCELLED(false);

        private final boolean usuallyRetryable;

        Kind(boolean usuallyRetryable) {
            this.usuallyRetryable = usuallyRetryable;
        }

        /** Whether errors of this kind are normally worth retrying. */
        public boolean usuallyRetryable() {
            return usuallyRetryable;
        }
    }

    public ProviderError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The same error with its message extended (e.g. by how many attempts were made). */
    public ProviderError withMessage(String newMessage) {
        return new ProviderError(kind, newMessage, httpStatus, retryAfter, retryable, serverCode);
    }

    @Override
    public String toString() {
        return "ProviderError[" + kind + (httpStatus == null ? "" : " " + httpStatus) + ": " + message + "]";
    }
}
