package dev.quire.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.model.Variant;
import dev.quire.store.ContinuationRepository;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A variant cut off at the output limit is said to be so ({@code generate} exits 4 with {@code CUT_OFF}), and
 * {@code quire extend} continues it in place; a refusal is said plainly, with the model's own words.
 */
class ExtendCommandTest {

    static final String KEY = "sk-test-extend-0123456789";
    static final String CUT = "She reached for the";

    @TempDir
    Path dir;

    Quire quire;
    MockWebServer server;

    @BeforeEach
    void setUp() {
        quire = new Quire(dir);
        try (Studio studio = quire.open()) {
            Lighthouse.addTo(studio);
        }
        server = Wire.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static String anthropicCutOff(String... deltas) {
        StringBuilder sb = new StringBuilder(Wire.anthropicStart());
        for (String d : deltas) {
            sb.append(Wire.anthropicDelta(d));
        }
        return sb.append(Wire.anthropicEnd("max_tokens")).toString();
    }

    private void anthropicProfile() {
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                Wire.root(server), "--model", "claude-test").code());
        assertEquals(0, quire.withInput(KEY + "\n", "provider", "key", "claude").code());
    }

    @Test
    void aCutOffVariantExitsFourAndExtendContinuesItInPlaceWithAnAnthropicPrefill() throws Exception {
        anthropicProfile();
        server.enqueue(Wire.sse(anthropicCutOff("She reached ", "for the ")).build());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--provider", "claude", "--instruction",
                "Tomas comes home.", "--max-tokens", "1024", "--json");

        assertEquals(4, run.code(), "cut off at the output limit: " + run);
        JsonNode json = run.json();
        JsonNode a = json.get("variants").get(0);
        assertEquals("CUT_OFF", a.get("status").asText());
        assertEquals("max_tokens", a.get("stopReason").asText());
        assertTrue(a.get("refusal").isNull());
        assertTrue(run.err().contains("cut off at the output limit of 1,024 tokens"), run.err());
        long generation = json.get("generation").asLong();
        server.takeRequest();

        server.enqueue(Wire.sse(Wire.anthropic(" door and stepped ", "out into the rain.")).build());
        Quire.Run extended = quire.run("extend", "--story", Lighthouse.TITLE, "--generation",
                String.valueOf(generation), "--variant", "A", "--json");

        assertEquals(0, extended.code(), extended.toString());
        JsonNode v = extended.json();
        assertEquals("A", v.get("label").asText());
        assertEquals(a.get("id").asLong(), v.get("id").asLong(), "the same variant, not a new one");
        assertEquals("She reached for the door and stepped out into the rain.", v.get("text").asText(),
                "it reads on from the cut, its beginning not repeated");
        assertEquals("COMPLETE", v.get("status").asText());
        assertEquals("end_turn", v.get("stopReason").asText());
        assertEquals(15, v.get("usage").get("output").asInt(), "the continuation's own usage");
        assertEquals(30, v.get("outputTokens").asInt(), "the variant's output across both requests");

        JsonNode body = Wire.body(server.takeRequest());
        JsonNode messages = body.get("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertEquals("assistant", last.get("role").asText(), "Anthropic: the text is the start of the reply");
        assertEquals(CUT, last.get("content").asText(), "the prefill without its trailing whitespace");
        assertEquals(1024, body.get("max_tokens").asInt(), "the generation's own limit");

        try (Studio studio = quire.open()) {
            List<Variant> variants = studio.generations().variants(generation);
            assertEquals(1, variants.size(), "no new variant");
            assertEquals(Variant.Status.COMPLETE, variants.get(0).status());
            List<ContinuationRepository.Continuation> continuations =
                    studio.continuations().forVariant(variants.get(0).id());
            assertEquals(1, continuations.size(), "the continuation is a request of its own");
            assertEquals(15, continuations.get(0).usage().outputTokens());
            assertEquals(130, continuations.get(0).usage().inputTokens());
            assertEquals(" door and stepped out into the rain.", continuations.get(0).text());
        }
    }

    @Test
    void aFinishedVariantCanBeExtendedWhenTheWriterWantsMore() throws Exception {
        anthropicProfile();
        server.enqueue(Wire.sse(Wire.anthropic("The rain had stopped. ")).build());
        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--provider", "claude", "--instruction",
                "Tomas comes home.", "--json");
        assertEquals(0, run.code(), run.toString());
        assertEquals("COMPLETE", run.json().get("variants").get(0).get("status").asText());
        long generation = run.json().get("generation").asLong();
        Wire.takeChat(server);

        server.enqueue(Wire.sse(Wire.anthropic(" The gate stood open.")).build());
        Quire.Run extended = quire.run("extend", "--story", Lighthouse.TITLE, "--generation",
                String.valueOf(generation), "--variant", "A", "--json");

        assertEquals(0, extended.code(), extended.toString());
        assertEquals("The rain had stopped. The gate stood open.", extended.json().get("text").asText());
        assertEquals("COMPLETE", extended.json().get("status").asText());
        JsonNode messages = Wire.body(server.takeRequest()).get("messages");
        assertEquals("The rain had stopped.", messages.get(messages.size() - 1).get("content").asText(),
                "the finished text is the prefill, trimmed");
    }

    @Test
    void aCompatibleServerGetsTheTextBackWithARequestForWhatComesNext() throws Exception {
        server.setDispatcher(Wire.modelListQueue("vllm")); // asked once what it is: the story has an avoid list
        server.enqueue(Wire.sse(Wire.openAiRole(0) + Wire.openAiDelta(0, CUT) + Wire.openAiFinish(0, "length")
                + Wire.openAiUsage() + "data: [DONE]\n\n").build());
        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--provider", "openai-compatible",
                "--base-url", Wire.root(server) + "/v1", "--instruction", "Tomas comes home.", "--json");
        assertEquals(4, run.code(), run.toString());
        assertEquals("CUT_OFF", run.json().get("variants").get(0).get("status").asText());
        long generation = run.json().get("generation").asLong();
        Wire.takeChat(server);

        server.enqueue(Wire.sse(Wire.openAi("door and stepped out.")).build());
        Quire.Run extended = quire.run("extend", "--story", Lighthouse.TITLE, "--generation",
                String.valueOf(generation), "--variant", "a", "--max-tokens", "300");

        assertEquals(0, extended.code(), extended.toString());
        assertEquals(" door and stepped out.\n", extended.out(), "only the continuation streams, joined by a space");
        JsonNode body = Wire.body(Wire.takeChat(server));
        JsonNode messages = body.get("messages");
        JsonNode ask = messages.get(messages.size() - 1);
        JsonNode text = messages.get(messages.size() - 2);
        assertEquals("user", ask.get("role").asText());
        assertTrue(ask.get("content").asText().contains("Do not repeat"), ask.toString());
        assertEquals("assistant", text.get("role").asText());
        assertEquals(CUT, text.get("content").asText());
        assertEquals(300, body.get("max_tokens").asInt());
        try (Studio studio = quire.open()) {
            Variant v = studio.generations().variants(generation).get(0);
            assertEquals(CUT + " door and stepped out.", v.text());
            assertEquals(Variant.Status.COMPLETE, v.status());
        }
    }

    @Test
    void aContinuationThatFailsLeavesTheVariantAsItWas() throws Exception {
        anthropicProfile();
        server.enqueue(Wire.sse(anthropicCutOff(CUT)).build());
        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--provider", "claude", "--instruction",
                "Tomas comes home.", "--json");
        long generation = run.json().get("generation").asLong();

        server.enqueue(Wire.anthropicError(400, "invalid_request_error", "prefill not accepted").build());
        Quire.Run extended = quire.run("extend", "--story", Lighthouse.TITLE, "--generation",
                String.valueOf(generation), "--variant", "A", "--json");

        assertEquals(4, extended.code(), extended.toString());
        assertTrue(extended.err().contains("the variant is as it was"), extended.err());
        assertEquals(CUT, extended.json().get("text").asText());
        assertEquals("CUT_OFF", extended.json().get("status").asText());
        try (Studio studio = quire.open()) {
            Variant v = studio.generations().variants(generation).get(0);
            assertEquals(CUT, v.text());
            assertEquals(Variant.Status.CUT_OFF, v.status());
            var continuation = studio.continuations().forVariant(v.id()).get(0);
            assertEquals(Variant.Status.FAILED, continuation.status());
            assertTrue(continuation.error().contains("prefill not accepted"), continuation.error());
        }
    }

    @Test
    void aFilteredVariantExitsFourAndKeepsWhatArrived() throws Exception {
        quire.env.put("OPENAI_API_KEY", KEY);
        server.enqueue(Wire.sse(Wire.openAiRole(0) + Wire.openAiDelta(0, "The knife was ")
                + Wire.openAiFinish(0, "content_filter") + Wire.openAiUsage() + "data: [DONE]\n\n").build());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--provider", "openai", "--base-url",
                Wire.root(server) + "/v1", "--instruction", "Tomas comes home.", "--json");

        assertEquals(4, run.code(), "a filtered variant did not finish: " + run);
        JsonNode a = run.json().get("variants").get(0);
        assertEquals("FILTERED", a.get("status").asText());
        assertEquals("content_filter", a.get("stopReason").asText());
        assertEquals("The knife was ", a.get("text").asText(), "what arrived is kept");
    }

    @Test
    void anOpenAiRefusalIsRefusedWithTheModelsOwnWordsAndNoProse() throws Exception {
        quire.env.put("OPENAI_API_KEY", KEY);
        server.enqueue(Wire.sse(Wire.openAiRole(0)
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"I can't help\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\" with that.\"},\"finish_reason\":null}]}\n\n"
                + Wire.openAiFinish(0, "stop") + Wire.openAiUsage() + "data: [DONE]\n\n").build());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--provider", "openai", "--base-url",
                Wire.root(server) + "/v1", "--instruction", "Tomas comes home.", "--json");

        assertEquals(4, run.code(), run.toString());
        JsonNode a = run.json().get("variants").get(0);
        assertEquals("REFUSED", a.get("status").asText());
        assertEquals("I can't help with that.", a.get("refusal").asText());
        assertEquals("", a.get("text").asText(), "the refusal is not prose");
        try (Studio studio = quire.open()) {
            Variant v = studio.generations().variants(run.json().get("generation").asLong()).get(0);
            assertEquals(Variant.Status.REFUSED, v.status());
            assertEquals("I can't help with that.", v.refusal());
            assertFalse(v.text().contains("help"));
        }
    }

    @Test
    void extendedThinkingIsSentToAnthropicAndItsContinuationTakesNoPrefill() throws Exception {
        assertEquals(0, quire.run("provider", "add", "thinker", "--kind", "anthropic", "--base-url",
                Wire.root(server), "--model", "claude-test", "--max-tokens", "1000", "--thinking", "2048").code());
        assertEquals(0, quire.withInput(KEY + "\n", "provider", "key", "thinker").code());
        Quire.Run refused = quire.run("provider", "add", "thinker", "--kind", "anthropic", "--base-url",
                Wire.root(server), "--reasoning-effort", "high");
        assertEquals(2, refused.code(), "a reasoning effort is not an Anthropic option: " + refused);
        String thinking = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Tomas should hesitate.\"}}\n\n";
        server.enqueue(Wire.sse(Wire.anthropicStart() + thinking + Wire.anthropicDelta(CUT)
                + Wire.anthropicEnd("max_tokens")).build());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--provider", "thinker", "--instruction",
                "Tomas comes home.", "--temperature", "0.5", "--json");

        assertEquals(4, run.code(), run.toString());
        JsonNode body = Wire.body(server.takeRequest());
        assertEquals("enabled", body.get("thinking").get("type").asText());
        assertEquals(2048, body.get("thinking").get("budget_tokens").asInt());
        assertEquals(3048, body.get("max_tokens").asInt(), "the budget is room on top of the text's limit");
        assertFalse(body.has("temperature"), "extended thinking takes no temperature");
        long generation = run.json().get("generation").asLong();
        try (Studio studio = quire.open()) {
            Variant v = studio.generations().variants(generation).get(0);
            assertEquals("Tomas should hesitate.", v.thinking(), "the thinking is kept with the variant");
            assertEquals(CUT, v.text(), "and never in its text");
        }

        server.enqueue(Wire.sse(Wire.anthropic("door.")).build());
        Quire.Run extended = quire.run("extend", "--story", Lighthouse.TITLE, "--generation",
                String.valueOf(generation), "--variant", "A", "--json");
        assertEquals(0, extended.code(), extended.toString());
        JsonNode again = Wire.body(server.takeRequest());
        JsonNode messages = again.get("messages");
        assertEquals("user", messages.get(messages.size() - 1).get("role").asText(),
                "with extended thinking there is no prefill: a continue request");
        assertFalse(again.toString().contains("Tomas should hesitate"), "thinking is never sent back");
        assertEquals(CUT + " door.", extended.json().get("text").asText());
    }

    @Test
    void aReasoningEffortIsSentToACompatibleServer() throws Exception {
        assertEquals(0, quire.run("provider", "add", "local", "--kind", "openai-compatible", "--base-url",
                Wire.root(server) + "/v1", "--reasoning-effort", "high").code());
        server.setDispatcher(Wire.modelListQueue("vllm"));
        server.enqueue(Wire.sse(Wire.openAi("The lamp held.")).build());
        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--provider", "local", "--instruction",
                "Tomas comes home.");
        assertEquals(0, run.code(), run.toString());
        assertEquals("high", Wire.body(Wire.takeChat(server)).get("reasoning_effort").asText());
    }
}
