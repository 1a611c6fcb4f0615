package dev.quire.prompt;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which words and phrases a text mentions, case-insensitively and on whole words only: "Ash" is found in "ash
 * fell" and "Ash's", never in "ashore".
 */
final class Mentions {

    private final Set<String> words = new HashSet<>();
    /** The text's words, lower case, each followed by one space and the whole preceded by one: " a b c ". */
    private final String joined;

    Mentions(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append(' ');
        int start = -1;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (start < 0) {
                    start = sb.length();
                }
                sb.append(Character.toLowerCase(c));
            } else if (start >= 0) {
                words.add(sb.substring(start));
                sb.append(' ');
                start = -1;
            }
        }
        joined = sb.toString();
    }

    /** Whether {@code phrase} (one word or several) appears as whole words; a blank phrase never does. */
    boolean contains(String phrase) {
        String normal = normalize(phrase);
        if (normal.isEmpty()) {
            return false;
        }
        int space = normal.indexOf(' ');
        if (space < 0) {
            return words.contains(normal);
        }
        return words.contains(normal.substring(0, space)) && joined.contains(" " + normal + " ");
    }

    /** Lower case, words separated by single spaces, no punctuation: how phrases are compared. */
    static String normalize(String phrase) {
        StringBuilder sb = new StringBuilder(phrase.length());
        boolean gap = false;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && sb.length() > 0) {
                    sb.append(' ');
                }
                gap = false;
                sb.append(Character.toLowerCase(c));
            } else {
                gap = true;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
