package dev.quire.generate;

import dev.quire.testing.Wire;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire providers} and {@code quire provider add|remove|default|key}. */
class ProviderCommandsTest {

    static final String KEY = "sk-ant-provider-commands-0123456789";

    @TempDir
    Path dir;

    Quire quire;
    MockWebServer server;

    @BeforeEach
    void setUp() {
        quire = new Quire(dir);
        server = Wire.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    static JsonNode row(JsonNode list, String name) {
        for (JsonNode r : list) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no row " + name + " in " + list);
    }

    @Test
    void anAddedProfileIsListedWithWhereItsKeyComesFromAndWhetherItAnswers() throws Exception {
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                Wire.root(server) + "/", "--model", "claude-test", "--context", "100000", "--max-tokens", "2000")
                .code());
        Quire.Run added = quire.run("provider", "add", "gone", "--kind", "ollama", "--base-url",
                "http://127.0.0.1:" + Wire.closedPort());
        assertEquals(0, added.code(), added.toString());
        assertTrue(added.out().startsWith("Added provider “gone”: Ollama at http://127.0.0.1:"), added.out());

        JsonNode before = quire.run("providers", "--json", "--no-check").json();
        JsonNode claude = row(before, "claude");
        assertFalse(claude.get("builtIn").asBoolean());
        assertEquals("anthropic", claude.get("kind").asText());
        assertEquals(Wire.root(server), claude.get("baseUrl").asText(), "trailing slash dropped");
        assertEquals("claude-test", claude.get("defaultModel").asText());
        assertEquals(100000, claude.get("contextWindow").asInt());
        assertEquals(2000, claude.get("maxOutputTokens").asInt());
        assertEquals("missing", claude.get("key").get("source").asText());
        assertEquals("ANTHROPIC_API_KEY", claude.get("key").get("variable").asText());
        assertEquals("not needed", row(before, "gone").get("key").get("source").asText());
        assertEquals("not checked", claude.get("status").asText());
        for (String builtIn : new String[] {"anthropic", "openai", "openai-compatible", "ollama"}) {
            assertTrue(row(before, builtIn).get("builtIn").asBoolean(), builtIn);
        }

        Quire.Run stored = quire.withInput(KEY + "\n", "provider", "key", "claude");
        assertEquals(0, stored.code(), stored.toString());
        assertTrue(stored.out().contains("Stored the key for “claude” in " + quire.configDir.resolve("keys.json")),
                stored.out());
        assertTrue(Files.readString(quire.configDir.resolve("keys.json")).contains(KEY));
        server.enqueue(Wire.jsonStatus(200, "{\"data\":[{\"type\":\"model\",\"id\":\"claude-a\"},{\"type\":\"model\","
                + "\"id\":\"claude-b\"}],\"has_more\":false}").build());

        Quire.Run listed = quire.run("providers", "--json");

        assertEquals(0, listed.code(), listed.toString());
        JsonNode after = listed.json();
        assertEquals("stored", row(after, "claude").get("key").get("source").asText());
        assertEquals("reachable", row(after, "claude").get("status").asText());
        assertEquals(2, row(after, "claude").get("models").asInt());
        assertTrue(row(after, "claude").get("latencyMs").isNumber());
        assertEquals("unreachable", row(after, "gone").get("status").asText());
        assertTrue(row(after, "gone").get("message").asText().startsWith("Ollama is not running at"),
                row(after, "gone").toString());
        assertEquals("not checked", row(after, "anthropic").get("status").asText(), "no key: not contacted");
        assertTrue(row(after, "anthropic").get("message").asText().contains("ANTHROPIC_API_KEY"));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals(KEY, request.getHeaders().get("x-api-key"));
        assertTrue(request.getTarget().startsWith("/v1/models"));
        assertFalse(listed.out().contains(KEY));

        quire.env.put("ANTHROPIC_API_KEY", "sk-ant-from-the-environment-0123");
        assertEquals("environment", row(quire.run("providers", "--json", "--no-check").json(), "claude")
                .get("key").get("source").asText());
    }

    @Test
    void aCompatibleServerIsListedAsWhatItSaysItIsWithHowTheAvoidListReachesIt() {
        assertEquals(0, quire.run("provider", "add", "kobold", "--kind", "openai-compatible", "--base-url",
                Wire.root(server) + "/v1", "--model", "nemo").code());
        assertEquals("auto", row(quire.run("providers", "--json", "--no-check").json(), "kobold").get("bans").asText());
        server.enqueue(Wire.jsonStatus(200, "{\"object\":\"list\",\"data\":[{\"id\":\"koboldcpp/nemo\","
                + "\"object\":\"model\",\"owned_by\":\"koboldcpp\"}]}").build());

        JsonNode kobold = row(quire.run("providers", "--json").json(), "kobold");

        assertEquals("reachable", kobold.get("status").asText(), kobold.toString());
        assertEquals("koboldcpp", kobold.get("server").asText());
        assertTrue(row(quire.run("providers", "--json", "--no-check").json(), "kobold").get("server").isNull());
        server.enqueue(Wire.jsonStatus(200, "{\"object\":\"list\",\"data\":[{\"id\":\"koboldcpp/nemo\","
                + "\"owned_by\":\"koboldcpp\"}]}").build());
        Quire.Run text = quire.run("providers");
        assertTrue(text.out().contains("bans      automatic: KoboldCpp, the avoid list goes as banned_tokens"),
                text.out());
    }

    @Test
    void theTextListingShowsTheDefaultTheKeyAndTheStatusButNeverTheKey() {
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                Wire.root(server)).code());
        assertEquals(0, quire.withInput(KEY, "provider", "key", "claude").code());
        assertEquals(0, quire.run("provider", "default", "claude").code());
        server.enqueue(Wire.anthropicError(401, "authentication_error", "invalid x-api-key " + KEY).build());

        Quire.Run run = quire.run("providers");

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().startsWith("claude  (default)\n  kind      Anthropic\n  base URL  " + Wire.root(server)),
                run.out());
        assertTrue(run.out().contains("  key       stored outside the library"), run.out());
        assertTrue(run.out().contains("  status    unreachable: claude at " + Wire.root(server)
                + " rejected the API key (401)."), run.out());
        assertTrue(run.out().contains("Built in (name one with --provider; defaults shown):"), run.out());
        assertFalse(run.out().contains(KEY), run.out());
        assertEquals("claude\n", quire.run("provider", "default").out());
    }

    @Test
    void defaultAcceptsAKindAndRemoveForgetsTheProfileAndItsKey() throws Exception {
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                "https://api.anthropic.com").code());
        assertEquals(0, quire.withInput(KEY, "provider", "key", "claude").code());
        assertEquals(0, quire.run("provider", "default", "ollama").code());
        assertTrue(row(quire.run("providers", "--json", "--no-check").json(), "ollama").get("default").asBoolean());
        assertEquals(2, quire.run("provider", "default", "nobody").code());

        Quire.Run removed = quire.run("provider", "remove", "claude");

        assertEquals(0, removed.code(), removed.toString());
        assertFalse(Files.readString(quire.configDir.resolve("keys.json")).contains(KEY), "its key went too");
        JsonNode list = quire.run("providers", "--json", "--no-check").json();
        for (JsonNode r : list) {
            assertFalse(r.get("name").asText().equals("claude"));
        }
        Quire.Run builtIn = quire.run("provider", "remove", "anthropic");
        assertEquals(2, builtIn.code());
        assertTrue(builtIn.err().contains("built in and cannot be removed"), builtIn.err());
        assertEquals(2, quire.run("provider", "remove", "claude").code());
    }

    @Test
    void aKeyIsTakenOnlyFromStandardInputAndNeverRepeated() {
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                "https://api.anthropic.com").code());

        Quire.Run asArgument = quire.run("provider", "key", "claude", KEY);
        Quire.Run empty = quire.withInput("\n", "provider", "key", "claude");
        Quire.Run twoLines = quire.withInput(KEY + "\nsecond line\n", "provider", "key", "claude");

        assertEquals(2, asArgument.code());
        assertTrue(asArgument.err().contains("never from an argument"), asArgument.err());
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("no key arrived on standard input"), empty.err());
        assertEquals(1, twoLines.code());
        for (Quire.Run run : quire.runs) {
            assertFalse(run.out().contains(KEY) || run.err().contains(KEY), run.toString());
        }
        assertFalse(Files.exists(quire.configDir.resolve("keys.json")), "nothing was stored");

        assertEquals(0, quire.withInput("  " + KEY + "\r\n", "provider", "key", "anthropic").code());
        assertEquals("stored", row(quire.run("providers", "--json", "--no-check").json(), "anthropic").get("key")
                .get("source").asText(), "a built-in kind can hold a stored key");
        assertEquals(0, quire.run("provider", "key", "anthropic", "--forget").code());
        assertEquals("missing", row(quire.run("providers", "--json", "--no-check").json(), "anthropic").get("key")
                .get("source").asText());
    }

    @Test
    void aProfileThatCannotWorkIsRefusedWithTheReason() {
        Quire.Run plainHttp = quire.run("provider", "add", "far", "--kind", "openai-compatible", "--base-url",
                "http://example.com/v1");
        Quire.Run badKind = quire.run("provider", "add", "odd", "--kind", "gemini", "--base-url",
                "https://example.com");

        assertEquals(2, plainHttp.code());
        assertTrue(plainHttp.err().contains("Plain http is only allowed for this computer or your local network"),
                plainHttp.err());
        assertEquals(2, badKind.code());
        assertTrue(badKind.err().contains("--kind must be one of anthropic, openai, openai-compatible, ollama"),
                badKind.err());
    }

    @Test
    void anOpenRouterProfileGetsItsAttributionHeaders() {
        assertEquals(0, quire.run("provider", "add", "router", "--kind", "openai-compatible", "--base-url",
                "https://openrouter.ai/api/v1").code());

        JsonNode row = row(quire.run("providers", "--json", "--no-check").json(), "router");

        assertEquals("OPENROUTER_API_KEY", row.get("key").get("variable").asText());
        assertEquals("anthropic/claude-sonnet-4.5", row.get("defaultModel").asText(), "the preset's model");
    }
}
