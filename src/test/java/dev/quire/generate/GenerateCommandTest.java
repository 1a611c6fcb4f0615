package dev.quire.generate;

import dev.quire.testing.Wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.studio.Studio;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire generate} against a loopback server speaking each of the four wire formats. */
class GenerateCommandTest {

    static final String KEY = "sk-test-generate-0123456789";

    @TempDir
    Path dir;

    Quire quire;
    MockWebServer server;
    Lighthouse story;

    @BeforeEach
    void setUp() {
        quire = new Quire(dir);
        try (Studio studio = quire.open()) {
            story = Lighthouse.addTo(studio);
        }
        server = Wire.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    Generation onlyGeneration(Studio studio) {
        List<Generation> all = studio.database().read("test", c -> {
            List<Generation> out = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT id FROM generation ORDER BY id")) {
                while (rs.next()) {
                    out.add(studio.generations().get(rs.getLong(1)).orElseThrow());
                }
            }
            return out;
        });
        assertEquals(1, all.size(), "one generation recorded");
        return all.get(0);
    }

    /** A dispatcher answering each request with the next of {@code bodies}, so fanned-out variants differ. */
    static Dispatcher inTurn(List<MockResponse> responses) {
        AtomicInteger next = new AtomicInteger();
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return responses.get(next.getAndIncrement() % responses.size());
            }
        };
    }

    @Test
    void anthropicStreamsTheSceneAndRecordsExactlyWhatWasSentWithItsUsage() throws Exception {
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                Wire.root(server), "--model", "claude-test").code());
        Quire.Run stored = quire.withInput(KEY + "\n", "provider", "key", "claude");
        assertEquals(0, stored.code(), stored.toString());
        assertFalse(stored.out().contains(KEY));
        assertEquals(0, quire.run("provider", "default", "claude").code());
        server.enqueue(Wire.sse(Wire.anthropic("The lamp ", "held.\n", "Tomas did not come.")).build());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2",
                "--instruction", "INSTRUCTION-MARK: Tomas is late.", "--max-tokens", "500", "--temperature", "0.6");

        assertEquals(0, run.code(), run.toString());
        assertEquals("The lamp held.\nTomas did not come.\n", run.out(), "one variant streams plain");
        assertTrue(run.err().contains("complete (end_turn)"), run.err());

        RecordedRequest request = server.takeRequest();
        assertEquals("/v1/messages", request.getTarget());
        assertEquals(KEY, request.getHeaders().get("x-api-key"));
        JsonNode body = Wire.body(request);
        assertEquals("claude-test", body.get("model").asText());
        assertEquals(500, body.get("max_tokens").asInt());
        JsonNode system = body.get("system");
        assertTrue(system.get(1).get("text").asText().contains(Lighthouse.PREMISE));
        assertEquals("ephemeral", system.get(1).get("cache_control").get("type").asText(),
                "the bible ends the cached prefix");
        assertFalse(system.get(0).has("cache_control"), "the frame's own words go with the bible's breakpoint");
        int marked = 0;
        for (JsonNode block : system) {
            marked += block.has("cache_control") ? 1 : 0;
        }
        assertTrue(marked <= 4, "at most four breakpoints");

        try (Studio studio = quire.open()) {
            Generation g = onlyGeneration(studio);
            assertEquals(story.scenes.get(1).id(), g.sceneId());
            assertEquals("claude", g.provider());
            assertEquals("claude-test", g.model());
            assertEquals(Generation.Status.COMPLETE, g.status());
            assertTrue(g.messagesJson().contains("PREMISE-MARK"), g.messagesJson());
            assertTrue(g.messagesJson().contains("INSTRUCTION-MARK: Tomas is late."), g.messagesJson());
            assertTrue(g.messagesJson().contains("SCENE-2-MARK"), "the scene so far");
            assertFalse(g.messagesJson().contains("PRIVATE-NOTE-MARK"));
            JsonNode sent = Wire.JSON.readTree(g.messagesJson());
            assertEquals(system.size(), sent.get("system").size(), "recorded as sent");
            for (int i = 0; i < system.size(); i++) {
                assertEquals(system.get(i).get("text").asText(), sent.get("system").get(i).get("text").asText());
            }
            assertEquals(body.get("messages").get(0).get("content").asText(),
                    sent.get("messages").get(0).get("text").asText());
            JsonNode parameters = Wire.JSON.readTree(g.parametersJson());
            assertEquals(500, parameters.get("maxOutputTokens").asInt());
            assertEquals(0.6, parameters.get("temperature").asDouble());
            assertTrue(g.usage().estimatedInputTokens() > 50);
            assertEquals(130, g.usage().inputTokens(), "25 uncached + 5 written + 100 read from the cache");
            assertEquals(15, g.usage().outputTokens());
            assertEquals(100, g.usage().cachedInputTokens());
            Variant v = studio.generations().variants(g.id()).get(0);
            assertEquals("The lamp held.\nTomas did not come.", v.text());
            assertEquals(Variant.Status.COMPLETE, v.status());
            assertEquals("end_turn", v.stopReason());
            assertNull(v.error());
        }
    }

    @Test
    void openAiAsksForThreeVariantsInOneRequestAndLabelsTheirLines() throws Exception {
        quire.env.put("OPENAI_API_KEY", KEY);
        server.enqueue(Wire.sse(Wire.openAiRole(0) + Wire.openAiRole(1) + Wire.openAiRole(2)
                + Wire.openAiDelta(0, "Alpha one\nAlpha ") + Wire.openAiDelta(1, "Beta one\n")
                + Wire.openAiDelta(2, "Gamma one") + Wire.openAiDelta(0, "two") + Wire.openAiDelta(1, "Beta two")
                + Wire.openAiFinish(0, "stop") + Wire.openAiFinish(1, "length") + Wire.openAiFinish(2, "stop")
                + Wire.openAiUsage() + "data: [DONE]\n\n").build());

        Quire.Run run = quire.run("generate", "--story", String.valueOf(story.story.id()), "--provider", "openai",
                "--base-url", Wire.root(server) + "/v1", "--model", "gpt-test", "--variants", "3",
                "--instruction", "INSTRUCTION-MARK: the storm arrives.");

        assertEquals(4, run.code(), "variant B was cut off at the output limit: " + run);
        assertTrue(run.err().contains("variant B: cut off at the output limit"), run.err());
        List<String> lines = List.of(run.out().split("\n"));
        assertTrue(lines.containsAll(List.of("[A] Alpha one", "[A] Alpha two", "[B] Beta one", "[B] Beta two",
                "[C] Gamma one")), run.out());
        assertEquals(5, lines.size(), run.out());
        assertTrue(lines.indexOf("[A] Alpha one") < lines.indexOf("[A] Alpha two"));
        assertEquals(1, server.getRequestCount(), "native n: one request");
        RecordedRequest request = server.takeRequest();
        assertEquals("/v1/chat/completions", request.getTarget());
        assertEquals("Bearer " + KEY, request.getHeaders().get("Authorization"));
        JsonNode body = Wire.body(request);
        assertEquals(3, body.get("n").asInt());
        assertTrue(body.has("max_completion_tokens"));
        assertEquals("system", body.get("messages").get(0).get("role").asText());
        assertTrue(body.get("messages").get(0).get("content").asText().contains("SCENE-3-MARK"),
                "a new scene follows the last one");

        try (Studio studio = quire.open()) {
            Generation g = onlyGeneration(studio);
            assertNull(g.sceneId(), "a new scene");
            assertEquals("OpenAI", g.provider());
            assertEquals("gpt-test", g.model());
            assertEquals(3, g.variantCount());
            assertEquals(Generation.Status.PARTIAL, g.status(), "B was cut off");
            assertEquals(9, g.usage().inputTokens(), "one request's usage, counted once");
            assertEquals(12, g.usage().outputTokens());
            assertEquals(4, g.usage().cachedInputTokens());
            List<Variant> variants = studio.generations().variants(g.id());
            assertEquals("Alpha one\nAlpha two", variants.get(0).text());
            assertEquals("Beta one\nBeta two", variants.get(1).text());
            assertEquals("length", variants.get(1).stopReason());
            assertEquals("Gamma one", variants.get(2).text());
            assertEquals(List.of(Variant.Status.COMPLETE, Variant.Status.CUT_OFF, Variant.Status.COMPLETE),
                    variants.stream().map(Variant::status).toList());
            for (Variant v : variants) {
                assertNull(v.outputTokens(), "one request served all three: no variant's own count is known");
            }
        }
    }

    @Test
    void jsonListsEachVariantsClichesWithOffsetsIntoItsText() throws Exception {
        server.setDispatcher(inTurn(List.of(
                Wire.sse(Wire.openAi("Elara paused. A shiver ran ", "down her spine.")).build(),
                Wire.sse(Wire.openAi("The keeper lit ", "the lamp.")).build())));

        Quire.Run run = quire.run("generate", "--story", "the lighthouse", "--provider", "openai-compatible",
                "--base-url", Wire.root(server) + "/v1", "--variants", "2", "--max-tokens", "64", "--json",
                "--instruction", "The keeper's first night.");

        assertEquals(0, run.code(), run.toString());
        JsonNode variants = run.json().get("variants");
        JsonNode withClichés = variants.get(0).get("text").asText().startsWith("Elara") ? variants.get(0)
                : variants.get(1);
        JsonNode clean = withClichés == variants.get(0) ? variants.get(1) : variants.get(0);
        String text = withClichés.get("text").asText();
        List<String> found = new java.util.ArrayList<>();
        for (JsonNode f : withClichés.get("findings")) {
            assertEquals(f.get("text").asText(), text.substring(f.get("start").asInt(), f.get("end").asInt()));
            found.add(f.get("kind").asText() + ":" + f.get("text").asText());
        }
        assertEquals(List.of("name:Elara", "phrase:shiver ran down her spine"), found);
        assertEquals(0, clean.get("findings").size());
    }

    @Test
    void anOpenAiCompatibleServerGetsOneRequestPerVariantAndJsonListsThemAll() throws Exception {
        server.setDispatcher(Wire.answeringModelList("vllm", inTurn(List.of(
                Wire.sse(Wire.openAi("First ", "take.")).build(),
                Wire.sse(Wire.openAi("Second ", "take.")).build(),
                Wire.sse(Wire.openAi("Third ", "take.")).build()))));

        Quire.Run run = quire.run("generate", "--story", "the lighthouse", "--provider", "openai-compatible",
                "--base-url", Wire.root(server) + "/v1", "--variants", "3", "--max-tokens", "64", "--json",
                "--instruction", "INSTRUCTION-MARK: three ways to end it.");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        assertEquals(3, json.get("variants").size());
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            JsonNode v = json.get("variants").get(i);
            assertEquals(i, v.get("index").asInt());
            assertEquals("COMPLETE", v.get("status").asText());
            assertEquals("stop", v.get("stopReason").asText());
            assertEquals(9, v.get("usage").get("input").asInt());
            assertEquals(12, v.get("usage").get("output").asInt());
            assertEquals(4, v.get("usage").get("cachedInput").asInt());
            assertTrue(v.get("error").isNull());
            texts.add(v.get("text").asText());
        }
        assertEquals(Set.of("First take.", "Second take.", "Third take."), texts);
        List<RecordedRequest> chats = new java.util.ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest request = server.takeRequest();
            if (!request.getTarget().endsWith("/models")) {
                chats.add(request);
            }
        }
        assertEquals(3, chats.size(), "fan-out: one request per variant");
        for (RecordedRequest request : chats) {
            assertNull(request.getHeaders().get("Authorization"), "a local compatible server gets no key");
            JsonNode body = Wire.body(request);
            assertFalse(body.has("n") && body.get("n").asInt() > 1, "no native n");
            assertEquals(64, body.get("max_tokens").asInt());
        }

        try (Studio studio = quire.open()) {
            Generation g = onlyGeneration(studio);
            assertEquals(json.get("generation").asLong(), g.id());
            assertEquals(27, g.usage().inputTokens(), "three requests, each with its own input");
            assertEquals(36, g.usage().outputTokens());
            Set<String> stored = new HashSet<>();
            for (Variant v : studio.generations().variants(g.id())) {
                stored.add(v.text());
                assertEquals(Variant.Status.COMPLETE, v.status());
            }
            assertEquals(texts, stored);
        }
    }

    @Test
    void ollamaStreamsNdjsonWithItsOptionsAndNeedsNoKey() throws Exception {
        assertEquals(0, quire.run("provider", "add", "local", "--kind", "ollama", "--base-url", Wire.root(server),
                "--model", "llama-test", "--context", "4096").code());
        server.setDispatcher(inTurn(List.of(
                Wire.ndjson(Wire.ollama("Waves ", "broke.")).build(),
                Wire.ndjson(Wire.ollama("Gulls ", "cried.")).build())));

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "1", "--variants", "2",
                "--max-tokens", "300", "--temperature", "0.7", "--instruction", "INSTRUCTION-MARK: morning.");

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("] Waves broke.\n"), run.out());
        assertTrue(run.out().contains("] Gulls cried.\n"), run.out());
        assertEquals(2, server.getRequestCount());
        RecordedRequest request = server.takeRequest();
        assertEquals("/api/chat", request.getTarget());
        assertNull(request.getHeaders().get("Authorization"));
        JsonNode body = Wire.body(request);
        assertEquals("llama-test", body.get("model").asText());
        assertEquals(300, body.get("options").get("num_predict").asInt());
        assertEquals(4096, body.get("options").get("num_ctx").asInt());
        assertEquals(0.7, body.get("options").get("temperature").asDouble());
        String userText = body.get("messages").get(body.get("messages").size() - 1).get("content").asText();
        assertTrue(userText.contains("SCENE-1-MARK") && userText.endsWith("INSTRUCTION-MARK: morning."), userText);

        try (Studio studio = quire.open()) {
            Generation g = onlyGeneration(studio);
            assertEquals("local", g.provider(), "the only profile is the story's provider");
            assertEquals(Generation.Status.COMPLETE, g.status());
            assertEquals(52, g.usage().inputTokens());
            assertEquals(564, g.usage().outputTokens());
            Set<String> stored = new HashSet<>();
            for (Variant v : studio.generations().variants(g.id())) {
                stored.add(v.text());
                assertEquals("stop", v.stopReason());
            }
            assertEquals(Set.of("Waves broke.", "Gulls cried."), stored);
        }
    }

    @Test
    void continueAtAndRewriteChooseWhatIsSentAndAreRecorded() throws Exception {
        server.setDispatcher(Wire.modelListQueue("vllm")); // asked once what it is: the story has an avoid list
        server.enqueue(Wire.sse(Wire.openAi("on and on")).build());
        server.enqueue(Wire.sse(Wire.openAi("Tomás")).build());
        String local = Wire.root(server) + "/v1";

        Quire.Run continuing = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--continue-at",
                "12", "--provider", "openai-compatible", "--base-url", local);
        Quire.Run rewriting = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--rewrite", "13:18",
                "--frame", "Rewrite a passage", "--instruction", "INSTRUCTION-MARK: a Portuguese name.",
                "--provider", "openai-compatible", "--base-url", local);

        assertEquals(0, continuing.code(), continuing.toString());
        assertEquals("on and on\n", continuing.out());
        assertTrue(continuing.err().contains("continuing scene 2 from character 12, from"), continuing.err());
        JsonNode first = Wire.body(Wire.takeChat(server));
        JsonNode messages = first.get("messages");
        assertEquals("Here is scene 2, “Oil”, so far:\n\nSCENE-2-MARK\n\nContinue from where the text stops.",
                messages.get(messages.size() - 1).get("content").asText());
        assertFalse(first.toString().contains("Tomas brought the oil"), "nothing after the cursor");

        assertEquals(0, rewriting.code(), rewriting.toString());
        assertTrue(rewriting.err().contains("rewriting characters 13 to 18 of scene 2, from"), rewriting.err());
        messages = Wire.body(Wire.takeChat(server)).get("messages");
        String user = messages.get(messages.size() - 1).get("content").asText();
        assertTrue(user.contains("SCENE-2-MARK [PASSAGE TO REWRITE] brought the oil across the causeway."), user);
        assertTrue(user.contains("<passage>\nTomas\n</passage>\n\nRewrite as follows: INSTRUCTION-MARK: a "
                + "Portuguese name."), user);

        try (Studio studio = quire.open()) {
            List<Generation> both = studio.database().read("test", c -> {
                List<Generation> out = new java.util.ArrayList<>();
                try (var rs = c.createStatement().executeQuery("SELECT id FROM generation ORDER BY id")) {
                    while (rs.next()) {
                        out.add(studio.generations().get(rs.getLong(1)).orElseThrow());
                    }
                }
                return out;
            });
            assertEquals(List.of("continue", "rewrite"), both.stream().map(Generation::frame).toList());
            JsonNode rewrite = Wire.JSON.readTree(both.get(1).parametersJson());
            assertEquals("REWRITE", rewrite.get("mode").asText());
            assertEquals(13, rewrite.get("anchorStart").asInt());
            assertEquals(18, rewrite.get("anchorEnd").asInt());
        }
    }

    @Test
    void badPlacesAndFramesAreUsageErrorsAndSendNothing() {
        String local = Wire.root(server) + "/v1";
        int length = Lighthouse.SCENE_2.length();
        String[][] cases = {
                {"--continue-at needs --scene", "--continue-at", "3"},
                {"--rewrite needs --scene", "--rewrite", "1:3", "--instruction", "x"},
                {"no place " + (length + 1) + " in it to continue from", "--scene", "2", "--continue-at",
                        String.valueOf(length + 1)},
                {"--continue-at counts characters from 0, not -2", "--scene", "2", "--continue-at", "-2"},
                {"selects nothing: END must come after START", "--scene", "2", "--rewrite", "5:5", "--instruction",
                        "x"},
                {"--rewrite takes START:END", "--scene", "2", "--rewrite", "five", "--instruction", "x"},
                {"runs past its end", "--scene", "2", "--rewrite", "3:" + (length + 9), "--instruction", "x"},
                {"do not go together", "--scene", "2", "--rewrite", "1:3", "--continue-at", "2", "--instruction",
                        "x"},
                {"--instruction is missing: say how to rewrite the passage", "--scene", "2", "--rewrite", "1:3"},
                {"--instruction is missing: say what the scene should do", "--scene", "2"},
                {"There is no frame “nope”", "--scene", "2", "--frame", "nope", "--instruction", "x"},
                {"has no {{passage}} slot", "--scene", "2", "--rewrite", "1:3", "--frame", "scene",
                        "--instruction", "x"},
        };
        for (String[] c : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("generate", "--story", Lighthouse.TITLE,
                    "--provider", "openai-compatible", "--base-url", local));
            args.addAll(List.of(c).subList(1, c.length));
            Quire.Run run = quire.run(args.toArray(new String[0]));
            assertEquals(2, run.code(), String.join(" ", args) + "\n" + run);
            assertTrue(run.err().contains(c[0]), c[0] + " in\n" + run.err());
        }
        assertEquals(0, server.getRequestCount(), "nothing sent");
        try (Studio studio = quire.open()) {
            assertEquals(0L, (long) studio.database().read("test", c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM generation")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }), "nothing recorded");
        }
    }
}
