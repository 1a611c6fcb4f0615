package dev.quire.ui.chat;

import dev.quire.testing.Wire;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.Message;
import dev.quire.studio.Studio;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.prose.ProseArea;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat view in the real window against a loopback server speaking the OpenAI-compatible wire
 * format: send a message, receive a streamed reply, regenerate, swipe back, and pin a passage as a fact.
 */
class ChatWindowTest extends StudioWindow {

    private MockWebServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sendRegenerateSwipeAndPinAFact() throws Exception {
        server = Wire.start();
        server.enqueue(Wire.sse(Wire.openAi("Bert keeps ", "the *crossed sevens* ", "secret from pride.")).build());
        server.enqueue(Wire.sse(Wire.openAi("Maud never asked ", "to be thanked.")).build());
        // the provider is set up before the window opens, from a second connection as the command line would
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            setup.providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                    server.url("/v1").toString().replaceAll("/$", ""), "local", 32_000, 500), null);
            setup.providers().setDefaultProfile("loop");
        }
        start();
        waitForOpenScene();

        // Conversations → New brainstorm, from the binder's + menu
        clickOn(".binder-add");
        clickOn("New brainstorm");
        waitUntil("the chat opens", () -> lookup(".chat-view").tryQuery().isPresent());
        clickOn(".chat-view .text-area");
        write("Why does Bert hide the crossed sevens?");
        shortcut(KeyCode.ENTER);

        waitUntil("the reply has streamed in", () -> rows().size() == 2
                && rows().get(1).textProperty().get().equals("Bert keeps the *crossed sevens* secret from pride.")
                && !rows().get(1).streamingProperty().get());

        clickOn("Regenerate");
        waitUntil("the second reply is shown as alternative 2 of 2", () -> rows().size() == 2
                && rows().get(1).alternative() == 2 && rows().get(1).alternatives() == 2
                && rows().get(1).textProperty().get().equals("Maud never asked to be thanked."));

        clickOn("‹");
        waitUntil("the first reply is back", () -> rows().size() == 2 && rows().get(1).alternative() == 1
                && rows().get(1).textProperty().get().startsWith("Bert keeps"));

        // click the reply to make it selectable, select "secret from pride" and pin it to Bertram Yeo as a fact
        clickOn(lookup(".message-flow").queryAll().stream().filter(n -> ((javafx.scene.text.TextFlow) n)
                .getChildren().stream().anyMatch(t -> ((javafx.scene.text.Text) t).getText().startsWith("Bert keeps")))
                .findFirst().orElseThrow());
        ProseArea reply = lookup(".message-text").queryAllAs(ProseArea.class).stream()
                .filter(a -> a.getText().startsWith("Bert keeps")).findFirst().orElseThrow();
        onFx(() -> {
            int at = reply.getText().indexOf("secret from pride");
            reply.selectRange(at, at + "secret from pride".length());
        });
        Button pin = lookup((Button b) -> "Pin…".equals(b.getText()) && !b.isDisabled()).query();
        clickOn(pin);
        waitUntil("the pin dialog is open", () -> lookup("Pin").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        // the dialog's own list: the scene editor behind it has a POV list of characters too
        javafx.scene.Node pane = lookup(".dialog-pane").query();
        javafx.scene.control.ComboBox<CharacterSheet> who = from(pane).lookup((javafx.scene.control.ComboBox<?> c) ->
                c.getItems().stream().anyMatch(i -> i instanceof CharacterSheet))
                .queryAs(javafx.scene.control.ComboBox.class);
        onFx(() -> who.setValue(who.getItems().stream().filter(c -> c.name().equals("Bertram Yeo")).findFirst()
                .orElseThrow()));
        clickOn(from(pane).lookup((Button b) -> "Pin".equals(b.getText())).queryButton());

        long assistantId = rows().get(1).message().id();
        waitUntil("the fact is on Bertram's sheet with its source", () -> {
            try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
                List<Fact> facts = check.characters().list(check.stories().list().get(0).id()).stream()
                        .filter(c -> c.name().equals("Bertram Yeo")).findFirst().orElseThrow().facts();
                return facts.stream().anyMatch(f -> f.text().equals("secret from pride")
                        && Long.valueOf(assistantId).equals(f.sourceMessageId()));
            }
        });
        assertEquals(Message.Role.ASSISTANT, rows().get(1).message().role());
        assertTrue(server.getRequestCount() >= 2);
    }

    @SuppressWarnings("unchecked")
    private List<ChatViewModel.Row> rows() {
        return fx(() -> List.copyOf(lookup(".chat-list").queryAs(ListView.class).getItems()));
    }
}
