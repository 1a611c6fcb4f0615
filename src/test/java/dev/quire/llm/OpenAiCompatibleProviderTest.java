package dev.quire.llm;

import dev.quire.testing.Wire;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.quire.llm.Loopback.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenAiCompatibleProviderTest {

    final Loopback server = new Loopback(ProviderKind.OPENAI_COMPATIBLE, "OpenRouter");
    final Recorder recorder = new Recorder();

    @AfterEach
    void close() {
        server.close();
        recorder.close();
    }

    ChatProvider openRouter() {
        return server.provider(server.profile.withExtraHeaders(
                Map.of("HTTP-Referer", "https://quire.dev", "X-Title", "Quire")), Loopback.FAST);
    }

    static ChatRequest request(int variants) {
        return ChatRequest.builder().system("sys").user("Write.").model("anthropic/claude-sonnet-4.5")
                .maxOutputTokens(300).seed(100L).variants(variants).build();
    }

    /** Answers every request with the same stream and records each body. */
    List<JsonNode> answerAllWith(String sse) {
        List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
        server.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                bodies.add(Loopback.body(request));
                return Wire.sse(sse).build();
            }
        });
        return bodies;
    }

    @Test
    void variantsAreFannedOutAsSeparateRequestsWithMaxTokensAndDistinctSeeds() {
        List<JsonNode> bodies = answerAllWith(Wire.openAi("Hello"));

        List<VariantResult> results = recorder.await(openRouter().stream(request(3), recorder, recorder.executor));

        assertEquals(3, server.server.getRequestCount());
        assertEquals(3, results.size());
        results.forEach(r -> assertEquals("Hello", r.text()));
        List<Long> seeds = new ArrayList<>();
        for (JsonNode body : bodies) {
            assertFalse(body.has("n"), "compatible servers get no n");
            assertEquals(300, body.get("max_tokens").asInt());
            assertFalse(body.has("max_completion_tokens"));
            assertTrue(body.get("stream_options").get("include_usage").asBoolean());
            seeds.add(body.get("seed").asLong());
        }
        Collections.sort(seeds);
        assertEquals(List.of(100L, 101L, 102L), seeds, "variant i gets seed + i, so fanned-out variants differ");
    }

    @Test
    void openRouterAttributionHeadersAndBearerKeyAreSent() {
        server.enqueue(Wire.sse(Wire.openAi("Hi")));
        recorder.await(openRouter().stream(request(1), recorder, recorder.executor));
        RecordedRequest request = server.take();
        assertEquals("/v1/chat/completions", request.getTarget());
        assertEquals("Bearer " + KEY, request.getHeaders().get("Authorization"));
        assertEquals("https://quire.dev", request.getHeaders().get("HTTP-Referer"));
        assertEquals("Quire", request.getHeaders().get("X-Title"));
    }

    @Test
    void commentLinesInTheStreamAreSkipped() {
        server.enqueue(Wire.sse(": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\n"
                + Wire.openAiRole(0) + ": OPENROUTER PROCESSING\n\n" + Wire.openAiDelta(0, "Fog ")
                + Wire.openAiDelta(0, "rolled in.") + Wire.openAiFinish(0, "stop") + Wire.openAiUsage(false)
                + "data: [DONE]\n\n"));

        VariantResult r = recorder.await(openRouter().stream(request(1), recorder, recorder.executor)).get(0);

        assertEquals(VariantResult.Status.COMPLETE, r.status());
        assertEquals("Fog rolled in.", r.text());
        assertEquals("stop", r.stopReason());
    }

    @Test
    void errorObjectInsideA200StreamEndsTheVariantWithTheServersReasonAndKeepsText() {
        server.enqueue(Wire.sse(Wire.openAiRole(0) + Wire.openAiDelta(0, "Partial ")
                + "data: {\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"error\":{\"code\":502,"
                + "\"message\":\"Provider returned error\"},\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},"
                + "\"finish_reason\":\"error\"}]}\n\n"));

        VariantResult r = recorder.await(openRouter().stream(request(1), recorder, recorder.executor)).get(0);

        assertEquals(VariantResult.Status.INCOMPLETE, r.status());
        assertEquals("Partial ", r.text());
        assertEquals(ProviderError.Kind.SERVER_ERROR, r.error().kind());
        assertTrue(r.error().message().contains("Provider returned error"), r.error().message());
        assertTrue(r.error().message().contains("OpenRouter"), r.error().message());
    }

    @Test
    void streamEndingWithoutDoneIsIncomplete() {
        server.enqueue(Wire.sse(Wire.openAiRole(0) + Wire.openAiDelta(0, "Cut ") + Wire.openAiDelta(0, "off")));

        VariantResult r = recorder.await(openRouter().stream(request(1), recorder, recorder.executor)).get(0);

        assertEquals(VariantResult.Status.INCOMPLETE, r.status());
        assertEquals("Cut off", r.text());
        assertTrue(r.error().message().contains("[DONE]"), r.error().message());
    }

    @Test
    void aServerThatIgnoresStreamingStillDeliversItsWholeReply() {
        server.enqueue(Wire.jsonStatus(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"All at once.\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}"));

        VariantResult r = recorder.await(openRouter().stream(request(1), recorder, recorder.executor)).get(0);

        assertEquals(VariantResult.Status.COMPLETE, r.status());
        assertEquals("All at once.", r.text());
        assertEquals(3, r.usage().input());
    }

    @Test
    void aKeylessLocalServerGetsNoAuthorizationHeader() {
        server.enqueue(Wire.sse(Wire.openAi("local")));
        ChatProvider local = Providers.create(server.profile, ApiKey.none(), Loopback.FAST);
        recorder.await(local.stream(request(1), recorder, recorder.executor));
        assertNull(server.take().getHeaders().get("Authorization"));
    }

    @Test
    void noMoreThanTheConcurrencyBoundOfRequestsAreInFlightAtOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch fourArrived = new CountDownLatch(4);
        server.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                fourArrived.countDown();
                fourArrived.await(5, TimeUnit.SECONDS); // hold the first four until all four are here
                inFlight.decrementAndGet();
                return Wire.sse(Wire.openAi("v")).build();
            }
        });

        List<VariantResult> results = recorder.await(server.provider(Loopback.FAST.withConcurrency(4))
                .stream(request(6), recorder, recorder.executor));

        assertEquals(6, results.size());
        results.forEach(r -> assertEquals(VariantResult.Status.COMPLETE, r.status()));
        assertEquals(6, server.server.getRequestCount());
        assertEquals(4, most.get(), "four at once, never more");
    }
}
