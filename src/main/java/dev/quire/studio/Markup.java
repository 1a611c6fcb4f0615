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
        String normalized = source.replace("\r\n", "\n").replace('\r', '\n');
        String[] paragraphs = normalized.strip().split("\\n\\s*\\n");
        Prose.Builder b = new Prose.Builder();
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                b.append("\n"); // breaks are plain and the writer's, as the editor keeps them
            }
            inline(paragraphs[p].replace('\n', ' ').strip(), provenance, b);
        }
        return b.build();
    }

    /**
     * Emphasis as Markdown reads it: a run of one or two asterisks opens only when a matching run
     * closes it later in the paragraph, with text hugging both; any other asterisk is text.
     */
    private static void inline(String s, Provenance provenance, Prose.Builder b) {
        boolean italic = false;
        boolean bold = false;
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '*') {
                run.append(c);
                i++;
                continue;
            }
            int width = i + 1 < s.length() && s.charAt(i + 1) == '*' ? 2 : 1;
            boolean on = width == 2 ? bold : italic;
            boolean toggles = on ? closes(s, i) : opens(s, i, width);
            if (!toggles) {
                run.append(s, i, i + width);
                i += width;
                continue;
            }
            b.append(run.toString(), provenance, italic, bold);
            run.setLength(0);
            if (width == 2) {
                bold = !bold;
            } else {
                italic = !italic;
            }
            i += width;
        }
        b.append(run.toString(), provenance, italic, bold);
    }

    private static boolean closes(String s, int at) {
        return at > 0 && !Character.isWhitespace(s.charAt(at - 1));
    }

    private static boolean opens(String s, int at, int width) {
        int after = at + width;
        int text = after;
        while (text < s.length() && s.charAt(text) == '*') {
            text++; // "***both***": bold and italic open together
        }
        if (text >= s.length() || Character.isWhitespace(s.charAt(text))) {
            return false;
        }
        String delimiter = width == 2 ? "**" : "*";
        for (int j = s.indexOf(delimiter, after + 1); j >= 0; j = s.indexOf(delimiter, j + 1)) {
            if (closes(s, j) && s.charAt(j - 1) != '*') {
                return true;
            }
        }
        return false;
    }
}
