package dev.quire.llm.internal.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatMessage;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.SystemBlock;
import dev.quire.llm.Usage;
import dev.quire.llm.internal.Http;
import dev.quire.llm.internal.Json;
import dev.quire.llm.internal.JsonReading;
import dev.quire.llm.internal.SseEvent;
import dev.quire.llm.internal.SseReader;
import dev.quire.llm.internal.StreamProblem;
import dev.quire.llm.internal.StreamSink;
import dev.quire.llm.internal.WireFormat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Anthropic Messages: {@code POST /v1/messages} with SSE; no {@code n}, so variants are separate requests. */
public final class AnthropicFormat implements WireFormat {

    public static final String VERSION = "2023-06-01";
    /** Anthropic accepts at most four cache breakpoints per request; the last four marked blocks keep theirs. */
    static final int MAX_CACHE_BREAKPOINTS = 4;

    private final ProviderProfile profile;

    public AnthropicFormat(ProviderProfile profile) {
        this.profile = profile;
    }

    @Override
    public boolean nativeVariants() {
        return false;
    }

    @Override
    public String endMarker() {
        return "message_stop";
    }

    @Override
    public String chatPath() {
        return "/v1/messages";
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>(profile.extraHeaders());
        headers.put("anthropic-version", VERSION);
        return headers;
    }

    @Override
    public Http.Exchange chat(ChatRequest request, Call call, ApiKey key) {
        ObjectNode body = Json.object();
        body.put("model", call.model());
        boolean thinking = profile.thinking();
        // with extended thinking the budget is room on top of the text's own limit, which max_tokens holds together
        body.put("max_tokens", thinking ? call.maxTokens() + profile.thinkingBudget() : call.maxTokens());
        if (thinking) {
            body.putObject("thinking").put("type", "enabled").put("budget_tokens", profile.thinkingBudget());
        }
        // variants of one request share all of it: the last breakpoint ends the prompt, so the later ones read it whole
        boolean cacheWhole = request.variants() > 1;
        ArrayNode system = systemBlocks(request.system(), cacheWhole ? MAX_CACHE_BREAKPOINTS - 1
                : MAX_CACHE_BREAKPOINTS, profile.oneHourCache());
        if (system.size() > 0) {
            body.set("system", system);
        }
        ArrayNode messages = body.putArray("messages");
        List<ChatMessage> turns = request.messages();
        for (int i = 0; i < turns.size(); i++) {
            ChatMessage m = turns.get(i);
            String text = m.text();
            if (i == turns.size() - 1 && m.role() == ChatMessage.Role.ASSISTANT) {
                text = text.stripTrailing(); // Anthropic rejects a prefill that ends in whitespace
            }
            ObjectNode message = messages.addObject();
            message.put("role", m.role() == ChatMessage.Role.USER ? "user" : "assistant");
            if (cacheWhole && i == turns.size() - 1 && !text.isEmpty()) {
                ObjectNode block = message.putArray("content").addObject();
                block.put("type", "text");
                block.put("text", text);
                cacheControl(block, profile.oneHourCache());
            } else {
                message.put("content", text);
            }
        }
        // extended thinking takes neither a temperature nor top_p
        if (request.temperature() != null && !thinking) {
            body.put("temperature", Math.max(0.0, Math.min(1.0, request.temperature())));
        }
        if (request.topP() != null && !thinking) {
            body.put("top_p", request.topP());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop_sequences");
            request.stop().forEach(stop::add);
        }
        if (call.stream()) {
            body.put("stream", true);
        }
        return new Http.Exchange(profile.baseUrl() + chatPath(), headers(), Json.bytes(body), Http.Auth.X_API_KEY, key);
    }

    /** Text blocks in order, empty ones dropped; {@code cache_control} on the last four marked blocks. */
    static ArrayNode systemBlocks(List<SystemBlock> blocks) {
        return systemBlocks(blocks, MAX_CACHE_BREAKPOINTS, false);
    }

    private static void cacheControl(ObjectNode node, boolean oneHour) {
        ObjectNode control = node.putObject("cache_control").put("type", "ephemeral");
        if (oneHour) {
            control.put("ttl", "1h");
        }
    }

    /** As {@link #systemBlocks(List)}, keeping at most {@code breakpoints} markers (the last ones). */
    static ArrayNode systemBlocks(List<SystemBlock> blocks, int breakpoints, boolean oneHour) {
        List<SystemBlock> kept = new ArrayList<>();
        for (SystemBlock block : blocks) {
            if (!block.text().isEmpty()) {
                kept.add(block);
            }
        }
        int marked = 0;
        for (SystemBlock block : kept) {
            if (block.cacheBreakpoint()) {
                marked++;
            }
        }
        int skip = Math.max(0, marked - breakpoints);
        ArrayNode system = Json.MAPPER.createArrayNode();
        for (SystemBlock block : kept) {
            ObjectNode node = system.addObject();
            node.put("type", "text");
            node.put("text", block.text());
            if (block.cacheBreakpoint()) {
                if (skip > 0) {
                    skip--;
                } else {
                    cacheControl(node, oneHour);
                }
            }
        }
        return system;
    }

    @Override
    public Http.Exchange models(ApiKey key, String cursor) {
        String url = profile.baseUrl() + "/v1/models?limit=1000"
                + (cursor == null ? "" : "&after_id=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return new Http.Exchange(url, headers(), null, Http.Auth.X_API_KEY, key);
    }

    @Override
    public ModelPage parseModels(JsonNode root) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode model : data) {
            String id = Json.text(model, "id");
            if (id != null) {
                ids.add(id);
            }
        }
        boolean more = root.path("has_more").asBoolean(false);
        return new ModelPage(ids, more ? Json.text(root, "last_id") : null);
    }

    @Override
    public boolean isStreamType(String contentType) {
        return !contentType.contains("json");
    }

    @Override
    public void decode(InputStream body, StreamSink sink) throws IOException {
        SseReader reader = new SseReader(body);
        SseEvent event;
        while ((event = reader.next()) != null) {
            if (event.isDataEmpty()) {
                continue;
            }
            Event e;
            try {
                e = Event.read(event.dataBytes());
            } catch (JsonProcessingException ex) {
                if (reader.lastEventUnterminated()) {
                    return; // cut off inside the last event: the stream ended early
                }
                throw StreamProblem.malformed("an event that is not valid JSON");
            }
            String type = e.type != null ? e.type : event.event();
            if (type == null) {
                continue;
            }
            switch (type) {
                case "message_start":
                case "message_delta":
                    if (e.stopReason != null) {
                        sink.stopReason(0, e.stopReason);
                    }
                    if (e.usage != null) {
                        sink.usage(e.usage);
                    }
                    break;
                case "content_block_delta":
                    if ("text_delta".equals(e.deltaType)) {
                        sink.text(0, e.text);
                    } else if ("thinking_delta".equals(e.deltaType)) {
                        sink.thinking(0, e.thinking);
                    }
                    break;
                case "message_stop":
                    sink.end();
                    return;
                case "error":
                    throw StreamProblem.providerError(null, e.errorType, e.errorMessage);
                default:
                    break; // ping, content_block_start/stop, and event types added later
            }
        }
    }

    /** The fields of any stream event that Quire uses; the rest is skipped unread. */
    static final class Event {
        String type;
        String deltaType;
        String text;
        String thinking;
        String stopReason;
        Usage usage;
        String errorType;
        String errorMessage;

        static Event read(byte[] json) throws IOException {
            Event e = new Event();
            try (JsonParser p = JsonReading.object(json)) {
                for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                    JsonToken token = p.nextToken();
                    switch (field) {
                        case "type":
                            e.type = JsonReading.text(p);
                            break;
                        case "delta":
                            if (token == JsonToken.START_OBJECT) {
                                e.readDelta(p);
                            } else {
                                p.skipChildren();
                            }
                            break;
                        case "usage":
                            e.usage = token == JsonToken.START_OBJECT ? readUsage(p) : skip(p);
                            break;
                        case "message":
                            if (token == JsonToken.START_OBJECT) {
                                e.readMessage(p);
                            } else {
                                p.skipChildren();
                            }
                            break;
                        case "error":
                            if (token == JsonToken.START_OBJECT) {
                                e.readError(p);
                            } else {
                                e.errorMessage = JsonReading.text(p);
                            }
                            break;
                        default:
                            p.skipChildren();
                    }
                }
            }
            return e;
        }

        private void readDelta(JsonParser p) throws IOException {
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                p.nextToken();
                switch (field) {
                    case "type":
                        deltaType = JsonReading.text(p);
                        break;
                    case "text":
                        text = JsonReading.text(p);
                        break;
                    case "thinking":
                        thinking = JsonReading.text(p);
                        break;
                    case "stop_reason":
                        stopReason = JsonReading.text(p);
                        break;
                    default:
                        p.skipChildren();
                }
            }
        }

        private void readMessage(JsonParser p) throws IOException {
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken token = p.nextToken();
                if (field.equals("usage") && token == JsonToken.START_OBJECT) {
                    usage = readUsage(p);
                } else {
                    p.skipChildren();
                }
            }
        }

        private void readError(JsonParser p) throws IOException {
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                p.nextToken();
                switch (field) {
                    case "type":
                        errorType = JsonReading.text(p);
                        break;
                    case "message":
                        errorMessage = JsonReading.text(p);
                        break;
                    default:
                        p.skipChildren();
                }
            }
        }

        private static Usage skip(JsonParser p) throws IOException {
            p.skipChildren();
            return null;
        }
    }

    /**
     * Anthropic counts uncached, cache-read and cache-write input apart; Quire's input is their sum. Called with
     * the parser on the usage object's opening brace.
     */
    static Usage readUsage(JsonParser p) throws IOException {
        Integer input = null;
        Integer output = null;
        Integer cacheRead = null;
        Integer cacheCreation = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "input_tokens":
                    input = JsonReading.integer(p);
                    break;
                case "output_tokens":
                    output = JsonReading.integer(p);
                    break;
                case "cache_read_input_tokens":
                    cacheRead = JsonReading.integer(p);
                    break;
                case "cache_creation_input_tokens":
                    cacheCreation = JsonReading.integer(p);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return usage(input, output, cacheRead, cacheCreation);
    }

    static Usage usage(Integer uncached, Integer output, Integer cacheRead, Integer cacheCreation) {
        Integer input = uncached;
        if (input != null) {
            input = input + (cacheRead == null ? 0 : cacheRead) + (cacheCreation == null ? 0 : cacheCreation);
        }
        return new Usage(input, output, cacheRead, cacheCreation);
    }

    @Override
    public boolean decodeWhole(JsonNode root, StreamSink sink) {
        if (!"message".equals(Json.text(root, "type"))) {
            return false;
        }
        for (JsonNode block : root.path("content")) {
            if ("text".equals(Json.text(block, "type"))) {
                sink.text(0, Json.text(block, "text"));
            } else if ("thinking".equals(Json.text(block, "type"))) {
                sink.thinking(0, Json.text(block, "thinking"));
            }
        }
        sink.stopReason(0, Json.text(root, "stop_reason"));
        JsonNode usage = root.path("usage");
        sink.usage(usage(Json.integer(usage, "input_tokens"), Json.integer(usage, "output_tokens"),
                Json.integer(usage, "cache_read_input_tokens"), Json.integer(usage, "cache_creation_input_tokens")));
        sink.end();
        return true;
    }

    @Override
    public StreamProblem parseError(int status, JsonNode root) {
        JsonNode error = root.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        if (error.isTextual()) {
            return StreamProblem.providerError(status, null, error.asText());
        }
        return StreamProblem.providerError(status, Json.text(error, "type"), Json.text(error, "message"));
    }
}
