package dev.quire.llm;

import dev.quire.testing.Wire;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waiting for a reply to begin is not the same as a reply that stops: a server that never answers is given
 * the first-byte limit once, is not retried, and the message says nothing arrived; a slow first byte within
 * that limit is fine even when it is longer than the stall limit.
 */
class FirstByteTimeoutTest {

    Loopback server;
    final Recorder recorder = new Recorder();

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        recorder.close();
    }

    /** Three attempts allowed; the first-byte limit is never shorter than the stall limit. */
    static Providers.Settings settings(Duration firstByte, Duration stall) {
        return Loopback.FAST.withTimeouts(Duration.ofSeconds(2), stall, Duration.ofSeconds(5))
                .withFirstByteTimeout(firstByte);
    }

    VariantResult generate(Providers.Settings settings) {
        ChatProvider provider = server.provider(settings);
        return recorder.await(provider.stream(ChatRequest.of("sys", "Write."), recorder, recorder.executor)).get(0);
    }

    static void assertHonest(String message) {
        assertFalse(message.contains("middle of the reply"), message);
        assertFalse(message.contains("received so far is kept"), message);
        assertFalse(message.contains("tried"), message);
    }

    @Test
    void aServerThatNeverAnswersIsGivenTheFirstByteLimitOnceAndNotRetried() {
        server = new Loopback(ProviderKind.ANTHROPIC);
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        }
        VariantResult r = generate(settings(Duration.ofMillis(400), Duration.ofMillis(300)));

        assertEquals(VariantResult.Status.FAILED, r.status());
        assertEquals(ProviderError.Kind.TIMEOUT, r.error().kind());
        assertTrue(r.error().message().contains("sent nothing within 0.4 s"), r.error().message());
        assertHonest(r.error().message());
        assertEquals(1, server.server.getRequestCount(), "a server that never answered is not asked again");
        assertTrue(recorder.retries.isEmpty());
    }

    @Test
    void headersWithoutABodyAreStillNothingArrived() {
        server = new Loopback(ProviderKind.ANTHROPIC);
        for (int i = 0; i < 3; i++) {
            server.enqueue(Wire.sse(Wire.anthropic("late")).bodyDelay(30, TimeUnit.SECONDS).build());
        }
        VariantResult r = generate(settings(Duration.ofMillis(400), Duration.ofMillis(300)));

        assertEquals(VariantResult.Status.FAILED, r.status(), String.valueOf(r.error()));
        assertEquals(ProviderError.Kind.TIMEOUT, r.error().kind());
        assertTrue(r.error().message().contains("sent nothing within 0.4 s"), r.error().message());
        assertHonest(r.error().message());
        assertEquals("", r.text());
        assertEquals(1, server.server.getRequestCount());
    }

    @Test
    void aFirstByteSlowerThanTheStallLimitButWithinItsOwnIsFine() {
        server = new Loopback(ProviderKind.ANTHROPIC);
        server.enqueue(Wire.sse(Wire.anthropic("slow ", "start")).headersDelay(700, TimeUnit.MILLISECONDS).build());

        VariantResult r = generate(settings(Duration.ofSeconds(3), Duration.ofMillis(300)));

        assertEquals(VariantResult.Status.COMPLETE, r.status(), String.valueOf(r.error()));
        assertEquals("slow start", r.text());
    }

    @Test
    void aStallAfterTextStillUsesTheStallLimitAndKeepsTheText() {
        server = new Loopback(ProviderKind.ANTHROPIC);
        server.enqueue(Wire.stalledAfter("text/event-stream",
                Wire.anthropicStart() + Wire.anthropicDelta("The wind ") + Wire.anthropicDelta("dropped")).build());

        VariantResult r = generate(settings(Duration.ofSeconds(5), Duration.ofMillis(300)));

        assertEquals(VariantResult.Status.INCOMPLETE, r.status());
        assertEquals("The wind dropped", r.text());
        assertEquals(ProviderError.Kind.STALLED, r.error().kind());
        assertTrue(r.error().message().contains("nothing for 0.3 s"), r.error().message());
    }
}
