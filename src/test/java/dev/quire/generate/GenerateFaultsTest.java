package dev.quire.generate;

import dev.quire.testing.Wire;

import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.studio.Studio;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Provider faults through {@code quire generate}: the exit code, the message on stderr, and what the library keeps. */
class GenerateFaultsTest {

    static final String KEY = "sk-ant-faults-0123456789abcdef";

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
        quire.env.put("ANTHROPIC_API_KEY", KEY);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    Quire.Run generate(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--story", Lighthouse.TITLE,
                "--instruction", "Write the storm."));
        args.addAll(List.of(extra));
        return quire.run(args.toArray(new String[0]));
    }

    Quire.Run generateWithAnthropic() {
        return generate("--provider", "anthropic", "--base-url", Wire.root(server));
    }

    Generation lastGeneration(Studio studio) {
        long id = studio.database().read("test", c -> {
            try (var rs = c.createStatement().executeQuery("SELECT max(id) FROM generation")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return studio.generations().get(id).orElseThrow();
    }

    @Test
    void aRejectedKeyFailsWithTheFixOnStderrAndIsRecordedAsFailed() {
        server.enqueue(Wire.anthropicError(401, "authentication_error", "invalid x-api-key").build());

        Quire.Run run = generateWithAnthropic();

        assertEquals(4, run.code(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().contains("rejected the API key (401)"), run.err());
        assertTrue(run.err().contains("ANTHROPIC_API_KEY"), run.err());
        assertEquals(1, server.getRequestCount(), "never retried");
        try (Studio studio = quire.open()) {
            Generation g = lastGeneration(studio);
            assertEquals(Generation.Status.FAILED, g.status());
            assertTrue(g.error().contains("rejected the API key"), g.error());
            Variant v = studio.generations().variants(g.id()).get(0);
            assertEquals(Variant.Status.FAILED, v.status());
            assertTrue(v.error().contains("(401)"), v.error());
        }
    }

    @Test
    void anUnknownModelIsNamed() {
        server.enqueue(Wire.anthropicError(404, "not_found_error", "model: claude-nope").build());

        Quire.Run run = generate("--provider", "anthropic", "--base-url", Wire.root(server), "--model", "claude-nope");

        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("has no model “claude-nope” (404)"), run.err());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void ollamaNotRunningSaysSoAndHowToStartIt() {
        String nowhere = "http://127.0.0.1:" + Wire.closedPort();
        assertEquals(0, quire.run("provider", "add", "Ollama", "--kind", "ollama", "--base-url", nowhere).code());

        Quire.Run run = generate();

        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("Ollama is not running at " + nowhere), run.err());
        assertTrue(run.err().contains("ollama serve"), run.err());
        try (Studio studio = quire.open()) {
            assertEquals(Generation.Status.FAILED, lastGeneration(studio).status());
        }
    }

    @Test
    void aConnectionDroppedMidStreamKeepsThePartialTextAsIncomplete() {
        server.enqueue(Wire.droppedAfter("text/event-stream",
                Wire.anthropicStart() + Wire.anthropicDelta("Salt ") + Wire.anthropicDelta("spray")).build());

        Quire.Run run = generateWithAnthropic();

        assertEquals(4, run.code(), run.toString());
        assertEquals("Salt spray\n", run.out(), "the text that arrived was shown");
        assertTrue(run.err().contains("cut off after 10 characters, which are saved in generation"), run.err());
        assertTrue(run.err().contains("dropped in the middle of the reply"), run.err());
        assertEquals(1, server.getRequestCount(), "text was shown, so no retry");
        try (Studio studio = quire.open()) {
            Generation g = lastGeneration(studio);
            assertEquals(Generation.Status.PARTIAL, g.status());
            Variant v = studio.generations().variants(g.id()).get(0);
            assertEquals(Variant.Status.INCOMPLETE, v.status());
            assertEquals("Salt spray", v.text());
            assertTrue(v.error().contains("dropped"), v.error());
        }
    }

    @Test
    void aRateLimitIsRetriedThenSucceeds() {
        server.enqueue(Wire.anthropicError(429, "rate_limit_error", "Number of requests has exceeded your "
                + "per-minute rate limit").setHeader("retry-after", "0").build());
        server.enqueue(Wire.sse(Wire.anthropic("After ", "waiting")).build());

        Quire.Run run = generateWithAnthropic();

        assertEquals(0, run.code(), run.toString());
        assertEquals("After waiting\n", run.out());
        assertTrue(run.err().contains("limiting how fast requests may be sent (429)"), run.err());
        assertTrue(run.err().contains("Trying again in 0.0 s."), run.err());
        assertEquals(2, server.getRequestCount());
        try (Studio studio = quire.open()) {
            Generation g = lastGeneration(studio);
            assertEquals(Generation.Status.COMPLETE, g.status());
            assertEquals("After waiting", studio.generations().variants(g.id()).get(0).text());
        }
    }

    @Test
    void oneFailedVariantAmongSeveralMakesAPartialGenerationAndANonZeroExit() {
        server.enqueue(Wire.sse(Wire.anthropic("Kept.")).build());
        server.enqueue(Wire.anthropicError(400, "invalid_request_error", "temperature: range: 0..1").build());

        Quire.Run run = generate("--provider", "anthropic", "--base-url", Wire.root(server), "--variants", "2",
                "--json");

        assertEquals(4, run.code(), run.toString());
        List<String> statuses = List.of(run.json().get("variants").get(0).get("status").asText(),
                run.json().get("variants").get(1).get("status").asText());
        assertTrue(statuses.containsAll(List.of("COMPLETE", "FAILED")), statuses.toString());
        assertEquals("PARTIAL", run.json().get("status").asText());
        assertTrue(run.err().contains("temperature: range: 0..1"), run.err());
        assertTrue(run.err().contains("variant "), "several variants are named");
    }

    @Test
    void withNoProviderItSaysHowToAddOneAndSendsNothing() {
        Quire.Run run = generate();

        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("no provider is set up for “" + Lighthouse.TITLE + "”"), run.err());
        assertTrue(run.err().contains("quire provider add NAME --kind"), run.err());
        assertTrue(run.err().contains("--provider"), run.err());
        try (Studio studio = quire.open()) {
            assertEquals(0L, (long) studio.database().read("test", c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM generation")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }), "nothing recorded");
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, generate("--variants", "7").code());
        assertEquals(2, generate("--temperature", "3").code());
        assertEquals(2, generate("--scene", "9", "--provider", "anthropic").code());
        Quire.Run unknownStory = quire.run("generate", "--story", "Nope", "--instruction", "x");
        assertEquals(2, unknownStory.code());
        assertTrue(unknownStory.err().contains("There is no story “Nope”"), unknownStory.err());
        Quire.Run unknownProvider = generate("--provider", "nobody");
        assertEquals(2, unknownProvider.code());
        assertTrue(unknownProvider.err().contains("There is no provider named “nobody”"), unknownProvider.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aStoredKeyIsNotSentToAnotherBaseUrl() {
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                "https://api.anthropic.com").code());
        assertEquals(0, quire.withInput(KEY, "provider", "key", "claude").code());
        quire.env.remove("ANTHROPIC_API_KEY");

        Quire.Run run = generate("--provider", "claude", "--base-url", Wire.root(server));

        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("the key stored for “claude” is not sent to " + Wire.root(server)), run.err());
        assertTrue(run.err().contains("needs an API key"), run.err());
        assertEquals(0, server.getRequestCount(), "nothing went to the other address");
        assertFalse(run.err().contains(KEY));
    }
}
