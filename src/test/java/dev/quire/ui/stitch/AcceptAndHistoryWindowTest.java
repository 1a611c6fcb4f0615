package dev.quire.ui.stitch;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Generation;
import dev.quire.model.Provenance;
import dev.quire.model.SceneRevision;
import dev.quire.model.Variant;
import dev.quire.model.Words;
import dev.quire.studio.Generator;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.input.KeyCode;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.text.NumberFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing accepted is silent or final, and nothing asked is forgotten, in the real window against a loopback
 * OpenAI-compatible server: Accept says what it will do and offers the other choice, Ctrl+Z or the status bar's Undo
 * takes it back in one step, the instruction survives a restart and shows above the columns, the history reopens an
 * earlier set, and a rewrite shows the original passage first.
 */
class AcceptAndHistoryWindowTest extends StudioWindow {

    private MockWebServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private void provider() {
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            setup.providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                    server.url("/v1").toString().replaceAll("/$", ""), "local", 32_000, 500), null);
            setup.providers().setDefaultProfile("loop");
        }
    }

    private SceneEditorView openWithPane() throws Exception {
        start();
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.generatePanel() != null
                && editor.stitchView().model().loadedProperty().get());
        return editor;
    }

    /** Asks for one variant with this instruction and waits until it is in, kept. */
    private void generate(SceneEditorView editor, Generator.Mode mode, String instruction) {
        StitchViewModel model = editor.stitchView().model();
        onFx(() -> {
            model.modeProperty().set(mode);
            model.variantsProperty().set(1);
            model.instructionProperty().set(instruction);
        });
        clickOn(editor.generatePanel().generateButton());
        waitUntil("the variant has streamed in and is kept", () -> !model.runningProperty().get()
                && model.columns().stream().filter(c -> !c.isOriginal()).count() == 1
                && model.columns().stream().allMatch(c -> c.isOriginal()
                || c.statusProperty().get() == Variant.Status.COMPLETE && c.variantId() != null));
    }

    private void takeWhole(SceneEditorView editor, int column) {
        VariantColumnView view = fx(() -> editor.stitchView().columnViews().get(column));
        onFx(() -> view.area().deselect());
        clickOn(from(view).lookup((Button x) -> "Take".equals(x.getText())).queryButton());
    }

    private String notice() {
        return fx(() -> ((Label) lookup(".status-bar .status-notice").query()).getText());
    }

    private Button statusAction() {
        return fx(() -> lookup(".status-bar .status-action").queryButton());
    }

    @Test
    void acceptSaysWhatItReplacesAndCtrlZTakesItBackInOneStep() throws Exception {
        server = Wire.start();
        server.enqueue(Wire.sse(Wire.openAi("The tide came in. ", "Nobody rang the bell.")).build());
        provider();
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();
        String before = fx(() -> editor.area().getText());
        int words = Words.count(before);
        String replace = "Replace the scene's " + NumberFormat.getIntegerInstance().format(words) + " words";

        generate(editor, Generator.Mode.SCENE, "The tide comes in.");
        SplitMenuButton accept = fx(() -> editor.stitchView().acceptButton());
        assertEquals(replace, fx(accept::getText), "the button says what it will do");
        assertEquals(List.of(replace, "Insert at the cursor"),
                fx(() -> accept.getItems().stream().map(MenuItem::getText).toList()), "and offers both");

        takeWhole(editor, 0);
        waitUntil("the variant is in the composition", () -> editor.stitchView().composition().getText()
                .equals("The tide came in. Nobody rang the bell."));
        clickOn(from(editor.stitchView()).lookup(".accept-button").query().lookup(".label"));
        waitUntil("the scene is the composition", () -> editor.area().getText()
                .equals("The tide came in. Nobody rang the bell."));
        waitUntil("the status bar says what was done", () -> notice().startsWith("Replaced the scene's "
                + NumberFormat.getIntegerInstance().format(words) + " words with 8 words."));
        assertTrue(fx(() -> statusAction().isVisible() && statusAction().getText().equals("Undo")));

        clickOn(editor.area());
        shortcut(KeyCode.Z);
        waitUntil("one Ctrl+Z brings the whole scene back", () -> editor.area().getText().equals(before));
        assertEquals(words, fx(() -> editor.model().wordsProperty().get()), "the count follows");
        waitUntil("the text before is saved again", () -> {
            try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
                return check.scenes().get(model.sceneId()).orElseThrow().prose().text().equals(before);
            }
        });
        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            assertTrue(check.scenes().revisions(model.sceneId()).stream().anyMatch(r ->
                    r.kind() == SceneRevision.Kind.ACCEPT
                            && r.prose().text().equals("The tide came in. Nobody rang the bell.")),
                    "the accept is still among the revisions");
        }
    }

    @Test
    void insertAtTheCursorAndTheStatusBarsUndo() throws Exception {
        server = Wire.start();
        server.enqueue(Wire.sse(Wire.openAi("A gull ", "laughed.")).build());
        provider();
        SceneEditorView editor = openWithPane();
        String before = fx(() -> editor.area().getText());
        int cursor = before.indexOf('\n');

        generate(editor, Generator.Mode.SCENE, "A gull.");
        takeWhole(editor, 0);
        waitUntil("taken", () -> editor.stitchView().composition().getText().equals("A gull laughed."));
        onFx(() -> editor.area().moveTo(cursor));
        MenuItem atCursor = fx(() -> editor.stitchView().acceptButton().getItems().get(1));
        onFx(atCursor::fire);
        waitUntil("it went in at the cursor", () -> editor.area().getText().equals(before.substring(0, cursor)
                + " A gull laughed." + before.substring(cursor)));
        waitUntil("the status bar says so", () -> notice().equals("Inserted 3 words at the cursor."));

        clickOn(statusAction());
        waitUntil("Undo in the status bar takes it back", () -> editor.area().getText().equals(before));
        waitUntil("and says so, with nothing more to undo", () -> notice().startsWith("Undone")
                && !statusAction().isVisible());
    }

    @Test
    void theInstructionSurvivesARestartShowsAboveTheColumnsAndTheHistoryReopensAnEarlierSet() throws Exception {
        server = Wire.start();
        server.enqueue(Wire.sse(Wire.openAi("First light on the water.")).build());
        server.enqueue(Wire.sse(Wire.openAi("Second thoughts at dusk.")).build());
        provider();
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();

        generate(editor, Generator.Mode.SCENE, "Morning, and Ruth rows out.");
        generate(editor, Generator.Mode.SCENE, "Evening: Ruth doubts the plan.");
        GenerationHistory above = fx(() -> editor.stitchView().generationHistory());
        waitUntil("the columns say what they were asked", () -> above.askedLabel().getText()
                .equals("“Evening: Ruth doubts the plan.”") && above.detailsLabel().getText()
                .startsWith("scene · loop · local · "));
        waitUntil("both generations are in the history, newest first", () -> model.history().size() == 2);
        List<String> entries = fx(() -> above.historyButton().getItems().stream().map(MenuItem::getText).toList());
        assertTrue(entries.get(0).startsWith("“Evening: Ruth doubts the plan.” · 1 variant · "), entries.toString());
        assertTrue(entries.get(1).startsWith("“Morning, and Ruth rows out.” · 1 variant · "), entries.toString());

        restart();
        SceneEditorView reopened = waitForOpenScene();
        waitUntil("the pane has loaded again", () -> reopened.stitchView() != null
                && reopened.stitchView().model().loadedProperty().get());
        waitUntil("the instruction field shows the last instruction", () -> reopened.generatePanel().instruction()
                .getText().equals("Evening: Ruth doubts the plan."));
        GenerationHistory again = fx(() -> reopened.stitchView().generationHistory());
        waitUntil("and the columns say what they were asked", () -> again.askedLabel().getText()
                .equals("“Evening: Ruth doubts the plan.”") && again.historyButton().getItems().size() == 2);

        MenuItem morning = fx(() -> again.historyButton().getItems().get(1));
        onFx(morning::fire);
        StitchViewModel now = reopened.stitchView().model();
        waitUntil("the earlier set is the columns again", () -> now.columns().size() == 1
                && now.columns().get(0).text().equals("First light on the water.")
                && again.askedLabel().getText().equals("“Morning, and Ruth rows out.”"));
        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            List<Generation> kept = check.generations().forScene(now.sceneId());
            assertEquals(List.of("Evening: Ruth doubts the plan.", "Morning, and Ruth rows out."),
                    kept.stream().map(Generation::instruction).toList());
            assertEquals(List.of(check.generations().variants(kept.get(1).id()).get(0).id()),
                    check.stitching().pane(now.sceneId()).columns().stream().map(c -> c.variant().id()).toList(),
                    "the pane keeps the reopened set");
        }
    }

    @Test
    void aContinuationOfAcceptedTextHangsUnderItsGenerationInTheHistory() throws Exception {
        server = Wire.start();
        server.enqueue(Wire.sse(Wire.openAi("Ruth rowed out past the buoy.")).build());
        server.enqueue(Wire.sse(Wire.openAi("The oars dripped.")).build());
        provider();
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();

        generate(editor, Generator.Mode.SCENE, "Ruth rows out.");
        takeWhole(editor, 0);
        waitUntil("taken", () -> editor.stitchView().composition().getText().equals("Ruth rowed out past the buoy."));
        clickOn(from(editor.stitchView()).lookup(".accept-button").query().lookup(".label"));
        waitUntil("accepted", () -> editor.area().getText().equals("Ruth rowed out past the buoy."));
        onFx(() -> editor.area().moveTo(editor.area().getLength()));
        generate(editor, Generator.Mode.CONTINUE, "");

        GenerationHistory above = fx(() -> editor.stitchView().generationHistory());
        waitUntil("both are in the history", () -> above.historyButton().getItems().size() == 2);
        List<String> entries = fx(() -> above.historyButton().getItems().stream().map(MenuItem::getText).toList());
        assertTrue(entries.get(0).startsWith("“Ruth rows out.” · 1 variant"), entries.toString());
        assertTrue(entries.get(1).startsWith("    ↳ (continue, no instruction) · 1 variant"),
                "the continuation hangs under the generation that wrote what it continued: " + entries);
        assertEquals(1, fx(() -> model.historyDepth(model.history().get(1))));
    }

    @Test
    void aRewriteShowsTheOriginalPassageFirstAndTakingFromItIsTheWritersOwnText() throws Exception {
        server = Wire.start();
        server.enqueue(Wire.sse(Wire.openAi("The lamp guttered and died.")).build());
        provider();
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();
        String text = fx(() -> editor.area().getText());
        int end = text.indexOf('.') + 1;
        String passage = text.substring(0, end);
        onFx(() -> editor.area().selectRange(0, end));

        generate(editor, Generator.Mode.REWRITE, "Darker.");

        waitUntil("the original comes first, then the variant", () -> model.columns().size() == 2
                && model.columns().get(0).isOriginal() && model.columns().get(1).text()
                .equals("The lamp guttered and died."));
        assertEquals("Original", fx(() -> model.columns().get(0).labelProperty().get()));
        assertEquals(passage, fx(() -> model.columns().get(0).text()));
        assertEquals("A", fx(() -> model.columns().get(1).labelProperty().get()), "the variants keep their letters");
        Node badge = fx(() -> from(editor.stitchView().columnViews().get(0)).lookup(".variant-badge").query());
        assertEquals("Original", fx(() -> ((Label) badge).getText()));

        takeWhole(editor, 0);
        waitUntil("the original is in the composition", () -> editor.stitchView().composition().getText()
                .equals(passage.strip()));
        assertTrue(fx(() -> editor.stitchView().composition().prose().spans().stream()
                .allMatch(s -> s.provenance().equals(Provenance.WRITER))), "it is the writer's own text");
        assertFalse(fx(() -> model.sharesProperty().get()).contains("Original"));
    }
}
