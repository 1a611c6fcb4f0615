package dev.quire.prompt;

import java.util.Locale;

/**
 * The budget cannot carry what must never be left out, so the prompt is refused rather than sent: either the frame
 * and the instruction themselves (with the passage to rewrite and the co-writing turns), or the story's canon beside
 * them, since a prompt that silently drops established facts is how a long story stops holding together.
 */
public final class PromptTooSmallException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What does not fit. */
    public enum What {
        /** The frame, the instruction, the passage to rewrite and the turns: the request itself. */
        ESSENTIALS,
        /** The story's canon, beside the essentials. */
        CANON,
        /** A whole prompt that is never shortened (a continuity check's). */
        WHOLE
    }

    private final What what;
    private final int needed;
    private final int available;

    /**
     * The canon does not fit.
     *
     * @param needed    the tokens the canon takes, with its heading
     * @param available the tokens the budget leaves after the frame, the instruction and the other essentials
     */
    public PromptTooSmallException(int needed, int available) {
        this(What.CANON, needed, available, String.format(Locale.ROOT, "The story's canon needs %,d tokens but the "
                + "model's budget leaves %,d: raise the budget, choose a model with a larger window, or shorten the "
                + "canon.", needed, available));
    }

    private PromptTooSmallException(What what, int needed, int available, String message) {
        super(message);
        this.what = what;
        this.needed = needed;
        this.available = available;
    }

    /**
     * The frame and the instruction alone do not fit: the request cannot work, whatever else is left out.
     *
     * @param needed the tokens the frame, the instruction, the passage and the turns take, with nothing else
     * @param budget the whole budget: the context window less the tokens kept for the reply
     */
    public static PromptTooSmallException essentials(int needed, int budget) {
        String message = budget <= 0
                ? String.format(Locale.ROOT, "The prompt does not fit: the frame and the instruction alone take %,d "
                + "tokens and the model's budget is %,d, so nothing can be sent. The budget is the context window less "
                + "the maximum output kept for the reply: raise the context window or lower the maximum output.",
                needed, budget)
                : String.format(Locale.ROOT, "The prompt does not fit: the frame and the instruction alone take %,d "
                + "tokens but the model's budget is %,d (the context window less the maximum output kept for the "
                + "reply), %,d short. Raise the context window, lower the maximum output, or shorten the instruction "
                + "or the frame.", needed, budget, needed - budget);
        return new PromptTooSmallException(What.ESSENTIALS, needed, budget, message);
    }

    /**
     * A prompt that is sent whole or not at all is over the budget.
     *
     * @param what   the request, as a sentence begins: "The continuity check"
     * @param needed the prompt's tokens
     * @param budget the context window less the maximum output kept for the reply
     */
    public static PromptTooSmallException whole(String what, int needed, int budget) {
        return new PromptTooSmallException(What.WHOLE, needed, budget, String.format(Locale.ROOT, "%s does not fit: "
                + "its prompt takes %,d tokens but the model's budget is %,d (the context window less the maximum "
                + "output kept for the reply). Raise the context window or lower the maximum output, or choose a "
                + "model with a larger window.", what, needed, budget));
    }

    public What what() {
        return what;
    }

    public int needed() {
        return needed;
    }

    /** For the canon, what the budget leaves beside the essentials; for the essentials, the whole budget. */
    public int available() {
        return available;
    }
}
