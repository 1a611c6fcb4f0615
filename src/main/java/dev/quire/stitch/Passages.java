package dev.quire.stitch;

import java.util.Set;

/** The sentence or paragraph a click lands in, for taking it into a composition. */
public final class Passages {

    /** A range of text, {@code start} inclusive to {@code end} exclusive. */
    public record Range(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    /** Words that take a full stop without ending the sentence ("Mr. Hale"). */
    private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Mx", "Dr", "St", "Jr", "Sr",
            "Prof", "Rev", "Hon", "Capt", "Col", "Gen", "Lt", "Sgt", "Mt", "Ft", "vs", "cf");

    private Passages() {
    }

    /**
     * The sentence around {@code offset}: from after the previous sentence end (. ! ? … optionally followed by
     * closing quotes or brackets) or paragraph start, to and including this sentence's end mark and closing
     * quotes, without surrounding whitespace. Dialogue such as “Wait,” she said. is one sentence.
     */
    public static Range sentenceAt(String text, int offset) {
        // The offset is read as the character clicked: on the space after a sentence, that is the gap
        // before the next one, so the next is taken, or the one before when the paragraph ends there.
        Range paragraph = paragraphAt(text, offset);
        int at = Math.max(paragraph.start(), Math.min(offset, text.length()));
        int start = skipSpace(text, paragraph.start(), paragraph.end());
        Range before = null;
        while (start < paragraph.end()) {
            int end = sentenceEnd(text, start, paragraph.end());
            Range sentence = new Range(start, trimEnd(text, start, end));
            if (at < sentence.end()) {
                return sentence;
            }
            before = sentence;
            start = skipSpace(text, end, paragraph.end());
        }
        // past the last sentence: the one before, or nothing in a blank paragraph
        return before != null ? before : new Range(paragraph.start(), paragraph.start());
    }

    /** The paragraph (between newlines) around {@code offset}, without its newline. */
    public static Range paragraphAt(String text, int offset) {
        // A newline belongs to the paragraph it ends, so an offset on one picks the paragraph before it.
        int at = Math.max(0, Math.min(offset, text.length()));
        int start = text.lastIndexOf('\n', at - 1) + 1;
        int end = text.indexOf('\n', at);
        return new Range(start, end < 0 ? text.length() : end);
    }

    /** Where the sentence starting at {@code start} ends: after its end mark and closing quotes, or {@code limit}. */
    private static int sentenceEnd(String text, int start, int limit) {
        int i = start;
        while (i < limit) {
            char c = text.charAt(i);
            if (!isEndMark(c)) {
                i++;
                continue;
            }
            int marks = i;
            while (i < limit && isEndMark(text.charAt(i))) {
                i++;
            }
            boolean closed = false;
            while (i < limit && isCloser(text.charAt(i))) {
                i++;
                closed = true;
            }
            if (endsSentence(text, marks, i, closed, limit)) {
                return i;
            }
        }
        return limit;
    }

    /** Whether the end marks from {@code marks} (with closers up to {@code after}) end the sentence. */
    private static boolean endsSentence(String text, int marks, int after, boolean closed, int limit) {
        if (after == limit) {
            return true;
        }
        if (!Alignment.isSpace(text.charAt(after))) {
            // "3.5", "e.g.," and "U.S." go on
            return false;
        }
        if (!closed && after - marks == 1 && text.charAt(marks) == '.' && ABBREVIATIONS.contains(wordBefore(text, marks))) {
            return false;
        }
        // “Stop!” she cried. / I thought… maybe not. — a lowercase word after the mark carries the sentence on
        int next = skipSpace(text, after, limit);
        return next == limit || !Character.isLowerCase(text.codePointAt(next));
    }

    private static String wordBefore(String text, int end) {
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end);
    }

    private static boolean isEndMark(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    private static boolean isCloser(char c) {
        return c == '\u201D' || c == '\u2019' || c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u00BB';
    }

    private static int skipSpace(String text, int from, int limit) {
        int i = from;
        while (i < limit && Alignment.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int start, int end) {
        int e = end;
        while (e > start && Alignment.isSpace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
