package dev.quire.llm;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays provider streams recorded from public SDK test suites ({@code src/test/resources/realstreams/}, see its
 * SOURCE.txt) through the real providers on a loopback server: one event per write, split at arbitrary byte
 * boundaries, and as several variants. The expected texts were read off the recordings by hand.
 *
 * <p>The {@code .chunks.txt} recordings (vercel/ai) hold one JSON event per line without SSE framing; they are
 * framed as that project's own replay does: {@code data: LINE} and a blank line per line, then
 * {@code data: [DONE]} for the OpenAI shapes. The JSON bytes are sent unchanged.
 */
class RealStreamsReplayTest {

    private static final String DIR = "/realstreams/";

    /**
     * What each recording must produce: the texts, status, stop reason as the provider said it, the variant's own
     * usage (or, for a request that served several variants, the request's usage on the first), the refusal text,
     * and the thinking, which is never in the text (checked whole, or by its start and end and length).
     */
    record Expected(List<String> texts, String stopReason, VariantResult.Status status, Usage usage, String refusal,
                    String thinkingStart, String thinkingEnd, int thinkingLength) {
        Expected with(VariantResult.Status s) {
            return new Expected(texts, stopReason, s, usage, refusal, thinkingStart, thinkingEnd, thinkingLength);
        }

        Expected refusing(String text) {
            return new Expected(texts, stopReason, VariantResult.Status.REFUSED, usage, text, thinkingStart,
                    thinkingEnd, thinkingLength);
        }

        Expected thinking(String whole) {
            return new Expected(texts, stopReason, status, usage, refusal, whole, whole, whole.length());
        }

        Expected thinking(String start, String end, int length) {
            return new Expected(texts, stopReason, status, usage, refusal, start, end, length);
        }
    }

    private static Expected one(String text, String stopReason, Usage usage) {
        return new Expected(List.of(text), stopReason, VariantResult.Status.COMPLETE, usage, null, "", "", 0);
    }

    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("a-basic", one("Hello there!", "end_turn", new Usage(11, 6, null, null))),
            // a tool call ends the turn: the model finished; its input JSON is not prose
            Map.entry("a-tool-use", one("I'll check the current weather in Paris for you.", "tool_use",
                    new Usage(377, 65, 0, 0))),
            // the output limit cut it off; the tool call's partial JSON is not prose
            Map.entry("a-partial-json-max-tokens", one("I'll create a comprehensive tax guide for someone with"
                    + " multiple W2s and save it in a file called taxes.txt. Let me do that for you now.", "max_tokens",
                    new Usage(450, 124, 0, 0)).with(VariantResult.Status.CUT_OFF)),
            // a refusal with an empty text block: no prose, no words of refusal
            Map.entry("a-refusal-empty", one("", "refusal", new Usage(20, 0, null, null))
                    .with(VariantResult.Status.REFUSED)),
            Map.entry("a-compaction", one("Hello there!", "end_turn", new Usage(30, 8, null, null))),
            // the thinking block is kept as thinking; only the text block's "Hi" is prose, and the model declined
            Map.entry("a-thinking-refusal", one("Hi", "refusal", new Usage(28, 106, 0, 0))
                    .with(VariantResult.Status.REFUSED).thinking("Simple educational question about what a solar"
                            + " eclipse is. This is benign general knowledge \u2014 definitions are fine. Also the user"
                            + " called me \"claudius\" \u2014 I'm Claude. Minor correction or just roll with it"
                            + " politely.")),
            Map.entry("a-thinking-real", one("925 \u00f7 5 = 185", "end_turn", new Usage(69, 53, 0, 0))
                    .thinking("The previous result was 925. Now I need to divide that by 5.\n\n925 \u00f7 5 = 185")),
            Map.entry("o-text", one("I'm unable to provide real-time weather updates. To get the current weather in"
                    + " San Francisco, I recommend checking a reliable weather website or a weather app.", "stop",
                    new Usage(14, 30, null, null))),
            // one usage for the three choices: the request's, never any one variant's
            Map.entry("o-n3", new Expected(List.of(
                    "{\"city\":\"San Francisco\",\"temperature\":65,\"units\":\"f\"}",
                    "{\"city\":\"San Francisco\",\"temperature\":61,\"units\":\"f\"}",
                    "{\"city\":\"San Francisco\",\"temperature\":59,\"units\":\"f\"}"),
                    "stop", VariantResult.Status.COMPLETE, new Usage(79, 42, null, null), null, "", "", 0)),
            // the refusal deltas are the refusal, not prose; finish_reason is "stop"
            Map.entry("o-refusal", one("", "stop", new Usage(79, 11, null, null))
                    .refusing("I'm sorry, I can't assist with that request.")),
            Map.entry("o-logprobs", one("Foo!", "stop", new Usage(9, 2, null, null))),
            Map.entry("o-length", one("{\"", "length", new Usage(79, 1, null, null))
                    .with(VariantResult.Status.CUT_OFF)),
            // content_filter_results with nothing filtered is no filter
            Map.entry("o-azure", one("Capital of Denmark.", "stop", new Usage(15, 78, 0, null))),
            // reasoning_content is thinking, not prose
            Map.entry("c-deepseek-reasoning", one("The word \"strawberry\" contains three \"r\"s.", "stop",
                    new Usage(18, 219, 0, null)).thinking("We need to count the number of the letter \"r\"",
                    "So yes, 3.\n\nThus, the answer is 3.", 606)),
            // thinking parts are thinking; the text part "3" rides on the chunk that ends the thinking
            Map.entry("c-mistral-thinking", one("391", "stop", new Usage(28, 139, 0, null))
                    .thinking("Okay, the user is asking for the product of 17 and 23. I need to calculate this"
                            + " multiplication. Let me break it down:\n\nFirst, I recall that 17 multiplied by 20 is"
                            + " 340 (since 17 * 20 = 340).\nThen, I need to add 17 multiplied by 3, which is 51 (since"
                            + " 17 * 3 = 51).\nNow, add these two results together: 340 + 51 = 391.\n\nSo, 17 * 23 ="
                            + " 391.")));

    enum Way { PER_EVENT, RANDOM_SPLITS, VARIANTS }

    static Stream<Arguments> replays() throws IOException {
        JsonNode cases = Loopback.JSON.readTree(resource("cases.json")).get("cases");
        List<Arguments> all = new ArrayList<>();
        for (JsonNode c : cases) {
            for (Way way : Way.values()) {
                all.add(Arguments.of(c.get("id").asText(), c.get("provider").asText(), c.get("file").asText(),
                        c.get("variants").asInt(), way));
            }
        }
        return all.stream();
    }

    /** A recording dropped into the folder is replayed, never skipped: it needs its case and its expectation. */
    @Test
    void everyRecordingInTheFolderHasACaseAndAnExpectation() throws Exception {
        JsonNode cases = Loopback.JSON.readTree(resource("cases.json")).get("cases");
        java.util.Set<String> named = new java.util.HashSet<>();
        for (JsonNode c : cases) {
            named.add(c.get("file").asText());
            assertNotNull(EXPECTED.get(c.get("id").asText()), "an expectation for the case " + c.get("id"));
        }
        java.nio.file.Path folder = java.nio.file.Path.of(RealStreamsReplayTest.class.getResource(DIR).toURI());
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
            List<String> unreplayed = files.filter(java.nio.file.Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .filter(n -> !n.equals("cases.json") && !n.equals("SOURCE.txt") && !named.contains(n))
                    .toList();
            org.junit.jupiter.api.Assertions.assertEquals(List.of(), unreplayed,
                    "recordings with no case in cases.json");
        }
    }

    @ParameterizedTest(name = "{0} {4}")
    @MethodSource("replays")
    void replaysTheRecordingExactly(String id, String provider, String file, int recordedVariants, Way way)
            throws IOException {
        Expected expected = EXPECTED.get(id);
        assertNotNull(expected, "an expectation for " + id);
        ProviderKind kind = kind(provider);
        boolean nativeN = kind == ProviderKind.OPENAI;
        byte[] body = framed(file, kind);
        List<byte[]> events = events(body);
        assertTrue(events.size() > 2, "the recording splits into events");

        // fanned-out providers get one request per variant; OpenAI's native n only as the recording has choices
        int variants = way == Way.VARIANTS && !nativeN ? 3 : recordedVariants;
        int requests = nativeN ? 1 : variants;
        try (Loopback server = new Loopback(kind); Recorder recorder = new Recorder()) {
            for (int r = 0; r < requests; r++) {
                List<byte[]> pieces = way == Way.PER_EVENT ? events
                        : randomPieces(body, new Random(id.hashCode() * 31L + r));
                server.enqueue(new MockResponse.Builder().code(200)
                        .setHeader("Content-Type", "text/event-stream; charset=utf-8")
                        .body(new Pieces(pieces, way == Way.PER_EVENT)));
            }
            ChatRequest request = ChatRequest.builder().system("sys").user("Go on.").model("replay-model")
                    .maxOutputTokens(300).variants(variants).build();

            List<VariantResult> results = recorder.await(server.provider().stream(request, recorder,
                    recorder.executor));

            assertEquals(requests, server.server.getRequestCount());
            assertEquals(variants, results.size());
            for (VariantResult result : results) {
                int i = result.index();
                String text = expected.texts().get(nativeN ? i : 0);
                assertEquals(text, result.text(), id + " variant " + i + " text");
                assertEquals(expected.status(), result.status(), id + " variant " + i + " status: " + result.error());
                assertEquals(expected.stopReason(), result.stopReason(), id + " variant " + i + " stop reason");
                // a request that served several variants reports one usage: the request's, carried by the first
                // variant only, and no variant's own; a variant with a request of its own has that request's
                boolean shared = nativeN && variants > 1;
                assertEquals(shared ? Usage.NONE : expected.usage(), result.usage(), id + " variant " + i + " usage");
                assertEquals(shared && i == 0 ? expected.usage() : Usage.NONE, result.requestUsage(),
                        id + " variant " + i + " request usage");
                assertEquals(expected.refusal(), result.refusal(), id + " variant " + i + " refusal");
                assertEquals(expected.thinkingLength(), result.thinking().length(), id + " variant " + i
                        + " thinking: " + result.thinking());
                assertTrue(result.thinking().startsWith(expected.thinkingStart()), id + " thinking starts");
                assertTrue(result.thinking().endsWith(expected.thinkingEnd()), id + " thinking ends");
                if (!result.thinking().isEmpty()) {
                    assertFalse(result.text().contains(result.thinking()), id + " thinking is not in the prose");
                }
            }
        }
    }

    /** A body written piece by piece, each flushed to the socket on its own. */
    private static final class Pieces implements MockResponseBody {
        private final List<byte[]> pieces;
        private final boolean pause;
        private final long length;

        Pieces(List<byte[]> pieces, boolean pause) {
            this.pieces = pieces;
            this.pause = pause;
            long n = 0;
            for (byte[] p : pieces) {
                n += p.length;
            }
            this.length = n;
        }

        @Override
        public long getContentLength() {
            return length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            int i = 0;
            for (byte[] piece : pieces) {
                sink.write(piece);
                sink.flush();
                if (pause || i++ % 8 == 0) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
            }
        }
    }

    private static ProviderKind kind(String provider) {
        switch (provider) {
            case "anthropic":
                return ProviderKind.ANTHROPIC;
            case "openai":
                return ProviderKind.OPENAI;
            case "openai-compatible":
                return ProviderKind.OPENAI_COMPATIBLE;
            default:
                throw new IllegalArgumentException(provider);
        }
    }

    /** The recorded bytes; vercel/ai's unframed {@code .chunks.txt} get SSE framing around unchanged lines. */
    static byte[] framed(String file, ProviderKind kind) {
        byte[] raw = resource(file);
        if (!file.endsWith(".chunks.txt")) {
            return raw;
        }
        StringBuilder sse = new StringBuilder();
        for (String line : new String(raw, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                sse.append("data: ").append(line).append("\n\n");
            }
        }
        if (kind != ProviderKind.ANTHROPIC) {
            sse.append("data: [DONE]\n\n");
        }
        return sse.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The body split just after each blank line that ends an event (LF or CRLF); the rest is the last piece. */
    static List<byte[]> events(byte[] body) {
        List<byte[]> events = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            int end = -1;
            if (body[i] == '\n' && i + 1 < body.length && body[i + 1] == '\n') {
                end = i + 2;
            } else if (body[i] == '\r' && i + 3 < body.length && body[i + 1] == '\n' && body[i + 2] == '\r'
                    && body[i + 3] == '\n') {
                end = i + 4;
            }
            if (end > 0) {
                events.add(java.util.Arrays.copyOfRange(body, start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < body.length) {
            events.add(java.util.Arrays.copyOfRange(body, start, body.length));
        }
        return events;
    }

    /** The body in pieces of 1 to 40 bytes, so UTF-8 characters, JSON and lines split across reads. */
    static List<byte[]> randomPieces(byte[] body, Random random) {
        List<byte[]> pieces = new ArrayList<>();
        int at = 0;
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + random.nextInt(40));
            pieces.add(java.util.Arrays.copyOfRange(body, at, at + size));
            at += size;
        }
        return pieces;
    }

    private static byte[] resource(String name) {
        try (InputStream in = RealStreamsReplayTest.class.getResourceAsStream(DIR + name)) {
            assertNotNull(in, "test resource " + DIR + name);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @org.junit.jupiter.api.Test
    void theRecordingsAreInTheRepositoryWithTheirLicences() {
        assertFalse(new String(resource("SOURCE.txt"), StandardCharsets.UTF_8).isBlank());
        for (String licence : List.of("anthropics+anthropic-sdk-python.LICENSE", "openai+openai-python.LICENSE",
                "vercel+ai.LICENSE")) {
            assertTrue(resource("licences/" + licence).length > 0, licence);
        }
    }
}
