package dev.quire.studio;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;

/**
 * The light markup that sample and imported text uses: paragraphs separated by blank lines,
 * {@code *italic*} and {@code **bold**}. The result is prose with one paragraph per line.
 */
public final class Markup {
    private Markup() {
    }

    public static Prose parse(String source, Provenance provenance) {
        String[] paragraphs = source.strip().split("\\n\\s*\\n");
        Prose.Builder b = new Prose.Builder();
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                b.append("\n", provenance, false, false);
            }
            inline(paragraphs[p].replace('\n', ' ').strip(), provenance, b);
        }
        return b.build();
    }

    private static void inline(String s, Provenance provenance, Prose.Builder b) {
        boolean italic = false;
        boolean bold = false;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*') {
                b.append(run.toString(), provenance, italic, bold);
                run.setLength(0);
                if (i + 1 < s.length() && s.charAt(i + 1) == '*') {
                    bold = !bold;
                    i++;
                } else {
                    italic = !italic;
                }
            } else {
                run.append(c);
            }
        }
        b.append(run.toString(), provenance, italic, bold);
    }
}
