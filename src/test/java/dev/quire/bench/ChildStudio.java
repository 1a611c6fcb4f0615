package dev.quire.bench;

import dev.quire.ui.QuireApp;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real studio ({@code dev.quire.Launcher}) in a child JVM under Monocle headless, timed from
 * process start to {@link QuireApp#READY_MARK} on its standard error, then inspected with the JDK's
 * {@code jcmd}: a class histogram tells when the story's binder and scene are in the window, and
 * {@code GC.run} + {@code GC.heap_info} give the heap in use after a full collection.
 */
final class ChildStudio {

    /** The same system properties surefire gives the UI tests (see pom.xml). */
    static final List<String> HEADLESS = List.of("-Dtestfx.robot=glass", "-Dtestfx.headless=true",
            "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
            "-Djava.awt.headless=true");

    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE_USED = Pattern.compile("Metaspace\\s+used (\\d+)K");

    /** What one launch measured. {@code openMs} is NaN when not polled. */
    record Run(double readyMs, double openMs, double heapUsedMb, double metaspaceUsedMb, String heapInfo) {
    }

    /** Milliseconds from process start, seen through {@link StudioProbe}. */
    record Probed(double readyMs, double binderMs, double storyOpenMs) {
    }

    private final Path java;
    private final Path jcmd;
    private final String classpath;

    private ChildStudio(Path java, Path jcmd, String classpath) {
        this.java = java;
        this.jcmd = jcmd;
        this.classpath = classpath;
    }

    /** Uses this JVM's own java and the jcmd beside it, and this JVM's class path (surefire's test class path). */
    static ChildStudio fromThisJvm() {
        Path javaBin = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        Path jcmdBin = javaBin.resolveSibling("jcmd");
        if (!Files.isExecutable(jcmdBin)) {
            jcmdBin = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        }
        if (!Files.isExecutable(jcmdBin)) {
            throw new IllegalStateException("No jcmd beside " + javaBin + " or in java.home: the heap figure needs"
                    + " a full JDK (apt-get install openjdk-17-jdk-headless).");
        }
        String cp = System.getProperty("java.class.path", "");
        boolean hasMain = false;
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isRegularFile(Path.of(entry).resolve("dev/quire/Launcher.class"))) {
                hasMain = true;
            }
        }
        if (!hasMain) {
            throw new IllegalStateException("java.class.path in the test JVM does not hold the main classes"
                    + " (dev/quire/Launcher.class); it is: " + cp);
        }
        return new ChildStudio(javaBin, jcmdBin, cp);
    }

    Path java() {
        return java;
    }

    private List<String> command(List<String> args) {
        return command(List.of(), "dev.quire.Launcher", args);
    }

    private List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.addAll(HEADLESS);
        cmd.addAll(jvmOptions);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** A started child with the times (nanoTime) at which marker lines appeared on its standard error. */
    private static final class Child {
        final Process process;
        final long startedAt;
        final Map<String, Long> marks = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, CountDownLatch> waiting = new HashMap<>();
        final StringBuffer stderr = new StringBuffer();

        Child(ProcessBuilder pb, List<String> markers) throws IOException {
            for (String m : markers) {
                waiting.put(m, new CountDownLatch(1));
            }
            startedAt = System.nanoTime();
            process = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        long now = System.nanoTime();
                        for (String m : markers) {
                            if (line.contains(m) && marks.putIfAbsent(m, now) == null) {
                                waiting.get(m).countDown();
                            }
                        }
                        if (stderr.length() < 20_000) {
                            stderr.append(line).append('\n');
                        }
                    }
                } catch (IOException ignored) {
                    // the process went away
                }
            }, "bench-child-stderr");
            reader.setDaemon(true);
            reader.start();
        }

        /** Milliseconds from process start to the marker line. */
        double await(String marker, int seconds) throws InterruptedException {
            if (!waiting.get(marker).await(seconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The studio did not print \"" + marker + "\" within " + seconds
                        + " s (alive: " + process.isAlive() + "). Its standard error:\n" + stderr);
            }
            return (marks.get(marker) - startedAt) / 1e6;
        }

        void destroy() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Starts the studio through {@link StudioProbe} and returns milliseconds from process start to
     * the binder with {@code binderRows} rows and the scene of {@code sceneChars} characters on
     * screen, with the times of the app's ready line and of the binder filling on the way.
     */
    Probed timeToStoryOpen(Path dataDir, int binderRows, int sceneChars) throws IOException, InterruptedException {
        Child c = new Child(new ProcessBuilder(command(List.of("-Dquire.bench.binderRows=" + binderRows,
                "-Dquire.bench.sceneChars=" + sceneChars), StudioProbe.class.getName(),
                List.of("--data-dir", dataDir.toString()))),
                List.of(QuireApp.READY_MARK, StudioProbe.BINDER_MARK, StudioProbe.OPEN_MARK));
        try {
            double open = c.await(StudioProbe.OPEN_MARK, 90);
            return new Probed(c.await(QuireApp.READY_MARK, 1), c.await(StudioProbe.BINDER_MARK, 1), open);
        } finally {
            c.destroy();
        }
    }

    /** Milliseconds from process start to exit of {@code Launcher args}; the exit code must be 0. */
    double timeToExit(List<String> args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(args)).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("Launcher " + args + " did not exit within 60 s");
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Launcher " + args + " exited with " + p.exitValue() + ":\n"
                    + new String(out, StandardCharsets.UTF_8));
        }
        return ms;
    }

    /**
     * Starts the studio on {@code dataDir}, waits for the ready line, then (when {@code open} is
     * given) polls class histograms until it holds, waits {@code settleMs}, and measures the heap
     * after a full GC. The process is destroyed before this returns.
     */
    Run studio(Path dataDir, List<String> extraArgs, Predicate<Map<String, Long>> open, long settleMs)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        args.addAll(extraArgs);
        Child c = new Child(new ProcessBuilder(command(args)), List.of(QuireApp.READY_MARK));
        Process p = c.process;
        long t0 = c.startedAt;
        StringBuffer stderr = c.stderr;
        try {
            double readyMs = c.await(QuireApp.READY_MARK, 90);
            double openMs = Double.NaN;
            if (open != null) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                Map<String, Long> last = Map.of();
                while (true) {
                    last = histogram(p.pid());
                    if (open.test(last)) {
                        openMs = (System.nanoTime() - t0) / 1e6;
                        break;
                    }
                    if (System.nanoTime() > deadline || !p.isAlive()) {
                        throw new IllegalStateException("The studio did not show the story within 60 s of"
                                + " starting. Quire classes alive: " + quireClasses(last) + "\nIts standard error:\n"
                                + stderr);
                    }
                    Thread.sleep(100);
                }
            }
            Thread.sleep(settleMs);
            jcmd(p.pid(), "GC.run");
            String heapInfo = jcmd(p.pid(), "GC.heap_info");
            Matcher used = HEAP_USED.matcher(heapInfo);
            if (!used.find()) {
                throw new IllegalStateException("Could not read the heap from jcmd GC.heap_info:\n" + heapInfo);
            }
            Matcher meta = METASPACE_USED.matcher(heapInfo);
            double metaMb = meta.find() ? Long.parseLong(meta.group(1)) / 1024.0 : Double.NaN;
            if (!p.isAlive()) {
                throw new IllegalStateException("The studio exited while being measured:\n" + stderr);
            }
            return new Run(readyMs, openMs, Long.parseLong(used.group(2)) / 1024.0, metaMb, heapInfo.strip());
        } finally {
            c.destroy();
        }
    }

    /** Live instances per class name, after the full GC the histogram does first. */
    Map<String, Long> histogram(long pid) throws IOException, InterruptedException {
        Map<String, Long> counts = new HashMap<>();
        for (String line : jcmd(pid, "GC.class_histogram").split("\n")) {
            Matcher m = HISTOGRAM_LINE.matcher(line);
            if (m.find()) {
                counts.merge(m.group(3), Long.parseLong(m.group(1)), Long::sum);
            }
        }
        return counts;
    }

    private String jcmd(long pid, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), what).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("jcmd " + what + " did not finish within 60 s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + what + " failed (" + p.exitValue() + "):\n" + text);
        }
        return text;
    }

    private static String quireClasses(Map<String, Long> histogram) {
        StringBuilder sb = new StringBuilder();
        histogram.entrySet().stream().filter(e -> e.getKey().startsWith("dev.quire."))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append('=').append(e.getValue()).append(' '));
        return sb.toString();
    }
}
