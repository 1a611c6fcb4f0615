package dev.quire.llm.internal.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatMessage;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Usage;
import dev.quire.llm.internal.Http;
import dev.quire.llm.internal.Json;
import dev.quire.llm.internal.NdjsonReader;
import dev.quire.llm.internal.StreamProblem;
import dev.quire.llm.internal.StreamSink;
import dev.quire.llm.internal.WireFormat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama's native API: {@code POST /api/chat} streaming NDJSON, with the context size ({@code num_ctx}) taken
 * from the profile so long stories are not silently truncated to Ollama's small default.
 */
public final class OllamaFormat implements WireFormat {

    private static final ObjectReader LINES = Json.MAPPER.readerFor(OllamaLine.class);

    private final ProviderProfile profile;

    public OllamaFormat(ProviderProfile profile) {
        this.profile = profile;
    }

    @Override
    public boolean nativeVariants() {
        return false;
    }

    @Override
    public String endMarker() {
        return "\"done\": true";
    }

    @Override
    public String chatPath() {
        return "/api/chat";
    }

    private static Http.Auth auth(ApiKey key) {
        return key.isPresent() ? Http.Auth.BEARER : Http.Auth.NONE; // for an Ollama behind an authenticating proxy
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
        body.put("stream", call.stream());
        ObjectNode options = body.putObject("options");
        options.put("num_ctx", profile.contextWindow());
        options.put("num_predict", call.maxTokens());
        if (request.temperature() != null) {
            options.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            options.put("top_p", request.topP());
        }
        if (call.seed() != null) {
            options.put("seed", call.seed());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = options.putArray("stop");
            request.stop().forEach(stop::add);
        }
        return new Http.Exchange(profile.baseUrl() + chatPath(), profile.extraHeaders(), Json.bytes(body), auth(key),
                key);
    }

    @Override
    public Http.Exchange models(ApiKey key, String cursor) {
        return new Http.Exchange(profile.baseUrl() + "/api/tags", profile.extraHeaders(), null, auth(key), key);
    }

    @Override
    public ModelPage parseModels(JsonNode root) {
        JsonNode models = root.get("models");
        if (models == null || !models.isArray()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode model : models) {
            String name = Json.text(model, "name");
            if (name == null) {
                name = Json.text(model, "model");
            }
            if (name != null) {
                ids.add(name);
            }
        }
        return new ModelPage(ids, null);
    }

    @Override
    public boolean isStreamType(String contentType) {
        return true; // application/x-ndjson, or application/json for a single line
    }

    @Override
    public void decode(InputStream body, StreamSink sink) throws IOException {
        NdjsonReader reader = new NdjsonReader(body);
        String text;
        while ((text = reader.next()) != null) {
            OllamaLine line;
            try {
                line = LINES.readValue(text);
            } catch (JsonProcessingException ex) {
                if (reader.lastLineUnterminated()) {
                    return; // cut off inside the last line: the stream ended early
                }
                throw StreamProblem.malformed("a line that is not valid JSON");
            }
            if (line == null) {
                continue;
            }
            if (line.error() != null) {
                throw StreamProblem.providerError(null, null, line.error());
            }
            if (line.message() != null) {
                sink.thinking(0, line.message().thinking());
                sink.text(0, line.message().content());
            }
            if (Boolean.TRUE.equals(line.done())) {
                sink.stopReason(0, line.doneReason());
                sink.usage(new Usage(line.promptEvalCount(), line.evalCount(), null, null));
                sink.end();
                return;
            }
        }
    }

    @Override
    public boolean decodeWhole(JsonNode root, StreamSink sink) {
        return false; // decode() reads a single JSON line as well
    }

    @Override
    public StreamProblem parseError(int status, JsonNode root) {
        JsonNode error = root.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        String message = error.isTextual() ? error.asText() : Json.text(error, "message");
        return StreamProblem.providerError(status >= 300 ? status : null, null, message);
    }
}
