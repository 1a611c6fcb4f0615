package dev.quire.llm;

import dev.quire.testing.Wire;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancellationTest {

    final Loopback server = new Loopback(ProviderKind.ANTHROPIC);
    final Recorder recorder = new Recorder();

    @AfterEach
    void close() {
        server.close();
        recorder.close();
    }

    /** A long story streamed slowly, so there is time to cancel in the middle. */
    static String slowStory() {
        StringBuilder sb = new StringBuilder(Wire.anthropicStart());
        for (int i = 0; i < 150; i++) {
            sb.append(Wire.anthropicDelta("word" + i + " "));
        }
        return sb.append(Wire.anthropicEnd("end_turn")).toString();
    }

    void answerAllSlowly() {
        server.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return Wire.sse(slowStory()).throttleBody(2048, 20, TimeUnit.MILLISECONDS).build();
            }
        });
    }

    @Test
    void cancellingOneVariantLeavesTheOthersToFinish() {
        answerAllSlowly();
        GenerationHandle handle = server.provider().stream(ChatRequest.of("s", "u").withVariants(3), recorder,
                recorder.executor);
        assertTrue(recorder.awaitFirstText(1));

        handle.cancel(1);
        List<VariantResult> results = recorder.await(handle);

        assertEquals(VariantResult.Status.COMPLETE, results.get(0).status());
        assertEquals(VariantResult.Status.CANCELLED, results.get(1).status());
        assertEquals(VariantResult.Status.COMPLETE, results.get(2).status());
        assertTrue(results.get(1).text().startsWith("word0 "), "the cancelled variant keeps what it showed");
        assertFalse(results.get(1).text().contains("word149"));
        assertNull(results.get(1).error());
        assertTrue(results.get(0).text().endsWith("word149 "));
        assertTrue(results.get(2).text().endsWith("word149 "));
    }

    @Test
    void cancellingEverythingEndsAllVariantsPromptlyKeepingTheirText() {
        answerAllSlowly();
        GenerationHandle handle = server.provider().stream(ChatRequest.of("s", "u").withVariants(2), recorder,
                recorder.executor);
        assertTrue(recorder.awaitFirstText(0));

        handle.cancel();
        List<VariantResult> results = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> recorder.await(handle));

        for (VariantResult r : results) {
            assertEquals(VariantResult.Status.CANCELLED, r.status());
        }
        assertTrue(results.get(0).text().startsWith("word0"));
        handle.cancel(); // cancelling again is harmless
        handle.cancel(7); // as is an index the generation does not have
    }

    @Test
    void cancellingDuringARetryWaitEndsAtOnce() {
        server.enqueue(Wire.jsonStatus(429, Wire.anthropicErrorBody("rate_limit_error", "slow down"))
                .setHeader("retry-after", "30"));
        GenerationHandle handle = server.provider(Loopback.FAST.withMaxRetryAfter(Duration.ofSeconds(60)))
                .stream(ChatRequest.of("s", "u"), recorder, recorder.executor);
        server.take();

        handle.cancel();
        List<VariantResult> results = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> recorder.await(handle));

        assertEquals(VariantResult.Status.CANCELLED, results.get(0).status());
        assertEquals(1, server.server.getRequestCount(), "the retry never went out");
    }

    @Test
    void oneVariantCanBeGeneratedAgainUnderItsOwnIndex() {
        server.enqueue(Wire.sse(Wire.anthropic("A new take")));
        ChatRequest request = ChatRequest.of("s", "u").withVariants(4);

        GenerationHandle handle = server.provider().streamOne(request, 2, recorder, recorder.executor);
        List<VariantResult> results = recorder.await(handle);

        assertEquals(List.of(2), handle.variants());
        assertEquals(1, results.size());
        assertEquals(2, results.get(0).index());
        assertEquals("A new take", results.get(0).text());
        assertEquals(1, server.server.getRequestCount(), "only one request, whatever variants says");
    }

    @Test
    void regeneratingOneVariantOfASeededFanOutUsesThatVariantsSeed() {
        Loopback ollama = new Loopback(ProviderKind.OLLAMA);
        try (Recorder again = new Recorder()) {
            ollama.enqueue(Wire.ndjson(Wire.ollama("x")));
            again.await(ollama.provider().streamOne(ChatRequest.of("s", "u").withSeed(40L), 3, again, again.executor));
            JsonNode options = Loopback.body(ollama.take()).get("options");
            assertEquals(43, options.get("seed").asLong());
        } finally {
            ollama.close();
        }
    }
}
