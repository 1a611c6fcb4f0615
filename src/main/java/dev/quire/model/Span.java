package dev.quire.model;

import java.util.Objects;

/** A run of characters that share provenance and inline style. Spans tile a {@link Prose} text exactly. */
public record Span(int length, Provenance provenance, boolean italic, boolean bold) {
    public Span {
        if (length < 0) {
            throw new IllegalArgumentException("negative span length " + length);
        }
        Objects.requireNonNull(provenance, "provenance");
    }

    public static Span writer(int length) {
        return new Span(length, Provenance.WRITER, false, false);
    }

    public Span withLength(int newLength) {
        return new Span(newLength, provenance, italic, bold);
    }

    boolean sameStyle(Span other) {
        return italic == other.italic && bold == other.bold && provenance.equals(other.provenance);
    }
}
