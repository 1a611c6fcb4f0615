package dev.quire.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.model.VariantRequest;
import dev.quire.store.GenerationRepository;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code quire generate --column …}: a mixed set, each column asked of its own provider over loopback servers
 * speaking the Anthropic, OpenAI and Ollama wire formats.
 */
class MixedColumnsCommandTest {

    static final String ANTHROPIC_KEY = "sk-ant-test-columns-0123456789";
    static final String OPENAI_KEY = "sk-test-columns-0123456789";

    @TempDir
    Path dir;

    Quire quire;
    Lighthouse story;
    final Server anthropic = new Server("{\"data\": [{\"id\": \"claude-m1\"}], \"has_more\": false}");
    final Server openai = new Server("{\"object\": \"list\", \"data\": [{\"id\": \"gpt-m2\"}, {\"id\": \"gpt-m2b\"}]}");
    final Server ollama = new Server("{\"models\": [{\"name\": \"llama-m3\"}]}");

    /** A loopback provider: lists its models on GET, answers each POST with what {@code answer} gives. */
    static final class Server {
        final MockWebServer web = Wire.start();
        final List<RecordedRequest> posts = Collections.synchronizedList(new ArrayList<>());
        volatile Supplier<MockResponse> answer;

        Server(String models) {
            web.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if ("GET".equals(request.getMethod())) {
                        return Wire.jsonStatus(200, models).build();
                    }
                    posts.add(request);
                    return answer.get();
                }
            });
        }

        String root() {
            return Wire.root(web);
        }
    }

    @BeforeEach
    void setUp() {
        quire = new Quire(dir);
        try (Studio studio = quire.open()) {
            story = Lighthouse.addTo(studio);
        }
        quire.env.put("ANTHROPIC_API_KEY", ANTHROPIC_KEY);
        quire.env.put("OPENAI_API_KEY", OPENAI_KEY);
        anthropic.answer = () -> Wire.sse(Wire.anthropic("Claude's lamp ", "held.")).build();
        openai.answer = () -> Wire.sse(Wire.openAi("GPT's gulls ", "cried.")).build();
        ollama.answer = () -> Wire.ndjson(Wire.ollama("Llama's waves ", "broke.")).build();
    }

    @AfterEach
    void tearDown() {
        anthropic.web.close();
        openai.web.close();
        ollama.web.close();
    }

    private Quire.Run generate(String... columns) {
        List<String> args = new ArrayList<>(List.of("generate", "--story", Lighthouse.TITLE, "--scene", "2",
                "--instruction", "SET-MARK: Tomas is late.", "--max-tokens", "200", "--json"));
        for (String c : columns) {
            args.add("--column");
            args.add(c);
        }
        return quire.run(args.toArray(String[]::new));
    }

    private String anthropicColumn() {
        return "provider=anthropic,base-url=" + anthropic.root() + ",model=claude-m1";
    }

    private String openAiColumn(String model) {
        return "provider=openai,base-url=" + openai.root() + "/v1,model=" + model + ",temperature=0.3";
    }

    private String ollamaColumn() {
        return "provider=ollama,base-url=" + ollama.root() + ",model=llama-m3,instruction+=ADD-MARK, and she "
                + "hesitates before answering.";
    }

    private static String userText(RecordedRequest request) {
        JsonNode body = Wire.body(request);
        JsonNode messages = body.get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }

    @Test
    void eachColumnGoesToItsOwnProviderWithItsOwnModelAndInstructionAsOneGeneration() throws Exception {
        Quire.Run run = generate(anthropicColumn(), openAiColumn("gpt-m2"), ollamaColumn());

        assertEquals(0, run.code(), run.toString());
        JsonNode variants = run.json().get("variants");
        assertEquals(3, variants.size());
        assertEquals("claude-m1", variants.get(0).get("model").asText());
        assertEquals("Claude's lamp held.", variants.get(0).get("text").asText());
        assertEquals("gpt-m2", variants.get(1).get("model").asText());
        assertEquals(0.3, variants.get(1).get("temperature").asDouble());
        assertEquals("GPT's gulls cried.", variants.get(1).get("text").asText());
        assertEquals("llama-m3", variants.get(2).get("model").asText());
        assertEquals("Llama's waves broke.", variants.get(2).get("text").asText());
        assertTrue(variants.get(0).get("provider").asText().toLowerCase().contains("anthropic"),
                variants.get(0).toString());
        assertTrue(variants.get(2).get("provider").asText().toLowerCase().contains("ollama"));
        assertEquals("SET-MARK: Tomas is late.", variants.get(0).get("instruction").asText());
        assertEquals("SET-MARK: Tomas is late. ADD-MARK, and she hesitates before answering.",
                variants.get(2).get("instruction").asText(), "a comma inside instruction+ stays in it");

        assertEquals(1, anthropic.posts.size());
        assertEquals(1, openai.posts.size());
        assertEquals(1, ollama.posts.size());
        assertEquals("claude-m1", Wire.body(anthropic.posts.get(0)).get("model").asText());
        assertEquals(ANTHROPIC_KEY, anthropic.posts.get(0).getHeaders().get("x-api-key"));
        assertEquals("gpt-m2", Wire.body(openai.posts.get(0)).get("model").asText());
        assertEquals(0.3, Wire.body(openai.posts.get(0)).get("temperature").asDouble());
        assertEquals("llama-m3", Wire.body(ollama.posts.get(0)).get("model").asText());
        String toClaude = userText(anthropic.posts.get(0));
        String toLlama = userText(ollama.posts.get(0));
        assertTrue(toClaude.contains("SET-MARK") && !toClaude.contains("ADD-MARK"), toClaude);
        assertTrue(toLlama.contains("SET-MARK") && toLlama.contains("ADD-MARK"), toLlama);

        try (Studio studio = quire.open()) {
            long id = run.json().get("generation").asLong();
            Generation g = studio.generations().get(id).orElseThrow();
            assertEquals(3, g.variantCount(), "one generation, three variants");
            assertEquals("SET-MARK: Tomas is late.", g.instruction());
            assertEquals(Generation.Status.COMPLETE, g.status());
            List<VariantRequest> asked = studio.generations().requests(id);
            assertEquals(List.of("claude-m1", "gpt-m2", "llama-m3"), asked.stream().map(VariantRequest::model)
                    .toList());
            assertTrue(asked.get(2).messagesJson().contains("ADD-MARK"), "the exact messages column C sent");
            assertFalse(asked.get(0).messagesJson().contains("ADD-MARK"));
            assertTrue(asked.get(1).parametersJson().contains("0.3"), asked.get(1).parametersJson());
            for (VariantRequest r : asked) {
                assertTrue(r.started() != null && r.finished() != null, "each column's timing is kept");
                assertTrue(r.inputTokens() != null && r.inputTokens() > 0, "each column's own usage: " + r);
            }
            List<String> byOrigin = studio.generations().origins(story.story.id()).stream()
                    .filter(o -> o.generationId() == id).map(GenerationRepository.VariantOrigin::model).toList();
            assertEquals(List.of("claude-m1", "gpt-m2", "llama-m3"), byOrigin, "kept-by-model reads each variant's");
            List<Variant> kept = studio.generations().variants(id);
            assertEquals("Llama's waves broke.", kept.get(2).text());
        }
    }

    @Test
    void composingFromAMixedSetCountsEachPassageForItsOwnColumnsModel() throws Exception {
        Quire.Run run = generate(anthropicColumn(), openAiColumn("gpt-m2"), ollamaColumn());
        assertEquals(0, run.code(), run.toString());
        String generation = run.json().get("generation").asText();

        Quire.Run composed = quire.run("compose", "--story", Lighthouse.TITLE, "--scene", "2", "--generation",
                generation, "--take", "A:0-13", "--take", "C:0-13", "--accept", "--replace");
        assertEquals(0, composed.code(), composed.toString());

        JsonNode kept = quire.run("kept", "--story", Lighthouse.TITLE, "--scene", "2", "--json").json();
        java.util.Map<String, Integer> chars = new java.util.HashMap<>();
        kept.get("by_model").forEach(m -> chars.put(m.get("model").asText(), m.get("chars").asInt()));
        assertEquals("Claude's lamp".replace(" ", "").length(), chars.get("claude-m1"), kept.toString());
        assertEquals("Llama's waves".replace(" ", "").length(), chars.get("llama-m3"), kept.toString());
        assertEquals(0, chars.getOrDefault("gpt-m2", 0), "B's model wrote none of it");
        JsonNode spans = quire.run("show-scene", "--story", Lighthouse.TITLE, "--scene", "2", "--json").json()
                .get("spans");
        List<String> models = new ArrayList<>();
        spans.forEach(sp -> {
            if (sp.has("model")) {
                models.add(sp.get("label").asText() + ":" + sp.get("model").asText());
            }
        });
        assertTrue(models.containsAll(List.of("A:claude-m1", "C:llama-m3")), spans.toString());
    }

    @Test
    void whenOneProviderAnswers401TheOthersCompleteAndTheExitNamesTheFailedColumn() throws Exception {
        openai.answer = () -> Wire.jsonStatus(401, Wire.openAiErrorBody("Incorrect API key provided.",
                "invalid_request_error", "invalid_api_key")).build();

        Quire.Run run = generate(anthropicColumn(), openAiColumn("gpt-m2"), ollamaColumn());

        assertEquals(5, run.code(), "partial success: " + run);
        assertTrue(run.err().contains("column B (") && run.err().contains("gpt-m2"), run.err());
        assertFalse(run.err().contains(OPENAI_KEY), "no key in errors");
        JsonNode variants = run.json().get("variants");
        assertEquals("COMPLETE", variants.get(0).get("status").asText());
        assertEquals("FAILED", variants.get(1).get("status").asText());
        assertEquals("COMPLETE", variants.get(2).get("status").asText());
        try (Studio studio = quire.open()) {
            List<Variant> kept = studio.generations().variants(run.json().get("generation").asLong());
            assertEquals("Claude's lamp held.", kept.get(0).text());
            assertEquals(Variant.Status.FAILED, kept.get(1).status());
            assertEquals("Llama's waves broke.", kept.get(2).text());
        }
    }

    @Test
    void helpDescribesColumnsAndThePartialSuccessCode() {
        Quire.Run help = quire.run("generate", "--help");

        assertEquals(0, help.code());
        assertTrue(help.out().contains("--column=KEY=VALUE") && help.out().contains("instruction+"), help.out());
        assertTrue(help.out().contains("  5    with --column: some columns failed"), help.out());
    }

    @Test
    void aColumnWithAnUnknownKeyFailsBeforeAnythingIsSentNamingIt() {
        Quire.Run run = generate(anthropicColumn(), "provider=openai,colour=blue");

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--column B") && run.err().contains("colour"), run.err());
        assertEquals(0, anthropic.posts.size() + openai.posts.size() + ollama.posts.size());
    }

    @Test
    void aProviderWithNoKeyFailsBeforeAnythingIsSentNamingTheColumn() {
        quire.env.remove("ANTHROPIC_API_KEY");

        Quire.Run run = generate(ollamaColumn(), anthropicColumn());

        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("column B") && run.err().contains("needs a key"), run.err());
        assertEquals(0, anthropic.posts.size() + ollama.posts.size(), "nothing sent");
    }

    @Test
    void aModelTheProviderDoesNotOfferFailsBeforeAnythingIsSentNamingTheColumn() {
        Quire.Run run = generate(anthropicColumn(), openAiColumn("gpt-nonesuch"));

        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("column B") && run.err().contains("gpt-nonesuch")
                && run.err().contains("gpt-m2"), run.err());
        assertEquals(0, anthropic.posts.size() + openai.posts.size(), "nothing sent");
    }

    @Test
    void wordingsToOneCachingProviderKeepTheSharedPrefixByteForByte() throws Exception {
        Quire.Run run = generate(anthropicColumn(), anthropicColumn() + ",instruction+=WORDING-B she lies.",
                anthropicColumn() + ",instruction=WORDING-C Tomas never comes.");

        assertEquals(0, run.code(), run.toString());
        assertEquals(3, anthropic.posts.size(), "three wordings, three requests");
        List<JsonNode> bodies = anthropic.posts.stream().map(Wire::body).toList();
        for (JsonNode b : bodies) {
            assertEquals(bodies.get(0).get("system").toString(), b.get("system").toString(),
                    "the cached system prefix is the same bytes in every column");
        }
        List<String> users = anthropic.posts.stream().map(MixedColumnsCommandTest::userText).toList();
        assertTrue(users.stream().anyMatch(u -> u.contains("WORDING-B")));
        assertTrue(users.stream().anyMatch(u -> u.contains("WORDING-C") && !u.contains("SET-MARK")),
                "a replacement replaces the set's instruction");
    }

    @Test
    void columnsAskingTheSameOfOpenAiGoAsOneRequestWithN() throws Exception {
        openai.answer = () -> Wire.sse(Wire.openAiRole(0) + Wire.openAiRole(1) + Wire.openAiDelta(0, "One.")
                + Wire.openAiDelta(1, "Two.") + Wire.openAiFinish(0, "stop") + Wire.openAiFinish(1, "stop")
                + Wire.openAiUsage() + "data: [DONE]\n\n").build();

        Quire.Run run = generate(openAiColumn("gpt-m2"), ollamaColumn(), openAiColumn("gpt-m2"));

        assertEquals(0, run.code(), run.toString());
        assertEquals(1, openai.posts.size(), "A and C ask the same: one request");
        assertEquals(2, Wire.body(openai.posts.get(0)).get("n").asInt());
        JsonNode variants = run.json().get("variants");
        assertEquals("One.", variants.get(0).get("text").asText());
        assertEquals("Llama's waves broke.", variants.get(1).get("text").asText());
        assertEquals("Two.", variants.get(2).get("text").asText());
    }
}
