package dev.quire.faults;

import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fault suite's scoreboard: every probe says whether it held, and when the test JVM ends the table is
 * printed and written to {@code target/faults/reliability-latest.md} (the table docs/reliability.md shows).
 */
public final class Faults {

    private static final Map<String, String> PROBES = new TreeMap<>();
    private static boolean hooked;

    private Faults() {
    }

    /** Runs a probe's assertions, notes whether it held, and lets a failure fail the test. */
    public static void record(String probe, Executable assertions) throws Exception {
        hook();
        try {
            assertions.execute();
        } catch (Throwable t) {
            note(probe, "FAILED: " + firstLine(t.getMessage()));
            if (t instanceof Exception e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new AssertionError(t);
        }
        note(probe, "held");
    }

    /** A probe that could not run here, with the reason. */
    public static void skipped(String probe, String why) {
        hook();
        note(probe, "skipped: " + why);
    }

    private static synchronized void note(String probe, String outcome) {
        PROBES.put(probe, outcome);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    private static synchronized void hook() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Faults::report, "fault-table"));
        }
    }

    static synchronized String table() {
        StringBuilder sb = new StringBuilder("| Probe | Outcome |\n|---|---|\n");
        long held = PROBES.values().stream().filter("held"::equals).count();
        long failed = PROBES.values().stream().filter(o -> o.startsWith("FAILED")).count();
        long skipped = PROBES.size() - held - failed;
        PROBES.forEach((probe, outcome) -> sb.append("| ").append(probe).append(" | ").append(outcome).append(" |\n"));
        sb.append("\n").append(held).append(" held, ").append(failed).append(" failed, ").append(skipped)
                .append(" skipped.\n");
        return sb.toString();
    }

    private static void report() {
        String table = table();
        System.out.println("\nFault suite\n" + table);
        try {
            Path out = Path.of(System.getProperty("quire.faults.report", "target/faults/reliability-latest.md"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("could not write the fault table: " + e.getMessage());
        }
    }
}
