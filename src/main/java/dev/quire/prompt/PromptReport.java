package dev.quire.prompt;

import java.util.List;
import java.util.Objects;

/**
 * What a prompt holds and what was left out: the messages exactly as they will be sent (system blocks joined into
 * one system message), the total against the budget, each piece that went in with its tokens, and each piece that
 * did not with the reason.
 *
 * @param tokens   the whole prompt's tokens, counted as the chosen model counts them (or estimated)
 * @param budget   the model's context window less the tokens kept for its reply
 * @param coverage how the earlier scenes are carried: verbatim, by summary, by chapter summary, or not at all
 * @param counter  how {@code tokens} was counted: an encoding's name ("o200k_base") or the estimate's description
 * @param exact    whether {@code tokens} is the model's own count (OpenAI's public encodings) rather than an estimate
 * @param stop     in co-writing turns, where the model must stop: where a character the writer plays would act or
 *                 speak next (the frame's {@code {{turns}}}); sent to the provider as stop sequences; empty otherwise
 */
public record PromptReport(List<Message> messages, int tokens, int budget, List<Included> included,
                           List<Dropped> dropped, Coverage coverage, String counter, boolean exact,
                           List<String> stop) {

    /** Reasons a piece was left out. */
    public static final String OVER_BUDGET = "over budget";
    public static final String NOT_TRIGGERED = "not triggered";
    public static final String DISABLED = "disabled";
    public static final String PRIVATE = "private";
    /** An older scene outside the verbatim window that has no summary to stand in for it. */
    public static final String NO_SUMMARY = "no summary";
    /** A canon fact, when the frame has no {@code {{canon}}} slot to carry it. */
    public static final String NOT_IN_FRAME = "the frame has no {{canon}} slot";

    public PromptReport {
        messages = List.copyOf(messages);
        included = List.copyOf(included);
        dropped = List.copyOf(dropped);
        coverage = coverage == null ? Coverage.NONE : coverage;
        counter = counter == null ? TokenCounter.estimate().name() : counter;
        stop = List.copyOf(stop == null ? List.of() : stop);
    }

    /** Counted by the estimate. */
    public PromptReport(List<Message> messages, int tokens, int budget, List<Included> included,
                        List<Dropped> dropped, Coverage coverage) {
        this(messages, tokens, budget, included, dropped, coverage, null, false, List.of());
    }

    public PromptReport(List<Message> messages, int tokens, int budget, List<Included> included,
                        List<Dropped> dropped) {
        this(messages, tokens, budget, included, dropped, Coverage.NONE);
    }

    /** @param role "system", "user" or "assistant" */
    public record Message(String role, String content) {
        public Message {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * One piece that went in.
     *
     * @param kind  frame, instruction, passage (the passage to rewrite), turns (which characters the writer plays),
     *              bible, canon, character, lore, note, message, scene (verbatim), summary (a scene's) or
     *              chapter-summary
     * @param id    the story's id for the bible, the scene's for a scene, summary or passage, the chapter's for a
     *              chapter summary, the fact's for canon, the frame's stored id (0 for a built-in frame), 0 for the
     *              instruction and the turns
     * @param stale a summary made before its scene's text last changed (still sent: better than nothing)
     */
    public record Included(String kind, long id, String label, int tokens, boolean stale) {
        public Included(String kind, long id, String label, int tokens) {
            this(kind, id, label, tokens, false);
        }
    }

    /**
     * One piece left out, and why ({@link #OVER_BUDGET}, {@link #NOT_TRIGGERED}, {@link #DISABLED},
     * {@link #PRIVATE}, {@link #NO_SUMMARY}, {@link #NOT_IN_FRAME}).
     */
    public record Dropped(String kind, long id, String label, String reason) {
    }

    /** The whole prompt as plain text, for "Copy prompt": each message as "## role", a blank line, its content. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Message m : messages) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append("## ").append(m.role()).append("\n\n").append(m.content());
        }
        return sb.toString();
    }

    /**
     * The prompt's tokens as a writer reads them, the same figure wherever it shows: "1,204" when exact, "≈1,204"
     * when estimated.
     */
    public String tokensText() {
        return (exact ? "" : "≈") + String.format(java.util.Locale.ROOT, "%,d", tokens);
    }

    /** Whether the prompt fits the budget. */
    public boolean fits() {
        return tokens <= budget;
    }

    /** Tokens against the budget: 0 when empty, 1 when exactly full, above 1 when even the essentials do not fit. */
    public double fill() {
        return budget <= 0 ? (tokens > 0 ? Double.POSITIVE_INFINITY : 0) : (double) tokens / budget;
    }

    /** Included tokens summed by kind, in the order kinds first appear: the stacked bar of the preview. */
    public java.util.Map<String, Integer> tokensByKind() {
        java.util.Map<String, Integer> byKind = new java.util.LinkedHashMap<>();
        for (Included i : included) {
            byKind.merge(i.kind(), i.tokens(), Integer::sum);
        }
        return byKind;
    }
}
