package dev.quire.llm;

import dev.quire.testing.Wire;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OllamaProviderTest {

    final Loopback server = new Loopback(ProviderKind.OLLAMA, "Ollama");
    final Recorder recorder = new Recorder();

    @AfterEach
    void close() {
        server.close();
        recorder.close();
    }

    static ChatRequest request() {
        return ChatRequest.builder().system("You are a co-writer.").cachedSystem("BIBLE").user("Continue.")
                .model("llama3.2").maxOutputTokens(256).temperature(0.7).topP(0.9).stop("\n\n\n").seed(5L).build();
    }

    @Test
    void requestGoesToApiChatWithOptionsIncludingTheProfilesContextWindow() {
        server.enqueue(Wire.ndjson(Wire.ollama("Hi")));
        recorder.await(server.provider().stream(request(), recorder, recorder.executor));

        RecordedRequest request = server.take();
        assertEquals("/api/chat", request.getTarget());
        assertNull(request.getHeaders().get("Authorization"), "Ollama takes no key");
        JsonNode body = Loopback.body(request);
        assertEquals("llama3.2", body.get("model").asText());
        assertTrue(body.get("stream").asBoolean());
        JsonNode messages = body.get("messages");
        assertEquals("system", messages.get(0).get("role").asText());
        assertEquals("You are a co-writer.\n\nBIBLE", messages.get(0).get("content").asText());
        assertEquals("user", messages.get(1).get("role").asText());
        JsonNode options = body.get("options");
        assertEquals(server.profile.contextWindow(), options.get("num_ctx").asInt());
        assertEquals(256, options.get("num_predict").asInt());
        assertEquals(0.7, options.get("temperature").asDouble());
        assertEquals(0.9, options.get("top_p").asDouble());
        assertEquals(5, options.get("seed").asLong());
        assertEquals("\n\n\n", options.get("stop").get(0).asText());
    }

    @Test
    void ndjsonStreamDeliversTextDoneReasonAndCounts() {
        server.enqueue(Wire.ndjson(Wire.ollama("The ", "keeper ", "climbed — ✓")));

        VariantResult r = recorder.await(server.provider().stream(request(), recorder, recorder.executor)).get(0);

        assertEquals(VariantResult.Status.COMPLETE, r.status());
        assertEquals("The keeper climbed — ✓", r.text());
        assertEquals("stop", r.stopReason());
        assertEquals(new Usage(26, 282, null, null), r.usage());
    }

    @Test
    void anErrorLineInTheStreamEndsTheVariantKeepingText() {
        server.enqueue(Wire.ndjson(Wire.ollamaLine("Before ") + "{\"error\":\"llama runner process has terminated\"}\n"));

        VariantResult r = recorder.await(server.provider().stream(request(), recorder, recorder.executor)).get(0);

        assertEquals(VariantResult.Status.INCOMPLETE, r.status());
        assertEquals("Before ", r.text());
        assertTrue(r.error().message().contains("llama runner process has terminated"), r.error().message());
    }

    @Test
    void anUnknownModelSaysHowToPullIt() {
        server.enqueue(Wire.jsonStatus(404, "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}"));

        VariantResult r = recorder.await(server.provider().stream(request().withModel("llama9"), recorder,
                recorder.executor)).get(0);

        assertEquals(VariantResult.Status.FAILED, r.status());
        assertEquals(ProviderError.Kind.MODEL_NOT_FOUND, r.error().kind());
        assertTrue(r.error().message().contains("ollama pull llama9"), r.error().message());
        assertEquals(1, server.server.getRequestCount());
    }

    @Test
    void twoVariantsAreTwoRequests() {
        server.enqueue(Wire.ndjson(Wire.ollama("one")));
        server.enqueue(Wire.ndjson(Wire.ollama("one")));
        List<VariantResult> results = recorder.await(server.provider().stream(request().withVariants(2), recorder,
                recorder.executor));
        assertEquals(2, server.server.getRequestCount());
        results.forEach(r -> assertEquals(VariantResult.Status.COMPLETE, r.status()));
    }

    @Test
    void modelsComeFromApiTags() {
        server.enqueue(Wire.jsonStatus(200, "{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\","
                + "\"size\":2019393189},{\"name\":\"mistral:7b\",\"model\":\"mistral:7b\"}]}"));
        assertEquals(List.of("llama3.2:latest", "mistral:7b"), server.provider().listModels());
        assertEquals("/api/tags", server.take().getTarget());
    }

    @Test
    void isRunningAnswersTrueWhenOllamaRespondsAndFalseWhenNothingListens() {
        server.enqueue(Wire.jsonStatus(200, "{\"version\":\"0.12.3\"}"));
        assertTrue(Ollama.isRunning(server.profile.baseUrl(), Duration.ofSeconds(2)));
        assertEquals("/api/version", server.take().getTarget());
        assertFalse(Ollama.isRunning("http://127.0.0.1:" + Loopback.closedPort(), Duration.ofMillis(500)));
    }

    @Test
    void notRunningIsSaidPlainlyWithTheFixAndIsNotRetried() {
        ProviderProfile nowhere = server.profile.withBaseUrl("http://127.0.0.1:" + Loopback.closedPort());
        ChatProvider provider = Providers.create(nowhere, ApiKey.none(), Loopback.FAST);

        VariantResult r = recorder.await(provider.stream(request(), recorder, recorder.executor)).get(0);

        assertEquals(VariantResult.Status.FAILED, r.status());
        assertEquals(ProviderError.Kind.CONNECTION_REFUSED, r.error().kind());
        assertEquals("Ollama is not running at " + nowhere.baseUrl()
                + ". Start it with `ollama serve`, or choose another provider.", r.error().message());
        assertTrue(recorder.retries.isEmpty());

        ProviderException e = assertThrows(ProviderException.class, provider::testConnection);
        assertEquals(ProviderError.Kind.CONNECTION_REFUSED, e.kind());
    }
}
