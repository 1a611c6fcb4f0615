package dev.quire.ui.stitch;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Variant;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How each variant ended, in the real window against a loopback OpenAI-compatible server: one is cut off at the
 * output limit and continued in place, one is refused with the model's own words, and one carries a reasoning
 * model's thinking, shown folded away and never taken into the composition.
 */
class VariantOutcomeWindowTest extends StudioWindow {

    private static final String CUT = "Ruth lit the lamp and reached for the";
    private static final String MORE = "kettle, which was still warm.";
    private static final String REFUSAL = "I can't write that scene.";
    private static final String REASONING = "The cup matters: Ruth would notice it first, so open on the shelf.";
    private static final String ANSWER = "The shelf had one cup too few.";

    private MockWebServer server;
    private boolean continuationFails;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    /** A cut-off variant, a refused one and one with reasoning, in the order asked; then the continuation. */
    private void serve() {
        server = Wire.start();
        List<String> streams = List.of(
                Wire.openAiRole(0) + Wire.openAiDelta(0, "Ruth lit the lamp ") + Wire.openAiDelta(0, "and reached for the")
                        + Wire.openAiFinish(0, "length") + Wire.openAiUsage() + "data: [DONE]\n\n",
                Wire.openAiRole(0) + chunk("{\"refusal\":\"I can't write\"}", null)
                        + chunk("{\"refusal\":\" that scene.\"}", null) + Wire.openAiFinish(0, "stop")
                        + "data: [DONE]\n\n",
                Wire.openAiRole(0) + chunk("{\"content\":null,\"reasoning_content\":" + Wire.json(REASONING) + "}", null)
                        + Wire.openAiDelta(0, ANSWER) + Wire.openAiFinish(0, "stop") + Wire.openAiUsage()
                        + "data: [DONE]\n\n");
        AtomicInteger next = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                if (body.contains("Do not repeat")) {
                    return continuationFails ? new MockResponse.Builder().code(400)
                            .addHeader("Content-Type", "application/json")
                            .body("{\"error\":{\"message\":\"The model is not available\",\"type\":"
                                    + "\"invalid_request_error\"}}").build()
                            : Wire.sse(Wire.openAi(MORE)).build();
                }
                return Wire.sse(streams.get(next.getAndIncrement() % streams.size())).build();
            }
        });
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            setup.providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                    server.url("/v1").toString().replaceAll("/$", ""), "local", 32_000, 1024), null);
            setup.providers().setDefaultProfile("loop");
        }
    }

    private VariantColumn withStatus(StitchViewModel model, Variant.Status status) {
        return fx(() -> model.columns().stream().filter(c -> c.statusProperty().get() == status).findFirst()
                .orElseThrow(() -> new AssertionError("no column is " + status)));
    }

    private VariantColumnView viewOf(SceneEditorView editor, VariantColumn column) {
        return fx(() -> editor.stitchView().columnViews().stream().filter(v -> v.column() == column).findFirst()
                .orElseThrow());
    }

    @Test
    void cutOffRefusedAndThinkingColumnsSayWhatHappenedAndContinueAppendsInPlace() throws Exception {
        serve();
        start();
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.generatePanel() != null
                && editor.stitchView().model().loadedProperty().get());
        StitchViewModel model = editor.stitchView().model();

        clickOn(editor.generatePanel().instruction());
        write("Ruth waits up for her brother.");
        shortcut(KeyCode.ENTER);
        waitUntil("three variants have ended", () -> model.columns().size() == 3
                && model.columns().stream().noneMatch(VariantColumn::isStreaming)
                && model.columns().stream().allMatch(c -> c.variantId() != null));

        // the history says the same outcomes as the columns
        GenerationHistory above = fx(() -> editor.stitchView().generationHistory());
        waitUntil("the history says how the set ended", () -> above.historyButton().getItems().size() == 1
                && above.historyButton().getItems().get(0).getText().contains("3 variants (1 cut off · 1 refused)"));

        // cut off: the reason with the limit, and Continue
        VariantColumn cut = withStatus(model, Variant.Status.CUT_OFF);
        VariantColumnView cutView = viewOf(editor, cut);
        Label reason = (Label) fx(() -> cutView.outcome().lookup(".variant-outcome-reason"));
        assertEquals("Cut off at the output limit (1,024 tokens)", fx(reason::getText));
        assertTrue(fx(() -> reason.isVisible() && cutView.outcome().isVisible()));
        Button proceed = fx(() -> cutView.outcome().continueButton());
        assertTrue(fx(proceed::isVisible), "a cut-off column offers Continue");
        long cutId = fx(cut::variantId);
        String label = fx(() -> cut.labelProperty().get());

        clickOn(proceed);
        waitUntil("the continuation has streamed into the same column",
                () -> cut.statusProperty().get() == Variant.Status.COMPLETE);
        assertEquals(CUT + " " + MORE, fx(cut::text), "the text grew in place, its beginning not repeated");
        assertEquals(CUT + " " + MORE, fx(() -> cutView.area().getText()), "the column's area shows it");
        assertEquals(3, fx(() -> model.columns().size()), "no new column");
        assertSame(cut, fx(() -> model.columns().stream().filter(c -> c.variantId() == cutId).findFirst()
                .orElseThrow()), "the same column");
        assertEquals(label, fx(() -> cut.labelProperty().get()), "the same label");
        assertFalse(fx(proceed::isVisible), "a complete column offers no Continue");
        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            Variant stored = check.generations().variant(cutId).orElseThrow();
            assertEquals(CUT + " " + MORE, stored.text());
            assertEquals(Variant.Status.COMPLETE, stored.status());
            assertEquals(1, check.continuations().forVariant(cutId).size());
        }

        // refused: the model's own words, and no prose
        VariantColumn refused = withStatus(model, Variant.Status.REFUSED);
        VariantColumnView refusedView = viewOf(editor, refused);
        Label refusal = (Label) fx(() -> refusedView.outcome().lookup(".variant-refusal"));
        assertTrue(fx(refusal::isVisible));
        assertEquals("“" + REFUSAL + "”", fx(refusal::getText));
        assertEquals("", fx(refused::text), "the refusal is not in the prose");
        assertFalse(fx(() -> refusedView.outcome().continueButton().isVisible()));

        // thinking: folded away, shown on request, never taken into the composition
        VariantColumn thought = fx(() -> model.columns().stream().filter(c -> !c.thinkingProperty().get().isEmpty())
                .findFirst().orElseThrow());
        VariantColumnView thoughtView = viewOf(editor, thought);
        var pane = fx(() -> thoughtView.outcome().thinkingPane());
        assertTrue(fx(pane::isVisible));
        assertFalse(fx(pane::isExpanded), "folded away until asked for");
        assertEquals("How the model got here", fx(pane::getText));
        clickOn(pane.lookup(".title"));
        waitUntil("the thinking shows", pane::isExpanded);
        TextArea reasoning = (TextArea) fx(pane::getContent);
        assertEquals(REASONING, fx(reasoning::getText));
        assertEquals(ANSWER, fx(thought::text), "the thinking is not in the prose");

        clickOn(from(thoughtView).lookup((Button x) -> "Take".equals(x.getText())).queryButton());
        waitUntil("the whole variant is in the composition",
                () -> editor.stitchView().composition().getText().equals(ANSWER));
        assertFalse(fx(() -> editor.stitchView().composition().getText()).contains("cup matters"),
                "the thinking never goes into the composition");
        assertNotNull(fx(thought::variantId));
    }

    @Test
    void aContinuationThatFailsLeavesTheColumnAsItWasAndSaysWhy() throws Exception {
        continuationFails = true;
        serve();
        start();
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.generatePanel() != null
                && editor.stitchView().model().loadedProperty().get());
        StitchViewModel model = editor.stitchView().model();
        clickOn(editor.generatePanel().instruction());
        write("Ruth waits up for her brother.");
        shortcut(KeyCode.ENTER);
        waitUntil("three variants have ended", () -> model.columns().size() == 3
                && model.columns().stream().noneMatch(VariantColumn::isStreaming)
                && model.columns().stream().allMatch(c -> c.variantId() != null));
        VariantColumn cut = withStatus(model, Variant.Status.CUT_OFF);
        VariantColumnView cutView = viewOf(editor, cut);

        clickOn(fx(() -> cutView.outcome().continueButton()));

        waitUntil("the column says the continuation failed", () -> !cut.errorProperty().get().isEmpty()
                && !cut.isStreaming());
        assertEquals(CUT, fx(cut::text), "the text is as it was");
        assertEquals(Variant.Status.CUT_OFF, fx(() -> cut.statusProperty().get()), "still cut off");
        assertTrue(fx(() -> cutView.outcome().continueButton().isVisible()), "Continue can be tried again");
        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            Variant stored = check.generations().variant(fx(cut::variantId)).orElseThrow();
            assertEquals(CUT, stored.text());
            assertEquals(Variant.Status.CUT_OFF, stored.status());
        }
    }
}
