package dev.quire.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Samples, their summary figures, and the closing table. Figures are printed, never asserted. */
final class Stats {

    private Stats() {
    }

    /** A piece of work to time; may throw. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** Runs a timed piece of work and returns its duration in nanoseconds. */
    @FunctionalInterface
    interface Timed {
        long nanos() throws Exception;
    }

    /** Values of one measurement, in the unit named. */
    record Sample(String name, String unit, double[] values) {
        Sample {
            values = values.clone();
            Arrays.sort(values);
        }

        int n() {
            return values.length;
        }

        double median() {
            int n = values.length;
            return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        }

        double p90() {
            return values[Math.max(0, (int) Math.ceil(0.9 * values.length) - 1)];
        }

        double min() {
            return values[0];
        }

        double max() {
            return values[values.length - 1];
        }

        String line() {
            return String.format(Locale.ROOT, "%-58s n=%-4d median %9s  p90 %9s  min %9s  max %9s",
                    name, n(), fmt(median()), fmt(p90()), fmt(min()), fmt(max()));
        }

        String fmt(double v) {
            return Stats.fmt(v) + " " + unit;
        }
    }

    static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : v >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    /** A measurement and its baseline, timed in the same run. */
    record Pair(Sample measured, Sample baseline, double firstMeasured, double firstBaseline) {
        double ratio() {
            return measured.median() / baseline.median();
        }

        void print() {
            System.out.println("  " + measured.line());
            System.out.println("  " + baseline.line());
            System.out.println(String.format(Locale.ROOT, "  ratio (median / baseline median): %.1fx;"
                    + " first, untimed warm-up call: %s ms (baseline %s ms)", ratio(), fmt(firstMeasured),
                    fmt(firstBaseline)));
        }
    }

    /**
     * Times {@code measured} and {@code baseline} alternately (so drift in a shared, noisy machine
     * hits both alike): {@code warmup} untimed rounds, then {@code runs} timed rounds. Milliseconds.
     */
    static Pair interleaved(String name, String baselineName, int warmup, int runs, Work measured, Work baseline)
            throws Exception {
        return interleavedTimed(name, baselineName, warmup, runs, timing(measured), timing(baseline));
    }

    /** As {@link #interleaved}, for work that times itself (for instance on another thread). */
    static Pair interleavedTimed(String name, String baselineName, int warmup, int runs, Timed measured,
                                 Timed baseline) throws Exception {
        double firstMeasured = Double.NaN;
        double firstBaseline = Double.NaN;
        for (int i = 0; i < warmup; i++) {
            long m = measured.nanos();
            long b = baseline.nanos();
            if (i == 0) {
                firstMeasured = m / 1e6;
                firstBaseline = b / 1e6;
            }
        }
        double[] a = new double[runs];
        double[] b = new double[runs];
        for (int i = 0; i < runs; i++) {
            // alternate which goes first, so neither always runs right after the other's garbage
            if (i % 2 == 0) {
                a[i] = measured.nanos() / 1e6;
                b[i] = baseline.nanos() / 1e6;
            } else {
                b[i] = baseline.nanos() / 1e6;
                a[i] = measured.nanos() / 1e6;
            }
        }
        return new Pair(new Sample(name, "ms", a), new Sample(baselineName, "ms", b), firstMeasured, firstBaseline);
    }

    static Timed timing(Work work) {
        return () -> {
            long t0 = System.nanoTime();
            work.run();
            return System.nanoTime() - t0;
        };
    }

    /** One line of the closing table. */
    record Row(String metric, String target, double targetValue, Sample measured, Sample baseline) {
        boolean within() {
            return targetValue <= 0 || measured.median() <= targetValue;
        }

        String verdict() {
            return targetValue <= 0 ? "(no target)" : within() ? "within target" : "OVER target";
        }

        String ratio() {
            return baseline == null ? "—" : String.format(Locale.ROOT, "%.1fx", measured.median() / baseline.median());
        }
    }

    /** The table as Markdown, for the console and for docs/performance.md. */
    static String table(List<Row> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Measure", "Target", "Median", "p90", "Min", "n", "Verdict", "Baseline",
            "Baseline median", "Ratio"});
        for (Row r : rows) {
            Sample m = r.measured();
            Sample b = r.baseline();
            lines.add(new String[] {r.metric(), r.target(), m.fmt(m.median()), m.fmt(m.p90()), m.fmt(m.min()),
                Integer.toString(m.n()), r.verdict(), b == null ? "—" : b.name(),
                b == null ? "—" : b.fmt(b.median()), r.ratio()});
        }
        int[] width = new int[lines.get(0).length];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int li = 0; li < lines.size(); li++) {
            String[] l = lines.get(li);
            sb.append('|');
            for (int i = 0; i < l.length; i++) {
                sb.append(' ').append(pad(l[i], width[i])).append(" |");
            }
            sb.append('\n');
            if (li == 0) {
                sb.append('|');
                for (int w : width) {
                    sb.append("-".repeat(w + 2)).append('|');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
