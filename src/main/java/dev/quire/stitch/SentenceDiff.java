package dev.quire.stitch;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two states of a text, a sentence at a time: kept sentences stay whole, a sentence only in
 * one text is removed or added whole, and a sentence that was edited is given as before and after, with its changed
 * words marked only inside it. A paragraph break is a sentence boundary, so paragraphs keep their shape. For
 * comparing a revision with the scene now, readably: unlike {@link WordDiff} over the whole text, it never
 * interleaves single words from different sentences.
 */
public final class SentenceDiff {

    public enum Kind {
        /** The same in both. */
        SAME,
        /** Only in the earlier text. */
        REMOVED,
        /** Only in the later text. */
        ADDED,
        /** Edited: {@link Block#before()} became {@link Block#after()}, with {@link Block#words()} marking how. */
        CHANGED
    }

    /**
     * One run of whole sentences.
     *
     * @param before the earlier text of the run ("" when added)
     * @param after  the later text of the run ("" when removed)
     * @param words  for {@link Kind#CHANGED}, the word-level pieces from before to after; empty otherwise
     */
    public record Block(Kind kind, String before, String after, List<WordDiff.Piece> words) {
        public Block {
            Objects.requireNonNull(kind, "kind");
            words = List.copyOf(words);
        }
    }

    /**
     * Below this share of their words in common, two sentences at the same place are not "the same sentence, edited"
     * but one removed and another added: marking the few shared words would read as noise.
     */
    static final double EDITED = 0.4;

    private SentenceDiff() {
    }

    /** The blocks, in order, that read as the earlier text turned into the later one. */
    public static List<Block> between(String before, String after) {
        List<String> a = sentences(before);
        List<String> b = sentences(after);
        Patch<String> patch = DiffUtils.diff(a, b, (x, y) -> x.strip().equals(y.strip()));
        List<Block> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            same(out, a.subList(i, d.getSource().getPosition()), b.subList(j, d.getTarget().getPosition()));
            changed(out, d.getSource().getLines(), d.getTarget().getLines());
            i = d.getSource().getPosition() + d.getSource().size();
            j = d.getTarget().getPosition() + d.getTarget().size();
        }
        same(out, a.subList(i, a.size()), b.subList(j, b.size()));
        return out;
    }

    /**
     * The text cut into sentences, each with the whitespace after it, so that joined they give the text back. A
     * sentence ends after {@code . ! ? …} (and any closing quotes or brackets) followed by whitespace, and at every
     * line break.
     */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean end = false;
            int next = i + 1;
            if (c == '\n') {
                end = true;
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                while (next < n && isCloser(text.charAt(next))) {
                    next++;
                }
                end = next >= n || Character.isWhitespace(text.charAt(next));
            }
            if (end) {
                // the spaces after the sentence belong to it, up to and including one line break
                while (next < n && text.charAt(next - 1) != '\n' && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                out.add(text.substring(start, next));
                start = next;
            }
            i = next;
        }
        if (start < n) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')' || c == ']' || c == '.'
                || c == '!' || c == '?' || c == '…';
    }

    /** Kept sentences; their spacing may differ (a sentence that now ends its paragraph). */
    private static void same(List<Block> out, List<String> before, List<String> after) {
        if (!before.isEmpty()) {
            out.add(new Block(Kind.SAME, String.join("", before), String.join("", after), List.of()));
        }
    }

    /**
     * A changed run: sentences paired in order are edits of each other when they share enough words; the rest are
     * removed or added whole.
     */
    private static void changed(List<Block> out, List<String> removed, List<String> added) {
        int pairs = Math.min(removed.size(), added.size());
        StringBuilder gone = new StringBuilder();
        StringBuilder come = new StringBuilder();
        for (int k = 0; k < pairs; k++) {
            String was = removed.get(k);
            String now = added.get(k);
            if (similarity(was, now) >= EDITED) {
                flush(out, gone, come);
                out.add(new Block(Kind.CHANGED, was, now, WordDiff.between(was, now)));
            } else {
                gone.append(was);
                come.append(now);
            }
        }
        removed.subList(pairs, removed.size()).forEach(gone::append);
        added.subList(pairs, added.size()).forEach(come::append);
        flush(out, gone, come);
    }

    private static void flush(List<Block> out, StringBuilder gone, StringBuilder come) {
        if (gone.length() > 0) {
            out.add(new Block(Kind.REMOVED, gone.toString(), "", List.of()));
        }
        if (come.length() > 0) {
            out.add(new Block(Kind.ADDED, "", come.toString(), List.of()));
        }
        gone.setLength(0);
        come.setLength(0);
    }

    /** The share of words two sentences keep in common, from 0 to 1. */
    static double similarity(String a, String b) {
        int kept = 0;
        int total = 0;
        for (WordDiff.Piece p : WordDiff.between(a, b)) {
            int words = p.text().isBlank() ? 0 : p.text().strip().split("\\s+").length;
            total += words;
            if (p.kind() == WordDiff.Kind.SAME) {
                kept += 2 * words;
                total += words;
            }
        }
        return total == 0 ? 1 : (double) kept / total;
    }
}
