package dev.quire.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.testing.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Stop sequences in each provider's own field, as a loopback server receives them, and how a stop there ends. */
class StopSequencesTest {

    static final List<String> SIX = List.of("\n\nMara", "\n\nTomas", "\n\nInes", "\nMara:", "\nTomas:", "\nInes:");

    Loopback server;
    final Recorder recorder = new Recorder();

    @AfterEach
    void close() {
        server.close();
        recorder.close();
    }

    private static ChatRequest request(String model) {
        ChatRequest.Builder b = ChatRequest.builder().system("You are a co-writer.").user("Go on.").model(model);
        SIX.forEach(b::stop);
        return b.build();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void anthropicGetsEveryStopSequenceAndAStopThereIsAFinishedReply() {
        server = new Loopback(ProviderKind.ANTHROPIC);
        server.enqueue(Wire.sse(Wire.anthropicStart() + Wire.anthropicDelta("Tomas set the can down.")
                + Wire.anthropicEnd("stop_sequence")));

        List<VariantResult> results = recorder.await(server.provider().stream(request("claude-test"), recorder,
                recorder.executor));

        assertEquals(SIX, texts(Loopback.body(server.take()).get("stop_sequences")));
        assertEquals(VariantResult.Status.COMPLETE, results.get(0).status());
        assertEquals("stop_sequence", results.get(0).stopReason());
    }

    @Test
    void openAiGetsTheFirstFourItTakes() {
        server = new Loopback(ProviderKind.OPENAI);
        server.enqueue(Wire.sse(Wire.openAi("The oil came.")));

        List<VariantResult> results = recorder.await(server.provider().stream(request("gpt-4.1"), recorder,
                recorder.executor));

        assertEquals(SIX.subList(0, 4), texts(Loopback.body(server.take()).get("stop")));
        assertEquals(VariantResult.Status.COMPLETE, results.get(0).status());
    }

    @Test
    void openAisReasoningModelsWhichRefuseStopAreSentNone() {
        server = new Loopback(ProviderKind.OPENAI);
        server.enqueue(Wire.sse(Wire.openAi("The oil came.")));
        server.enqueue(Wire.sse(Wire.openAi("The oil came.")));

        recorder.await(server.provider().stream(request("o3-mini"), recorder, recorder.executor));
        assertFalse(Loopback.body(server.take()).has("stop"));
        Recorder second = new Recorder();
        try (second) {
            second.await(server.provider().stream(request("gpt-5"), second, second.executor));
        }
        assertFalse(Loopback.body(server.take()).has("stop"));
    }

    @Test
    void anOpenAiCompatibleServerGetsFourToo() {
        server = new Loopback(ProviderKind.OPENAI_COMPATIBLE);
        server.enqueue(Wire.sse(Wire.openAi("The oil came.")));

        recorder.await(server.provider().stream(request("local"), recorder, recorder.executor));

        assertEquals(SIX.subList(0, 4), texts(Loopback.body(server.take()).get("stop")));
    }

    @Test
    void ollamaGetsEveryStopInItsOptions() {
        server = new Loopback(ProviderKind.OLLAMA);
        server.enqueue(Wire.ndjson(Wire.ollama("The oil came.")));

        List<VariantResult> results = recorder.await(server.provider().stream(request("llama-test"), recorder,
                recorder.executor));

        assertEquals(SIX, texts(Loopback.body(server.take()).get("options").get("stop")));
        assertEquals(VariantResult.Status.COMPLETE, results.get(0).status());
    }
}
