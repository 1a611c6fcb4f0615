package dev.quire.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire usage} and {@code quire prices}, and usage with cost in {@code quire generate --json}, on the wire. */
class UsageCommandTest {

    static final String KEY = "sk-test-usage-0123456789";

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

    /** 40 uncached, 1,000 written to the cache, 2,000 read from it; 15 out. */
    static MockResponse cached() {
        String start = "event: message_start\n"
                + "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"m\",\"stop_reason\":null,"
                + "\"usage\":{\"input_tokens\":40,\"cache_creation_input_tokens\":1000,"
                + "\"cache_read_input_tokens\":2000,\"output_tokens\":1}}}\n\n";
        return Wire.sse(start + Wire.anthropicDelta("The lamp held.") + Wire.anthropicEnd("end_turn")).build();
    }

    private void claude(String model) {
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                Wire.root(server), "--model", model).code());
        assertEquals(0, quire.withInput(KEY + "\n", "provider", "key", "claude").code());
        assertEquals(0, quire.run("provider", "default", "claude").code());
    }

    /** Sonnet 4.5 as shipped: $3 in, $15 out, $3.75 cache write, $0.30 cache read per million. */
    static double sonnet() {
        return (40 * 3.0 + 15 * 15.0 + 1000 * 3.75 + 2000 * 0.30) / 1_000_000;
    }

    @Test
    void generateJsonCarriesEachVariantsUsageAndCostAndTheTotal() throws Exception {
        claude("claude-sonnet-4-5-20250929");
        server.enqueue(cached());
        server.enqueue(cached());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--variants", "2",
                "--instruction", "Go on.", "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode root = Wire.JSON.readTree(run.out());
        for (JsonNode v : root.get("variants")) {
            JsonNode u = v.get("usage");
            assertEquals(3040, u.get("input").asInt());
            assertEquals(2000, u.get("cachedInput").asInt());
            assertEquals(1000, u.get("cacheWrite").asInt());
            assertEquals(15, u.get("output").asInt());
            assertEquals(sonnet(), u.get("cost").asDouble(), 1e-12);
        }
        assertEquals(2 * sonnet(), root.get("usage").get("cost").asDouble(), 1e-12);
        assertEquals("USD", root.get("usage").get("currency").asText());
    }

    @Test
    void usageJsonAddsUpEveryRequestByModelAndDayAndPricesCanBeSet() throws Exception {
        claude("claude-sonnet-4-5");
        server.enqueue(cached());
        server.enqueue(cached());
        assertEquals(0, quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--variants", "2",
                "--instruction", "Go on.", "--json").code());

        Quire.Run usage = quire.run("usage", "--json");
        assertEquals(0, usage.code(), usage.toString());
        JsonNode root = Wire.JSON.readTree(usage.out());
        assertEquals(2, root.get("requests").asInt());
        assertEquals(6080, root.get("input").asLong());
        assertEquals(30, root.get("output").asLong());
        assertEquals(4000, root.get("cache_read").asLong());
        assertEquals(2000, root.get("cache_write").asLong());
        assertEquals(2 * sonnet(), root.get("cost").asDouble(), 1e-12);
        assertEquals("USD", root.get("currency").asText());
        assertEquals(1, root.get("by_model").size());
        assertEquals("claude", root.get("by_model").get(0).get("provider").asText());
        assertEquals("claude-sonnet-4-5", root.get("by_model").get(0).get("model").asText());
        assertEquals(1, root.get("by_day").size());
        assertEquals(LocalDate.now().toString(), root.get("by_day").get(0).get("day").asText());

        Quire.Run story = quire.run("usage", "--story", Lighthouse.TITLE, "--since", LocalDate.now().toString(),
                "--json");
        assertEquals(2, Wire.JSON.readTree(story.out()).get("requests").asInt(), story.toString());
        Quire.Run tomorrow = quire.run("usage", "--since", LocalDate.now().plusDays(1).toString(), "--json");
        assertEquals(0, Wire.JSON.readTree(tomorrow.out()).get("requests").asInt());

        Quire.Run set = quire.run("prices", "set", "claude", "claude-sonnet-4-5", "--input", "1", "--output", "2",
                "--cache-write", "1.25", "--cache-read", "0.1");
        assertEquals(0, set.code(), set.toString());
        double mine = 2 * (40 * 1.0 + 15 * 2.0 + 1000 * 1.25 + 2000 * 0.1) / 1_000_000;
        assertEquals(mine, Wire.JSON.readTree(quire.run("usage", "--json").out()).get("cost").asDouble(), 1e-12);

        Quire.Run list = quire.run("prices", "list", "--json");
        JsonNode prices = Wire.JSON.readTree(list.out());
        assertEquals("claude", prices.get(0).get("provider").asText(), "the writer's own first");
        assertEquals("yours", prices.get(0).get("source").asText());
        boolean shippedDated = false;
        for (JsonNode p : prices) {
            shippedDated |= p.get("source").asText().equals("shipped") && p.get("as_of").asText().matches("\\d{4}-.*");
        }
        assertTrue(shippedDated, "the shipped prices show their date");
    }

    @Test
    void theOneHourCacheIsAskedForOnTheWireAndItsWritesCostTheOneHourPrice() throws Exception {
        claude("claude-sonnet-4-5");
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url", Wire.root(server),
                "--model", "claude-sonnet-4-5", "--cache-ttl", "1h").code());
        server.enqueue(cached());
        assertEquals(0, quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction", "Go.")
                .code());

        JsonNode body = Wire.body(server.takeRequest());
        int oneHour = 0;
        for (JsonNode block : body.get("system")) {
            if (block.has("cache_control")) {
                assertEquals("1h", block.get("cache_control").get("ttl").asText());
                oneHour++;
            }
        }
        assertTrue(oneHour > 0);
        double cost = (40 * 3.0 + 15 * 15.0 + 1000 * 6.00 + 2000 * 0.30) / 1_000_000;
        assertEquals(cost, Wire.JSON.readTree(quire.run("usage", "--json").out()).get("cost").asDouble(), 1e-12);
        Quire.Run wrong = quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                Wire.root(server), "--cache-ttl", "2h");
        assertEquals(2, wrong.code(), wrong.toString());
    }

    @Test
    void anUnknownModelShowsTokensWithoutACost() throws Exception {
        claude("claude-mystery-9");
        server.enqueue(cached());
        assertEquals(0, quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction", "Go.")
                .code());

        JsonNode root = Wire.JSON.readTree(quire.run("usage", "--json").out());
        assertEquals(1, root.get("requests").asInt());
        assertEquals(3040, root.get("input").asLong());
        assertTrue(root.get("cost").isNull());
        assertTrue(root.get("by_model").get(0).get("cost").isNull());
    }
}
