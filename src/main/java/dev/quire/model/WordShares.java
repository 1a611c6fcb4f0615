package dev.quire.model;

/**
 * How many of a text's words came from each source: the writer, a model (any variant), and text of unknown origin
 * (pasted from outside). A word belongs to the source of its first character.
 */
public record WordShares(int writer, int model, int other) {

    public static final WordShares NONE = new WordShares(0, 0, 0);

    /** The words of {@code prose} by their provenance, counted as {@link Words#count} counts them. */
    public static WordShares of(Prose prose) {
        String text = prose.text();
        int[] counts = new int[3];
        int spanIndex = 0;
        int spanEnd = prose.spans().isEmpty() ? text.length() : prose.spans().get(0).length();
        boolean inWord = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            while (i >= spanEnd && spanIndex + 1 < prose.spans().size()) {
                spanIndex++;
                spanEnd += prose.spans().get(spanIndex).length();
            }
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    Provenance p = prose.spans().isEmpty() ? Provenance.WRITER
                            : prose.spans().get(spanIndex).provenance();
                    counts[p.isWriter() ? 0 : p.isVariant() ? 1 : 2]++;
                    inWord = true;
                }
            } else if (inWord && (c == '\'' || c == '\u2019' || c == '-') && i + 1 < n
                    && Character.isLetterOrDigit(text.charAt(i + 1))) {
                continue;
            } else {
                inWord = false;
            }
        }
        return new WordShares(counts[0], counts[1], counts[2]);
    }

    public int total() {
        return writer + model + other;
    }

    public WordShares minus(WordShares o) {
        return new WordShares(writer - o.writer, model - o.model, other - o.other);
    }

    public WordShares plus(WordShares o) {
        return new WordShares(writer + o.writer, model + o.model, other + o.other);
    }
}
