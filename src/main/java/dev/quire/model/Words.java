package dev.quire.model;

/** Counts words the way a writer does: runs of letters or digits, with inner apostrophes and hyphens. */
public final class Words {
    private Words() {
    }

    public static int count(CharSequence text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (inWord && isJoiner(c) && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
                // "don't", "well-kept": one word, not two
                continue;
            } else {
                inWord = false;
            }
        }
        return words;
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '\u2019' || c == '-';
    }
}
