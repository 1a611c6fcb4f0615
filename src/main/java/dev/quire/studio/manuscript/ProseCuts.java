package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Span;

import java.util.ArrayList;
import java.util.List;

/** Cutting prose at paragraph boundaries and joining it again, keeping every span's style and provenance. */
final class ProseCuts {

    private ProseCuts() {
    }

    /** The characters {@code [from, to)} of {@code prose}, with the spans that cover them. */
    static Prose slice(Prose prose, int from, int to) {
        List<Span> out = new ArrayList<>();
        int at = 0;
        for (Span s : prose.spans()) {
            int start = Math.max(at, from);
            int end = Math.min(at + s.length(), to);
            if (end > start) {
                out.add(s.withLength(end - start));
            }
            at += s.length();
        }
        return new Prose(prose.text().substring(from, to), out);
    }

    /** {@code a} and {@code b} as consecutive paragraphs; an empty side adds nothing. */
    static Prose join(Prose a, Prose b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        List<Span> spans = new ArrayList<>(a.spans());
        spans.add(new Span(1, Provenance.WRITER, false, false));
        spans.addAll(b.spans());
        return new Prose(a.text() + "\n" + b.text(), spans);
    }

    /** Paragraphs joined in order, in one pass (a novel-length scene has thousands). */
    static Prose joinAll(List<Prose> paragraphs) {
        Prose.Builder b = new Prose.Builder();
        boolean first = true;
        for (Prose p : paragraphs) {
            if (p.isEmpty()) {
                continue;
            }
            if (!first) {
                b.append("\n");
            }
            first = false;
            int at = 0;
            for (Span s : p.spans()) {
                b.append(p.text().substring(at, at + s.length()), s.provenance(), s.italic(), s.bold());
                at += s.length();
            }
        }
        return b.build();
    }

    /** Appends {@code piece} to {@code b}, keeping its spans' styles and provenance. */
    static void appendTo(Prose.Builder b, Prose piece) {
        int at = 0;
        for (Span s : piece.spans()) {
            b.append(piece.text().substring(at, at + s.length()), s.provenance(), s.italic(), s.bold());
            at += s.length();
        }
    }

    /** The offset in {@code prose}'s text where paragraph {@code paragraph} (from 0) starts. */
    static int paragraphStart(Prose prose, int paragraph) {
        int at = 0;
        for (int p = 0; p < paragraph; p++) {
            int nl = prose.text().indexOf('\n', at);
            if (nl < 0) {
                throw new IllegalArgumentException("the scene has only " + (p + 1) + " paragraphs");
            }
            at = nl + 1;
        }
        return at;
    }
}
