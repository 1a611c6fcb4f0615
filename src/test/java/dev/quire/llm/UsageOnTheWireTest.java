package dev.quire.llm;

import dev.quire.testing.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every provider kind's usage, read off its own wire format on a loopback server: input (the whole prompt), output,
 * and the parts of the input read from and written to the prompt cache.
 */
class UsageOnTheWireTest {

    final Recorder recorder = new Recorder();
    Loopback server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        recorder.close();
    }

    private VariantResult one(ProviderKind kind, String contentType, String body) {
        server = new Loopback(kind);
        server.enqueue(Wire.stream(contentType, body));
        List<VariantResult> results = recorder.await(server.provider().stream(ChatRequest.of("System.", "Write."),
                recorder, recorder.executor));
        assertEquals(1, results.size());
        assertEquals(VariantResult.Status.COMPLETE, results.get(0).status(), String.valueOf(results.get(0).error()));
        return results.get(0);
    }

    @Test
    void anthropicCacheWritesAndReadsAreAddedIntoTheInputAndKeptApart() {
        String start = "event: message_start\n"
                + "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\",\"stop_reason\":null,"
                + "\"usage\":{\"input_tokens\":40,\"cache_creation_input_tokens\":1100,"
                + "\"cache_read_input_tokens\":28400,\"cache_creation\":{\"ephemeral_5m_input_tokens\":1100,"
                + "\"ephemeral_1h_input_tokens\":0},\"output_tokens\":1}}}\n\n";
        String rest = Wire.anthropicDelta("Rain.") + Wire.anthropicEnd("end_turn");
        VariantResult r = one(ProviderKind.ANTHROPIC, "text/event-stream", start + rest);

        assertEquals(new Usage(40 + 1100 + 28400, 15, 28400, 1100), r.usage());
    }

    @Test
    void openAiCachedTokensArePartOfThePrompt() {
        String body = Wire.openAiDelta(0, "Rain.")
                + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},"
                + "\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{"
                + "\"prompt_tokens\":2006,\"completion_tokens\":300,\"total_tokens\":2306,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":1920,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0}}}\n\n"
                + "data: [DONE]\n\n";
        VariantResult r = one(ProviderKind.OPENAI, "text/event-stream", body);

        assertEquals(new Usage(2006, 300, 1920, null), r.usage());
    }

    @Test
    void deepSeekCacheHitAndMissAreReadAsCachedAndWholeInput() {
        // DeepSeek's own fields, without OpenAI's prompt_tokens_details
        String body = Wire.openAiDelta(0, "Rain.")
                + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"deepseek-chat\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":20,\"total_tokens\":1020,"
                + "\"prompt_cache_hit_tokens\":768,\"prompt_cache_miss_tokens\":232}}\n\n"
                + "data: [DONE]\n\n";
        VariantResult r = one(ProviderKind.OPENAI_COMPATIBLE, "text/event-stream", body);

        assertEquals(new Usage(1000, 20, 768, null), r.usage());
    }

    @Test
    void deepSeekWithoutPromptTokensAddsHitAndMiss() {
        String body = Wire.openAiDelta(0, "Rain.")
                + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"completion_tokens\":9,"
                + "\"prompt_cache_hit_tokens\":64,\"prompt_cache_miss_tokens\":36}}\n\n"
                + "data: [DONE]\n\n";
        VariantResult r = one(ProviderKind.OPENAI_COMPATIBLE, "text/event-stream", body);

        assertEquals(new Usage(100, 9, 64, null), r.usage());
    }

    @Test
    void ollamaPromptEvalAndEvalCounts() {
        VariantResult r = one(ProviderKind.OLLAMA, "application/x-ndjson", Wire.ollama("Rain."));

        assertEquals(new Usage(26, 282, null, null), r.usage());
    }
}
