package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emphasis in a paragraph of Markdown or plain text: {@code *italic*}, {@code _italic_},
 * {@code **bold**}, {@code __bold__}, {@code ***both***}. A run of asterisks or underscores opens only
 * when a matching run closes it later in the paragraph, with text hugging both sides; underscores
 * inside a word ({@code snake_case}) never do. Any other asterisk or underscore is text. In Markdown a
 * backslash makes the next punctuation mark plain text, and a link keeps only its words.
 */
final class Inline {

    private static final Pattern LINK = Pattern.compile("(?<![\\\\!])\\[([^\\]\\\\]+)]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern IMAGE = Pattern.compile("(?<!\\\\)!\\[[^\\]]*]\\([^)]*\\)");

    private Inline() {
    }

    /** One paragraph (already joined into one line) as prose. */
    static Prose paragraph(String s, boolean markdown, Provenance provenance) {
        Prose.Builder b = new Prose.Builder();
        append(s, markdown, provenance, b);
        return b.build();
    }

    /** The plain words of a heading, its emphasis marks dropped. */
    static String plain(String s, boolean markdown) {
        return paragraph(s, markdown, Provenance.WRITER).text().strip();
    }

    static void append(String s, boolean markdown, Provenance provenance, Prose.Builder b) {
        if (markdown) {
            s = IMAGE.matcher(s).replaceAll("");
            s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        }
        int[] closers = lastClosers(s, markdown);
        boolean italic = false;
        boolean bold = false;
        char italicBy = 0;
        char boldBy = 0;
        StringBuilder run = new StringBuilder();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (markdown && c == '\\' && i + 1 < n && escapable(s.charAt(i + 1))) {
                run.append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c != '*' && c != '_') {
                run.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < n && s.charAt(j) == c) {
                j++;
            }
            int len = j - i;
            if (len > 3) {
                run.append(s, i, j);
                i = j;
                continue;
            }
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            char after = j < n ? s.charAt(j) : ' ';
            boolean canOpen = !Character.isWhitespace(after) && (c == '*' || !Character.isLetterOrDigit(before));
            boolean canClose = !Character.isWhitespace(before) && (c == '*' || !Character.isLetterOrDigit(after));
            boolean newItalic = italic;
            boolean newBold = bold;
            int left = len;
            if (canClose) {
                if (left >= 2 && bold && boldBy == c) {
                    newBold = false;
                    left -= 2;
                }
                if (left >= 1 && italic && italicBy == c) {
                    newItalic = false;
                    left -= 1;
                }
            }
            boolean closed = left < len;
            if (left > 0 && canOpen) { // "*a***b**": italic closes, bold opens, in one run
                if (left >= 2 && !bold && closers[slot(c, 2)] >= j) {
                    newBold = true;
                    boldBy = c;
                    left -= 2;
                }
                if (left >= 1 && !italic && closers[slot(c, 1)] >= j) {
                    newItalic = true;
                    italicBy = c;
                    left -= 1;
                }
            }
            if (left == len) {
                run.append(s, i, j);
            } else if (closed && newItalic == italic && newBold == bold) {
                run.append(String.valueOf(c).repeat(left)); // closed and reopened the same: nothing changes
            } else if (closed) {
                b.append(run.toString(), provenance, italic, bold);
                run.setLength(0);
                run.append(String.valueOf(c).repeat(left));
            } else {
                run.append(String.valueOf(c).repeat(left));
                b.append(run.toString(), provenance, italic, bold);
                run.setLength(0);
            }
            italic = newItalic;
            bold = newBold;
            i = j;
        }
        b.append(run.toString(), provenance, italic, bold);
    }

    private static int slot(char c, int width) {
        return (c == '*' ? 0 : 2) + width - 1;
    }

    /**
     * Where the last run of each delimiter that could close an emphasis starts ({@code *}, {@code **},
     * {@code _}, {@code __}; -1 for none), so "is there a closer after here?" is one comparison and a
     * paragraph full of asterisks is read in linear time.
     */
    private static int[] lastClosers(String s, boolean markdown) {
        int[] last = {-1, -1, -1, -1};
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (markdown && c == '\\' && i + 1 < n && escapable(s.charAt(i + 1))) {
                i += 2;
                continue;
            }
            if (c != '*' && c != '_') {
                i++;
                continue;
            }
            int j = i;
            while (j < n && s.charAt(j) == c) {
                j++;
            }
            int len = j - i;
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            char after = j < n ? s.charAt(j) : ' ';
            boolean canClose = !Character.isWhitespace(before) && (c == '*' || !Character.isLetterOrDigit(after));
            if (canClose && (len == 1 || len == 3)) {
                last[slot(c, 1)] = i;
            }
            if (canClose && (len == 2 || len == 3)) {
                last[slot(c, 2)] = i;
            }
            i = j;
        }
        return last;
    }

    /** What a backslash makes plain in Markdown: ASCII punctuation and the scene-break ornaments. */
    static boolean escapable(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
                || SceneBreaks.ORNAMENTS.indexOf(c) >= 0 || c == '\u2014' || c == '\u2013';
    }
}
