package dev.quire.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How a manuscript's first page states its length. Editors want an estimate, not a count: by the usual
 * convention short fiction is rounded to the nearest 100 words and a novel to the nearest 1,000 (some agents
 * prefer 5,000).
 */
public enum WordRounding {
    /** By length: the nearest 100 under {@link #NOVEL_WORDS}, the nearest 1,000 from there. */
    CONVENTION("convention", 0),
    NEAREST_100("100", 100),
    NEAREST_500("500", 500),
    NEAREST_1000("1000", 1000),
    NEAREST_5000("5000", 5000),
    EXACT("exact", 1);

    /** Where a novel starts, by the count the SFWA's awards use. */
    public static final int NOVEL_WORDS = 40_000;

    private final String key;
    private final int step;

    WordRounding(String key, int step) {
        this.key = key;
        this.step = step;
    }

    /** The name a writer types and the library keeps: convention, 100, 500, 1000, 5000, exact. */
    public String key() {
        return key;
    }

    /** {@code words} rounded; never below one step, so a short piece is never "about 0 words". */
    public int round(int words) {
        int by = this == CONVENTION ? (words < NOVEL_WORDS ? 100 : 1000) : step;
        if (by <= 1 || words <= 0) {
            return Math.max(0, words);
        }
        long rounded = Math.round(words / (double) by) * (long) by;
        return (int) Math.max(by, rounded);
    }

    /** "about 4,300 words", or "1,234 words" when exact. */
    public String approximately(int words) {
        int n = round(words);
        String count = String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " word" : " words");
        return this == EXACT ? count : "about " + count;
    }

    /** By its key ("1000"), its name ("NEAREST_1000") or "1,000"; empty when it is none of them. */
    public static Optional<WordRounding> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().replace(",", "").toLowerCase(Locale.ROOT);
        for (WordRounding r : values()) {
            if (r.key.equals(n) || r.name().toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(r);
            }
        }
        return n.equals("auto") ? Optional.of(CONVENTION) : Optional.empty();
    }
}
