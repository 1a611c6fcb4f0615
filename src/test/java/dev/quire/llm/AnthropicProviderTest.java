package dev.quire.llm;

import dev.quire.testing.Wire;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.quire.llm.Loopback.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnthropicProviderTest {

    final Loopback server = new Loopback(ProviderKind.ANTHROPIC);
    final Recorder recorder = new Recorder();

    @AfterEach
    void close() {
        server.close();
        recorder.close();
    }

    static ChatRequest storyRequest() {
        return ChatRequest.builder()
                .system("You are a co-writer.")
                .cachedSystem("STORY BIBLE: a lighthouse keeper and a storm.")
                .system("Recent scene: the lamp went out.")
                .user("Write the next paragraph.")
                .model("claude-sonnet-4-5")
                .maxOutputTokens(800)
                .temperature(0.8)
                .topP(0.95)
                .stop("THE END")
                .seed(42L)
                .build();
    }

    @Test
    void requestCarriesKeyVersionSystemBlocksAndParameters() {
        server.enqueue(Wire.sse(Wire.anthropic("Hi")));
        recorder.await(server.provider().stream(storyRequest(), recorder, recorder.executor));

        RecordedRequest request = server.take();
        assertEquals("POST", request.getMethod());
        assertEquals("/v1/messages", request.getTarget());
        assertEquals(KEY, request.getHeaders().get("x-api-key"));
        assertEquals("2023-06-01", request.getHeaders().get("anthropic-version"));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        assertNull(request.getHeaders().get("Authorization"));

        JsonNode body = Loopback.body(request);
        assertEquals("claude-sonnet-4-5", body.get("model").asText());
        assertEquals(800, body.get("max_tokens").asInt());
        assertTrue(body.get("stream").asBoolean());
        assertEquals(0.8, body.get("temperature").asDouble());
        assertEquals(0.95, body.get("top_p").asDouble());
        assertEquals("THE END", body.get("stop_sequences").get(0).asText());
        assertFalse(body.has("seed"), "Anthropic has no seed");
        assertFalse(body.has("n"), "Anthropic has no n");
        assertEquals(1, body.get("messages").size());
        assertEquals("user", body.get("messages").get(0).get("role").asText());
        assertEquals("Write the next paragraph.", body.get("messages").get(0).get("content").asText());
    }

    @Test
    void cacheMarkerSitsOnTheLastBlockOfTheStableContextOnly() {
        server.enqueue(Wire.sse(Wire.anthropic("Hi")));
        recorder.await(server.provider().stream(storyRequest(), recorder, recorder.executor));

        JsonNode system = Loopback.body(server.take()).get("system");
        assertEquals(3, system.size());
        for (JsonNode block : system) {
            assertEquals("text", block.get("type").asText());
        }
        assertFalse(system.get(0).has("cache_control"));
        assertEquals("ephemeral", system.get(1).get("cache_control").get("type").asText());
        assertTrue(system.get(1).get("text").asText().startsWith("STORY BIBLE"));
        assertFalse(system.get(2).has("cache_control"), "the volatile part after the marker is not cached");
    }

    @Test
    void temperatureAboveOneIsClampedToAnthropicsRange() {
        server.enqueue(Wire.sse(Wire.anthropic("Hi")));
        ChatRequest hot = ChatRequest.builder().user("Go").temperature(1.4).build();
        recorder.await(server.provider().stream(hot, recorder, recorder.executor));
        assertEquals(1.0, Loopback.body(server.take()).get("temperature").asDouble());
    }

    @Test
    void streamedTextArrivesInOrderWithStopReasonAndUsageIncludingCacheReads() {
        server.enqueue(Wire.sse(Wire.anthropicStart()
                + Wire.anthropicDelta("The storm ")
                + "event: ping\ndata: {\"type\": \"ping\"}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hmm\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\"}}\n\n"
                + "event: brand_new_event\ndata: {\"type\":\"brand_new_event\",\"x\":1}\n\n"
                + Wire.anthropicDelta("broke — über ✓")
                + Wire.anthropicEnd("max_tokens")));

        List<VariantResult> results = recorder.await(
                server.provider().stream(ChatRequest.of("sys", "go"), recorder, recorder.executor));

        assertEquals(1, results.size());
        VariantResult only = results.get(0);
        assertEquals(VariantResult.Status.CUT_OFF, only.status(), "max_tokens: the output limit cut it off");
        assertEquals("The storm broke — über ✓", only.text());
        assertEquals("hmm", only.thinking(), "thinking is kept apart from the text");
        assertEquals("max_tokens", only.stopReason());
        assertNull(only.error());
        assertEquals(new Usage(130, 15, 100, 5), only.usage(), "input = 25 uncached + 100 read + 5 written");
        assertEquals(List.of("text 0", "text 0", "end 0 CUT_OFF", "finished"), recorder.log);
    }

    @Test
    void textIsShownAsItArrivesNotWhenTheStreamEnds() {
        server.enqueue(Wire.stalledAfter("text/event-stream", Wire.anthropicStart() + Wire.anthropicDelta("Early")));
        GenerationHandle handle = server.provider(Loopback.FAST.withTimeouts(Duration.ofSeconds(2),
                Duration.ofSeconds(20), Duration.ofSeconds(5))).stream(ChatRequest.of("s", "u"), recorder, recorder.executor);

        assertTrue(recorder.awaitFirstText(0));
        assertFalse(handle.done().isDone(), "the first words are on screen while the stream is still open");
        assertEquals("Early", recorder.text(0));
        handle.cancel();
        assertEquals(VariantResult.Status.CANCELLED, recorder.await(handle).get(0).status());
    }

    @Test
    void threeVariantsAreThreeConcurrentRequestsEachStreamingItsOwnText() {
        server.server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(RecordedRequest request) {
                return Wire.sse(Wire.anthropic("same ", "text")).build();
            }
        });
        List<VariantResult> results = recorder.await(server.provider()
                .stream(storyRequest().withVariants(3), recorder, recorder.executor));

        assertEquals(3, server.server.getRequestCount());
        assertEquals(List.of(0, 1, 2), results.stream().map(VariantResult::index).toList());
        for (VariantResult r : results) {
            assertEquals(VariantResult.Status.COMPLETE, r.status());
            assertEquals("same text", r.text());
        }
        assertEquals(130, results.get(0).usage().input(), "each request's usage is its own");
        assertEquals(130, results.get(2).usage().input());
    }

    @Test
    void errorEventInsideA200StreamAfterTextKeepsTheTextAndIsNotRetried() {
        server.enqueue(Wire.sse(Wire.anthropicStart() + Wire.anthropicDelta("Half a sent")
                + Wire.anthropicError("overloaded_error", "Overloaded")));

        VariantResult r = recorder.await(server.provider().stream(ChatRequest.of("s", "u"), recorder,
                recorder.executor)).get(0);

        assertEquals(VariantResult.Status.INCOMPLETE, r.status());
        assertEquals("Half a sent", r.text());
        assertEquals(ProviderError.Kind.OVERLOADED, r.error().kind());
        assertTrue(r.error().message().contains("Test Anthropic"), r.error().message());
        assertEquals(1, server.server.getRequestCount());
        assertTrue(recorder.retries.isEmpty());
    }

    @Test
    void errorEventBeforeAnyTextIsRetriedAndTheRetrySucceeds() {
        server.enqueue(Wire.sse(Wire.anthropicStart() + Wire.anthropicError("overloaded_error", "Overloaded")));
        server.enqueue(Wire.sse(Wire.anthropic("Second ", "try")));

        VariantResult r = recorder.await(server.provider().stream(ChatRequest.of("s", "u"), recorder,
                recorder.executor)).get(0);

        assertEquals(VariantResult.Status.COMPLETE, r.status());
        assertEquals("Second try", r.text());
        assertEquals(2, server.server.getRequestCount());
        assertEquals(1, recorder.retries.size());
    }

    @Test
    void streamEndingWithoutMessageStopIsIncompleteAndKeepsItsText() {
        server.enqueue(Wire.sse(Wire.anthropicStart() + Wire.anthropicDelta("The lamp ")
                + Wire.anthropicDelta("flickered")));

        VariantResult r = recorder.await(server.provider().stream(ChatRequest.of("s", "u"), recorder,
                recorder.executor)).get(0);

        assertEquals(VariantResult.Status.INCOMPLETE, r.status());
        assertEquals("The lamp flickered", r.text());
        assertEquals(ProviderError.Kind.CONNECTION_DROPPED, r.error().kind());
        assertTrue(r.error().message().contains("message_stop"), r.error().message());
        assertTrue(r.error().message().contains("kept"), r.error().message());
        assertEquals(1, server.server.getRequestCount(), "text was shown, so no retry");
    }

    @Test
    void modelsAreListedAcrossPages() {
        server.enqueue(Wire.jsonStatus(200, "{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5\"},"
                + "{\"type\":\"model\",\"id\":\"claude-haiku-4-5\"}],\"has_more\":true,\"first_id\":\"claude-sonnet-4-5\","
                + "\"last_id\":\"claude-haiku-4-5\"}"));
        server.enqueue(Wire.jsonStatus(200, "{\"data\":[{\"type\":\"model\",\"id\":\"claude-opus-4-1\"}],"
                + "\"has_more\":false,\"last_id\":\"claude-opus-4-1\"}"));

        assertEquals(List.of("claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"),
                server.provider().listModels());

        RecordedRequest first = server.take();
        assertEquals("GET", first.getMethod());
        assertTrue(first.getTarget().startsWith("/v1/models"), first.getTarget());
        assertEquals(KEY, first.getHeaders().get("x-api-key"));
        assertEquals("2023-06-01", first.getHeaders().get("anthropic-version"));
        assertTrue(server.take().getTarget().contains("after_id=claude-haiku-4-5"));
    }

    @Test
    void testConnectionSendsATinyRealRequestAndReportsLatency() {
        server.enqueue(Wire.jsonStatus(200, "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"OK\"}],\"stop_reason\":\"max_tokens\","
                + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}"));

        Duration latency = server.provider().testConnection();

        assertFalse(latency.isNegative());
        JsonNode body = Loopback.body(server.take());
        assertEquals(1, body.get("max_tokens").asInt());
        assertEquals("claude-sonnet-4-5", body.get("model").asText());
        assertFalse(body.path("stream").asBoolean(false));
    }

    @Test
    void aMissingKeyFailsAtOnceWithoutARequestAndSaysWhereToPutIt() {
        ChatProvider keyless = Providers.create(server.profile, ApiKey.none(), Loopback.FAST);
        VariantResult r = recorder.await(keyless.stream(ChatRequest.of("s", "u"), recorder, recorder.executor)).get(0);
        assertEquals(VariantResult.Status.FAILED, r.status());
        assertEquals(ProviderError.Kind.AUTHENTICATION, r.error().kind());
        assertTrue(r.error().message().contains("ANTHROPIC_API_KEY"), r.error().message());
        assertEquals(0, server.server.getRequestCount());
    }
}
