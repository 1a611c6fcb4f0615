package dev.quire.prompt;

import java.util.Locale;

/**
 * The budget cannot carry what must never be left out: the story's canon. Refused rather than sent without it,
 * since a prompt that silently drops established facts is how a long story stops holding together.
 */
public final class PromptTooSmallException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int needed;
    private final int available;

    /**
     * @param needed    the tokens the canon takes, with its heading
     * @param available the tokens the budget leaves after the frame, the instruction and the other essentials
     */
    public PromptTooSmallException(int needed, int available) {
        super(String.format(Locale.ROOT, "The story's canon needs %,d tokens but the model's budget leaves %,d: raise "
                + "the budget, choose a model with a larger window, or shorten the canon.", needed, available));
        this.needed = needed;
        this.available = available;
    }

    public int needed() {
        return needed;
    }

    public int available() {
        return available;
    }
}
