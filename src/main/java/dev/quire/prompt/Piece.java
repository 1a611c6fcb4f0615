package dev.quire.prompt;

/**
 * One piece of context that went in, or may: the text for a slot, what it is for the report, and its cost.
 *
 * @param order where it stands among the pieces of its slot (story order for the story so far)
 * @param tokens what it costs on its own, with the separator before it
 * @param stale a summary made before its scene's text last changed
 */
record Piece(String slot, String kind, long id, String label, int order, String text, int tokens, boolean stale) {

    Piece(String slot, String kind, long id, String label, int order, String text, int tokens) {
        this(slot, kind, id, label, order, text, tokens, false);
    }

    PromptReport.Included included() {
        return new PromptReport.Included(kind, id, label, tokens, stale);
    }
}
