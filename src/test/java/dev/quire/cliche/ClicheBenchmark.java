package dev.quire.cliche;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scanning for clichés: a 10,000-word scene (target under 20 ms) and a 150,000-word story of 30 scenes (target
 * under 300 ms), against a baseline timed in the same run: cutting the same text into lower-case words and
 * looking each up in a set, the least any word-level scan must do. The text is the test's own prose (the clean
 * corpus and the planted text) shuffled by paragraph, so it reads like prose and has findings at a realistic rate.
 * Prints medians and ratios; fails only on a median five times over its target.
 *
 * <p>Run: {@code mvn -B -Pbench -Dquire.build.dir=target-bench test}, or its {@code main} on the test classpath.
 */
@Tag("bench")
class ClicheBenchmark {

    static final int WARMUP = 15;
    static final int RUNS = 21;

    @Test
    void scanningASceneAndAStory() throws IOException {
        run();
    }

    public static void main(String[] args) throws IOException {
        run();
    }

    static void run() throws IOException {
        List<String> paragraphs = new ArrayList<>();
        for (String p : (PlantedTextTest.clean() + "\n\n" + PlantedTextTest.plant().text()).split("\n\\s*\n")) {
            if (!p.isBlank()) {
                paragraphs.add(p.strip());
            }
        }
        Random random = new Random(42);
        String scene = prose(paragraphs, random, 10_000);
        List<String> story = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            story.add(prose(paragraphs, random, 5_000));
        }
        Detector detector = Detector.builtIn().withAvoid(List.of("copper-bright", "the surname Chen",
                "a shiver ran down her spine"));

        System.out.println();
        System.out.printf(Locale.ROOT, "Cliché benchmark: median of %d runs after %d warm-up runs; Java %s, %d CPUs; "
                        + "lists %s%n", RUNS, WARMUP, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), detector.version());
        double[] sceneScan = time(() -> detector.scan(scene).size());
        double[] sceneBase = time(() -> baseline(scene));
        int sceneFindings = detector.scan(scene).size();
        report("10,000-word scene", Detector.words(scene), sceneFindings, sceneScan, sceneBase, 20);

        double[] storyScan = time(() -> {
            int n = 0;
            for (String s : story) {
                n += detector.scan(s).size();
            }
            return n;
        });
        double[] storyBase = time(() -> {
            int n = 0;
            for (String s : story) {
                n += baseline(s);
            }
            return n;
        });
        int words = story.stream().mapToInt(Detector::words).sum();
        int findings = story.stream().mapToInt(s -> detector.scan(s).size()).sum();
        report("150,000-word story, 30 scenes", words, findings, storyScan, storyBase, 300);
        assertTrue(median(sceneScan) < 5 * 20, "scene scan far over target: " + median(sceneScan) + " ms");
        assertTrue(median(storyScan) < 5 * 300, "story scan far over target: " + median(storyScan) + " ms");
    }

    private static void report(String what, int words, int findings, double[] scan, double[] base, double target) {
        System.out.printf(Locale.ROOT, "  %-32s %,7d words, %4d findings: scan median %7.2f ms (p90 %7.2f), "
                        + "baseline median %6.2f ms, ratio %.1fx; target %.0f ms: %s%n", what, words, findings,
                median(scan), p90(scan), median(base), median(scan) / median(base), target,
                median(scan) <= target ? "within" : "OVER");
    }

    /** Paragraphs drawn at random until the text has {@code words} words, then cut there. */
    private static String prose(List<String> paragraphs, Random random, int words) {
        StringBuilder sb = new StringBuilder();
        int have = 0;
        while (have < words) {
            String p = paragraphs.get(random.nextInt(paragraphs.size()));
            sb.append(p).append("\n\n");
            have += Detector.words(p);
        }
        Tokens t = new Tokens(sb.toString());
        return sb.substring(0, t.end[words - 1]);
    }

    private static final java.util.Set<String> STOP = java.util.Set.of("the", "a", "and", "of", "to", "in");

    /** Cuts the text into lower-case words and looks each up in a set. */
    static int baseline(String text) {
        int n = 0;
        int len = text.length();
        int i = 0;
        while (i < len) {
            while (i < len && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < len && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > s && STOP.contains(text.substring(s, i).toLowerCase(Locale.ROOT))) {
                n++;
            }
        }
        return n;
    }

    @FunctionalInterface
    interface Work {
        int run();
    }

    private static double[] time(Work work) {
        int sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += work.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            sink += work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        if (sink == 42) {
            System.out.print("");
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static double p90(double[] sorted) {
        return sorted[Math.max(0, (int) Math.ceil(0.9 * sorted.length) - 1)];
    }
}
