package dev.quire.cliche;

import java.util.Arrays;
import java.util.Locale;

/**
 * A text cut into words once, for every rule to walk: each word's offsets, its lower-case form (curly apostrophes
 * made straight), whether it starts with a capital, and whether a sentence or paragraph ends between it and the
 * word before. Single line breaks do not end anything: a phrase wrapped over two lines is still one phrase.
 */
final class Tokens {

    final String text;
    int size;
    int[] start;
    int[] end;
    String[] lower;
    boolean[] capital;
    /** A full stop, question or exclamation mark, semicolon, colon or blank line lies before this word. */
    boolean[] breakBefore;
    /** A comma lies between this word and the one before. */
    boolean[] commaBefore;

    Tokens(String text) {
        this.text = text;
        int guess = Math.max(16, text.length() / 5);
        start = new int[guess];
        end = new int[guess];
        lower = new String[guess];
        capital = new boolean[guess];
        breakBefore = new boolean[guess];
        commaBefore = new boolean[guess];
        cut();
    }

    private void cut() {
        String t = text;
        int n = t.length();
        int i = 0;
        boolean pendingBreak = true;
        boolean pendingComma = false;
        int newlines = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int s = i;
                i++;
                while (i < n) {
                    char d = t.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        i++;
                    } else if ((d == '\'' || d == '\u2019' || d == '-') && i + 1 < n
                            && Character.isLetter(t.charAt(i + 1))) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                add(s, i, pendingBreak, pendingComma);
                pendingBreak = false;
                pendingComma = false;
                newlines = 0;
            } else {
                switch (c) {
                    case '.', '!', '?', ';', ':', '\u2026' -> pendingBreak = true;
                    case ',' -> pendingComma = true;
                    case '\n' -> {
                        if (++newlines >= 2) {
                            pendingBreak = true;
                        }
                    }
                    default -> {
                        if (c != '\r' && c != ' ' && c != '\t' && !Character.isWhitespace(c)) {
                            newlines = 0;
                        }
                    }
                }
                i++;
            }
        }
    }

    private void add(int s, int e, boolean brk, boolean comma) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            lower = Arrays.copyOf(lower, cap);
            capital = Arrays.copyOf(capital, cap);
            breakBefore = Arrays.copyOf(breakBefore, cap);
            commaBefore = Arrays.copyOf(commaBefore, cap);
        }
        start[size] = s;
        end[size] = e;
        String word = text.substring(s, e);
        lower[size] = normal(word);
        capital[size] = Character.isUpperCase(word.charAt(0));
        breakBefore[size] = brk;
        commaBefore[size] = comma;
        size++;
    }

    /** Lower case, with curly apostrophes straight. */
    static String normal(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.indexOf('\u2019') >= 0 ? w.replace('\u2019', '\'') : w;
    }

    /** How many words, counted as the CLI and the writer count them. */
    int words() {
        return size;
    }
}
