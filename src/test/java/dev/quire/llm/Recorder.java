package dev.quire.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A handler that records every callback, checks the ordering promises (no text after a variant ended, one end
 * per variant, onFinished last) and that callbacks run on the caller's executor.
 */
final class Recorder implements GenerationHandler, AutoCloseable {

    static final String CALLBACK_THREAD = "test-callbacks";

    final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, CALLBACK_THREAD);
        t.setDaemon(true);
        return t;
    });
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final Map<Integer, StringBuilder> texts = new ConcurrentHashMap<>();
    final Map<Integer, VariantResult> ended = new ConcurrentHashMap<>();
    final List<ProviderError> retries = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> retryDelays = Collections.synchronizedList(new ArrayList<>());
    final Map<Integer, CountDownLatch> firstText = new ConcurrentHashMap<>();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    volatile List<VariantResult> finished;

    CountDownLatch firstTextOf(int variant) {
        return firstText.computeIfAbsent(variant, v -> new CountDownLatch(1));
    }

    private void onCallbackThread(String what) {
        if (!Thread.currentThread().getName().equals(CALLBACK_THREAD)) {
            violations.add(what + " ran on " + Thread.currentThread().getName());
        }
    }

    @Override
    public void onText(int variant, String delta) {
        onCallbackThread("onText");
        if (delta.isEmpty()) {
            violations.add("empty delta");
        }
        if (ended.containsKey(variant)) {
            violations.add("text after variant " + variant + " ended");
        }
        texts.computeIfAbsent(variant, v -> new StringBuilder()).append(delta);
        log.add("text " + variant);
        firstTextOf(variant).countDown();
    }

    @Override
    public void onVariantFinished(VariantResult result) {
        onCallbackThread("onVariantFinished");
        if (ended.putIfAbsent(result.index(), result) != null) {
            violations.add("variant " + result.index() + " ended twice");
        }
        if (finished != null) {
            violations.add("variant ended after onFinished");
        }
        log.add("end " + result.index() + " " + result.status());
    }

    @Override
    public void onFinished(List<VariantResult> results) {
        onCallbackThread("onFinished");
        if (finished != null) {
            violations.add("onFinished twice");
        }
        finished = results;
        log.add("finished");
    }

    @Override
    public void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
        onCallbackThread("onRetry");
        retries.add(error);
        retryDelays.add(delay);
        log.add("retry " + variant + " " + error.kind());
    }

    String text(int variant) {
        StringBuilder sb = texts.get(variant);
        return sb == null ? "" : sb.toString();
    }

    /** Waits for the generation, checks the promises, and returns its results. */
    List<VariantResult> await(GenerationHandle handle) {
        List<VariantResult> results;
        try {
            results = handle.done().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            fail("generation did not finish: " + e + "; log " + log);
            return List.of();
        }
        assertTrue(violations.isEmpty(), () -> "callback promises broken: " + violations);
        assertEquals(results, finished, "done() completes with what onFinished received");
        for (VariantResult r : results) {
            assertEquals(r, ended.get(r.index()), "onVariantFinished and onFinished agree");
            assertEquals(text(r.index()), r.text(), "the result holds exactly the text delivered");
        }
        return results;
    }

    boolean awaitFirstText(int variant) {
        try {
            return firstTextOf(variant).await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
