package dev.quire.spell;

import java.util.List;

/**
 * One misspelling, or with grammar on one grammar or style point, in a text: UTF-16 offsets, end exclusive.
 *
 * @param text        the words it covers
 * @param message     what is wrong, in LanguageTool's words
 * @param rule        the LanguageTool rule that found it
 * @param suggestions what could replace it, best first (a few at most)
 */
public record SpellFinding(int start, int end, String text, Kind kind, String message, String rule,
                           List<String> suggestions) {

    public enum Kind { SPELLING, GRAMMAR }

    public SpellFinding {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
        suggestions = List.copyOf(suggestions);
    }

    public int length() {
        return end - start;
    }

    /** The same finding {@code by} characters further on. */
    public SpellFinding moved(int by) {
        return by == 0 ? this : new SpellFinding(start + by, end + by, text, kind, message, rule, suggestions);
    }

    /**
     * The findings as they sit after an edit that replaced {@code removed} characters at {@code at} with
     * {@code inserted}: those before it stay, those after it move, those it touched are dropped (their words changed).
     */
    public static List<SpellFinding> afterEdit(List<SpellFinding> findings, int at, int removed, int inserted) {
        int editEnd = at + removed;
        return findings.stream()
                .filter(f -> f.end() < at || f.start() > editEnd)
                .map(f -> f.start() > editEnd ? f.moved(inserted - removed) : f)
                .toList();
    }
}
