package dev.quire.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Shortens text to a number of tokens at a paragraph boundary if one fits, else at a sentence boundary, else
 * between words: never in the middle of a word.
 */
final class Trim {

    private Trim() {
    }

    /** The longest end of {@code text} that fits in {@code maxTokens}, starting at a boundary; "" when none does. */
    static String keepEnd(String text, int maxTokens, TokenCounter counter) {
        if (counter.count(text) <= maxTokens) {
            return text;
        }
        if (maxTokens <= 0) {
            return "";
        }
        int from = 0;
        for (Level level : Level.values()) {
            List<Integer> starts = level.starts(text, from);
            // starts ascend, so the kept end shrinks: find the first start whose end fits
            int lo = 0;
            int hi = starts.size() - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (counter.count(text.substring(starts.get(mid)).strip()) <= maxTokens) {
                    found = mid;
                    hi = mid - 1;
                } else {
                    lo = mid + 1;
                }
            }
            if (found >= 0) {
                return text.substring(starts.get(found)).strip();
            }
            if (!starts.isEmpty()) {
                from = starts.get(starts.size() - 1); // even the last piece is too long: cut finer inside it
            }
        }
        return "";
    }

    /** The longest beginning of {@code text} that fits in {@code maxTokens}, ending at a boundary; "" when none does. */
    static String keepStart(String text, int maxTokens, TokenCounter counter) {
        if (counter.count(text) <= maxTokens) {
            return text;
        }
        if (maxTokens <= 0) {
            return "";
        }
        int to = text.length();
        for (Level level : Level.values()) {
            List<Integer> ends = level.ends(text, to);
            int lo = 0;
            int hi = ends.size() - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (counter.count(text.substring(0, ends.get(mid)).strip()) <= maxTokens) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found >= 0) {
                return text.substring(0, ends.get(found)).strip();
            }
            if (!ends.isEmpty()) {
                to = ends.get(0);
            }
        }
        return "";
    }

    private enum Level {
        PARAGRAPH, SENTENCE, WORD;

        /** Where pieces start, from {@code from} on (ascending, excluding {@code from} itself unless it is 0). */
        List<Integer> starts(String text, int from) {
            List<Integer> out = new ArrayList<>();
            if (from == 0) {
                out.add(0);
            }
            for (int i = Math.max(from, 1); i < text.length(); i++) {
                if (isStart(text, i)) {
                    out.add(i);
                }
            }
            return out;
        }

        /** Where pieces end, up to {@code to} (ascending, each the index just after a piece). */
        List<Integer> ends(String text, int to) {
            List<Integer> out = new ArrayList<>();
            for (int i = 1; i < to; i++) {
                if (isStart(text, i)) {
                    out.add(i);
                }
            }
            if (to == text.length()) {
                out.add(to);
            }
            return out;
        }

        private boolean isStart(String text, int i) {
            char prev = text.charAt(i - 1);
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                return false;
            }
            switch (this) {
                case PARAGRAPH:
                    return prev == '\n';
                case SENTENCE:
                    return Character.isWhitespace(prev) && endsSentence(text, i - 1);
                case WORD:
                default:
                    return Character.isWhitespace(prev);
            }
        }

        /** Whether the whitespace run ending at {@code i} follows a sentence's end: . ! ? … with closing quotes. */
        private static boolean endsSentence(String text, int i) {
            int j = i;
            while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
                j--;
            }
            while (j >= 0 && "\"'”’)]»".indexOf(text.charAt(j)) >= 0) {
                j--;
            }
            return j >= 0 && ".!?…".indexOf(text.charAt(j)) >= 0;
        }
    }
}
