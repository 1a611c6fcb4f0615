package dev.quire.ui.stitch;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Variant;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stitching flow in the real window against a loopback OpenAI-compatible server: three variants
 * stream into columns, a passage of B and a sentence of C are taken into the composition, the writer
 * types a sentence, and Accept puts it all into the scene with every character's provenance.
 */
class StitchWindowTest extends StudioWindow {

    private static final String[] VERSIONS = {
        "The lamp had gone out an hour before. Ruth counted the cups on the shelf twice and found one missing.",
        "The lamp had gone out an hour before. Ruth counted the cups again, as if a cup could walk.",
        "The lamp was still warm. Ruth sat by the door and listened to the tide come up the lane.",
    };

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

    /** Opens the studio on the resumed scene, once its generate panel and stitching pane have loaded. */
    private SceneEditorView openWithPane() throws Exception {
        start();
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.generatePanel() != null
                && editor.stitchView().model().loadedProperty().get());
        return editor;
    }

    @Test
    void generateTakeFromBAndCTypeAndAccept() throws Exception {
        server = Wire.start();
        for (String v : VERSIONS) {
            // word by word, so each column streams in many pieces
            server.enqueue(Wire.sse(Wire.openAi(v.split("(?<= )"))).build());
        }
        provider();
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();
        long sceneId = model.sceneId();

        clickOn(editor.generatePanel().instruction());
        write("Ruth waits up for her brother; the missing cup is the first sign.");
        shortcut(KeyCode.ENTER);

        waitUntil("three variants have streamed in", () -> model.columns().size() == 3
                && model.columns().stream().allMatch(c -> c.statusProperty().get() == Variant.Status.COMPLETE
                && c.variantId() != null && !c.marksProperty().get().isEmpty()));
        assertEquals(3, Wire.chats(server));
        List<String> texts = fx(() -> model.columns().stream().map(VariantColumn::text).toList());
        assertEquals(List.of(VERSIONS).stream().sorted().toList(), texts.stream().sorted().toList(),
                "each column holds one whole version, in whatever order the server answered");
        assertTrue(fx(() -> editor.stitchView().isVisible() && editor.stitchView().getScene() != null),
                "the pane shows while variants stream");

        VariantColumnView b = fx(() -> editor.stitchView().columnViews().get(1));
        VariantColumnView c = fx(() -> editor.stitchView().columnViews().get(2));
        String bText = texts.get(1);
        String cText = texts.get(2);

        // B: select its first sentence and press Take
        String bPassage = bText.substring(0, bText.indexOf('.') + 1);
        onFx(() -> b.area().selectRange(0, bPassage.length()));
        clickOn(from(b).lookup((Button x) -> "Take".equals(x.getText())).queryButton());
        waitUntil("B's sentence is in the composition",
                () -> editor.stitchView().composition().getText().equals(bPassage));

        // C: click inside its second sentence, which selects it, then Ctrl+T
        int cSecond = cText.indexOf('.') + 2;
        String cSentence = cText.substring(cSecond);
        int inside = cSecond + cSentence.length() / 2;
        Bounds glyph = fx(() -> c.area().getCharacterBoundsOnScreen(inside, inside + 1).orElseThrow());
        clickOn(new Point2D(glyph.getCenterX(), glyph.getCenterY()));
        try {
            waitUntil("the click selected C's second sentence", () -> c.area().getSelectedText().equals(cSentence));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; selected “" + fx(() -> c.area().getSelectedText()) + "” caret "
                    + fx(() -> c.area().getCaretPosition()) + " in “" + cText + "”", e);
        }
        shortcut(KeyCode.T);
        waitUntil("C's sentence follows B's", () -> editor.stitchView().composition().getText()
                .equals(bPassage + " " + cSentence));

        // the writer's own sentence at the end
        clickOn(editor.stitchView().composition());
        onFx(() -> editor.stitchView().composition().moveTo(editor.stitchView().composition().getLength()));
        write(" Nobody came.");
        String composed = bPassage + " " + cSentence + " Nobody came.";
        waitUntil("the typed sentence is in", () -> editor.stitchView().composition().getText().equals(composed));
        waitUntil("the composition bar counts all three sources",
                () -> model.sharesProperty().get().matches("\\d+% yours · \\d+% B · \\d+% C"));

        long bId = fx(() -> model.columns().get(1).variantId());
        long cId = fx(() -> model.columns().get(2).variantId());
        Prose expected = new Prose.Builder()
                .append(bPassage, Provenance.variant("B", bId), false, false)
                .append(" ")
                .append(cSentence, Provenance.variant("C", cId), false, false)
                .append(" Nobody came.")
                .build();
        assertEquals(expected, fx(() -> editor.stitchView().composition().prose()));

        clickOn(from(editor.stitchView()).lookup(".split-menu-button").query().lookup(".label"));
        waitUntil("the scene shows the accepted text", () -> editor.area().getText().equals(composed)
                && editor.area().isVisible() && editor.area().getScene() != null);

        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            Scene scene = check.scenes().get(sceneId).orElseThrow();
            assertEquals(expected, scene.prose(), "the scene holds exactly the stitched text and provenance");
            Map<Long, String> stored = check.generations().variants(
                            check.generations().forScene(sceneId).get(0).id()).stream()
                    .collect(Collectors.toMap(Variant::id, Variant::text));
            assertEquals(bText, stored.get(bId));
            assertEquals(cText, stored.get(cId));
            assertTrue(check.scenes().revisions(sceneId).stream()
                    .anyMatch(r -> r.kind() == dev.quire.model.SceneRevision.Kind.ACCEPT
                            && r.prose().equals(expected)), "the accepted stitch is kept as a revision");
        }

        restart();
        SceneEditorView reopened = waitForOpenScene();
        assertEquals(expected, fx(() -> reopened.area().prose()), "the scene survives closing and reopening");
        waitUntil("the columns come back", () -> reopened.stitchView() != null
                && reopened.stitchView().model().columns().size() == 3);
        assertEquals(texts, fx(() -> reopened.stitchView().model().columns().stream().map(VariantColumn::text)
                .toList()), "the same columns, in the same order");
    }

    @Test
    void aPastedVariantAndAnUnacceptedCompositionSurviveReopening() throws Exception {
        SceneEditorView editor = openWithPane();
        String pasted = "Gulls argued on the roof. She did not look up from the ledger.";
        onFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(pasted);
            Clipboard.getSystemClipboard().setContent(content);
        });
        clickOn(editor.area());
        shortcut(KeyCode.DIGIT2);
        clickOn("Paste a variant…");
        clickOn("Add column");
        StitchViewModel model = editor.stitchView().model();
        waitUntil("the pasted text is a column", () -> model.columns().size() == 1
                && model.columns().get(0).text().equals(pasted) && model.columns().get(0).variantId() != null);
        assertEquals("Pasted", fx(() -> model.columns().get(0).sourceProperty().get()));

        VariantColumnView a = fx(() -> editor.stitchView().columnViews().get(0));
        onFx(() -> a.area().selectRange(0, pasted.indexOf('.') + 1));
        clickOn(from(a).lookup((Button x) -> "Take".equals(x.getText())).queryButton());
        waitUntil("it is taken", () -> editor.stitchView().composition().getLength() > 0);
        Prose composed = fx(() -> editor.stitchView().composition().prose());
        assertEquals("Gulls argued on the roof.", composed.text());
        // four stars and a note for the pasted version
        javafx.scene.Node fourth = from(a).lookup(".star").queryAll().stream().skip(3).findFirst().orElseThrow();
        clickOn(fourth);
        javafx.scene.Node note = from(a).lookup(".text-field").query();
        clickOn(note);
        write("the gulls stay");
        clickOn(editor.stitchView().composition());
        long pastedId = fx(() -> model.columns().get(0).variantId());
        waitUntil("the rating and note are kept", () -> {
            try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
                Variant v = check.generations().variant(pastedId).orElseThrow();
                return Integer.valueOf(4).equals(v.rating()) && v.note().equals("the gulls stay");
            }
        });

        // the options start folded; unfold them, then fold them away again: the library remembers it
        clickOn(from(editor.generatePanel()).lookup((Button b) -> "Options…".equals(b.getText())).queryButton());
        waitUntil("the options are shown", () -> editor.stitchView().model().optionsShownProperty().get());
        clickOn(from(editor.generatePanel()).lookup((Button b) -> "Fewer options".equals(b.getText())).queryButton());
        waitUntil("the options are folded and remembered", () -> {
            try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
                return check.settings().get(StitchViewModel.OPTIONS_SHOWN).orElse("").equals("false");
            }
        });

        restart();
        SceneEditorView reopened = waitForOpenScene();
        waitUntil("the pane has loaded again", () -> reopened.stitchView() != null
                && reopened.stitchView().model().loadedProperty().get());
        assertFalse(fx(() -> reopened.stitchView().model().optionsShownProperty().get()));
        assertEquals(composed, fx(() -> reopened.stitchView().composition().prose()),
                "the composition keeps its text and provenance");
        assertEquals(List.of(pasted), fx(() -> reopened.stitchView().model().columns().stream()
                .map(VariantColumn::text).toList()));
        assertEquals(4, fx(() -> reopened.stitchView().model().columns().get(0).ratingProperty().get()));
        assertEquals("the gulls stay", fx(() -> reopened.stitchView().model().columns().get(0).noteProperty().get()));
    }

    @Test
    void aVariantThatFailsMidStreamKeepsWhatArrived() throws Exception {
        server = Wire.start();
        String head = Wire.openAiRole(0) + Wire.openAiDelta(0, "Half a sentence ") + Wire.openAiDelta(0, "and then");
        server.enqueue(Wire.droppedAfter("text/event-stream", head).build());
        provider();
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();
        onFx(() -> model.variantsProperty().set(1));
        clickOn(editor.generatePanel().instruction());
        write("The storm reaches the harbour.");
        clickOn(editor.generatePanel().generateButton());

        waitUntil("the variant ends cut off", () -> model.columns().size() == 1
                && model.columns().get(0).statusProperty().get() != Variant.Status.STREAMING
                && model.columns().get(0).variantId() != null);
        VariantColumn column = fx(() -> model.columns().get(0));
        assertEquals("Half a sentence and then", column.text());
        assertEquals(Variant.Status.INCOMPLETE, fx(() -> column.statusProperty().get()));
        assertFalse(fx(() -> column.errorProperty().get()).isBlank(), "the column says what went wrong");
        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            Variant stored = check.generations().variants(check.generations().forScene(model.sceneId()).get(0).id())
                    .get(0);
            assertEquals("Half a sentence and then", stored.text());
            assertEquals(Variant.Status.INCOMPLETE, stored.status());
        }
    }

    @Test
    void continueFromTheCursorRegenerateOneAndAcceptAtTheCursor() throws Exception {
        server = Wire.start();
        server.enqueue(Wire.sse(Wire.openAi("The screen door ", "banged twice.")).build());
        server.enqueue(Wire.sse(Wire.openAi("Somewhere a gate ", "answered it.")).build());
        provider();
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();
        String before = fx(() -> editor.area().getText());
        int cursor = before.indexOf('\n');
        String after = before.substring(cursor + 1, cursor + 40);
        onFx(() -> {
            editor.area().moveTo(cursor);
            model.modeProperty().set(dev.quire.studio.Generator.Mode.CONTINUE);
            model.variantsProperty().set(1);
            model.instructionProperty().set("Something outside breaks the quiet.");
        });
        clickOn(editor.generatePanel().generateButton());
        waitUntil("the continuation has streamed in", () -> model.columns().size() == 1
                && model.columns().get(0).statusProperty().get() == Variant.Status.COMPLETE
                && model.columns().get(0).variantId() != null);
        StringBuilder sent = new StringBuilder();
        Wire.JSON.readTree(Wire.takeChat(server).getBody().utf8()).get("messages")
                .forEach(m -> sent.append(m.get("content").asText()).append('\n'));
        assertTrue(sent.toString().contains(before.substring(cursor - 30, cursor)), "the text before the cursor is sent");
        assertFalse(sent.toString().contains(after.substring(0, 20)), "the text after the cursor is not sent");
        long first = fx(() -> model.columns().get(0).variantId());

        VariantColumnView a = fx(() -> editor.stitchView().columnViews().get(0));
        clickOn(from(a).lookup((Button x) -> "↻".equals(x.getText())).queryButton());
        waitUntil("the column was asked again", () -> model.columns().size() == 1
                && model.columns().get(0).text().equals("Somewhere a gate answered it.")
                && model.columns().get(0).statusProperty().get() == Variant.Status.COMPLETE
                && model.columns().get(0).variantId() != null && model.columns().get(0).variantId() != first);
        long second = fx(() -> model.columns().get(0).variantId());

        // with nothing selected, Take takes the whole variant
        onFx(() -> a.area().deselect());
        clickOn(from(a).lookup((Button x) -> "Take".equals(x.getText())).queryButton());
        waitUntil("it is in the composition", () -> editor.stitchView().composition().getText()
                .equals("Somewhere a gate answered it."));
        // the writer adds a word at the start of the scene before accepting: the continuation still follows
        // the sentence it was asked to continue
        onFx(() -> editor.area().insertText(0, "Early. "));
        clickOn(from(editor.stitchView()).lookup(".split-menu-button").query().lookup(".label"));
        String expected = "Early. " + before.substring(0, cursor) + " Somewhere a gate answered it."
                + before.substring(cursor);
        waitUntil("the continuation is in the scene at the cursor", () -> editor.area().getText().equals(expected));

        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            Scene scene = check.scenes().get(model.sceneId()).orElseThrow();
            assertEquals(expected, scene.prose().text());
            int at = "Early. ".length() + cursor + 1;
            assertEquals(Provenance.variant("A", second), scene.prose().slice(at, at + 1).spans().get(0)
                    .provenance(), "the continuation is attributed to the regenerated variant");
            assertEquals(List.of(second), check.stitching().pane(model.sceneId()).columns().stream()
                    .map(col -> col.variant().id()).toList(), "the regenerated variant took the column's place");
        }
    }

    @Test
    void aSelectedPassageCanBeDraggedIntoTheComposition() throws Exception {
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();
        String pasted = "The gauge was full. Maud tipped it out and wrote nothing down.";
        onFx(() -> {
            model.paste(pasted);
            editor.stitchView().model().instructionProperty().set("");
        });
        clickOn(editor.area());
        shortcut(KeyCode.DIGIT2);
        waitUntil("the pasted column is there", () -> editor.stitchView().columnViews().size() == 1);
        VariantColumnView a = fx(() -> editor.stitchView().columnViews().get(0));
        int second = pasted.indexOf("Maud");
        onFx(() -> a.area().selectRange(second, pasted.length()));
        waitUntil("the column is laid out", () -> a.area().getCharacterBoundsOnScreen(second + 5, second + 6)
                .isPresent());
        Bounds glyph = fx(() -> a.area().getCharacterBoundsOnScreen(second + 5, second + 6).orElseThrow());
        drag(new Point2D(glyph.getCenterX(), glyph.getCenterY())).dropTo(editor.stitchView().composition());
        waitUntil("the dragged passage is in the composition", () -> editor.stitchView().composition().getText()
                .equals("Maud tipped it out and wrote nothing down."));
        assertEquals("A", fx(() -> editor.stitchView().composition().prose().spans().get(0).provenance().label()));
    }

    @Test
    void withNoProviderGenerateSaysHowToAddOneAndKeepsTheComposition() throws Exception {
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();
        onFx(() -> editor.stitchView().composition().replaceText("My own first line."));
        clickOn(editor.generatePanel().instruction());
        write("Maud rows across at high water.");
        shortcut(KeyCode.ENTER);

        // the panel says so before Generate is asked, once, with the ways on (FindWhatExistsWindowTest)
        waitUntil("the panel says what to do", () -> editor.generatePanel().lookup(".no-provider").isVisible()
                && ((javafx.scene.control.Label) editor.generatePanel().lookup(".no-provider-text")).getText()
                .contains("No provider is set up"));
        assertTrue(fx(() -> model.columns().isEmpty()), "the pane stays as it was: nothing was asked");
        assertFalse(fx(() -> model.runningProperty().get()));
        assertEquals("My own first line.", fx(() -> editor.stitchView().composition().getText()));
    }

    @Test
    void closingTheSceneMidStreamStopsTheStreamAndKeepsWhatArrived() throws Exception {
        server = Wire.start();
        String head = Wire.openAiRole(0) + Wire.openAiDelta(0, "The gauge ") + Wire.openAiDelta(0, "overflowed");
        server.enqueue(Wire.stalledAfter("text/event-stream", head).build());
        provider();
        SceneEditorView editor = openWithPane();
        StitchViewModel model = editor.stitchView().model();
        onFx(() -> {
            model.variantsProperty().set(1);
            model.instructionProperty().set("Rain all night.");
        });
        clickOn(editor.generatePanel().generateButton());
        waitUntil("the first words are in the column", () -> model.columns().size() == 1
                && model.columns().get(0).text().equals("The gauge overflowed")
                && model.columns().get(0).variantId() != null);
        long variantId = fx(() -> model.columns().get(0).variantId());

        shortcut(KeyCode.W);

        // closing does not wait for the library: the stopped stream is recorded in the background
        waitUntil("the stopped stream is recorded", () -> {
            try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
                return check.generations().variant(variantId).orElseThrow().status() != Variant.Status.STREAMING;
            }
        });
        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            Variant stored = check.generations().variant(variantId).orElseThrow();
            assertEquals("The gauge overflowed", stored.text());
            assertEquals(Variant.Status.STOPPED, stored.status(), "the stream was stopped, not left running");
            assertEquals(List.of(variantId), check.stitching().pane(model.sceneId()).columns().stream()
                    .map(col -> col.variant().id()).toList(), "the column was kept when the request was sent");
        }
    }
}
