package dev.quire.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A small sampling profiler for one thread: every millisecond or two it takes the thread's stack and,
 * unless the thread is idle waiting for the next event, files the sample under what it was doing
 * (running, or blocked and waiting inside some work). Only for attribution
 * (which operation takes the FX thread's time), in a run of its own whose frames are not counted.
 */
final class StackSampler implements AutoCloseable {

    /** One sample: when, whether the thread was running (else blocked or waiting), and its stack, innermost first. */
    record Sample(long nanos, boolean running, StackTraceElement[] stack) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long threadId;
    private final long periodNanos;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running = true;
    private final Thread sampler;

    StackSampler(long threadId, long periodNanos) {
        this.threadId = threadId;
        this.periodNanos = periodNanos;
        this.sampler = new Thread(this::loop, "bench-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            ThreadInfo info = THREADS.getThreadInfo(threadId, 400);
            long t = System.nanoTime();
            if (info != null) {
                if (!waitingForEvents(info.getStackTrace())) {
                    synchronized (samples) {
                        samples.add(new Sample(t, info.getThreadState() == Thread.State.RUNNABLE,
                                info.getStackTrace()));
                    }
                }
            }
            // a fixed sampling rate: the samples are the workload, not a wait for something to happen
            next += periodNanos;
            for (long wait = next - System.nanoTime(); wait > 0 && running; wait = next - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /** Monocle's event loop waits for the next task in {@code RunnableQueue.getNextRunnable}; that is idle, not work. */
    private static boolean waitingForEvents(StackTraceElement[] stack) {
        for (int i = 0; i < Math.min(stack.length, 6); i++) {
            if (stack[i].getMethodName().equals("getNextRunnable")) {
                return true;
            }
        }
        return false;
    }

    /** The samples (not idle) taken between {@code from} and {@code to}. */
    List<Sample> between(long from, long to) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.nanos() >= from && s.nanos() <= to).toList();
        }
    }

    /** "label  41% (123)" lines for the {@code top} most frequent labels. */
    static List<String> top(List<Sample> samples, Function<StackTraceElement[], String> label, int top) {
        Map<String, Long> counts = samples.stream().collect(Collectors.groupingBy(s -> (s.running() ? ""
                        : "(waiting) ") + label.apply(s.stack()),
                LinkedHashMap::new, Collectors.counting()));
        List<String> out = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.add(String.format(Locale.ROOT, "%5.1f%% %-4d %s",
                        100.0 * e.getValue() / Math.max(1, samples.size()), e.getValue(), e.getKey())));
        return out;
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
