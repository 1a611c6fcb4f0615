package dev.quire.ui.stitch;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.model.VariantRequest;
import dev.quire.studio.Column;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mixed set in the real window: each column asked of its own provider (an OpenAI-compatible server, Ollama, and
 * one that answers 401) over loopback, its header naming provider, model and instruction difference; blind mode
 * hides them until Accept; the failed column fails alone.
 */
class MixedSetWindowTest extends StudioWindow {

    private final List<Server> servers = new ArrayList<>();

    /** A loopback provider that records what it was sent. */
    private static final class Server {
        final MockWebServer web = Wire.start();
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

        Server(Supplier<MockResponse> answer) {
            web.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (request.getTarget().endsWith("/models")) {
                        return Wire.modelList("vllm").build(); // a compatible server is asked what it is
                    }
                    bodies.add(request.getBody() == null ? "" : request.getBody().utf8());
                    return answer.get();
                }
            });
        }
    }

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.web.close());
    }

    private Server loop;
    private Server llama;

    private void serve() {
        loop = new Server(() -> Wire.sse(Wire.openAi("Loop wrote ", "this.")).build());
        llama = new Server(() -> Wire.ndjson(Wire.ollama("Llama wrote ", "this.")).build());
        Server broken = new Server(() -> Wire.jsonStatus(401, Wire.openAiErrorBody("Incorrect API key provided.",
                "invalid_request_error", "invalid_api_key")).build());
        servers.addAll(List.of(loop, llama, broken));
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            setup.providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                    loop.web.url("/v1").toString().replaceAll("/$", ""), "gpt-local", 32_000, 1024), null);
            setup.providers().save(new ProviderProfile("llama", ProviderKind.OLLAMA,
                    Wire.root(llama.web), "llama-m3", 8_000, 512), null);
            setup.providers().save(new ProviderProfile("broken", ProviderKind.OPENAI_COMPATIBLE,
                    broken.web.url("/v1").toString().replaceAll("/$", ""), "gpt-broken", 32_000, 1024), null);
            // needs a key and has none: its column fails before anything is sent, alone
            setup.providers().save(new ProviderProfile("claude", ProviderKind.ANTHROPIC,
                    Wire.root(broken.web), "claude-m1", 200_000, 1024), null);
            setup.providers().setDefaultProfile("loop");
        }
    }

    private SceneEditorView openWithMix() throws Exception {
        start();
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.generatePanel() != null
                && editor.stitchView().model().loadedProperty().get()
                && editor.stitchView().model().options().providerChoices().size() == 4);
        clickOn(from(editor.generatePanel()).lookup((Button b) -> "Options…".equals(b.getText())).queryButton());
        clickOn(from(editor.generatePanel()).lookup(".mix-switch").queryAs(ToggleButton.class));
        clickOn(from(editor.generatePanel()).lookup((Button b) -> "Across models".equals(b.getText()))
                .queryButton());
        MixOptions mix = fx(() -> editor.stitchView().model().options().mix());
        waitUntil("a row per provider", () -> mix.rows().size() == 4);
        onFx(() -> {
            MixOptions.Row toLlama = mix.rows().stream().filter(r -> "llama".equals(r.providerProperty().get()))
                    .findFirst().orElseThrow();
            toLlama.instructionProperty().set(Column.Instruction.ADD);
            toLlama.textProperty().set("ADD-MARK she hesitates.");
            editor.stitchView().model().instructionProperty().set("SET-MARK Ruth waits up.");
        });
        return editor;
    }

    private void generateAndWait(SceneEditorView editor) {
        StitchViewModel model = editor.stitchView().model();
        clickOn(editor.generatePanel().generateButton());
        waitUntil("four columns have ended", () -> model.columns().size() == 4 && !model.runningProperty().get()
                && model.columns().stream().noneMatch(VariantColumn::isStreaming)
                && model.columns().stream().allMatch(c -> c.variantId() != null));
    }

    private VariantColumn columnWithText(StitchViewModel model, String text) {
        return fx(() -> model.columns().stream().filter(c -> c.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no column reads " + text)));
    }

    private String header(SceneEditorView editor, VariantColumn column) {
        return fx(() -> {
            VariantColumnView view = editor.stitchView().columnViews().stream().filter(v -> v.column() == column)
                    .findFirst().orElseThrow();
            return ((Label) view.lookup(".variant-source")).getText();
        });
    }

    @Test
    void aMixedSetStreamsEachColumnFromItsOwnProviderAndAFailedColumnDoesNotStopTheOthers() throws Exception {
        serve();
        SceneEditorView editor = openWithMix();
        StitchViewModel model = editor.stitchView().model();

        generateAndWait(editor);

        VariantColumn fromLoop = columnWithText(model, "Loop wrote this.");
        VariantColumn fromLlama = columnWithText(model, "Llama wrote this.");
        VariantColumn failed = fx(() -> model.columns().stream().filter(c -> c.statusProperty().get()
                == Variant.Status.FAILED && c.sourceProperty().get().startsWith("broken")).findFirst()
                .orElseThrow(() -> new AssertionError("no failed column")));
        VariantColumn noKey = fx(() -> model.columns().stream().filter(c -> c.statusProperty().get()
                == Variant.Status.FAILED && c.sourceProperty().get().startsWith("claude")).findFirst()
                .orElseThrow(() -> new AssertionError("no column for the provider with no key")));
        assertEquals(Variant.Status.COMPLETE, fx(() -> fromLoop.statusProperty().get()));
        assertEquals(Variant.Status.COMPLETE, fx(() -> fromLlama.statusProperty().get()));
        assertEquals("loop · gpt-local", header(editor, fromLoop));
        assertEquals("llama · llama-m3 · + ADD-MARK she hesitates.", header(editor, fromLlama));
        assertEquals("broken · gpt-broken", header(editor, failed));
        assertTrue(fx(() -> failed.errorProperty().get()).contains("API key"), "the column says why");
        assertEquals("claude · claude-m1", header(editor, noKey));
        assertTrue(fx(() -> noKey.errorProperty().get()).contains("needs a key"), fx(noKey.errorProperty()::get));

        waitUntil("above the columns, the set is a mix", () -> editor.stitchView().lookupAll(".label").stream()
                .anyMatch(n -> n.isVisible() && ((Label) n).getText() != null
                        && ((Label) n).getText().startsWith("scene · a mix of 4")));

        assertEquals(1, loop.bodies.size());
        assertTrue(loop.bodies.get(0).contains("SET-MARK") && !loop.bodies.get(0).contains("ADD-MARK"));
        assertTrue(llama.bodies.get(0).contains("SET-MARK") && llama.bodies.get(0).contains("ADD-MARK"));
        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            Variant kept = check.generations().variant(fx(fromLlama::variantId)).orElseThrow();
            Generation g = check.generations().get(kept.generationId()).orElseThrow();
            assertEquals(4, g.variantCount(), "one generation for the mixed set");
            assertEquals(Generation.Status.PARTIAL, g.status());
            List<VariantRequest> asked = check.generations().requests(g.id());
            assertEquals("llama-m3", asked.get(kept.index()).model());
        }

        // Regenerate asks again exactly what that column asked: its own provider, model and addition
        VariantColumnView llamaView = fx(() -> editor.stitchView().columnViews().stream()
                .filter(v -> v.column() == fromLlama).findFirst().orElseThrow());
        clickOn(from(llamaView).lookup((Button x) -> "↻".equals(x.getText())).queryButton());
        waitUntil("the column was asked again", () -> llama.bodies.size() == 2 && !model.runningProperty().get()
                && fromLlama.statusProperty().get() == Variant.Status.COMPLETE);
        assertTrue(llama.bodies.get(1).contains("ADD-MARK"), "the column's own addition again");
        assertEquals(1, loop.bodies.size(), "the other columns were not asked again");
        assertEquals("llama · llama-m3 · + ADD-MARK she hesitates.", header(editor, fromLlama));

        // the last mix is remembered for the story
        restart();
        SceneEditorView again = waitForOpenScene();
        waitUntil("the pane has loaded again", () -> again.generatePanel() != null
                && again.stitchView().model().loadedProperty().get());
        MixOptions mix = fx(() -> again.stitchView().model().options().mix());
        waitUntil("the mix is back", () -> mix.onProperty().get() && mix.rows().size() == 4
                && mix.rows().stream().anyMatch(r -> "ADD-MARK she hesitates.".equals(r.textProperty().get())));
    }

    @Test
    void blindModeHidesTheModelsUntilAccept() throws Exception {
        serve();
        SceneEditorView editor = openWithMix();
        StitchViewModel model = editor.stitchView().model();
        clickOn(from(editor.generatePanel()).lookup(".mix-blind").queryAs(CheckBox.class));
        assertTrue(fx(() -> model.options().mix().blindProperty().get()));

        generateAndWait(editor);

        VariantColumn fromLoop = columnWithText(model, "Loop wrote this.");
        VariantColumn fromLlama = columnWithText(model, "Llama wrote this.");
        for (VariantColumn c : List.of(fromLoop, fromLlama)) {
            assertEquals("", header(editor, c), "blind: only the label shows");
        }
        assertFalse(fx(() -> editor.stitchView().lookupAll(".variant-source").stream()
                .anyMatch(n -> ((Label) n).getText().contains("llama"))));
        List<String> naming = fx(() -> editor.stitchView().lookupAll(".label").stream().filter(n -> n.isVisible())
                .map(n -> ((Label) n).getText()).filter(t -> t != null && (t.contains("gpt-local")
                        || t.contains("llama-m3") || t.contains("gpt-broken"))).toList());
        assertEquals(List.of(), naming, "nothing above the columns names a model either");

        VariantColumnView view = fx(() -> editor.stitchView().columnViews().stream()
                .filter(v -> v.column() == fromLlama).findFirst().orElseThrow());
        onFx(() -> view.area().deselect());
        clickOn(from(view).lookup((Button x) -> "Take".equals(x.getText())).queryButton());
        waitUntil("the variant is in the composition", () -> editor.stitchView().composition().getText()
                .equals("Llama wrote this."));
        clickOn(from(editor.stitchView()).lookup(".accept-button").query().lookup(".label"));
        waitUntil("accepted, the models are named", () -> editor.area().getText().equals("Llama wrote this.")
                && header(editor, fromLoop).equals("loop · gpt-local"));
        assertEquals("llama · llama-m3 · + ADD-MARK she hesitates.", header(editor, fromLlama));
    }
}
