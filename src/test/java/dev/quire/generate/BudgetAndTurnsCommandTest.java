package dev.quire.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.model.Generation;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line never sends a prompt that cannot work (a profile whose window cannot hold its output, a budget
 * smaller than the frame and the instruction), and {@code generate --as NAME} stops the model at NAME's turn, in
 * each provider's own field.
 */
class BudgetAndTurnsCommandTest {

    static final String KEY = "sk-test-budget-0123456789";

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

    private int generations() {
        try (Studio studio = quire.open()) {
            return studio.database().read("count", c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM generation")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        }
    }

    // ---- never send a prompt that cannot work ----

    @Test
    void aProfileWhoseContextWindowCannotHoldItsOutputIsRefusedWithTheFigures() {
        Quire.Run run = quire.run("provider", "add", "tiny", "--kind", "anthropic", "--base-url", Wire.root(server),
                "--context", "1000", "--max-tokens", "2000");

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("context window (1,000 tokens)") && run.err().contains("(2,000 tokens)"),
                run.err());
        assertTrue(run.err().contains("lower the maximum output below 1,000"), "says what to change: " + run.err());
        assertTrue(run.err().contains("Run 'quire provider add --help'"), run.err());
        try (Studio studio = quire.open()) {
            assertTrue(studio.providers().profiles().isEmpty(), "nothing stored");
        }
        Quire.Run equal = quire.run("provider", "add", "tiny", "--kind", "anthropic", "--base-url", Wire.root(server),
                "--context", "2000", "--max-tokens", "2000");
        assertEquals(2, equal.code(), "a window equal to the output leaves nothing for the prompt: " + equal);
    }

    @Test
    void promptWithABudgetTooSmallForTheFrameAndInstructionExitsNonZeroNamingTheFigures() {
        Quire.Run run = quire.run("prompt", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction",
                "Tomas is late.", "--budget", "10");

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--budget is 10"), run.err());
        java.util.regex.Matcher needed = java.util.regex.Pattern.compile("alone take ([0-9,]+) tokens")
                .matcher(run.err());
        assertTrue(needed.find(), run.err());
        assertTrue(run.err().contains("Raise --budget to at least " + needed.group(1)), run.err());
        assertEquals("", run.out(), "no prompt is shown");
    }

    @Test
    void generateWithABudgetTooSmallSendsNothingAndSaysWhy() throws Exception {
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                Wire.root(server), "--model", "claude-test", "--context", "1200", "--max-tokens", "1000").code());
        assertEquals(0, quire.withInput(KEY + "\n", "provider", "key", "claude").code());
        assertEquals(0, quire.run("provider", "default", "claude").code());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction",
                "Tomas is late, and Mara waits at the top of the tower with the lamp unlit. ".repeat(20));

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("budget is 200") && run.err().contains("Nothing was sent."), run.err());
        assertTrue(run.err().contains("Raise the context window"), run.err());
        assertEquals(0, server.getRequestCount(), "no request reached the provider");
        assertEquals(0, generations(), "nothing recorded");

        // the output asked for on the command line can leave no room at all
        Quire.Run none = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction",
                "Tomas is late.", "--max-tokens", "1200");
        assertEquals(2, none.code(), none.toString());
        assertTrue(none.err().contains("budget is 0"), none.err());
        assertEquals(0, server.getRequestCount());
        assertEquals(0, generations());
    }

    @Test
    void summariesAndContinuityChecksThatCannotFitSendNothingEither() {
        assertEquals(0, quire.run("provider", "add", "tiny", "--kind", "ollama", "--base-url", Wire.root(server),
                "--model", "llama-test", "--context", "550", "--max-tokens", "500").code());

        Quire.Run summary = quire.run("summarize", "--story", Lighthouse.TITLE, "--scene", "1", "--yes");
        assertEquals(2, summary.code(), summary.toString());
        assertTrue(summary.err().contains("budget is 50") && summary.err().contains("Nothing was sent."),
                summary.err());
        assertFalse(summary.err().contains("unexpected error"), summary.err());

        Quire.Run check = quire.run("check-continuity", "--story", Lighthouse.TITLE, "--scene", "2");
        assertEquals(2, check.code(), check.toString());
        assertTrue(check.err().contains("The continuity check does not fit") && check.err().contains("budget is 50"),
                check.err());
        assertEquals(0, server.getRequestCount());
        assertEquals(0, generations());
    }

    // ---- co-writing turns ----

    @Test
    void asNameSendsAnthropicStopSequencesAndTheTurnsAndAStopSequenceEndingIsComplete() throws Exception {
        assertEquals(0, quire.run("provider", "add", "claude", "--kind", "anthropic", "--base-url",
                Wire.root(server), "--model", "claude-test").code());
        assertEquals(0, quire.withInput(KEY + "\n", "provider", "key", "claude").code());
        server.enqueue(Wire.sse(Wire.anthropicStart() + Wire.anthropicDelta("Tomas set the can down.")
                + Wire.anthropicEnd("stop_sequence")).build());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--provider", "claude",
                "--instruction", "Tomas arrives with the oil.", "--as", "mara");

        assertEquals(0, run.code(), run.toString());
        JsonNode body = Wire.body(server.takeRequest());
        assertEquals(List.of("\n\nMara", "\nMara:"), texts(body.get("stop_sequences")));
        String user = lastMessage(body);
        assertTrue(user.contains("The author plays Mara.") && user.contains("Never write Mara's"), user);
        try (Studio studio = quire.open()) {
            Generation g = studio.generations().get(1).orElseThrow();
            assertEquals(Generation.Status.COMPLETE, g.status(), "stopping at the writer's turn is a finished reply");
            assertEquals(List.of("\n\nMara", "\nMara:"), texts(Wire.JSON.readTree(g.parametersJson()).get("stop")),
                    "the library keeps the stops with the other parameters");
        }
    }

    @Test
    void asNameIsRepeatableAndOpenAiCompatibleServersGetAtMostFourStops() throws Exception {
        assertEquals(0, quire.run("provider", "add", "local", "--kind", "openai-compatible", "--base-url",
                Wire.root(server) + "/v1", "--model", "llama-test").code());
        server.setDispatcher(Wire.modelListQueue("vllm"));
        server.enqueue(Wire.sse(Wire.openAi("The oil ", "came.")).build());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction",
                "Ines watches from the quay.", "--as", "Mara", "--as", "Tomas", "--as", "Ines");

        assertEquals(0, run.code(), run.toString());
        JsonNode body = Wire.body(Wire.takeChat(server));
        assertEquals(List.of("\n\nMara", "\n\nTomas", "\n\nInes", "\nMara:"), texts(body.get("stop")),
                "the paragraph openings first, then as many name-and-colon lines as the limit leaves");
        assertTrue(lastMessage(body).contains("The author plays Mara, Tomas and Ines."), lastMessage(body));
    }

    @Test
    void asNameSendsOllamaItsStopOptionAndAnAliasNamesTheCharacter() throws Exception {
        assertEquals(0, quire.run("provider", "add", "local", "--kind", "ollama", "--base-url", Wire.root(server),
                "--model", "llama-test", "--context", "4096").code());
        server.enqueue(Wire.ndjson(Wire.ollama("Waves ", "broke.")).build());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "1", "--instruction",
                "Morning on the rock.", "--as", "the keeper");

        assertEquals(0, run.code(), run.toString());
        JsonNode body = Wire.body(server.takeRequest());
        assertEquals(List.of("\n\nMara", "\nMara:"), texts(body.get("options").get("stop")));
    }

    @Test
    void asAnUnknownNameSendsNothingAndListsTheCharacters() {
        assertEquals(0, quire.run("provider", "add", "local", "--kind", "ollama", "--base-url", Wire.root(server),
                "--model", "llama-test", "--context", "4096").code());

        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "1", "--instruction",
                "Morning.", "--as", "Nobody");

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("no character called “Nobody”") && run.err().contains("Mara, Tomas, Ines"),
                run.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void withoutAsNoStopIsSent() throws Exception {
        assertEquals(0, quire.run("provider", "add", "local", "--kind", "ollama", "--base-url", Wire.root(server),
                "--model", "llama-test", "--context", "4096").code());
        server.enqueue(Wire.ndjson(Wire.ollama("Waves.")).build());

        assertEquals(0, quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "1", "--instruction",
                "Morning.").code());
        RecordedRequest request = server.takeRequest();
        JsonNode options = Wire.body(request).get("options");
        assertTrue(options.get("stop") == null, options.toString());
    }

    // ---- one token figure ----

    @Test
    void thePromptsFigureIsTheOneTheGenerationRecordsAndSaysItIsAnEstimate() throws Exception {
        assertEquals(0, quire.run("provider", "add", "local", "--kind", "ollama", "--base-url", Wire.root(server),
                "--model", "llama-test", "--context", "4096").code());
        server.enqueue(Wire.ndjson(Wire.ollama("Waves.")).build());
        String instruction = "Tomas brings the oil; Mara counts the cans.";

        Quire.Run shown = quire.run("prompt", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction",
                instruction, "--json");
        assertEquals(0, shown.code(), shown.toString());
        int tokens = shown.json().get("tokens").asInt();
        assertEquals(false, shown.json().get("exact").asBoolean(), "a local model's count is an estimate");
        Quire.Run text = quire.run("prompt", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction",
                instruction);
        assertTrue(text.err().startsWith(String.format("≈%,d of ", tokens)) && text.err().contains("an estimate"),
                text.err());

        assertEquals(0, quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction",
                instruction).code());
        try (Studio studio = quire.open()) {
            Generation g = studio.generations().get(1).orElseThrow();
            assertEquals(tokens, g.usage().estimatedInputTokens(), "the same prompt, the same figure");
        }
    }

    @Test
    void promptShowsTheTurnsAndTheStopsForAsAndCountsForTheProviderAndModelNamed() throws Exception {
        assertEquals(0, quire.run("provider", "add", "local", "--kind", "ollama", "--base-url", Wire.root(server),
                "--model", "llama-test", "--context", "4096").code());
        assertEquals(0, quire.run("provider", "add", "router", "--kind", "openai-compatible", "--base-url",
                Wire.root(server) + "/v1", "--model", "openai/gpt-4o", "--context", "32000", "--max-tokens", "2000").code());
        assertEquals(0, quire.run("provider", "default", "local").code());

        Quire.Run shown = quire.run("prompt", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction",
                "Tomas arrives.", "--as", "Mara", "--provider", "router", "--json");
        assertEquals(0, shown.code(), shown.toString());
        JsonNode json = shown.json();
        assertEquals(List.of("\n\nMara", "\nMara:"), texts(json.get("stop")));
        assertTrue(json.get("exact").asBoolean(), "an OpenAI model is counted with its own encoding");
        assertEquals("o200k_base", json.get("counter").asText());
        assertEquals(32000 - 2000, json.get("budget").asInt(), "the router's budget, not the story's provider's");
        Quire.Run text = quire.run("prompt", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction",
                "Tomas arrives.", "--as", "Mara");
        assertTrue(text.err().contains("Stops at: “\\n\\nMara”, “\\nMara:” (the author's turn)."), text.err());
        assertTrue(text.out().contains("The author plays Mara."), text.out());

        server.setDispatcher(Wire.modelListQueue("vllm"));
        server.enqueue(Wire.sse(Wire.openAi("The oil came.")).build());
        assertEquals(0, quire.run("generate", "--story", Lighthouse.TITLE, "--scene", "2", "--instruction",
                "Tomas arrives.", "--as", "Mara", "--provider", "router").code());
        try (Studio studio = quire.open()) {
            assertEquals(json.get("tokens").asInt(), studio.generations().get(1).orElseThrow().usage()
                    .estimatedInputTokens(), "the figure shown is the figure recorded");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        assertTrue(array != null && array.isArray(), String.valueOf(array));
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String lastMessage(JsonNode body) {
        JsonNode messages = body.get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }
}
