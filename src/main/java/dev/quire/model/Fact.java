package dev.quire.model;

/** An established fact about a character; {@code sourceMessageId} links back to the conversation it came from. */
public record Fact(long id, String text, Long sourceMessageId) {
    public Fact {
        text = Text.orEmpty(text);
    }

    public static Fact of(String text) {
        return new Fact(0, text, null);
    }
}
