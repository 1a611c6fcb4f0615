package dev.quire.llm;

import java.util.Objects;

/**
 * How one variant ended. Its text is everything that arrived, whatever the status: a cut-off or failed
 * stream keeps what the writer already saw.
 *
 * @param index      the variant's index (0 = "A")
 * @param stopReason the provider's own word ({@code end_turn}, {@code max_tokens}, {@code stop}, {@code length}…),
 *                   null when none came
 * @param usage      never null; {@link Usage#NONE} when unknown. With OpenAI's native {@code n} one request
 *                   serves all variants: its usage is reported once, on the lowest-index variant, and the
 *                   others carry {@link Usage#NONE}, so adding up the variants' usage is always right
 * @param error      null unless the status is {@link Status#FAILED} or {@link Status#INCOMPLETE}
 */
public record VariantResult(int index, String text, Status status, String stopReason, Usage usage,
                            ProviderError error) {

    public enum Status {
        /** The provider finished the reply (its end marker arrived). */
        COMPLETE,
        /** Text arrived, then the stream broke off or failed; the text is kept, {@code error} says why. */
        INCOMPLETE,
        /** Nothing usable arrived; {@code error} says why. */
        FAILED,
        /** The writer cancelled it; the text received until then is kept. */
        CANCELLED
    }

    public VariantResult {
        text = text == null ? "" : text;
        Objects.requireNonNull(status, "status");
        usage = usage == null ? Usage.NONE : usage;
    }

    public boolean isComplete() {
        return status == Status.COMPLETE;
    }
}
