package dev.quire.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.llm.ProviderProfile;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@code quire provider add --bans}: kept with the profile, and the story's avoid list goes out as bans. */
class BansCommandTest {

    @TempDir
    Path dir;

    Quire quire;
    MockWebServer server;
    long storyId;

    @BeforeEach
    void setUp() {
        quire = new Quire(dir);
        try (Studio studio = quire.open()) {
            storyId = Lighthouse.addTo(studio).story.id();
            for (String entry : studio.cliches().avoidList(storyId)) {
                studio.cliches().removeFromAvoidList(storyId, entry);
            }
            studio.cliches().addToAvoidList(storyId, "tapestry");
            studio.cliches().addToAvoidList(storyId, "Elara");
        }
        server = Wire.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aKoboldCppProfileSendsTheAvoidListAsBannedTokensAndKeepsTheSetting() throws Exception {
        assertEquals(0, quire.run("provider", "add", "kobold", "--kind", "openai-compatible", "--base-url",
                Wire.root(server) + "/v1", "--bans", "koboldcpp").code());
        try (Studio studio = quire.open()) {
            ProviderProfile kept = studio.providers().profiles().stream().filter(p -> p.name().equals("kobold"))
                    .findFirst().orElseThrow();
            assertEquals("koboldcpp", kept.bans());
        }
        server.enqueue(Wire.sse(Wire.openAi("The lamp held.")).build());
        Quire.Run run = quire.run("generate", "--story", Lighthouse.TITLE, "--provider", "kobold", "--instruction",
                "Tomas comes home.");
        assertEquals(0, run.code(), run.toString());

        JsonNode body = Wire.body(server.takeRequest());
        List<String> banned = new ArrayList<>();
        body.get("banned_tokens").forEach(n -> banned.add(n.asText()));
        assertEquals(List.of("tapestry", "Elara"), banned);
        assertFalse(body.has("logit_bias"));
    }

    @Test
    void anUnknownBansKindIsRefused() {
        Quire.Run run = quire.run("provider", "add", "local", "--kind", "openai-compatible", "--base-url",
                Wire.root(server) + "/v1", "--bans", "everything");
        assertNotEquals(0, run.code(), run.toString());
    }
}
