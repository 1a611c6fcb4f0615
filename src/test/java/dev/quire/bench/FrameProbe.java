package dev.quire.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Watches the FX thread frame by frame, from inside the app's own pulses. An animation timer,
 * started before any other, marks the start of each pulse (and keeps pulses coming at 60 Hz, as
 * the app's own timers do while text streams); the scene's pre- and post-layout pulse listeners
 * bracket its CSS and layout pass; a task queued from the post-layout listener runs once the pulse
 * has finished (scene graph synchronised to the render thread). The FX thread's CPU time is read
 * at the start of each pulse, so the time it was busy per wall-clock second covers everything it
 * ran, pulses and queued tasks alike, but not the time it waited.
 */
final class FrameProbe {

    /**
     * One pulse, in {@link System#nanoTime()} units: its start, its scene's CSS+layout pass, the
     * end of the pulse (0 when the next pulse began first), the time spent in {@link #timed}
     * work during it, and the FX thread's CPU time at its start.
     */
    record Frame(long start, long pre, long post, long after, long timedWork, long cpu) {
        double layoutMs() {
            return pre == 0 || post == 0 ? Double.NaN : (post - pre) / 1e6;
        }

        double syncMs() {
            return after == 0 || post == 0 ? Double.NaN : (after - post) / 1e6;
        }

        double timedWorkMs() {
            return timedWork / 1e6;
        }
    }

    /** What a recording saw: its frames, and the CPU and GC time of the whole stretch. */
    record Recording(List<Frame> frames, long wallNanos, long fxCpuNanos, long renderCpuNanos, long gcMillis,
                     long gcCount) {

        /** Intervals between successive pulse starts: how long each frame lasted, in ms. */
        double[] frameMs() {
            double[] out = new double[Math.max(0, frames.size() - 1)];
            for (int i = 1; i < frames.size(); i++) {
                out[i - 1] = (frames.get(i).start() - frames.get(i - 1).start()) / 1e6;
            }
            return out;
        }

        /**
         * The FX thread's CPU time in each frame, in ms: what it worked, pulse and queued tasks alike.
         * Beside {@link #frameMs()} it tells a frame the app made long from one in which the thread
         * was not running (descheduled on a busy machine, or waiting).
         */
        double[] cpuMs() {
            double[] out = new double[Math.max(0, frames.size() - 1)];
            for (int i = 1; i < frames.size(); i++) {
                out[i - 1] = (frames.get(i).cpu() - frames.get(i - 1).cpu()) / 1e6;
            }
            return out;
        }

        /**
         * The FX thread's CPU time in each whole wall-clock second of the recording, in ms per
         * second (each window is cut at a pulse start, so it is a second give or take a frame, and
         * scaled to exactly one).
         */
        double[] busyMsPerSecond() {
            List<Double> out = new ArrayList<>();
            if (frames.isEmpty()) {
                return new double[0];
            }
            Frame from = frames.get(0);
            for (Frame f : frames) {
                if (f.start() - from.start() >= 1_000_000_000L) {
                    out.add((f.cpu() - from.cpu()) / 1e6 * 1e9 / (f.start() - from.start()));
                    from = f;
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** The pulses' own share (timers, CSS, layout, sync) of each second, wall time, in ms per second. */
        double[] pulseMsPerSecond() {
            List<Double> out = new ArrayList<>();
            if (frames.isEmpty()) {
                return new double[0];
            }
            long windowStart = frames.get(0).start();
            double sum = 0;
            for (Frame f : frames) {
                if (f.start() - windowStart >= 1_000_000_000L) {
                    out.add(sum * 1e9 / (f.start() - windowStart));
                    windowStart = f.start();
                    sum = 0;
                }
                long end = f.after() != 0 ? f.after() : f.post();
                if (end != 0) {
                    sum += (end - f.start()) / 1e6;
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double fxCpuMsPerSecond() {
            return fxCpuNanos / 1e6 * 1e9 / wallNanos;
        }

        double renderCpuMsPerSecond() {
            return renderCpuNanos < 0 ? Double.NaN : renderCpuNanos / 1e6 * 1e9 / wallNanos;
        }

        double gcMsPerSecond() {
            return gcMillis * 1e9 / wallNanos;
        }

        /** The frame (by index into {@link #frames}) that started the longest interval. */
        int longest() {
            double[] ms = frameMs();
            int at = 0;
            for (int i = 1; i < ms.length; i++) {
                if (ms[i] > ms[at]) {
                    at = i;
                }
            }
            return at;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long renderThread;
    private final List<Frame> frames = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private boolean recording;
    private long recordStart;
    private long recordCpu;
    private long recordRenderCpu;
    private long recordGcMillis;
    private long recordGcCount;

    // the pulse in progress
    private long start;
    private long pre;
    private long post;
    private long timedWork;
    private long cpu;
    private int pulse;
    private Frame last;
    private Runnable atNextFrameStart;
    private java.util.function.Consumer<Frame> onClosed;
    private int onClosedPulse;

    private record Check(BooleanSupplier condition, CompletableFuture<Void> done) {
    }

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long t = System.nanoTime();
            long c = THREADS.getCurrentThreadCpuTime();
            closePulse(0);
            pulse++;
            start = t;
            cpu = c;
            pre = 0;
            post = 0;
            timedWork = 0;
            Runnable task = atNextFrameStart;
            if (task != null) {
                atNextFrameStart = null;
                task.run();
            }
        }
    };

    /** Call on the FX thread, before the app's own timers start, so this one runs first in each pulse. */
    FrameProbe(Scene scene) {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("This JVM cannot measure a thread's CPU time");
        }
        THREADS.setThreadCpuTimeEnabled(true);
        this.renderThread = renderThreadId();
        scene.addPreLayoutPulseListener(() -> {
            if (pre == 0) {
                pre = System.nanoTime();
            }
        });
        scene.addPostLayoutPulseListener(() -> {
            post = System.nanoTime();
            int thisPulse = pulse;
            Platform.runLater(() -> {
                if (pulse == thisPulse) {
                    closePulse(System.nanoTime());
                }
            });
            for (Check ch : List.copyOf(checks)) {
                if (ch.condition().getAsBoolean()) {
                    checks.remove(ch);
                    ch.done().complete(null);
                }
            }
        });
        timer.start();
    }

    private void closePulse(long after) {
        if (start == 0) {
            return;
        }
        Frame f = new Frame(start, pre, post, after, timedWork, cpu);
        last = f;
        if (recording) {
            frames.add(f);
        }
        start = 0;
        if (onClosed != null && onClosedPulse == pulse) {
            java.util.function.Consumer<Frame> c = onClosed;
            onClosed = null;
            c.accept(f);
        }
    }

    /** An executor that runs {@code inner}'s tasks and counts their time as this pulse's timed work. */
    Executor timed(Executor inner) {
        return task -> inner.execute(() -> {
            long t = System.nanoTime();
            try {
                task.run();
            } finally {
                timedWork += System.nanoTime() - t;
            }
        });
    }

    /**
     * Starts keeping frames (FX thread), from the last finished pulse on: work done now, between
     * pulses, lengthens the first frame kept.
     */
    void begin() {
        frames.clear();
        if (last != null && start == 0) {
            frames.add(last);
        }
        recording = true;
        recordStart = System.nanoTime();
        recordCpu = THREADS.getCurrentThreadCpuTime();
        recordRenderCpu = renderThread < 0 ? -1 : THREADS.getThreadCpuTime(renderThread);
        recordGcMillis = gcMillis();
        recordGcCount = gcCount();
    }

    /** Stops keeping frames and hands them over (FX thread). */
    Recording end() {
        closePulse(0);
        recording = false;
        long wall = System.nanoTime() - recordStart;
        long fxCpu = THREADS.getCurrentThreadCpuTime() - recordCpu;
        long render = renderThread < 0 || recordRenderCpu < 0 ? -1
                : THREADS.getThreadCpuTime(renderThread) - recordRenderCpu;
        return new Recording(List.copyOf(frames), wall, fxCpu, render, gcMillis() - recordGcMillis,
                gcCount() - recordGcCount);
    }

    /** Completes at the end of the layout pass of the first pulse in which {@code condition} holds (FX thread). */
    CompletableFuture<Void> when(BooleanSupplier condition) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        checks.add(new Check(condition, done));
        return done;
    }

    /** Runs {@code task} at the start of the next pulse, before its CSS and layout (FX thread). */
    void atNextFrameStart(Runnable task) {
        atNextFrameStart = task;
    }

    /** Hands this pulse's record to {@code listener} once the pulse has finished (FX thread, during a pulse). */
    void whenThisFrameCloses(java.util.function.Consumer<Frame> listener) {
        onClosed = listener;
        onClosedPulse = pulse;
    }

    void stop() {
        timer.stop();
    }

    private static long renderThreadId() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t.getId();
            }
        }
        return -1;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static long gcCount() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionCount());
        }
        return sum;
    }
}
