package dev.quire.llm;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

import java.util.concurrent.TimeUnit;

/** Response bodies in each provider's published wire format, sent chunked and throttled. */
final class Wire {

    private Wire() {
    }

    static String json(String text) {
        try {
            return Loopback.JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Anthropic ----

    static String anthropicStart() {
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

    static String anthropicDelta(String text) {
        return "event: content_block_delta\n"
                + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                + json(text) + "}}\n\n";
    }

    static String anthropicEnd(String stopReason) {
        return "event: content_block_stop\n"
                + "data: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\n"
                + "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}\n\n"
                + "event: message_stop\n"
                + "data: {\"type\":\"message_stop\"}\n\n";
    }

    static String anthropic(String... deltas) {
        StringBuilder sb = new StringBuilder(anthropicStart());
        for (String d : deltas) {
            sb.append(anthropicDelta(d));
        }
        return sb.append(anthropicEnd("end_turn")).toString();
    }

    static String anthropicError(String type, String message) {
        return "event: error\n"
                + "data: {\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":" + json(message) + "}}\n\n";
    }

    static String anthropicErrorBody(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":" + json(message) + "}}";
    }

    // ---- OpenAI ----

    static String openAiDelta(int index, String text) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4.1\","
                + "\"choices\":[{\"index\":" + index + ",\"delta\":{\"content\":" + json(text)
                + "},\"finish_reason\":null}]}\n\n";
    }

    static String openAiRole(int index) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":" + index
                + ",\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n";
    }

    static String openAiFinish(int index, String reason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":" + index
                + ",\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}\n\n";
    }

    static String openAiUsage(boolean nullChoices) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":"
                + (nullChoices ? "null" : "[]")
                + ",\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":4}}}\n\n";
    }

    static String openAi(String... deltas) {
        StringBuilder sb = new StringBuilder(openAiRole(0));
        for (String d : deltas) {
            sb.append(openAiDelta(0, d));
        }
        return sb.append(openAiFinish(0, "stop")).append(openAiUsage(false)).append("data: [DONE]\n\n").toString();
    }

    static String openAiErrorBody(String message, String type, String code) {
        return "{\"error\":{\"message\":" + json(message) + ",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    // ---- Ollama ----

    static String ollamaLine(String text) {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":" + json(text) + "},\"done\":false}\n";
    }

    static String ollamaDone() {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:01Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":123,"
                + "\"prompt_eval_count\":26,\"eval_count\":282}\n";
    }

    static String ollama(String... deltas) {
        StringBuilder sb = new StringBuilder();
        for (String d : deltas) {
            sb.append(ollamaLine(d));
        }
        return sb.append(ollamaDone()).toString();
    }

    // ---- responses ----

    /** A 200 stream, chunked in small pieces and throttled, so events arrive split across reads. */
    static MockResponse.Builder stream(String contentType, String body) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", contentType)
                .chunkedBody(body, 37)
                .throttleBody(512, 2, TimeUnit.MILLISECONDS);
    }

    static MockResponse.Builder sse(String body) {
        return stream("text/event-stream; charset=utf-8", body);
    }

    static MockResponse.Builder ndjson(String body) {
        return stream("application/x-ndjson", body);
    }

    static MockResponse.Builder status(int code, String contentType, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", contentType).body(body);
    }

    static MockResponse.Builder jsonStatus(int code, String body) {
        return status(code, "application/json", body);
    }

    /** A stream whose socket is closed once half its bytes are written; the padding pushes that point past the text. */
    static MockResponse.Builder droppedAfter(String contentType, String head) {
        String padding = contentType.contains("ndjson") ? "" : ": " + "x".repeat(head.length() + 200) + "\n\n";
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", contentType)
                .body(head + padding + (contentType.contains("ndjson") ? ollamaLine("x".repeat(head.length() + 200)) : ""))
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false));
    }

    /** A stream that goes silent once half its bytes are written. */
    static MockResponse.Builder stalledAfter(String contentType, String head) {
        String padding = contentType.contains("ndjson")
                ? ollamaLine("x".repeat(head.length() + 200))
                : ": " + "x".repeat(head.length() + 200) + "\n\n";
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", contentType)
                .body(head + padding)
                .onResponseBody(SocketEffect.Stall.INSTANCE);
    }

    static final String HTML = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
            + "<body><h1>Bad Gateway</h1><p>The proxy could not reach the upstream server.</p></body></html>\n";
}
