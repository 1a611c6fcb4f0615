package dev.quire.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** One provider's wire format: how to write its requests and read its streams, models and errors. */
public interface WireFormat {

    /** The parameters resolved for one HTTP request. {@code n} is 1 unless the format has native variants. */
    record Call(String model, int maxTokens, int n, Long seed, boolean stream) {
    }

    /** A page of model ids and the cursor for the next page (null when there is none). */
    record ModelPage(List<String> ids, String nextCursor) {
    }

    /** Whether one request can produce several variants ({@code n}). */
    boolean nativeVariants();

    /** The stream's end marker as the writer may read it in a message ("message_stop", "[DONE]", "done: true"). */
    String endMarker();

    /** The path appended to the base URL for chat, for messages about wrong base URLs. */
    String chatPath();

    Http.Exchange chat(ChatRequest request, Call call, ApiKey key);

    Http.Exchange models(ApiKey key, String cursor);

    ModelPage parseModels(JsonNode root);

    /**
     * A request that tells what kind of server this is, to send once before a chat whose body depends on it (the
     * avoid list's bans); null when none is needed. A non-null answer must be followed by {@link #serverProbed}.
     */
    default Http.Exchange serverProbe(ChatRequest request, ApiKey key) {
        return null;
    }

    /** The answer to {@link #serverProbe}: the parsed reply, or null when the server gave none. */
    default void serverProbed(JsonNode reply) {
    }

    /** What the server said it is, or null when it has not said (or the format has no such notion). */
    default dev.quire.llm.ServerKind serverKind() {
        return null;
    }

    /**
     * Reads a streaming body to its end, reporting to the sink; returns at the end of the stream whether or not
     * the end marker came. Errors reported inside the stream and unreadable data throw {@link StreamProblem}.
     */
    void decode(InputStream body, StreamSink sink) throws IOException;

    /** Whether a 200 body of this content type is the stream this format expects, as far as the header tells. */
    boolean isStreamType(String contentType);

    /**
     * A whole JSON reply on 200 (a server that ignored {@code stream}): delivers it and returns true, or returns
     * false when the document is not a reply.
     */
    boolean decodeWhole(JsonNode root, StreamSink sink);

    /** The error described by an error body, or null when the body is not one of this format's error objects. */
    StreamProblem parseError(int status, JsonNode root);
}
