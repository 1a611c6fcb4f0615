package dev.quire.stitch;

import com.github.difflib.DiffUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Aligning the variant columns of the stitching pane: 3 variants of 1000 words (target ≤ 50 ms median) and
 * 6 variants of 3000 words (target ≤ 300 ms), against one plain {@code DiffUtils.diff} of two of the same
 * variants' word lists, in the same run. Variants are drafted from one text, as a generation's are (some
 * sentences kept, some reworded, most rewritten), and, as the worst case, written apart. Prints figures;
 * fails only on broken marks or a median five times over its target.
 *
 * <p>Run: {@code mvn -B -Pbench -Dquire.build.dir=target-bench test}, or its {@code main} on the test classpath.
 */
@Tag("bench")
class AlignmentBenchmark {

    static final int WARMUP = 15;
    static final int RUNS = 21;

    record Case(String name, int variants, int words, boolean drafted, double targetMs) {
    }

    @Test
    void aligningVariantColumns() {
        run();
    }

    public static void main(String[] args) {
        run();
    }

    static void run() {
        List<Case> cases = List.of(
                new Case("3 × 1000 words, drafted from one text", 3, 1000, true, 50),
                new Case("6 × 3000 words, drafted from one text", 6, 3000, true, 300),
                new Case("3 × 1000 words, written apart", 3, 1000, false, 50),
                new Case("6 × 3000 words, written apart", 6, 3000, false, 300));
        System.out.println();
        System.out.printf(Locale.ROOT, "Alignment benchmark: median of %d runs after %d warm-up runs; Java %s, %d CPUs%n",
                RUNS, WARMUP, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        for (Case c : cases) {
            Random random = new Random(42);
            List<String> texts = c.drafted ? Drafts.variants(random, c.variants, c.words)
                    : Drafts.apart(random, c.variants, c.words);
            List<String> first = tokens(texts.get(0));
            List<String> second = tokens(texts.get(1));
            double[] align = new double[RUNS];
            double[] diff = new double[RUNS];
            List<List<Alignment.Mark>> marks = null;
            long sink = 0;
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long t0 = System.nanoTime();
                marks = Alignment.of(texts);
                long t1 = System.nanoTime();
                sink += DiffUtils.diff(first, second).getDeltas().size();
                long t2 = System.nanoTime();
                if (i >= WARMUP) {
                    align[i - WARMUP] = (t1 - t0) / 1e6;
                    diff[i - WARMUP] = (t2 - t1) / 1e6;
                }
            }
            assertEquals(texts.size(), marks.size());
            for (int i = 0; i < texts.size(); i++) {
                List<Alignment.Mark> m = marks.get(i);
                assertEquals(0, m.get(0).start());
                assertEquals(texts.get(i).length(), m.get(m.size() - 1).end(), "marks reach the end");
            }
            double a = median(align);
            double b = median(diff);
            System.out.printf(Locale.ROOT, "%n%s (%,d and %,d tokens in the first two)%n", c.name, first.size(),
                    second.size());
            System.out.printf(Locale.ROOT, "  Alignment.of, all %2d pairs              median %7.2f ms  (min %.2f, max "
                    + "%.2f)  target ≤ %.0f ms: %s%n", c.variants * (c.variants - 1) / 2, a, min(align), max(align),
                    c.targetMs, a <= c.targetMs ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "  plain DiffUtils.diff of one pair       median %7.2f ms  (min %.2f, max "
                    + "%.2f)%n", b, min(diff), max(diff));
            System.out.printf(Locale.ROOT, "  ratio align / one plain diff: %.2f  (%s)%n", a / Math.max(b, 1e-6),
                    sink > 0 ? "ok" : "?");
            assertTrue(a <= 5 * c.targetMs, c.name + ": median " + a + " ms, more than five times the target");
        }
    }

    /** Words and single punctuation marks, whitespace left out: about what Alignment compares. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.split("\\s+")) {
            int from = 0;
            for (int i = 0; i < word.length(); i++) {
                if (!Character.isLetterOrDigit(word.charAt(i)) && word.charAt(i) != '\'') {
                    if (i > from) {
                        out.add(word.substring(from, i));
                    }
                    out.add(word.substring(i, i + 1));
                    from = i + 1;
                }
            }
            if (from < word.length()) {
                out.add(word.substring(from));
            }
        }
        return out;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /**
     * Made-up prose with the shape of a model's: common words most of the time, a long tail of rarer ones
     * (invented names and places), sentences of 6 to 24 words, some dialogue, paragraphs of a few sentences.
     */
    static final class Drafts {

        private static final String[] COMMON = ("the the the the the and and and a a a of of to to to in in "
                + "she she he he it it was was was her her his had had that on with at as for but not from by "
                + "they their then there were would could into out up down over back only just still").split(" ");

        private static final String[] PLAIN = ("kettle lamp harbour ferry rope window door stair letter coat "
                + "seal tide gull bell pier orchard lantern road rain wind storm salt glass boat net shore wall "
                + "roof hill field cart horse dog bread tea cup table chair floor step hand face voice eyes "
                + "morning evening night dusk dawn noon winter summer week year name word silence smoke light "
                + "dark cold warm grey white black red small old young long slow quiet sharp heavy thin tired "
                + "opened closed walked turned waited watched counted poured carried lifted dropped pulled "
                + "pushed climbed crossed followed remembered forgot wondered listened laughed whispered "
                + "answered asked said told knew thought felt saw heard found kept left took gave brought "
                + "slowly quickly softly again almost never always perhaps somewhere nothing something "
                + "everyone nobody across behind beneath beyond along toward against through between").split(" ");

        private static final String[] SYLLABLES = "ma ri ko len tas vo shi da ne por lu gam ter bel sio an wen fra "
                .split(" ");

        /** Rare words: invented names and places, each used now and then. */
        private static final String[] RARE = new String[2000];

        static {
            Random random = new Random(1);
            for (int i = 0; i < RARE.length; i++) {
                StringBuilder sb = new StringBuilder();
                for (int s = 0, n = 2 + random.nextInt(2); s < n; s++) {
                    sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                RARE[i] = sb.toString();
            }
        }

        private Drafts() {
        }

        /** {@code count} variants of about {@code words} words each, drafted from one text. */
        static List<String> variants(Random random, int count, int words) {
            List<String> base = sentences(random, words);
            List<String> out = new ArrayList<>();
            for (int v = 0; v < count; v++) {
                List<String> variant = new ArrayList<>();
                for (String sentence : base) {
                    double p = random.nextDouble();
                    variant.add(p < 0.3 ? sentence : p < 0.6 ? reword(random, sentence) : sentence(random));
                }
                out.add(join(variant));
            }
            return out;
        }

        /** {@code count} texts of about {@code words} words each with nothing in common but their words. */
        static List<String> apart(Random random, int count, int words) {
            List<String> out = new ArrayList<>();
            for (int v = 0; v < count; v++) {
                out.add(join(sentences(random, words)));
            }
            return out;
        }

        private static List<String> sentences(Random random, int words) {
            List<String> out = new ArrayList<>();
            int n = 0;
            while (n < words) {
                String s = sentence(random);
                out.add(s);
                n += s.split(" ").length;
            }
            return out;
        }

        private static String sentence(Random random) {
            int n = 6 + random.nextInt(19);
            StringBuilder sb = new StringBuilder();
            boolean spoken = random.nextInt(6) == 0;
            for (int i = 0; i < n; i++) {
                String w = word(random);
                if (i == 0) {
                    w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                }
                sb.append(w).append(i == n - 1 ? "" : random.nextInt(9) == 0 ? ", " : " ");
            }
            String end = random.nextInt(7) == 0 ? "?" : random.nextInt(12) == 0 ? "…" : ".";
            return spoken ? "“" + sb + end + "” " + (random.nextBoolean() ? "she said." : "he asked.")
                    : sb + end;
        }

        private static String reword(Random random, String sentence) {
            String[] w = sentence.split(" ");
            for (int i = 1; i < w.length - 1; i++) {
                if (random.nextInt(5) == 0) {
                    w[i] = word(random);
                }
            }
            return String.join(" ", w);
        }

        private static String word(Random random) {
            int r = random.nextInt(100);
            if (r < 45) {
                return COMMON[random.nextInt(COMMON.length)];
            }
            if (r < 90) {
                return PLAIN[random.nextInt(PLAIN.length)];
            }
            // Zipf-like: a few rare words often, most of them seldom
            return RARE[(int) Math.pow(RARE.length, random.nextDouble()) - 1];
        }

        private static String join(List<String> sentences) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < sentences.size(); i++) {
                sb.append(sentences.get(i));
                if (i < sentences.size() - 1) {
                    sb.append(i % 5 == 4 ? "\n" : " ");
                }
            }
            return sb.toString();
        }
    }
}
