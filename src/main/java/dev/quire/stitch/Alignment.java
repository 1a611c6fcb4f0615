package dev.quire.stitch;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmI;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word-level alignment of several variants (java-diff-utils). Each variant's text is cut into marks
 * that tile it exactly: text every other variant also has at the matching place is
 * {@link Kind#SHARED_BY_ALL} (dimmed in the columns), text some other variant has is {@link Kind#SHARED},
 * and text no other variant has is {@link Kind#OWN} (highlighted).
 */
public final class Alignment {

    public enum Kind { SHARED_BY_ALL, SHARED, OWN }

    /** A run of one variant's text, {@code start} inclusive to {@code end} exclusive. */
    public record Mark(int start, int end, Kind kind) {
    }

    /**
     * A run of equal tokens between two texts of at most this many words, wedged between longer changes, is
     * a coincidence ("the", "and", a comma) rather than shared wording, and is not counted as shared.
     */
    private static final int COINCIDENCE_WORDS = 2;

    private Alignment() {
    }

    /**
     * Aligns the texts. Adjacent marks of the same kind are merged; whitespace between two words of the same
     * kind takes their kind. With a single text, all of it is {@link Kind#OWN}.
     *
     * @return one list of marks per text, in the same order
     */
    public static List<List<Mark>> of(List<String> texts) {
        int n = texts.size();
        Map<String, Integer> ids = new HashMap<>();
        List<Tokens> tokens = new ArrayList<>(n);
        for (String text : texts) {
            tokens.add(Tokens.of(text, ids));
        }
        int[][] partners = new int[n][];
        for (int i = 0; i < n; i++) {
            partners[i] = new int[tokens.get(i).size()];
        }
        // One match per pair serves both sides: the pairing is symmetric.
        Matcher matcher = new Matcher(ids.size());
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                markShared(tokens.get(a), tokens.get(b), partners[a], partners[b], matcher);
            }
        }
        List<List<Mark>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(marks(texts.get(i), tokens.get(i), partners[i], n, emptyOthers(tokens, i)));
        }
        return out;
    }

    /**
     * The words and punctuation of a text, with whitespace left out of the comparison. Punctuation is its own
     * token (a run of one character, so "..." stays whole) rather than glued to its word: "door." and "door,"
     * then share "door" and only the differing mark is highlighted, instead of the whole word lighting up
     * because a sentence ends one word later. Words keep inner apostrophes and hyphens ("don't",
     * "well-kept"), as {@link dev.quire.model.Words} counts them.
     */
    private record Tokens(int[] start, int[] end, Integer[] id, boolean[] word, int[] charsBefore) {

        int size() {
            return id.length;
        }

        /** Non-whitespace characters of tokens {@code from} to {@code to}. */
        int chars(int from, int to) {
            return charsBefore[to] - charsBefore[from];
        }

        static Tokens of(String text, Map<String, Integer> ids) {
            int len = text.length();
            int[] start = new int[16];
            int[] end = new int[16];
            int count = 0;
            int i = 0;
            while (i < len) {
                int c = text.codePointAt(i);
                if (isSpace(c)) {
                    i += Character.charCount(c);
                    continue;
                }
                int from = i;
                if (Character.isLetterOrDigit(c)) {
                    i = wordEnd(text, i);
                } else {
                    i += Character.charCount(c);
                    while (i < len && text.codePointAt(i) == c) {
                        i += Character.charCount(c);
                    }
                }
                if (count == start.length) {
                    start = Arrays.copyOf(start, count * 2);
                    end = Arrays.copyOf(end, count * 2);
                }
                start[count] = from;
                end[count] = i;
                count++;
            }
            Integer[] id = new Integer[count];
            boolean[] word = new boolean[count];
            int[] charsBefore = new int[count + 1];
            for (int t = 0; t < count; t++) {
                String s = text.substring(start[t], end[t]);
                // tokens become numbers: comparing two is then one int comparison, not a string's
                Integer next = ids.size();
                Integer known = ids.putIfAbsent(s, next);
                id[t] = known == null ? next : known;
                word[t] = Character.isLetterOrDigit(text.codePointAt(start[t]));
                charsBefore[t + 1] = charsBefore[t] + end[t] - start[t];
            }
            return new Tokens(Arrays.copyOf(start, count), Arrays.copyOf(end, count), id, word, charsBefore);
        }

        private static int wordEnd(String text, int i) {
            int len = text.length();
            while (i < len) {
                int c = text.codePointAt(i);
                if (Character.isLetterOrDigit(c)) {
                    i += Character.charCount(c);
                } else if (isJoiner(c) && i + 1 < len && Character.isLetterOrDigit(text.codePointAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            return i;
        }

        private static boolean isJoiner(int c) {
            return c == '\'' || c == '\u2019' || c == '-';
        }
    }

    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Counts, for each token of both texts, that the other text shares it. */
    private static void markShared(Tokens a, Tokens b, int[] partnersA, int[] partnersB, Matcher matcher) {
        int[] runs = matcher.match(a, b);
        int kept = dropCoincidences(runs, matcher.runCount(), a, b);
        for (int r = 1; r < kept - 1; r++) {
            int sa = runs[3 * r];
            int sb = runs[3 * r + 1];
            for (int k = 0; k < runs[3 * r + 2]; k++) {
                partnersA[sa + k]++;
                partnersB[sb + k]++;
            }
        }
    }

    /**
     * Finds the equal runs of two token sequences. Myers (java-diff-utils) alone costs time in proportion to
     * length times differences, which for two 3000-word variants that part ways is a tenth of a second a
     * pair. So, as patience diff does, the pair is first cut at words each text uses exactly once in the
     * stretch being compared, taken in an order both agree on; Myers then only sees the short stretches
     * between them. For prose this also tends to read better: a rare word both variants use is a truer
     * landmark than the longest chain of "the"s and commas.
     */
    private static final class Matcher {
        /** Below this many token pairs a stretch goes straight to Myers. */
        private static final int SMALL = 64 * 64;
        /**
         * Above this many token pairs, a stretch with no firm landmark is cut at lone rare words all the
         * same: Myers over it would cost too long, and such a stretch is mostly unrelated text anyway.
         */
        private static final int LARGE = 256 * 256;
        /** Above this many token pairs, a stretch with no landmark at all is halved rather than left to Myers. */
        private static final int HUGE = 512 * 512;
        /** A landmark is firm when it sits in a run of at least this many equal tokens. */
        private static final int FIRM = 3;

        private final DiffAlgorithmI<Integer> myers = new MyersDiffWithLinearSpace<>();
        private final int[] countA;
        private final int[] countB;
        private final int[] whereB;
        private int[] runs = new int[3 * 64];
        private int count;

        Matcher(int vocabulary) {
            countA = new int[vocabulary];
            countB = new int[vocabulary];
            whereB = new int[vocabulary];
        }

        int runCount() {
            return count;
        }

        /**
         * Equal runs as (start in a, start in b, length), in order, between an empty sentinel run at the
         * start of both texts and one at their ends.
         */
        int[] match(Tokens a, Tokens b) {
            count = 0;
            sentinel(0, 0);
            stretch(a.id(), 0, a.size(), b.id(), 0, b.size());
            sentinel(a.size(), b.size());
            return runs;
        }

        private void stretch(Integer[] a, int a0, int a1, Integer[] b, int b0, int b1) {
            int head = 0;
            while (a0 + head < a1 && b0 + head < b1 && a[a0 + head].equals(b[b0 + head])) {
                head++;
            }
            add(a0, b0, head);
            a0 += head;
            b0 += head;
            int tail = 0;
            while (a1 - tail > a0 && b1 - tail > b0 && a[a1 - tail - 1].equals(b[b1 - tail - 1])) {
                tail++;
            }
            a1 -= tail;
            b1 -= tail;
            if (a0 < a1 && b0 < b1) {
                long pairs = (long) (a1 - a0) * (b1 - b0);
                int[] anchors = pairs <= SMALL ? null : anchors(a, a0, a1, b, b0, b1);
                if (anchors == null && pairs > HUGE) {
                    // not one word used once on each side: repetitive text, where halving costs little
                    int am = (a0 + a1) >>> 1;
                    int bm = (b0 + b1) >>> 1;
                    stretch(a, a0, am, b, b0, bm);
                    stretch(a, am, a1, b, bm, b1);
                } else if (anchors == null) {
                    myers(a, a0, a1, b, b0, b1);
                } else {
                    int i = a0;
                    int j = b0;
                    for (int k = 0; k < anchors.length; k += 2) {
                        stretch(a, i, anchors[k], b, j, anchors[k + 1]);
                        add(anchors[k], anchors[k + 1], 1);
                        i = anchors[k] + 1;
                        j = anchors[k + 1] + 1;
                    }
                    stretch(a, i, a1, b, j, b1);
                }
            }
            add(a1, b1, tail);
        }

        /**
         * Pairs (position in a, position in b) of tokens found once in each stretch: of the chains of them
         * that run forward in both, the one with the most shared text around its words; null if there are
         * none. Only words inside a firm equal run count (unless the stretch is large and has none), and
         * the chain is weighed by those runs, so a stray rare word two variants both use in different places
         * ("lantern") cannot pull the alignment away from whole shared sentences.
         */
        private int[] anchors(Integer[] a, int a0, int a1, Integer[] b, int b0, int b1) {
            for (int i = a0; i < a1; i++) {
                countA[a[i]]++;
            }
            for (int j = b0; j < b1; j++) {
                countB[b[j]]++;
                whereB[b[j]] = j;
            }
            int[] candA = new int[Math.min(a1 - a0, b1 - b0)];
            int[] candB = new int[candA.length];
            int n = 0;
            for (int i = a0; i < a1 && n < candA.length; i++) {
                int id = a[i];
                if (countA[id] == 1 && countB[id] == 1) {
                    candA[n] = i;
                    candB[n] = whereB[id];
                    n++;
                }
            }
            for (int i = a0; i < a1; i++) {
                countA[a[i]] = 0;
            }
            for (int j = b0; j < b1; j++) {
                countB[b[j]] = 0;
            }
            if (n == 0) {
                return null;
            }
            int[] weight = new int[n];
            int runEnd = -1;
            int runDiagonal = 0;
            int runLength = 0;
            int heaviest = 0;
            for (int c = 0; c < n; c++) {
                int i = candA[c];
                int j = candB[c];
                if (i >= runEnd || i - j != runDiagonal) {
                    int from = 0;
                    while (i - from > a0 && j - from > b0 && a[i - from - 1].equals(b[j - from - 1])) {
                        from++;
                    }
                    int to = 1;
                    while (i + to < a1 && j + to < b1 && a[i + to].equals(b[j + to])) {
                        to++;
                    }
                    runEnd = i + to;
                    runDiagonal = i - j;
                    runLength = from + to;
                }
                weight[c] = runLength;
                heaviest = Math.max(heaviest, runLength);
            }
            int least = heaviest < FIRM && (long) (a1 - a0) * (b1 - b0) > LARGE ? 1 : FIRM;
            int m = 0;
            for (int c = 0; c < n; c++) {
                if (weight[c] >= least) {
                    candA[m] = candA[c];
                    candB[m] = candB[c];
                    weight[m] = weight[c];
                    m++;
                }
            }
            n = m;
            if (n == 0) {
                return null;
            }
            // heaviest chain with positions in b rising, over candidates in order of a; a Fenwick tree over
            // positions in b keeps the best chain ending below each position
            int size = b1 - b0;
            long[] tree = new long[size + 1];
            int[] previous = new int[n];
            long best = -1;
            int last = -1;
            for (int c = 0; c < n; c++) {
                long before = 0;
                for (int k = candB[c] - b0; k > 0; k -= k & -k) {
                    before = Math.max(before, tree[k]);
                }
                previous[c] = before == 0 ? -1 : (int) (before & 0xFFFF_FFFFL) - 1;
                long total = (before >>> 32) + weight[c];
                long packed = total << 32 | (c + 1);
                for (int k = candB[c] - b0 + 1; k <= size; k += k & -k) {
                    tree[k] = Math.max(tree[k], packed);
                }
                if (packed > best) {
                    best = packed;
                    last = c;
                }
            }
            int length = 0;
            for (int c = last; c >= 0; c = previous[c]) {
                length++;
            }
            int[] chain = new int[2 * length];
            for (int c = last, k = length - 1; c >= 0; c = previous[c], k--) {
                chain[2 * k] = candA[c];
                chain[2 * k + 1] = candB[c];
            }
            return chain;
        }

        private void myers(Integer[] a, int a0, int a1, Integer[] b, int b0, int b1) {
            List<Change> changes = new ArrayList<>(myers.computeDiff(Arrays.asList(a).subList(a0, a1),
                    Arrays.asList(b).subList(b0, b1), null));
            changes.sort(Comparator.comparingInt((Change c) -> c.startOriginal).thenComparingInt(c -> c.startRevised));
            int i = 0;
            int j = 0;
            for (Change c : changes) {
                add(a0 + i, b0 + j, c.startOriginal - i);
                i = c.endOriginal;
                j = c.endRevised;
            }
            add(a0 + i, b0 + j, a1 - a0 - i);
        }

        private void sentinel(int startA, int startB) {
            runs = ensure(runs, 3 * (count + 1));
            runs[3 * count] = startA;
            runs[3 * count + 1] = startB;
            runs[3 * count + 2] = 0;
            count++;
        }

        /** Appends an equal run, joining it to the last one if it carries straight on. */
        private void add(int startA, int startB, int length) {
            if (length <= 0) {
                return;
            }
            int last = 3 * (count - 1);
            if (count > 1 && runs[last] + runs[last + 2] == startA && runs[last + 1] + runs[last + 2] == startB) {
                runs[last + 2] += length;
                return;
            }
            runs = ensure(runs, 3 * (count + 1));
            runs[3 * count] = startA;
            runs[3 * count + 1] = startB;
            runs[3 * count + 2] = length;
            count++;
        }

        private static int[] ensure(int[] array, int size) {
            return array.length >= size ? array : Arrays.copyOf(array, Math.max(size, 2 * array.length));
        }
    }

    /**
     * Drops short equal runs wedged between changes at least as long as they are, as diff-match-patch's
     * semantic cleanup does; otherwise two rewordings of a sentence light up as confetti of shared "the"s and
     * commas. Runs of more than {@link #COINCIDENCE_WORDS} words always stay: a sentence two variants have in
     * common is shared even between long rewrites. Works in place as a stack, so a drop that lengthens the
     * change before a run re-tests that run too.
     *
     * @return how many runs are kept, sentinels included
     */
    private static int dropCoincidences(int[] runs, int count, Tokens a, Tokens b) {
        int top = 0;
        for (int r = 0; r < count; r++) {
            runs[3 * top] = runs[3 * r];
            runs[3 * top + 1] = runs[3 * r + 1];
            runs[3 * top + 2] = runs[3 * r + 2];
            top++;
            while (top >= 3 && isCoincidence(runs, top - 3, a, b)) {
                runs[3 * (top - 2)] = runs[3 * (top - 1)];
                runs[3 * (top - 2) + 1] = runs[3 * (top - 1) + 1];
                runs[3 * (top - 2) + 2] = runs[3 * (top - 1) + 2];
                top--;
            }
        }
        return top;
    }

    /** Whether the run after {@code prev} is a coincidence, given the runs on either side of it. */
    private static boolean isCoincidence(int[] runs, int prev, Tokens a, Tokens b) {
        int sa = runs[3 * (prev + 1)];
        int sb = runs[3 * (prev + 1) + 1];
        int length = runs[3 * (prev + 1) + 2];
        int words = 0;
        for (int k = sa; k < sa + length; k++) {
            if (a.word()[k]) {
                words++;
            }
        }
        if (words > COINCIDENCE_WORDS) {
            return false;
        }
        int before = Math.max(a.chars(runs[3 * prev] + runs[3 * prev + 2], sa),
                b.chars(runs[3 * prev + 1] + runs[3 * prev + 2], sb));
        int after = Math.max(a.chars(sa + length, runs[3 * (prev + 2)]),
                b.chars(sb + length, runs[3 * (prev + 2) + 1]));
        int chars = a.chars(sa, sa + length);
        return before > 0 && after > 0 && chars <= before && chars <= after;
    }

    /** How many of the other texts have no tokens at all, and so are equal to this one if it has none. */
    private static int emptyOthers(List<Tokens> tokens, int self) {
        int empty = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (i != self && tokens.get(i).size() == 0) {
                empty++;
            }
        }
        return empty;
    }

    private static List<Mark> marks(String text, Tokens t, int[] partners, int texts, int emptyOthers) {
        List<Mark> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        if (t.size() == 0) {
            out.add(new Mark(0, text.length(), kind(emptyOthers, texts)));
            return out;
        }
        Kind previous = null;
        for (int k = 0; k < t.size(); k++) {
            Kind kind = kind(partners[k], texts);
            int gapStart = k == 0 ? 0 : t.end()[k - 1];
            if (gapStart < t.start()[k]) {
                // Whitespace between two kinds goes with the quieter one, so highlights hug their words; at
                // either end of the text it goes with its one neighbour.
                Kind gap = previous == null || previous.compareTo(kind) > 0 ? kind : previous;
                add(out, gapStart, t.start()[k], gap);
            }
            add(out, t.start()[k], t.end()[k], kind);
            previous = kind;
        }
        add(out, t.end()[t.size() - 1], text.length(), previous);
        return out;
    }

    private static Kind kind(int partners, int texts) {
        if (partners == 0 || texts == 1) {
            return Kind.OWN;
        }
        return partners == texts - 1 ? Kind.SHARED_BY_ALL : Kind.SHARED;
    }

    private static void add(List<Mark> out, int start, int end, Kind kind) {
        if (start == end) {
            return;
        }
        int last = out.size() - 1;
        if (last >= 0 && out.get(last).kind() == kind && out.get(last).end() == start) {
            out.set(last, new Mark(out.get(last).start(), end, kind));
        } else {
            out.add(new Mark(start, end, kind));
        }
    }
}
