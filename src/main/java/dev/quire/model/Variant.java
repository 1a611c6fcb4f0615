package dev.quire.model;

/**
 * One text a generation produced. Its text is kept whatever its status: a failed stream keeps what arrived. The
 * model's refusal and thinking are kept beside it, never in it: neither is prose, neither is stitched or sent back.
 *
 * @param refusal      the model's own words declining, or null
 * @param thinking     how the model got here (its thinking or reasoning), empty when it sent none
 * @param outputTokens this variant's output tokens as the provider counted them, across its continuations; null
 *                     when they cannot be counted (one request served several variants) or were not reported
 */
public record Variant(long id, long generationId, int index, String text, Status status, String stopReason,
                      String error, Integer rating, String note, String refusal, String thinking,
                      Integer outputTokens) {

    /** How the variant stands: streaming, or how it ended. */
    public enum Status {
        STREAMING,
        /** The model finished. */
        COMPLETE,
        /** It reached the output limit: it can be continued. */
        CUT_OFF,
        /** The model declined. */
        REFUSED,
        /** A content filter stopped it. */
        FILTERED,
        /** The writer stopped it. */
        STOPPED,
        /** Nothing usable arrived. */
        FAILED,
        /** Text arrived, then the stream broke off. */
        INCOMPLETE;

        /** Whether the model ended the text itself, whatever way (complete, cut off, refused, filtered). */
        public boolean ended() {
            return this == COMPLETE || this == CUT_OFF || this == REFUSED || this == FILTERED;
        }
    }

    public Variant {
        text = Text.orEmpty(text);
        status = status == null ? Status.STREAMING : status;
        note = Text.orEmpty(note);
        refusal = refusal == null || refusal.isEmpty() ? null : refusal;
        thinking = Text.orEmpty(thinking);
    }

    public Variant(long id, long generationId, int index, String text, Status status, String stopReason,
                   String error, Integer rating, String note) {
        this(id, generationId, index, text, status, stopReason, error, rating, note, null, "", null);
    }

    /** What a set's variants came to, said briefly where not all finished: "1 cut off · 1 refused"; "" when all did. */
    public static String outcomesOf(java.util.List<Variant> variants) {
        java.util.Map<Status, Integer> counts = new java.util.EnumMap<>(Status.class);
        variants.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
        StringBuilder said = new StringBuilder();
        counts.forEach((status, n) -> {
            String word = switch (status) {
                case COMPLETE, STREAMING -> null;
                case CUT_OFF -> "cut off";
                case REFUSED -> "refused";
                case FILTERED -> "filtered";
                case STOPPED -> "stopped";
                case FAILED -> "failed";
                case INCOMPLETE -> "broke off";
            };
            if (word != null) {
                said.append(said.isEmpty() ? "" : " · ").append(n).append(' ').append(word);
            }
        });
        return said.toString();
    }

    /** "A", "B", "C"… as the writer sees the columns. */
    public String label() {
        return labelFor(index);
    }

    public static String labelFor(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "V" + (index + 1);
    }
}
