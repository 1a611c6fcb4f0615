package dev.quire.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the writer searches a story for: the text (or a regular expression) and whether case and whole words
 * matter. It finds the exact matches in a text; an index only narrows where to look.
 */
public record SearchQuery(String text, boolean regex, boolean matchCase, boolean wholeWord) {

    /** Runs of three or more characters are what the index can narrow by; shorter ones are searched by scanning. */
    public static final int SHORTEST_INDEXED = 3;

    public SearchQuery {
        text = text == null ? "" : text;
    }

    public static SearchQuery plain(String text) {
        return new SearchQuery(text, false, false, false);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /**
     * The literal text every match contains, when the index can look it up: empty for a regular expression or a
     * text too short for the index.
     */
    public String indexable() {
        return regex || text.codePointCount(0, text.length()) < SHORTEST_INDEXED ? "" : text;
    }

    /**
     * The pattern that finds this query's matches.
     *
     * @throws IllegalArgumentException for a regular expression that does not compile, with what is wrong
     */
    public Pattern pattern() {
        String core = regex ? text : Pattern.quote(text);
        if (wholeWord) {
            core = "(?<![\\p{L}\\p{N}_])(?:" + core + ")(?![\\p{L}\\p{N}_])";
        }
        int flags = matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        try {
            return Pattern.compile(core, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("That regular expression does not work: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " (at character " + (e.getIndex() + 1) + ")" : "") + ".", e);
        }
    }

    /** A match: its offsets (UTF-16 code units, end exclusive). */
    public record Match(int start, int end) {
    }

    /**
     * Every match of this query in {@code text}, in order. Plain text is found with {@link String#indexOf} (on
     * lower-cased copies unless case matters), which is several times faster than a case-insensitive pattern;
     * {@code pattern} is this query's {@link #pattern()}, used for a regular expression and for text whose
     * lower-cased form would not keep its offsets.
     */
    public List<Match> matches(Pattern pattern, String text, String lowered) {
        if (regex || text.isEmpty() || this.text.isEmpty()) {
            return matches(pattern, text);
        }
        String needle = matchCase ? this.text : this.text.toLowerCase(java.util.Locale.ROOT);
        String hay = matchCase ? text : lowered;
        if (hay.length() != text.length() || needle.length() != this.text.length()) {
            return matches(pattern, text);
        }
        List<Match> out = new ArrayList<>();
        for (int at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            if (wholeWord && ((at > 0 && wordChar(Character.codePointBefore(text, at)))
                    || (end < text.length() && wordChar(text.codePointAt(end))))) {
                continue;
            }
            out.add(new Match(at, end));
            at = end - 1;
        }
        return out;
    }

    /** The text lower-cased as {@link #matches(Pattern, String, String)} compares it. */
    public static String lowered(String text) {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean wordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '_';
    }

    /** Every non-empty match in {@code text}, in order. */
    public static List<Match> matches(Pattern pattern, String text) {
        List<Match> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                out.add(new Match(m.start(), m.end()));
            }
        }
        return out;
    }
}
