package dev.quire.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scene text with its inline styles and provenance, as run-length spans that cover the text
 * exactly. Paragraphs are separated by a newline. This is what the store persists; the editor
 * maps it to and from its own styled document.
 */
public record Prose(String text, List<Span> spans) {

    public static final Prose EMPTY = new Prose("", List.of());

    public Prose {
        Objects.requireNonNull(text, "text");
        spans = normalize(spans == null ? List.of() : spans);
        int covered = 0;
        for (Span s : spans) {
            covered += s.length();
        }
        if (covered != text.length()) {
            throw new IllegalArgumentException("spans cover " + covered + " characters of a " + text.length()
                    + "-character text");
        }
    }

    /** Text written by the writer, with no inline style. */
    public static Prose plain(String text) {
        return new Prose(text, text.isEmpty() ? List.of() : List.of(Span.writer(text.length())));
    }

    public int wordCount() {
        return Words.count(text);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The prose from {@code start} to {@code end}, with its styles and provenance. */
    public Prose slice(int start, int end) {
        Objects.checkFromToIndex(start, end, text.length());
        Builder b = new Builder();
        int pos = 0;
        for (Span s : spans) {
            int from = Math.max(start, pos);
            int to = Math.min(end, pos + s.length());
            if (from < to) {
                b.append(text.substring(from, to), s.provenance(), s.italic(), s.bold());
            }
            pos += s.length();
            if (pos >= end) {
                break;
            }
        }
        return b.build();
    }

    /** This prose with {@code start} to {@code end} replaced by {@code piece}; an empty range inserts it. */
    public Prose replace(int start, int end, Prose piece) {
        Objects.checkFromToIndex(start, end, text.length());
        Objects.requireNonNull(piece, "piece");
        List<Span> out = new ArrayList<>(slice(0, start).spans);
        out.addAll(piece.spans);
        out.addAll(slice(end, text.length()).spans);
        return new Prose(text.substring(0, start) + piece.text + text.substring(end), out);
    }

    /**
     * Text taken whole from one source, such as a variant. Paragraph breaks stay the writer's, as the
     * editor keeps them, so the same text reads back the same from the editor and from here.
     */
    public static Prose from(String text, Provenance provenance) {
        Builder b = new Builder();
        int from = 0;
        for (int br = text.indexOf('\n'); br >= 0; br = text.indexOf('\n', from)) {
            b.append(text.substring(from, br), provenance, false, false);
            b.append("\n");
            from = br + 1;
        }
        b.append(text.substring(from), provenance, false, false);
        return b.build();
    }

    /** Builds prose piece by piece; adjacent pieces with the same style merge into one span. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Span> spans = new ArrayList<>();

        public Builder append(String piece, Provenance provenance, boolean italic, boolean bold) {
            if (!piece.isEmpty()) {
                text.append(piece);
                spans.add(new Span(piece.length(), provenance, italic, bold));
            }
            return this;
        }

        public Builder append(String piece) {
            return append(piece, Provenance.WRITER, false, false);
        }

        public Prose build() {
            return new Prose(text.toString(), spans);
        }
    }

    private static List<Span> normalize(List<Span> in) {
        List<Span> out = new ArrayList<>(in.size());
        for (Span s : in) {
            if (s.length() == 0) {
                continue;
            }
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).sameStyle(s)) {
                out.set(last, s.withLength(out.get(last).length() + s.length()));
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
