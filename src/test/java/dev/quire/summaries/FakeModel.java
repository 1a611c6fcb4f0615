package dev.quire.summaries;

import dev.quire.testing.Wire;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model on loopback speaking the OpenAI-compatible SSE wire format. By default a scene's request is answered
 * "SUMMARY-k" and a chapter's "CHAPTER: label"; a test can answer otherwise, or hold requests to count how many are
 * in flight at once.
 */
final class FakeModel extends Dispatcher {

    private static final Pattern SCENE = Pattern.compile("SCENE-(\\d+)-MARK");
    private static final Pattern CHAPTER = Pattern.compile("of (Chapter \\d+(?:: [^,]+)?), in story order");

    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    /** Counted down by every request as it arrives. */
    volatile CountDownLatch arrivals = new CountDownLatch(0);
    /** Requests the {@link #hold} rule matches wait for this before they are answered. */
    final CountDownLatch release = new CountDownLatch(1);
    volatile Function<String, Boolean> hold = body -> false;
    volatile Function<String, MockResponse> answer = FakeModel::summaryOf;

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
        bodies.add(body);
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        arrivals.countDown();
        try {
            if (hold.apply(body)) {
                release.await(10, TimeUnit.SECONDS);
            }
            return answer.apply(body);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    void releaseAll() {
        release.countDown();
    }

    /** The scene a request is for, from its marked text; 0 for none (a chapter, or a long scene combined). */
    static int scene(String body) {
        Matcher m = SCENE.matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static MockResponse summaryOf(String body) {
        int scene = scene(body);
        if (scene > 0) {
            return reply("SUMMARY-" + scene);
        }
        Matcher chapter = CHAPTER.matcher(body);
        return reply(chapter.find() ? "CHAPTER: " + chapter.group(1) : "UNEXPECTED");
    }

    static MockResponse reply(String... deltas) {
        return Wire.sse(Wire.openAi(deltas)).build();
    }

    /** The requests whose body contains {@code text}. */
    List<String> containing(String text) {
        synchronized (bodies) {
            return bodies.stream().filter(b -> b.contains(text)).toList();
        }
    }
}
