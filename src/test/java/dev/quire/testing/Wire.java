package dev.quire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Response bodies in each provider's published wire format (llm-protocols.md), sent chunked and throttled so
 * parsing is incremental, and the faults of issue 3 section 4. Shared by the generation tests.
 */
public final class Wire {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    public static String json(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Anthropic ----

    public static String anthropicStart() {
        return "event: message_start\n"
                + "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[],\"model\":\"claude-sonnet-4-5\",\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":25,\"cache_creation_input_tokens\":5,\"cache_read_input_tokens\":100,"
                + "\"output_tokens\":1}}}\n\n"
                + "event: content_block_start\n"
                + "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                + "event: ping\n"
                + "data: {\"type\":\"ping\"}\n\n";
    }

    public static String anthropicDelta(String text) {
        return "event: content_block_delta\n"
                + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                + json(text) + "}}\n\n";
    }

    public static String anthropicEnd(String stopReason) {
        return "event: content_block_stop\n"
                + "data: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\n"
                + "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}\n\n"
                + "event: message_stop\n"
                + "data: {\"type\":\"message_stop\"}\n\n";
    }

    public static String anthropic(String... deltas) {
        StringBuilder sb = new StringBuilder(anthropicStart());
        for (String d : deltas) {
            sb.append(anthropicDelta(d));
        }
        return sb.append(anthropicEnd("end_turn")).toString();
    }

    public static String anthropicErrorEvent(String type, String message) {
        return "event: error\n"
                + "data: {\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":" + json(message) + "}}\n\n";
    }

    public static String anthropicErrorBody(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":" + json(message) + "}}";
    }

    /** An error event inside a 200 stream (the same as {@link #anthropicErrorEvent}). */
    public static String anthropicError(String type, String message) {
        return anthropicErrorEvent(type, message);
    }

    public static MockResponse.Builder anthropicError(int status, String type, String message) {
        return jsonStatus(status, anthropicErrorBody(type, message));
    }

    // ---- OpenAI ----

    public static String openAiDelta(int index, String text) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4.1\","
                + "\"choices\":[{\"index\":" + index + ",\"delta\":{\"content\":" + json(text)
                + "},\"finish_reason\":null}]}\n\n";
    }

    public static String openAiRole(int index) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":" + index
                + ",\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n";
    }

    public static String openAiFinish(int index, String reason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":" + index
                + ",\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}\n\n";
    }

    /** The include_usage chunk, with {@code "choices": null} as some servers send it, or {@code []}. */
    public static String openAiUsage(boolean nullChoices) {
        String chunk = openAiUsage();
        return nullChoices ? chunk.replace("\"choices\":[]", "\"choices\":null") : chunk;
    }

    /** The include_usage chunk: 9 in (4 of them cached), 12 out. */
    public static String openAiUsage() {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":4}}}\n\n";
    }

    /** One choice's stream. */
    public static String openAi(String... deltas) {
        StringBuilder sb = new StringBuilder(openAiRole(0));
        for (String d : deltas) {
            sb.append(openAiDelta(0, d));
        }
        return sb.append(openAiFinish(0, "stop")).append(openAiUsage()).append("data: [DONE]\n\n").toString();
    }

    public static String openAiErrorBody(String message, String type, String code) {
        return "{\"error\":{\"message\":" + json(message) + ",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    // ---- Ollama ----

    public static String ollamaLine(String text) {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":" + json(text) + "},\"done\":false}\n";
    }

    /** The last line: 26 prompt tokens, 282 generated. */
    public static String ollamaDone() {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:01Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":123,"
                + "\"prompt_eval_count\":26,\"eval_count\":282}\n";
    }

    public static String ollama(String... deltas) {
        StringBuilder sb = new StringBuilder();
        for (String d : deltas) {
            sb.append(ollamaLine(d));
        }
        return sb.append(ollamaDone()).toString();
    }

    // ---- responses ----

    /** A 200 stream, chunked in small pieces and throttled, so events arrive split across reads. */
    public static MockResponse.Builder stream(String contentType, String body) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", contentType)
                .chunkedBody(body, 37)
                .throttleBody(512, 2, TimeUnit.MILLISECONDS);
    }

    public static MockResponse.Builder sse(String body) {
        return stream("text/event-stream; charset=utf-8", body);
    }

    public static MockResponse.Builder ndjson(String body) {
        return stream("application/x-ndjson", body);
    }

    public static MockResponse.Builder status(int code, String contentType, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", contentType).body(body);
    }

    public static MockResponse.Builder jsonStatus(int code, String body) {
        return status(code, "application/json", body);
    }

    /** A stream whose socket is closed once half its bytes are written; the padding pushes that point past the text. */
    public static MockResponse.Builder droppedAfter(String contentType, String head) {
        boolean ndjson = contentType.contains("ndjson");
        String padding = ndjson ? ollamaLine("x".repeat(head.length() + 200)) : ": " + "x".repeat(head.length() + 200)
                + "\n\n";
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", contentType)
                .body(head + padding)
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false));
    }

    /** A stream that goes silent once half its bytes are written. */
    public static MockResponse.Builder stalledAfter(String contentType, String head) {
        String padding = contentType.contains("ndjson")
                ? ollamaLine("x".repeat(head.length() + 200))
                : ": " + "x".repeat(head.length() + 200) + "\n\n";
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", contentType)
                .body(head + padding)
                .onResponseBody(SocketEffect.Stall.INSTANCE);
    }

    /** A proxy's error page. */
    public static final String HTML = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
            + "<body><h1>Bad Gateway</h1><p>The proxy could not reach the upstream server.</p></body></html>\n";

    public static String html(String detail) {
        return "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
                + "<body><h1>Bad Gateway</h1><p>" + detail + "</p></body></html>\n";
    }

    // ---- the server side ----

    /**
     * An OpenAI-compatible model list whose entries are owned by {@code ownedBy}: a compatible profile whose bans
     * are automatic asks for it before the first generation that has an avoid list ("vllm" names no server that
     * takes bans).
     */
    public static MockResponse.Builder modelList(String ownedBy) {
        return jsonStatus(200, "{\"object\":\"list\",\"data\":[{\"id\":\"local-model\",\"object\":\"model\","
                + "\"owned_by\":\"" + ownedBy + "\"}]}");
    }

    /**
     * A queue of responses, as the server's own, that answers model-list requests with {@link #modelList} whenever
     * they come: a compatible profile asks at most once per base URL in a process, and a port can come round again.
     */
    public static mockwebserver3.QueueDispatcher modelListQueue(String ownedBy) {
        return new mockwebserver3.QueueDispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) throws InterruptedException {
                return request.getTarget().endsWith("/models") ? modelList(ownedBy).build() : super.dispatch(request);
            }
        };
    }

    /**
     * The server's queue of responses, except that a model-list request arriving while the next queued response is
     * a stream is a compatible profile asking what the server is before a chat: it gets a list that names no server
     * that takes bans, and the stream stays queued for the chat. A test that queues a model list still gets it.
     */
    public static mockwebserver3.QueueDispatcher probeAnsweringQueue() {
        return new ProbeAnsweringQueue();
    }

    private static final class ProbeAnsweringQueue extends mockwebserver3.QueueDispatcher {
        final java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public MockResponse dispatch(mockwebserver3.RecordedRequest request) throws InterruptedException {
            MockResponse next = getResponseQueue().peek();
            if (request.getTarget().endsWith("/models") && next != null && isStream(next)) {
                probes.incrementAndGet();
                return modelList("vllm").build();
            }
            return super.dispatch(request);
        }
    }

    /** The requests the server has had, less the model lists a compatible profile asked for before its chats. */
    public static int chats(MockWebServer server) {
        return server.getRequestCount() - (server.getDispatcher() instanceof ProbeAnsweringQueue q ? q.probes.get() : 0);
    }

    private static boolean isStream(MockResponse response) {
        String type = response.getHeaders().get("Content-Type");
        return type != null && (type.contains("event-stream") || type.contains("ndjson"));
    }

    /** Answers model-list requests with {@link #modelList} and passes every other request to {@code chats}. */
    public static mockwebserver3.Dispatcher answeringModelList(String ownedBy, mockwebserver3.Dispatcher chats) {
        return new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) throws InterruptedException {
                return request.getTarget().endsWith("/models") ? modelList(ownedBy).build() : chats.dispatch(request);
            }
        };
    }

    /** The next request that is not a model list (a compatible server is asked what it is first). */
    public static mockwebserver3.RecordedRequest takeChat(MockWebServer server) throws InterruptedException {
        while (true) {
            mockwebserver3.RecordedRequest request = server.takeRequest(15, java.util.concurrent.TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request arrived");
            }
            if (!request.getTarget().endsWith("/models")) {
                return request;
            }
        }
    }

    public static MockWebServer start() {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(probeAnsweringQueue());
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /** {@code http://127.0.0.1:PORT}, the root Anthropic and Ollama take. */
    public static String root(MockWebServer server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A port on loopback that nothing listens on. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every request the server has received and not yet taken, in order. */
    public static List<RecordedRequest> drain(MockWebServer server) {
        List<RecordedRequest> out = new ArrayList<>();
        try {
            RecordedRequest r;
            while ((r = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
                out.add(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    public static JsonNode body(RecordedRequest request) {
        try {
            return JSON.readTree(request.getBody().string(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
