package dev.quire.continuity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.generate.Lighthouse;
import dev.quire.generate.Quire;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import mockwebserver3.MockWebServer;
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

/** {@code quire check-continuity} against a loopback OpenAI-compatible server. */
class ContinuityCommandTest {

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

    void loopbackProvider() {
        assertEquals(0, quire.run("provider", "add", "loop", "--kind", "openai-compatible", "--base-url",
                Wire.root(server) + "/v1", "--model", "check-model").code());
        assertEquals(0, quire.run("provider", "default", "loop").code());
    }

    void answer(String text) {
        server.enqueue(Wire.sse(Wire.openAi(text)).build());
    }

    @Test
    void jsonListsEachFindingWithWhereItIsOrNullWhenItIsNotThere() throws Exception {
        loopbackProvider();
        answer("```json\n[{\"quote\": \"Tomas brought the oil\", \"conflict\": \"Tomas fears the causeway.\", "
                + "\"source\": \"Tomas's sheet\"}, {\"quote\": \"Tomas flew\", \"conflict\": \"No one flies.\", "
                + "\"source\": \"canon 2\"}]\n```");

        Quire.Run run = quire.run("check-continuity", "--story", Lighthouse.TITLE, "--scene", "2", "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        assertEquals(List.of("scene", "findings"), names(json));
        assertEquals(2, json.get("scene").asInt());
        JsonNode found = json.get("findings").get(0);
        assertEquals(List.of("quote", "conflict", "source", "start", "end"), names(found));
        assertEquals("Tomas brought the oil", found.get("quote").asText());
        assertEquals("Tomas fears the causeway.", found.get("conflict").asText());
        assertEquals("Tomas's sheet", found.get("source").asText());
        assertEquals("Tomas brought the oil", Lighthouse.SCENE_2.substring(found.get("start").asInt(),
                found.get("end").asInt()));
        JsonNode notFound = json.get("findings").get(1);
        assertTrue(notFound.get("start").isNull() && notFound.get("end").isNull(), notFound.toString());
        JsonNode body = Wire.body(server.takeRequest());
        assertEquals("check-model", body.get("model").asText());
        String user = lastMessage(body);
        assertTrue(user.contains(Lighthouse.SCENE_2) && user.contains("SUMMARY-1-MARK"), user);
        assertEquals(1, server.getRequestCount());
        assertTrue(run.err().contains("2 findings in scene 2"), run.err());
    }

    @Test
    void stereotypesAreCheckedWithTheSameOutput() throws Exception {
        loopbackProvider();
        answer("[{\"quote\": \"Tomas brought the oil\", \"conflict\": \"The explainer.\", "
                + "\"source\": \"explainer\"}]");
        answer("[]");

        Quire.Run run = quire.run("check-continuity", "--story", Lighthouse.TITLE, "--scene", "2", "--stereotypes",
                "--json");
        Quire.Run none = quire.run("check-continuity", "--story", Lighthouse.TITLE, "--scene", "1", "--stereotypes");

        assertEquals(0, run.code(), run.toString());
        assertEquals("explainer", run.json().get("findings").get(0).get("source").asText());
        String system = Wire.body(server.takeRequest()).get("messages").get(0).get("content").asText();
        assertTrue(system.contains("stock reactions") && !system.contains("continuity editor"), system);
        assertEquals("No stereotypes found in scene 1.\n", none.out());
    }

    @Test
    void noFindingsSaysSoAndAnUnreadableAnswerExitsWithAProviderProblem() {
        loopbackProvider();
        answer("[]");
        answer("I could not find any JSON to give you.");

        Quire.Run none = quire.run("check-continuity", "--story", Lighthouse.TITLE, "--scene", "1");
        Quire.Run unreadable = quire.run("check-continuity", "--story", Lighthouse.TITLE, "--scene", "1");

        assertEquals(0, none.code(), none.toString());
        assertEquals("No contradictions found in scene 1.\n", none.out());
        assertEquals(4, unreadable.code(), unreadable.toString());
        assertTrue(unreadable.err().contains("could not be read as findings")
                && unreadable.err().contains("It began: “I could not find any JSON"), unreadable.err());
        assertTrue(unreadable.out().isEmpty(), unreadable.out());
    }

    @Test
    void aSceneThatIsNotThereOrNoProviderSendsNothing() {
        Quire.Run noProvider = quire.run("check-continuity", "--story", Lighthouse.TITLE, "--scene", "1");
        loopbackProvider();
        Quire.Run noScene = quire.run("check-continuity", "--story", Lighthouse.TITLE, "--scene", "9");

        assertEquals(4, noProvider.code(), noProvider.toString());
        assertTrue(noProvider.err().contains("No provider is set up"), noProvider.err());
        assertEquals(2, noScene.code(), noScene.toString());
        assertTrue(noScene.err().contains("has 3 scenes, so there is no scene 9"), noScene.err());
        assertEquals(0, server.getRequestCount());
    }

    static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static String lastMessage(JsonNode body) {
        JsonNode messages = body.get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }
}
