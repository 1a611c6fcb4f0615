package dev.quire.llm;

import dev.quire.testing.Wire;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.quire.llm.Loopback.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way a provider can fail: the typed error, the message (provider named, fix given), whether it was
 * retried, what text was kept — and that the key appears in none of it.
 */
class FaultsTest {

    /** Every message and toString produced by any fault here; searched for the key at the end. */
    static final List<String> EVERYTHING_SAID = Collections.synchronizedList(new ArrayList<>());

    Loopback server;
    final Recorder recorder = new Recorder();

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        recorder.close();
    }

    @AfterAll
    static void theKeyAppearsInNothingAnyFaultProduced() {
        assertFalse(EVERYTHING_SAID.isEmpty());
        for (String said : EVERYTHING_SAID) {
            assertFalse(said.contains(KEY), said);
            assertFalse(said.contains("QUIRE-SECRET"), said);
        }
    }

    Loopback on(ProviderKind kind) {
        server = new Loopback(kind);
        return server;
    }

    VariantResult generate(Providers.Settings settings) {
        ChatProvider provider = server.provider(settings);
        EVERYTHING_SAID.add(provider.toString());
        EVERYTHING_SAID.add(server.profile.toString());
        VariantResult r = recorder.await(provider.stream(ChatRequest.of("sys", "Write."), recorder, recorder.executor))
                .get(0);
        EVERYTHING_SAID.add(r.toString());
        if (r.error() != null) {
            EVERYTHING_SAID.add(r.error().message());
            EVERYTHING_SAID.add(r.error().toString());
        }
        recorder.retries.forEach(e -> EVERYTHING_SAID.add(e.toString()));
        return r;
    }

    VariantResult generate() {
        return generate(Loopback.FAST);
    }

    /** The message names the provider by profile name and base URL, and never holds the key. */
    void assertSaysWhoAndWhere(ProviderError error) {
        assertTrue(error.message().contains(server.profile.name()) || error.message().startsWith("Ollama"),
                error.message());
        assertTrue(error.message().contains(server.profile.baseUrl()), error.message());
        assertFalse(error.message().contains(KEY), error.message());
    }

    static MockResponse.Builder anthropicError(int status, String type, String message) {
        return Wire.jsonStatus(status, Wire.anthropicErrorBody(type, message));
    }

    // ---- keys and permissions ----

    @Test
    void aRejectedKeyIsNamedWithWhereToFixItAndTheEchoedKeyIsScrubbed() {
        on(ProviderKind.OPENAI).enqueue(Wire.jsonStatus(401, Wire.openAiErrorBody(
                "Incorrect API key provided: " + KEY + ". You can find your API key at "
                        + "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key")));

        VariantResult r = generate();

        assertEquals(VariantResult.Status.FAILED, r.status());
        assertEquals(ProviderError.Kind.AUTHENTICATION, r.error().kind());
        assertEquals(401, r.error().httpStatus());
        assertFalse(r.error().retryable());
        assertSaysWhoAndWhere(r.error());
        assertTrue(r.error().message().contains("rejected the API key (401)"), r.error().message());
        assertTrue(r.error().message().contains("the Providers page (or `quire provider`), or OPENAI_API_KEY"), r.error().message());
        assertEquals(1, server.server.getRequestCount(), "never retried");
    }

    @Test
    void aKeyWithoutAccessIsAPermissionError() {
        on(ProviderKind.ANTHROPIC).enqueue(anthropicError(403, "permission_error",
                "Your API key does not have permission to use the specified resource."));

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.PERMISSION, r.error().kind());
        assertSaysWhoAndWhere(r.error());
        assertEquals(1, server.server.getRequestCount());
    }

    // ---- the request itself ----

    @Test
    void anUnknownModelIsNamedAndNotRetried() {
        on(ProviderKind.ANTHROPIC).enqueue(anthropicError(404, "not_found_error", "model: claude-sonnet-4-5"));

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.MODEL_NOT_FOUND, r.error().kind());
        assertTrue(r.error().message().contains("has no model “claude-sonnet-4-5” (404)"), r.error().message());
        assertSaysWhoAndWhere(r.error());
        assertEquals(1, server.server.getRequestCount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ANTHROPIC | 400 | {\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}",
            "ANTHROPIC | 413 | {\"type\":\"error\",\"error\":{\"type\":\"request_too_large\",\"message\":\"Request exceeds the maximum allowed number of bytes.\"}}",
            "OPENAI | 400 | {\"error\":{\"message\":\"This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}",
            "OLLAMA | 400 | {\"error\":\"input length exceeds the context length\"}"})
    void aPromptTooLargeForTheModelSaysToShortenIt(ProviderKind kind, int status, String body) {
        on(kind).enqueue(Wire.jsonStatus(status, body));

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.PROMPT_TOO_LARGE, r.error().kind());
        assertTrue(r.error().message().contains("fewer scenes"), r.error().message());
        assertSaysWhoAndWhere(r.error());
        assertEquals(1, server.server.getRequestCount());
    }

    @Test
    void anotherRejectedRequestQuotesTheServerAndIsNotRetried() {
        on(ProviderKind.ANTHROPIC).enqueue(anthropicError(400, "invalid_request_error",
                "temperature: range: 0..1"));

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.BAD_REQUEST, r.error().kind());
        assertTrue(r.error().message().contains("temperature: range: 0..1"), r.error().message());
        assertEquals(1, server.server.getRequestCount());
    }

    // ---- rate limits and quota ----

    @Test
    void aRateLimitWithRetryAfterIsRetriedThenSucceeds() {
        on(ProviderKind.ANTHROPIC).enqueue(anthropicError(429, "rate_limit_error", "Number of requests has exceeded "
                + "your per-minute rate limit").setHeader("retry-after", "0"));
        server.enqueue(Wire.sse(Wire.anthropic("After ", "waiting")));

        VariantResult r = generate();

        assertEquals(VariantResult.Status.COMPLETE, r.status());
        assertEquals("After waiting", r.text());
        assertEquals(2, server.server.getRequestCount());
        assertEquals(ProviderError.Kind.RATE_LIMITED, recorder.retries.get(0).kind());
        assertEquals(Duration.ZERO, recorder.retryDelays.get(0), "waited exactly what retry-after asked");
    }

    @Test
    void retryAfterSecondsAreHonoured() {
        on(ProviderKind.OPENAI).enqueue(Wire.jsonStatus(429, Wire.openAiErrorBody("Rate limit reached",
                "requests", "rate_limit_exceeded")).setHeader("retry-after", "1"));
        server.enqueue(Wire.sse(Wire.openAi("ok")));

        long started = System.nanoTime();
        VariantResult r = generate();

        assertEquals(VariantResult.Status.COMPLETE, r.status());
        assertEquals(Duration.ofSeconds(1), recorder.retryDelays.get(0));
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(950));
    }

    @Test
    void aRetryAfterLongerThanTheCapIsReportedNotWaitedFor() {
        on(ProviderKind.ANTHROPIC).enqueue(anthropicError(429, "rate_limit_error", "slow down")
                .setHeader("retry-after", "120"));

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.RATE_LIMITED, r.error().kind());
        assertEquals(Duration.ofSeconds(120), r.error().retryAfter());
        assertTrue(r.error().message().contains("asked to wait 120 s"), r.error().message());
        assertEquals(1, server.server.getRequestCount());
    }

    @Test
    void insufficientQuotaIsBillingAndIsNeverRetried() {
        on(ProviderKind.OPENAI).enqueue(Wire.jsonStatus(429, Wire.openAiErrorBody("You exceeded your current quota, "
                + "please check your plan and billing details.", "insufficient_quota", "insufficient_quota"))
                .setHeader("retry-after", "0"));

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.QUOTA_EXCEEDED, r.error().kind());
        assertFalse(r.error().retryable());
        assertTrue(r.error().message().contains("billing"), r.error().message());
        assertSaysWhoAndWhere(r.error());
        assertEquals(1, server.server.getRequestCount());
        assertTrue(recorder.retries.isEmpty());
    }

    @Test
    void openRoutersPaymentRequiredIsAQuotaError() {
        on(ProviderKind.OPENAI_COMPATIBLE).enqueue(Wire.jsonStatus(402, "{\"error\":{\"code\":402,"
                + "\"message\":\"Insufficient credits. Add more using https://openrouter.ai/credits\"}}"));

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.QUOTA_EXCEEDED, r.error().kind());
        assertEquals(1, server.server.getRequestCount());
    }

    // ---- overload and server errors ----

    @Test
    void overloadIsRetriedABoundedNumberOfTimesThenExplained() {
        on(ProviderKind.ANTHROPIC);
        for (int i = 0; i < 3; i++) {
            server.enqueue(anthropicError(529, "overloaded_error", "Overloaded"));
        }

        VariantResult r = generate();

        assertEquals(VariantResult.Status.FAILED, r.status());
        assertEquals(ProviderError.Kind.OVERLOADED, r.error().kind());
        assertEquals(529, r.error().httpStatus());
        assertTrue(r.error().message().contains("overloaded"), r.error().message());
        assertTrue(r.error().message().contains("tried 3 times"), r.error().message());
        assertSaysWhoAndWhere(r.error());
        assertEquals(3, server.server.getRequestCount());
        assertEquals(2, recorder.retries.size());
    }

    @Test
    void serviceUnavailableIsOverloadAndARetryCanSucceed() {
        on(ProviderKind.OPENAI_COMPATIBLE).enqueue(Wire.jsonStatus(503, "{\"error\":{\"message\":\"busy\"}}"));
        server.enqueue(Wire.sse(Wire.openAi("Back")));

        VariantResult r = generate();

        assertEquals(VariantResult.Status.COMPLETE, r.status());
        assertEquals(ProviderError.Kind.OVERLOADED, recorder.retries.get(0).kind());
    }

    @ParameterizedTest
    @CsvSource({"500", "502", "504"})
    void otherServerErrorsAreRetriedThenExplained(int status) {
        on(ProviderKind.ANTHROPIC);
        for (int i = 0; i < 3; i++) {
            server.enqueue(anthropicError(status, "api_error", "Internal server error"));
        }

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.SERVER_ERROR, r.error().kind());
        assertEquals(status, r.error().httpStatus());
        assertTrue(r.error().message().contains("internal error (" + status + ")"), r.error().message());
        assertEquals(3, server.server.getRequestCount());
    }

    // ---- time ----

    @Test
    void noAnswerWithinTheTimeoutIsNotRetriedAndSaysNothingArrived() {
        on(ProviderKind.ANTHROPIC).enqueue(Wire.sse(Wire.anthropic("late")).headersDelay(3, TimeUnit.SECONDS));
        server.enqueue(Wire.sse(Wire.anthropic("on ", "time")));

        VariantResult r = generate(Loopback.FAST.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300),
                Duration.ofSeconds(5)));

        assertEquals(VariantResult.Status.FAILED, r.status());
        assertEquals(ProviderError.Kind.TIMEOUT, r.error().kind());
        assertTrue(r.error().message().contains("sent nothing within 0.3 s"), r.error().message());
        assertSaysWhoAndWhere(r.error());
        assertTrue(recorder.retries.isEmpty(), "a server that never answered is not asked again");
        assertEquals(1, server.server.getRequestCount());
    }

    @Test
    void aStreamThatStallsAfterTextIsIncompleteAndKeepsTheText() {
        on(ProviderKind.ANTHROPIC).enqueue(Wire.stalledAfter("text/event-stream",
                Wire.anthropicStart() + Wire.anthropicDelta("The wind ") + Wire.anthropicDelta("dropped")));

        VariantResult r = generate(Loopback.FAST.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300),
                Duration.ofSeconds(5)));

        assertEquals(VariantResult.Status.INCOMPLETE, r.status());
        assertEquals("The wind dropped", r.text());
        assertEquals(ProviderError.Kind.STALLED, r.error().kind());
        assertTrue(r.error().message().contains("stopped sending"), r.error().message());
        assertTrue(r.error().message().contains("kept"), r.error().message());
        assertSaysWhoAndWhere(r.error());
        assertEquals(1, server.server.getRequestCount(), "text was shown, so no retry that could repeat it");
    }

    // ---- connections ----

    @Test
    void nothingListeningIsConnectionRefusedWithTheFixAndIsNotRetried() {
        on(ProviderKind.OPENAI_COMPATIBLE);
        ProviderProfile nowhere = server.profile.withBaseUrl("http://127.0.0.1:" + Loopback.closedPort() + "/v1");
        ChatProvider provider = server.provider(nowhere, Loopback.FAST);

        VariantResult r = recorder.await(provider.stream(ChatRequest.of("s", "u"), recorder, recorder.executor)).get(0);
        EVERYTHING_SAID.add(r.toString());

        assertEquals(ProviderError.Kind.CONNECTION_REFUSED, r.error().kind());
        assertTrue(r.error().message().startsWith("Nothing is answering at " + nowhere.baseUrl()), r.error().message());
        assertTrue(r.error().message().contains("Start the server"), r.error().message());
        assertTrue(recorder.retries.isEmpty());
    }

    @Test
    void aConnectionDroppedMidStreamKeepsThePartialTextAsIncomplete() {
        on(ProviderKind.ANTHROPIC).enqueue(Wire.droppedAfter("text/event-stream",
                Wire.anthropicStart() + Wire.anthropicDelta("Salt ") + Wire.anthropicDelta("spray")));

        VariantResult r = generate();

        assertEquals(VariantResult.Status.INCOMPLETE, r.status());
        assertEquals("Salt spray", r.text());
        assertEquals(ProviderError.Kind.CONNECTION_DROPPED, r.error().kind());
        assertTrue(r.error().message().contains("dropped in the middle of the reply"), r.error().message());
        assertSaysWhoAndWhere(r.error());
        assertEquals(1, server.server.getRequestCount());
    }

    @Test
    void aConnectionDroppedBeforeAnyTextIsRetried() {
        on(ProviderKind.OPENAI).enqueue(Wire.droppedAfter("text/event-stream", Wire.openAiRole(0)));
        server.enqueue(Wire.sse(Wire.openAi("Whole")));

        VariantResult r = generate();

        assertEquals(VariantResult.Status.COMPLETE, r.status());
        assertEquals("Whole", r.text());
        assertEquals(ProviderError.Kind.CONNECTION_DROPPED, recorder.retries.get(0).kind());
    }

    @Test
    void ollamaDroppedMidStreamKeepsItsText() {
        on(ProviderKind.OLLAMA).enqueue(Wire.droppedAfter("application/x-ndjson",
                Wire.ollamaLine("Half ") + Wire.ollamaLine("way")));

        VariantResult r = generate();

        assertEquals(VariantResult.Status.INCOMPLETE, r.status());
        assertEquals("Half way", r.text());
    }

    // ---- data that is not what was promised ----

    @Test
    void malformedJsonInADataLineAfterTextIsIncompleteAndNotRetried() {
        on(ProviderKind.ANTHROPIC).enqueue(Wire.sse(Wire.anthropicStart() + Wire.anthropicDelta("Good ")
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"text\n\n"
                + Wire.anthropicDelta("never shown") + Wire.anthropicEnd("end_turn")));

        VariantResult r = generate();

        assertEquals(VariantResult.Status.INCOMPLETE, r.status());
        assertEquals("Good ", r.text());
        assertEquals(ProviderError.Kind.MALFORMED_RESPONSE, r.error().kind());
        assertTrue(r.error().message().contains("cannot read"), r.error().message());
        assertSaysWhoAndWhere(r.error());
        assertEquals(1, server.server.getRequestCount());
    }

    @Test
    void malformedJsonBeforeAnyTextFailsWithoutRetry() {
        on(ProviderKind.OPENAI_COMPATIBLE).enqueue(Wire.sse("data: {not json}\n\ndata: [DONE]\n\n"));

        VariantResult r = generate();

        assertEquals(VariantResult.Status.FAILED, r.status());
        assertEquals(ProviderError.Kind.MALFORMED_RESPONSE, r.error().kind());
        assertEquals(1, server.server.getRequestCount());
    }

    @Test
    void anHtmlPageOn200IsNotTheApiAndSaysToCheckTheBaseUrl() {
        on(ProviderKind.OPENAI_COMPATIBLE).enqueue(Wire.status(200, "text/html; charset=utf-8", Wire.HTML));

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.NOT_AN_API, r.error().kind());
        assertTrue(r.error().message().contains("web page"), r.error().message());
        assertTrue(r.error().message().contains("/v1"), r.error().message());
        assertSaysWhoAndWhere(r.error());
        assertEquals(1, server.server.getRequestCount());
    }

    @Test
    void anHtmlPageLabelledAsAnEventStreamIsStillNotTheApi() {
        on(ProviderKind.ANTHROPIC).enqueue(Wire.sse(Wire.HTML));

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.NOT_AN_API, r.error().kind());
        assertTrue(r.error().message().contains("HTML page"), r.error().message());
    }

    @Test
    void anHtmlErrorPageOn502IsAGatewayErrorRetriedThenExplained() {
        on(ProviderKind.ANTHROPIC);
        for (int i = 0; i < 3; i++) {
            server.enqueue(Wire.status(502, "text/html", Wire.HTML));
        }

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.NOT_AN_API, r.error().kind());
        assertEquals(502, r.error().httpStatus());
        assertTrue(r.error().message().contains("web page (HTTP 502)"), r.error().message());
        assertTrue(r.error().message().contains("proxy"), r.error().message());
        assertEquals(3, server.server.getRequestCount());
    }

    @Test
    void aBaseUrlWithoutV1FindsNoApiAndSaysSo() {
        on(ProviderKind.OPENAI_COMPATIBLE).enqueue(Wire.status(404, "text/plain", "404 page not found"));

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.NOT_AN_API, r.error().kind());
        assertTrue(r.error().message().contains("/chat/completions does not exist (404)"), r.error().message());
        assertTrue(r.error().message().contains("ending in /v1"), r.error().message());
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyStaysWithTheProfilesAddress() {
        on(ProviderKind.ANTHROPIC).enqueue(new MockResponse.Builder().code(307)
                .setHeader("Location", "http://127.0.0.1:" + Loopback.closedPort() + "/steal"));

        VariantResult r = generate();

        assertEquals(ProviderError.Kind.NOT_AN_API, r.error().kind());
        assertTrue(r.error().message().contains("redirect"), r.error().message());
        assertEquals(1, server.server.getRequestCount());
    }

    // ---- blocking calls ----

    @Test
    void listingModelsWithABadKeyThrowsTheSameClearError() {
        on(ProviderKind.ANTHROPIC).enqueue(anthropicError(401, "authentication_error", "invalid x-api-key " + KEY));

        ProviderException e = assertThrows(ProviderException.class, () -> server.provider().listModels());
        EVERYTHING_SAID.add(e.toString());
        EVERYTHING_SAID.add(e.getMessage());

        assertEquals(ProviderError.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("ANTHROPIC_API_KEY"), e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void testingTheConnectionAgainstAWebPageThrowsNotAnApi() {
        on(ProviderKind.OPENAI).enqueue(Wire.status(200, "text/html", Wire.HTML));

        ProviderException e = assertThrows(ProviderException.class, () -> server.provider().testConnection());
        EVERYTHING_SAID.add(e.toString());

        assertEquals(ProviderError.Kind.NOT_AN_API, e.kind());
    }
}
