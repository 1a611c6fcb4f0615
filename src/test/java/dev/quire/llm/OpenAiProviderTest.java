package dev.quire.llm;

import dev.quire.testing.Wire;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.quire.llm.Loopback.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenAiProviderTest {

    final Loopback server = new Loopback(ProviderKind.OPENAI);
    final Recorder recorder = new Recorder();

    @AfterEach
    void close() {
        server.close();
        recorder.close();
    }

    static ChatRequest request(int variants) {
        return ChatRequest.builder()
                .system("You are a co-writer.")
                .cachedSystem("STORY BIBLE")
                .user("Begin.")
                .assistant("It was")
                .user("Go on.")
                .model("gpt-4.1")
                .maxOutputTokens(500)
                .temperature(1.1)
                .topP(0.9)
                .stop("###")
                .seed(7L)
                .variants(variants)
                .build();
    }

    static String interleavedThreeChoices() {
        return Wire.openAiRole(0) + Wire.openAiRole(1) + Wire.openAiRole(2)
                + Wire.openAiDelta(1, "The") + Wire.openAiDelta(0, "A") + Wire.openAiDelta(2, "Rain")
                + Wire.openAiDelta(0, " door") + Wire.openAiDelta(1, " sea") + Wire.openAiDelta(2, " fell")
                + Wire.openAiFinish(0, "stop") + Wire.openAiDelta(1, " rose") + Wire.openAiFinish(2, "length")
                + Wire.openAiFinish(1, "stop") + Wire.openAiUsage(false) + "data: [DONE]\n\n";
    }

    @Test
    void threeVariantsAreOneRequestWithNativeNAndTheirTextIsSortedByChoiceIndex() {
        server.enqueue(Wire.sse(interleavedThreeChoices()));

        List<VariantResult> results = recorder.await(server.provider().stream(request(3), recorder, recorder.executor));

        assertEquals(1, server.server.getRequestCount());
        assertEquals(List.of("A door", "The sea rose", "Rain fell"), results.stream().map(VariantResult::text).toList());
        assertEquals(List.of("stop", "stop", "length"), results.stream().map(VariantResult::stopReason).toList());
        assertEquals(List.of(VariantResult.Status.COMPLETE, VariantResult.Status.COMPLETE,
                VariantResult.Status.CUT_OFF), results.stream().map(VariantResult::status).toList(),
                "the choice that finished with length was cut off at the output limit");
        assertEquals(new Usage(9, 12, 4, null), results.get(0).requestUsage(), "the request's usage, reported once");
        assertEquals(Usage.NONE, results.get(1).requestUsage());
        assertEquals(Usage.NONE, results.get(2).requestUsage());
        for (VariantResult r : results) {
            assertEquals(Usage.NONE, r.usage(), "no variant's own count is known when one request served three");
        }
    }

    @Test
    void requestUsesBearerKeyNMaxCompletionTokensAndIncludeUsage() {
        server.enqueue(Wire.sse(interleavedThreeChoices()));
        recorder.await(server.provider().stream(request(3), recorder, recorder.executor));

        RecordedRequest request = server.take();
        assertEquals("/v1/chat/completions", request.getTarget());
        assertEquals("Bearer " + KEY, request.getHeaders().get("Authorization"));
        assertNull(request.getHeaders().get("x-api-key"));
        JsonNode body = Loopback.body(request);
        assertEquals("gpt-4.1", body.get("model").asText());
        assertEquals(3, body.get("n").asInt());
        assertEquals(500, body.get("max_completion_tokens").asInt());
        assertFalse(body.has("max_tokens"), "newer OpenAI models reject max_tokens");
        assertTrue(body.get("stream").asBoolean());
        assertTrue(body.get("stream_options").get("include_usage").asBoolean());
        assertEquals(1.1, body.get("temperature").asDouble());
        assertEquals(0.9, body.get("top_p").asDouble());
        assertEquals("###", body.get("stop").get(0).asText());
        assertEquals(7, body.get("seed").asLong(), "one request, one seed");

        JsonNode messages = body.get("messages");
        assertEquals(4, messages.size());
        assertEquals("system", messages.get(0).get("role").asText());
        assertEquals("You are a co-writer.\n\nSTORY BIBLE", messages.get(0).get("content").asText());
        assertEquals("user", messages.get(1).get("role").asText());
        assertEquals("assistant", messages.get(2).get("role").asText());
        assertEquals("Go on.", messages.get(3).get("content").asText());
    }

    @Test
    void oneVariantSendsNoN() {
        server.enqueue(Wire.sse(Wire.openAi("Hi")));
        recorder.await(server.provider().stream(request(1), recorder, recorder.executor));
        assertFalse(Loopback.body(server.take()).has("n"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void usageChunkWithEmptyOrNullChoicesIsRead(boolean nullChoices) {
        server.enqueue(Wire.sse(Wire.openAiRole(0) + Wire.openAiDelta(0, "Hello") + Wire.openAiFinish(0, "stop")
                + Wire.openAiUsage(nullChoices) + "data: [DONE]\n\n"));

        VariantResult r = recorder.await(server.provider().stream(request(1), recorder, recorder.executor)).get(0);

        assertEquals(VariantResult.Status.COMPLETE, r.status());
        assertEquals("Hello", r.text());
        assertEquals(new Usage(9, 12, 4, null), r.usage());
    }

    @Test
    void cancellingOneNativeVariantStopsItsTextWhileTheOthersFinish() throws Exception {
        StringBuilder body = new StringBuilder(Wire.openAiDelta(0, "start"));
        body.append(Wire.openAiDelta(1, "first"));
        for (int i = 0; i < 200; i++) {
            body.append(Wire.openAiDelta(0, " a")).append(Wire.openAiDelta(1, " b")).append(Wire.openAiDelta(2, " c"));
        }
        body.append(Wire.openAiFinish(0, "stop")).append(Wire.openAiFinish(1, "stop")).append(Wire.openAiFinish(2, "stop"))
                .append(Wire.openAiUsage(false)).append("data: [DONE]\n\n");
        server.enqueue(Wire.sse(body.toString()).throttleBody(1024, 10, java.util.concurrent.TimeUnit.MILLISECONDS));

        GenerationHandle handle = server.provider().stream(request(3), recorder, recorder.executor);
        assertTrue(recorder.awaitFirstText(1));
        handle.cancel(1);
        List<VariantResult> results = recorder.await(handle);

        assertEquals(VariantResult.Status.COMPLETE, results.get(0).status());
        assertEquals(VariantResult.Status.CANCELLED, results.get(1).status());
        assertEquals(VariantResult.Status.COMPLETE, results.get(2).status());
        assertTrue(results.get(1).text().startsWith("first"));
        assertTrue(results.get(1).text().length() < results.get(0).text().length(), "variant 1 stopped early");
        assertNull(results.get(1).error());
        assertEquals(200, results.get(2).text().split(" c", -1).length - 1);
    }

    @Test
    void aServerThatIgnoresNLeavesTheMissingVariantsFailedWithAHint() {
        server.enqueue(Wire.sse(Wire.openAi("Only one")));

        List<VariantResult> results = recorder.await(server.provider().stream(request(2), recorder, recorder.executor));

        assertEquals(VariantResult.Status.COMPLETE, results.get(0).status());
        assertEquals(VariantResult.Status.FAILED, results.get(1).status());
        assertTrue(results.get(1).error().message().contains("OpenAI-compatible"), results.get(1).error().message());
    }

    @Test
    void modelsComeFromTheModelsEndpoint() {
        server.enqueue(Wire.jsonStatus(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4.1\",\"object\":\"model\","
                + "\"owned_by\":\"openai\"},{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}]}"));
        assertEquals(List.of("gpt-4.1", "gpt-4o-mini"), server.provider().listModels());
        RecordedRequest request = server.take();
        assertEquals("/v1/models", request.getTarget());
        assertEquals("Bearer " + KEY, request.getHeaders().get("Authorization"));
    }

    @Test
    void testConnectionAsksForOneToken() {
        server.enqueue(Wire.jsonStatus(200, "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":\"length\"}]}"));
        server.provider().testConnection("gpt-4o-mini");
        JsonNode body = Loopback.body(server.take());
        assertEquals(1, body.get("max_completion_tokens").asInt());
        assertEquals("gpt-4o-mini", body.get("model").asText());
        assertFalse(body.path("stream").asBoolean(false));
    }
}
