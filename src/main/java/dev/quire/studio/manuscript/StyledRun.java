package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Span;

import java.util.ArrayList;
import java.util.List;

/** A piece of a paragraph with one style: how the writers walk prose, paragraph by paragraph. */
record StyledRun(String text, boolean italic, boolean bold, Provenance provenance) {

    /** The prose's paragraphs, each as its runs; an empty prose has none. */
    static List<List<StyledRun>> paragraphs(Prose prose) {
        List<List<StyledRun>> out = new ArrayList<>();
        if (prose.isEmpty()) {
            return out;
        }
        List<StyledRun> current = new ArrayList<>();
        String text = prose.text();
        int at = 0;
        for (Span span : prose.spans()) {
            int end = at + span.length();
            int from = at;
            for (int nl = text.indexOf('\n', from); nl >= 0 && nl < end; nl = text.indexOf('\n', from)) {
                if (nl > from) {
                    current.add(new StyledRun(text.substring(from, nl), span.italic(), span.bold(), span.provenance()));
                }
                out.add(current);
                current = new ArrayList<>();
                from = nl + 1;
            }
            if (end > from) {
                current.add(new StyledRun(text.substring(from, end), span.italic(), span.bold(), span.provenance()));
            }
            at = end;
        }
        out.add(current);
        return out;
    }
}
