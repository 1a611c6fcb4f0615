package dev.quire.cliche;

/**
 * One stock item found in a text.
 *
 * @param start offset of its first character, in UTF-16 code units
 * @param end   offset just after its last character (exclusive)
 * @param text  the text as written there
 * @param rule  which rule found it: the list and the pattern, e.g. {@code phrases:shiver~ down POSS spine}
 */
public record Finding(int start, int end, String text, Kind kind, String rule) {

    /** What kind of stock item: a kind's {@link #key()} is what the JSON and the writer see. */
    public enum Kind {
        /** An over-used single word ("tapestry"). */
        WORD,
        /** A stock phrase, in any of its inflections ("shivers ran down his spine"). */
        PHRASE,
        /** A name models reach for by default ("Elara", "Thorne"). */
        NAME,
        /** A stock construction ("It wasn't fear. It was grief."). */
        CONSTRUCTION,
        /** On the story's own avoid list. */
        AVOID,
        /** A name the model keeps using across generations that the writer never kept. */
        RECURRING;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public int length() {
        return end - start;
    }
}
