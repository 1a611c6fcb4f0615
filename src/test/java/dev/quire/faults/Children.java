package dev.quire.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real child JVMs running Quire's command line (or a test's own main class) on this class path. */
final class Children {

    record Result(int code, String out, String err) {
    }

    private Children() {
    }

    static ProcessBuilder java(Path scratch, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("QUIRE_CONFIG_HOME", scratch.resolve("config").toString());
        return pb;
    }

    static ProcessBuilder quire(Path scratch, String... args) {
        return java(scratch, "dev.quire.Launcher", args);
    }

    /** Starts every builder at once, then waits for all; output goes through files so no pipe fills. */
    static List<Result> runTogether(Path scratch, List<ProcessBuilder> builders, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        List<Path[]> outputs = new ArrayList<>();
        Files.createDirectories(scratch);
        for (int i = 0; i < builders.size(); i++) {
            Path out = scratch.resolve("child-" + i + ".out");
            Path err = scratch.resolve("child-" + i + ".err");
            outputs.add(new Path[] {out, err});
            processes.add(builders.get(i).redirectOutput(out.toFile()).redirectError(err.toFile()).start());
        }
        List<Result> results = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            long left = Math.max(1, deadline - System.nanoTime());
            if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                processes.forEach(Process::destroyForcibly);
                throw new AssertionError("child " + i + " did not finish in " + timeoutSeconds + " s");
            }
            results.add(new Result(p.exitValue(), Files.readString(outputs.get(i)[0], StandardCharsets.UTF_8),
                    Files.readString(outputs.get(i)[1], StandardCharsets.UTF_8)));
        }
        return results;
    }
}
