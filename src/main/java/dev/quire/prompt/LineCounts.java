package dev.quire.prompt;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A byte-pair encoding's counts kept line by line, so that text counted again (the same scenes in the next
 * assembly as the writer types, or in the whole prompt after its pieces) costs a lookup rather than a second
 * encoding: a long story verbatim is encoded once, not twice per keystroke.
 *
 * <p>Exact, not an estimate: cl100k_base and o200k_base cut text into pre-tokens before merging bytes, and neither
 * pattern carries a line break into a letter or a digit after it (the letter patterns' optional prefix excludes
 * {@code \r\n}; the punctuation pattern's tail takes only {@code \r}, {@code \n} and {@code /}), so a line that
 * starts with a letter or a digit always starts a pre-token, and a text's count is the sum of the counts of the
 * pieces it is cut into there.
 */
final class LineCounts {

    /** Shorter pieces are counted each time: cheaper than keeping them. */
    static final int MIN_KEPT = 160;
    /** About 16 MB of text at most; the least recently used go first. */
    static final long MAX_CHARS = 8_000_000;

    private final ToIntFunction<String> encoding;
    private final LinkedHashMap<String, Integer> kept = new LinkedHashMap<>(1024, 0.75f, true);
    private long keptChars;

    LineCounts(ToIntFunction<String> encoding) {
        this.encoding = encoding;
    }

    int count(String text) {
        int total = 0;
        int start = 0;
        int n = text.length();
        for (int k = text.indexOf('\n') + 1; k > 0 && k < n; k = text.indexOf('\n', k) + 1) {
            if (Character.isLetterOrDigit(text.charAt(k))) {
                total += countPiece(text.substring(start, k));
                start = k;
            }
        }
        return total + countPiece(start == 0 ? text : text.substring(start));
    }

    void forget() {
        synchronized (kept) {
            kept.clear();
            keptChars = 0;
        }
    }

    private int countPiece(String piece) {
        if (piece.length() < MIN_KEPT) {
            return encoding.applyAsInt(piece);
        }
        synchronized (kept) {
            Integer known = kept.get(piece);
            if (known != null) {
                return known;
            }
        }
        int n = encoding.applyAsInt(piece); // outside the lock: encoding is the slow part
        synchronized (kept) {
            if (kept.put(piece, n) == null) {
                keptChars += piece.length();
            }
            for (Iterator<Map.Entry<String, Integer>> it = kept.entrySet().iterator();
                 keptChars > MAX_CHARS && it.hasNext(); ) {
                keptChars -= it.next().getKey().length();
                it.remove();
            }
        }
        return n;
    }
}
