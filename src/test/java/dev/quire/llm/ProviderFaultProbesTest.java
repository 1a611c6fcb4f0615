package dev.quire.llm;

import dev.quire.faults.Faults;
import dev.quire.testing.Wire;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault suite: a provider on loopback that never answers, and one that stops after some text. */
@Tag("faults")
class ProviderFaultProbesTest {

    Loopback server;
    final Recorder recorder = new Recorder();

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        recorder.close();
    }

    private VariantResult generate(Providers.Settings settings) {
        return recorder.await(server.provider(settings).stream(ChatRequest.of("sys", "Write."), recorder,
                recorder.executor)).get(0);
    }

    @Test
    void aServerThatNeverAnswers() throws Exception {
        server = new Loopback(ProviderKind.OPENAI_COMPATIBLE);
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        }
        VariantResult r = generate(Loopback.FAST.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300),
                Duration.ofSeconds(5)).withFirstByteTimeout(Duration.ofMillis(500)));
        Faults.record("silent provider: one first-byte wait, no retry, says nothing arrived", () -> {
            assertEquals(ProviderError.Kind.TIMEOUT, r.error().kind());
            assertTrue(r.error().message().contains("sent nothing within 0.5 s"), r.error().message());
            assertFalse(r.error().message().contains("kept"), r.error().message());
            assertEquals(1, server.server.getRequestCount());
        });
    }

    @Test
    void aServerThatStopsAfterSomeText() throws Exception {
        server = new Loopback(ProviderKind.ANTHROPIC);
        server.enqueue(Wire.stalledAfter("text/event-stream",
                Wire.anthropicStart() + Wire.anthropicDelta("The wind ")).build());
        VariantResult r = generate(Loopback.FAST.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300),
                Duration.ofSeconds(5)).withFirstByteTimeout(Duration.ofSeconds(3)));
        Faults.record("provider stalls mid-reply: the text so far is kept, not retried", () -> {
            assertEquals(VariantResult.Status.INCOMPLETE, r.status());
            assertEquals("The wind ", r.text());
            assertEquals(1, server.server.getRequestCount());
        });
    }
}
