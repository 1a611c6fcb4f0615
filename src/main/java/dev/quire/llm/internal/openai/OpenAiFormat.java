package dev.quire.llm.internal.openai;

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
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI Chat Completions, and the servers that copy it. OpenAI proper gets native {@code n} and
 * {@code max_completion_tokens}; compatible servers get {@code max_tokens} and one request per variant.
 */
public final class OpenAiFormat implements WireFormat {

    private final ProviderProfile profile;
    private final boolean nativeN;

    private OpenAiFormat(ProviderProfile profile, boolean nativeN) {
        this.profile = profile;
        this.nativeN = nativeN;
    }

    /** The most stop sequences OpenAI's chat completions take. */
    static final int MAX_STOP_SEQUENCES = 4;

    /**
     * OpenAI's reasoning models (the o-series, GPT-5 but for its chat model) refuse {@code stop} outright; for them
     * the instruction alone asks the model to stop at the writer's turn.
     */
    static boolean refusesStop(String model) {
        String m = model == null ? "" : model.toLowerCase(java.util.Locale.ROOT);
        return m.matches("o[1-9].*") || m.startsWith("gpt-5") && !m.startsWith("gpt-5-chat");
    }

    public static OpenAiFormat openAi(ProviderProfile profile) {
        return new OpenAiFormat(profile, true);
    }

    public static OpenAiFormat compatible(ProviderProfile profile) {
        return new OpenAiFormat(profile, false);
    }

    @Override
    public boolean nativeVariants() {
        return nativeN;
    }

    @Override
    public String endMarker() {
        return "[DONE]";
    }

    @Override
    public String chatPath() {
        return "/chat/completions";
    }

    private Http.Auth auth(ApiKey key) {
        return key.isPresent() ? Http.Auth.BEARER : Http.Auth.NONE;
    }

    @Override
    public Http.Exchange chat(ChatRequest request, Call call, ApiKey key) {
        ObjectNode body = Json.object();
        body.put("model", call.model());
        ArrayNode messages = body.putArray("messages");
        String system = request.systemText();
        if (!system.isEmpty()) {
            messages.addObject().put("role", "system").put("content", system);
        }
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role() == ChatMessage.Role.USER ? "user" : "assistant")
                    .put("content", m.text());
        }
        if (nativeN && call.n() > 1) {
            body.put("n", call.n());
        }
        body.put(nativeN ? "max_completion_tokens" : "max_tokens", call.maxTokens());
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            body.put("top_p", request.topP());
        }
        if (!request.stop().isEmpty() && !(nativeN && refusesStop(call.model()))) {
            // OpenAI refuses more than four, and routers pass the limit on: the first four are the ones that matter
            ArrayNode stop = body.putArray("stop");
            request.stop().stream().limit(MAX_STOP_SEQUENCES).forEach(stop::add);
        }
        Bans.write(body, ServerKinds.bansFor(profile), request.bans(), call.model(), refusesStop(call.model()));
        if (call.seed() != null) {
            body.put("seed", call.seed());
        }
        if (profile.reasoningEffortToSend() != null) {
            body.put("reasoning_effort", profile.reasoningEffortToSend());
        }
        if (call.stream()) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return new Http.Exchange(profile.baseUrl() + chatPath(), profile.extraHeaders(), Json.bytes(body), auth(key),
                key);
    }

    @Override
    public Http.Exchange models(ApiKey key, String cursor) {
        return new Http.Exchange(profile.baseUrl() + "/models", profile.extraHeaders(), null, auth(key), key);
    }

    @Override
    public Http.Exchange serverProbe(ChatRequest request, ApiKey key) {
        if (request.bans().isEmpty() || !ServerKinds.unknown(profile) || !ServerKinds.claimProbe(profile.baseUrl())) {
            return null;
        }
        return models(key, null);
    }

    @Override
    public void serverProbed(JsonNode reply) {
        ServerKinds.probed(profile.baseUrl(), reply);
    }

    @Override
    public dev.quire.llm.ServerKind serverKind() {
        return profile.kind() == dev.quire.llm.ProviderKind.OPENAI_COMPATIBLE ? ServerKinds.known(profile.baseUrl())
                : null;
    }

    @Override
    public ModelPage parseModels(JsonNode root) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            data = root.get("models"); // some local servers
        }
        if (data == null || !data.isArray()) {
            return null;
        }
        if (profile.kind() == dev.quire.llm.ProviderKind.OPENAI_COMPATIBLE) {
            ServerKinds.learn(profile.baseUrl(), root);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode model : data) {
            String id = model.isTextual() ? model.asText() : Json.text(model, "id");
            if (id == null) {
                id = Json.text(model, "name");
            }
            if (id != null) {
                ids.add(id);
            }
        }
        return new ModelPage(ids, null);
    }

    @Override
    public boolean isStreamType(String contentType) {
        return !contentType.contains("json");
    }

    @Override
    public void decode(InputStream body, StreamSink sink) throws IOException {
        SseReader reader = new SseReader(body);
        SseEvent event;
        Chunk chunk = new Chunk();
        while ((event = reader.next()) != null) {
            if (event.isDataEmpty()) {
                continue;
            }
            if (event.dataIs("[DONE]")) {
                sink.end();
                return;
            }
            try {
                chunk.read(event.dataBytes());
            } catch (JsonProcessingException ex) {
                if (reader.lastEventUnterminated()) {
                    return; // cut off inside the last event: the stream ended early
                }
                throw StreamProblem.malformed("a data line that is not valid JSON");
            }
            if (chunk.error != null && !chunk.error.isNull()) {
                throw inStreamError(chunk.error);
            }
            for (int i = 0; i < chunk.choices; i++) {
                if (chunk.thinking[i] != null) {
                    sink.thinking(chunk.index[i], chunk.thinking[i]);
                }
                if (chunk.refusal[i] != null) {
                    sink.refusal(chunk.index[i], chunk.refusal[i]);
                }
                if (chunk.filter[i] != null) {
                    sink.filtered(chunk.index[i], chunk.filter[i]);
                }
                sink.text(chunk.index[i], chunk.content[i]);
                if (chunk.finishReason[i] != null) {
                    sink.stopReason(chunk.index[i], chunk.finishReason[i]);
                }
            }
            if (chunk.usage != null) {
                sink.usage(chunk.usage);
            }
        }
    }

    /**
     * The fields of a {@code chat.completion.chunk} Quire uses, read with the streaming parser into reused arrays;
     * everything else is skipped unread. Some servers put an {@code error} object in a chunk of a 200 stream.
     */
    static final class Chunk {
        int choices;
        int[] index = new int[4];
        String[] content = new String[4];
        String[] finishReason = new String[4];
        String[] thinking = new String[4];
        String[] refusal = new String[4];
        String[] filter = new String[4];
        Usage usage;
        JsonNode error;

        void read(byte[] json) throws IOException {
            choices = 0;
            usage = null;
            error = null;
            try (JsonParser p = JsonReading.object(json)) {
                for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                    JsonToken token = p.nextToken();
                    switch (field) {
                        case "choices":
                            if (token == JsonToken.START_ARRAY) {
                                readChoices(p);
                            } else {
                                p.skipChildren();
                            }
                            break;
                        case "usage":
                            if (token == JsonToken.START_OBJECT) {
                                usage = readUsage(p);
                            } else {
                                p.skipChildren();
                            }
                            break;
                        case "error":
                            error = JsonReading.tree(p);
                            break;
                        default:
                            p.skipChildren();
                    }
                }
            }
        }

        private void readChoices(JsonParser p) throws IOException {
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (token != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                if (choices == index.length) {
                    index = java.util.Arrays.copyOf(index, choices * 2);
                    content = java.util.Arrays.copyOf(content, choices * 2);
                    finishReason = java.util.Arrays.copyOf(finishReason, choices * 2);
                    thinking = java.util.Arrays.copyOf(thinking, choices * 2);
                    refusal = java.util.Arrays.copyOf(refusal, choices * 2);
                    filter = java.util.Arrays.copyOf(filter, choices * 2);
                }
                int i = choices++;
                index[i] = 0;
                content[i] = null;
                finishReason[i] = null;
                thinking[i] = null;
                refusal[i] = null;
                filter[i] = null;
                for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "index":
                            Integer n = JsonReading.integer(p);
                            index[i] = n == null ? 0 : n;
                            break;
                        case "delta":
                            if (value == JsonToken.START_OBJECT) {
                                for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
                                    JsonToken t = p.nextToken();
                                    switch (f) {
                                        case "content":
                                            if (t == JsonToken.START_ARRAY) {
                                                StringBuilder thought = new StringBuilder();
                                                content[i] = ContentParts.textParts(p, thought);
                                                thinking[i] = ContentParts.join(thinking[i], thought.toString());
                                            } else {
                                                content[i] = JsonReading.text(p);
                                            }
                                            break;
                                        case "refusal":
                                            refusal[i] = JsonReading.text(p);
                                            break;
                                        case "reasoning_content", "reasoning":
                                            thinking[i] = ContentParts.join(thinking[i], t == JsonToken.VALUE_STRING
                                                    ? p.getText() : ContentParts.skipNull(p));
                                            break;
                                        case "reasoning_details":
                                            thinking[i] = ContentParts.join(thinking[i], t == JsonToken.START_ARRAY
                                                    ? ContentParts.reasoningDetails(p) : ContentParts.skipNull(p));
                                            break;
                                        default:
                                            p.skipChildren(); // role, tool_calls…
                                    }
                                }
                            } else {
                                p.skipChildren();
                            }
                            break;
                        case "finish_reason":
                            finishReason[i] = JsonReading.text(p);
                            break;
                        case "content_filter_results":
                            filter[i] = value == JsonToken.START_OBJECT ? ContentParts.filtered(p)
                                    : ContentParts.skipNull(p);
                            break;
                        default:
                            p.skipChildren();
                    }
                }
            }
        }
    }

    /** See {@link ContentParts#textParts(JsonParser)}. */
    static String textParts(JsonParser p) throws IOException {
        return ContentParts.textParts(p);
    }

    /** Called with the parser on the usage object's opening brace. */
    static Usage readUsage(JsonParser p) throws IOException {
        Integer prompt = null;
        Integer completion = null;
        Integer cached = null;
        Integer hit = null;
        Integer miss = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (field) {
                case "prompt_tokens":
                    prompt = JsonReading.integer(p);
                    break;
                case "prompt_cache_hit_tokens": // DeepSeek's own names for the cached and uncached parts
                    hit = JsonReading.integer(p);
                    break;
                case "prompt_cache_miss_tokens":
                    miss = JsonReading.integer(p);
                    break;
                case "completion_tokens":
                    completion = JsonReading.integer(p);
                    break;
                case "prompt_tokens_details":
                    if (token == JsonToken.START_OBJECT) {
                        for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
                            p.nextToken();
                            if (f.equals("cached_tokens")) {
                                cached = JsonReading.integer(p);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (hit != null && (cached == null || cached == 0)) {
            cached = hit;
        }
        if (prompt == null && hit != null && miss != null) {
            prompt = hit + miss;
        }
        return new Usage(prompt, completion, cached, null);
    }

    private static StreamProblem inStreamError(JsonNode error) {
        if (error.isTextual()) {
            return StreamProblem.providerError(null, null, error.asText());
        }
        String code = Json.text(error, "code");
        if (code == null) {
            code = Json.text(error, "type");
        }
        Integer status = error.path("code").isInt() ? error.path("code").intValue() : null;
        return StreamProblem.providerError(status, code, Json.text(error, "message"));
    }

    @Override
    public boolean decodeWhole(JsonNode root, StreamSink sink) {
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            return false;
        }
        for (JsonNode choice : choices) {
            int index = choice.path("index").asInt(0);
            JsonNode content = choice.path("message").path("content");
            if (content.isArray()) {
                for (JsonNode part : content) {
                    if (part.isTextual()) {
                        sink.text(index, part.asText());
                    } else if ("text".equals(Json.text(part, "type"))) {
                        sink.text(index, Json.text(part, "text"));
                    }
                }
            } else {
                sink.text(index, Json.text(choice.path("message"), "content"));
            }
            sink.refusal(index, Json.text(choice.path("message"), "refusal"));
            String reasoning = Json.text(choice.path("message"), "reasoning_content");
            sink.thinking(index, reasoning != null ? reasoning : Json.text(choice.path("message"), "reasoning"));
            sink.stopReason(index, Json.text(choice, "finish_reason"));
        }
        JsonNode usage = root.path("usage");
        Integer cached = Json.integer(usage.path("prompt_tokens_details"), "cached_tokens");
        Integer hit = Json.integer(usage, "prompt_cache_hit_tokens");
        sink.usage(new Usage(Json.integer(usage, "prompt_tokens"), Json.integer(usage, "completion_tokens"),
                hit != null && (cached == null || cached == 0) ? hit : cached, null));
        sink.end();
        return true;
    }

    /**
     * {@code {"error":{"message","type","code"}}} (OpenAI, OpenRouter), {@code {"error":"text"}},
     * or vLLM's {@code {"object":"error","message","type","code"}}.
     */
    @Override
    public StreamProblem parseError(int status, JsonNode root) {
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            StreamProblem inner = inStreamError(error);
            return StreamProblem.providerError(status >= 300 ? Integer.valueOf(status) : inner.status(), inner.code(),
                    inner.serverMessage());
        }
        if ("error".equals(Json.text(root, "object"))) {
            String code = Json.text(root, "code");
            return StreamProblem.providerError(status >= 300 ? Integer.valueOf(status) : null,
                    Json.text(root, "type") != null ? Json.text(root, "type") : code, Json.text(root, "message"));
        }
        if (status >= 300) {
            String detail = Json.text(root, "detail");
            String message = detail != null ? detail : Json.text(root, "message");
            if (message != null) {
                return StreamProblem.providerError(status, null, message);
            }
        }
        return null;
    }
}
