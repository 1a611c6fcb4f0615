package dev.quire.model;

import java.util.Locale;

/**
 * One thing the continuity check points at in a scene: words that contradict what the story has established.
 *
 * @param quote    the scene's words, as the model quoted them
 * @param conflict what they contradict, and how
 * @param source   where the contradicted fact is, in the model's words: "canon 3", "scene 12", "Mara's sheet"
 * @param start    where the quote starts in the scene's text (UTF-16 code units, as the editor counts), or null
 *                 when it could not be found there: the model misquoted, or the text changed since
 * @param end      where it ends (exclusive), or null with {@code start}
 */
public record Finding(String quote, String conflict, String source, Integer start, Integer end) {

    public Finding {
        quote = Text.orEmpty(quote).strip();
        conflict = Text.orEmpty(conflict).strip();
        source = Text.orEmpty(source).strip();
        if ((start == null) != (end == null) || start != null && (start < 0 || end < start)) {
            throw new IllegalArgumentException("A finding is found from a start to an end, or not at all: "
                    + start + " to " + end + ".");
        }
    }

    /** Whether the quote was found in the scene's text, so the editor can mark it. */
    public boolean located() {
        return start != null;
    }

    /**
     * What stays the same when the model says the same thing again in a later check: the quote and the conflict,
     * with case and spacing ignored. A dismissed finding is remembered by this, so it stays dismissed.
     */
    public String key() {
        return ContentHash.of(loose(quote) + "\n" + loose(conflict)).substring(0, 16);
    }

    private static String loose(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
