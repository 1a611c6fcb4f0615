package dev.quire.ui.stitch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.CharacterSheet;
import dev.quire.model.PlayedBy;
import dev.quire.model.Variant;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generate in the real window never sends a prompt that cannot work, and says why with the figures; when the writer
 * plays a character, the request carries a stop sequence at that character's turn.
 */
class NeverSendWindowTest extends StudioWindow {

    private MockWebServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private void provider(int context, int output, String writerPlays) {
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            setup.providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                    server.url("/v1").toString().replaceAll("/$", ""), "local", context, output), null);
            setup.providers().setDefaultProfile("loop");
            if (writerPlays != null) {
                long story = setup.stories().list().get(0).id();
                for (CharacterSheet c : setup.characters().list(story)) {
                    if (c.name().equals(writerPlays)) {
                        setup.characters().update(c.withPlayedBy(PlayedBy.WRITER));
                    }
                }
            }
        }
    }

    private SceneEditorView openWithPane() throws Exception {
        start();
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.generatePanel() != null
                && editor.stitchView().model().loadedProperty().get());
        return editor;
    }

    private String panelProblem(SceneEditorView editor) {
        return fx(() -> from(editor.generatePanel()).lookup(".status-problem").queryAs(Label.class).getText());
    }

    private String meter(SceneEditorView editor) {
        return fx(() -> from(editor.generatePanel()).lookup(".meter-label").queryAs(Label.class).getText());
    }

    @Test
    void aContextThatCannotHoldTheFrameAndInstructionSendsNothingAndThePanelSaysWhy() throws Exception {
        server = Wire.start();
        provider(550, 500, null); // leaves 50 tokens for the prompt: less than the frame alone
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();

        clickOn(editor.generatePanel().instruction());
        write("Odile takes the reading alone.");
        waitUntil("the meter says the prompt does not fit", () -> meter(editor).equals("does not fit"));
        shortcut(KeyCode.ENTER);

        waitUntil("the panel says why", () -> panelProblem(editor).contains("does not fit"));
        String problem = panelProblem(editor);
        assertTrue(problem.contains("budget is 50"), problem);
        assertTrue(problem.matches("(?s).*alone take [0-9,]+ tokens.*"), problem);
        assertTrue(problem.contains("Raise the context window") && problem.contains("lower the maximum output"),
                "says what to change: " + problem);
        // said in one place only: the stitching pane is up, so it says it and the panel's own line stays hidden
        List<String> shown = fx(() -> from(editor.view()).lookup(".status-problem").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getParent().isVisible() && !l.getText().isBlank())
                .map(Label::getText).toList());
        assertEquals(List.of(problem), shown, "the problem is shown exactly once");
        assertEquals(0, server.getRequestCount(), "no request reached the provider");
        assertTrue(fx(() -> model.columns().isEmpty()), "no columns were opened for variants that never came");
        assertTrue(meter(editor).equals("does not fit"), "never an absurd percentage: " + meter(editor));
    }

    @Test
    void aCharacterTheWriterPlaysIsSentAsAStopSequence() throws Exception {
        server = Wire.start();
        List<RecordedRequest> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getTarget().endsWith("/models")) {
                    return Wire.modelList("vllm").build(); // a compatible server is asked what it is
                }
                seen.add(request);
                return Wire.sse(Wire.openAi("The tide ", "turned.")).build();
            }
        });
        provider(32_000, 500, "Maud Iredale");
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();
        // the sample story's writer already plays Odile; Maud is now theirs too
        waitUntil("the panel names whom the writer plays", () -> fx(() -> from(editor.generatePanel())
                .lookup(".turns-hint").queryAs(Label.class).getText()).contains("You play Odile Farrant, Maud Iredale"));

        clickOn(editor.generatePanel().instruction());
        write("Maud comes over the Hard with the jelly.");
        // the Prompt Preview says where the model will stop
        clickOn(from(editor.generatePanel()).lookup((javafx.scene.control.Button b) -> "Prompt…".equals(b.getText()))
                .queryButton());
        waitUntil("the preview names where the model stops", () -> fx(() -> lookup((Label l) -> l.getText() != null
                && l.getText().contains("The model stops where Odile or Maud would come in")).tryQuery().isPresent()));
        onFx(() -> lookup((Label l) -> l.getText() != null && l.getText().contains("The model stops where"))
                .query().getScene().getWindow().hide());
        clickOn(editor.generatePanel().instruction());
        shortcut(KeyCode.ENTER);

        waitUntil("the variants have streamed in", () -> !model.columns().isEmpty() && model.columns().stream()
                .allMatch(c -> c.statusProperty().get() == Variant.Status.COMPLETE));
        assertTrue(seen.size() >= 1);
        for (RecordedRequest r : seen) {
            JsonNode body = Wire.body(r);
            List<String> stop = new ArrayList<>();
            body.get("stop").forEach(n -> stop.add(n.asText()));
            assertEquals(List.of("\n\nOdile", "\n\nMaud", "\nOdile:", "\nMaud:"), stop,
                    "a new paragraph or a line opening with either name is the writer's turn");
            String user = body.get("messages").get(body.get("messages").size() - 1).get("content").asText();
            assertTrue(user.contains("The author plays Odile Farrant and Maud Iredale."), user);
        }
    }
}
