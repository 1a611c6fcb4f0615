package dev.quire.llm;

import java.util.Locale;
import java.util.Objects;

/**
 * How one variant ended. Its text is everything that arrived, whatever the status: a cut-off or failed
 * stream keeps what the writer already saw. Thinking and refusal text are kept apart from it: neither is prose.
 *
 * @param index        the variant's index (0 = "A")
 * @param stopReason   the provider's own word ({@code end_turn}, {@code max_tokens}, {@code stop}, {@code length}…),
 *                     null when none came
 * @param usage        this variant's own counts, never null; {@link Usage#NONE} when unknown or when they cannot be
 *                     counted: with OpenAI's native {@code n} one request serves all variants and reports one usage,
 *                     which is in {@link #requestUsage} instead
 * @param error        null unless the status is {@link Status#FAILED} or {@link Status#INCOMPLETE}
 * @param refusal      the model's own words declining (OpenAI {@code delta.refusal}); null when it sent none
 * @param thinking     the model's thinking or reasoning, never prose; empty when it sent none
 * @param filter       the content filter that stopped it, named as the provider named it; null when none did
 * @param requestUsage the usage of a request that served several variants, on its lowest-index variant only, so
 *                     adding up {@code usage} and {@code requestUsage} over the variants never counts twice
 */
public record VariantResult(int index, String text, Status status, String stopReason, Usage usage,
                            ProviderError error, String refusal, String thinking, String filter,
                            Usage requestUsage) {

    public enum Status {
        /** The model finished (end_turn, stop, a stop sequence). */
        COMPLETE,
        /** The model hit the output limit: the text ends where the limit fell. */
        CUT_OFF,
        /** The model declined; its refusal, if it wrote one, is in {@code refusal}. */
        REFUSED,
        /** A content filter stopped it; {@code filter} names it. */
        FILTERED,
        /** Text arrived, then the stream broke off or failed; the text is kept, {@code error} says why. */
        INCOMPLETE,
        /** Nothing usable arrived; {@code error} says why. */
        FAILED,
        /** The writer stopped it; the text received until then is kept. */
        CANCELLED;

        /** The name the writer and {@code --json} see: the writer "stops" a stream. */
        public String writerName() {
            return this == CANCELLED ? "STOPPED" : name();
        }

        /** Whether the model ended the reply itself (complete, cut off, refused or filtered). */
        public boolean ended() {
            return this == COMPLETE || this == CUT_OFF || this == REFUSED || this == FILTERED;
        }
    }

    public VariantResult {
        text = text == null ? "" : text;
        Objects.requireNonNull(status, "status");
        usage = usage == null ? Usage.NONE : usage;
        thinking = thinking == null ? "" : thinking;
        refusal = refusal == null || refusal.isEmpty() ? null : refusal;
        requestUsage = requestUsage == null ? Usage.NONE : requestUsage;
    }

    public VariantResult(int index, String text, Status status, String stopReason, Usage usage, ProviderError error) {
        this(index, text, status, stopReason, usage, error, null, "", null, Usage.NONE);
    }

    public boolean isComplete() {
        return status == Status.COMPLETE;
    }

    /**
     * How a reply that arrived whole ended, from the provider's stop reason, refusal and filter: the output limit
     * (Anthropic {@code max_tokens}, OpenAI and Ollama {@code length}) cuts it off; a refusal (Anthropic's stop
     * reason, or OpenAI's refusal text) declines; {@code content_filter} filters.
     */
    public static Status outcomeOf(String stopReason, String refusal, String filter) {
        String reason = stopReason == null ? "" : stopReason.toLowerCase(Locale.ROOT);
        if (filter != null || reason.equals("content_filter")) {
            return Status.FILTERED;
        }
        if (reason.equals("refusal") || (refusal != null && !refusal.isEmpty())) {
            return Status.REFUSED;
        }
        if (reason.equals("max_tokens") || reason.equals("length")
                || reason.equals("model_context_window_exceeded")) {
            return Status.CUT_OFF;
        }
        return Status.COMPLETE;
    }
}
