package dev.quire.ui.settings;

import dev.quire.ui.StudioWindow;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Providers page in the real window: add a local server from a preset, save it, test the connection. */
class ProvidersWindowTest extends StudioWindow {

    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void addingALocalServerAndTestingItShowsTheLatency() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":\"length\"}]}").build());
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[{\"id\":\"local-model\"}]}").build());
        server.start();
        start();
        waitForOpenScene();

        shortcut(KeyCode.COMMA);
        clickOn("Add provider");
        clickOn("LM Studio  ·  http://localhost:1234/v1");
        TextField baseUrl = lookup((TextField f) -> "http://localhost:1234/v1".equals(f.getText())).query();
        onFx(() -> baseUrl.setText(server.url("/v1").toString().replaceAll("/$", "")));
        clickOn("Save");
        waitUntil("the profile is saved as the default", () -> lookup(".page-message").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("Saved \"LM Studio\"")));
        clickOn("Test connection");

        waitUntil("the test passed", () -> lookup(".test-passed").tryQuery().isPresent());
        String result = fx(() -> lookup(".test-passed").queryLabeled().getText());
        assertEquals(true, result.matches("Connected: local-model answered in \\d+ ms\\. 1 model available\\."),
                result);
        assertEquals("/v1/chat/completions", server.takeRequest().getUrl().encodedPath());
    }

    @Test
    void aRejectedKeySaysWhatToDoWithoutNamingACommand() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
                        + "\"code\":\"invalid_api_key\"}}").build());
        server.start();
        start();
        waitForOpenScene();

        shortcut(KeyCode.COMMA);
        clickOn("Add provider");
        clickOn("LM Studio  ·  http://localhost:1234/v1");
        TextField baseUrl = lookup((TextField f) -> "http://localhost:1234/v1".equals(f.getText())).query();
        onFx(() -> baseUrl.setText(server.url("/v1").toString().replaceAll("/$", "")));
        clickOn("Save");
        waitUntil("the profile is saved", () -> lookup(".page-message").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("Saved \"LM Studio\"")));
        clickOn("Test connection");

        waitUntil("the test failed", () -> lookup(".test-failed").tryQuery().isPresent());
        String result = fx(() -> lookup(".test-failed").queryLabeled().getText());
        assertEquals(true, result.toLowerCase(java.util.Locale.ROOT).contains("key"), result);
        assertEquals(false, result.contains("quire "), "the window names no command: " + result);
        assertEquals(false, fx(() -> lookup((Label l) -> l.getText() != null && l.getText().contains("`quire "))
                .tryQuery().isPresent()), "no label on the page names a command");
    }

    @Test
    void withNoProviderThePageSaysHowToAddOne() throws TimeoutException {
        start();
        waitForOpenScene();

        shortcut(KeyCode.COMMA);

        waitUntil("the empty page explains", () -> lookup((Label l) -> l.getText() != null
                && l.getText().startsWith("No providers yet. With “Add provider”")).tryQuery().isPresent());
    }
}
