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
