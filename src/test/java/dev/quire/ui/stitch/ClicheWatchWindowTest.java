package dev.quire.ui.stitch;

import dev.quire.cliche.Finding;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Variant;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.cliche.ClicheMarks;
import dev.quire.ui.editor.SceneEditorView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cliché watch in the real window: three columns stream from a loopback server, two with planted clichés; once
 * they end, each header counts its findings and the text under them is underlined. Allow in this story stops a
 * finding being flagged; Add to avoid list puts the words on the story's list; the toggle hides the underlines and
 * is remembered after a restart.
 */
class ClicheWatchWindowTest extends StudioWindow {

    private static final String[] VERSIONS = {
        "A shiver ran down her spine. Ruth counted the cups on the shelf twice and found one missing.",
        "The lamp had gone out an hour before. Ruth counted the cups again, as if a cup could walk.",
        "A shiver ran down her spine. Elara stood in the doorway with Vexmoor, her breath hitching, and said nothing.",
    };

    private MockWebServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void columnsCountAndUnderlineClichesAndTheWriterAnswersThem() throws Exception {
        server = Wire.start();
        for (String v : VERSIONS) {
            server.enqueue(Wire.sse(Wire.openAi(v.split("(?<= )"))).build());
        }
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            setup.providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                    server.url("/v1").toString().replaceAll("/$", ""), "local", 32_000, 500), null);
            setup.providers().setDefaultProfile("loop");
            // the model has reached for Vexmoor in three earlier generations, and the writer never kept it
            for (var story : setup.stories().list()) {
                long scene = setup.scenes().headers(story.id()).get(0).id();
                for (int i = 0; i < 3; i++) {
                    var g = setup.generations().create(new dev.quire.model.Generation(0, story.id(), scene, null,
                            "scene", "loop", "local", "[]", "{}", null, 1, null, java.time.Instant.now(),
                            java.time.Instant.now(), dev.quire.model.Generation.Status.COMPLETE, null));
                    setup.generations().saveVariant(g.id(), 0, "At the gate stood Vexmoor, take " + i + ".",
                            Variant.Status.COMPLETE, null, null);
                }
            }
        }
        start();
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.generatePanel() != null
                && editor.stitchView().model().loadedProperty().get());
        StitchViewModel model = editor.stitchView().model();
        long storyId = fx(() -> model.cliches().storyId());

        clickOn(editor.generatePanel().instruction());
        write("Ruth waits up for her brother.");
        shortcut(KeyCode.ENTER);
        waitUntil("three variants have streamed in", () -> model.columns().size() == 3
                && model.columns().stream().allMatch(c -> c.statusProperty().get() == Variant.Status.COMPLETE
                && c.variantId() != null));

        VariantColumnView spine = columnHolding(editor, "Elara");
        VariantColumnView clean = columnHolding(editor, "lamp");
        waitUntil("the planted column's clichés are counted", () -> spine.findings().size() >= 3);
        assertTrue(fx(() -> spine.findings().stream().anyMatch(f -> f.kind() == Finding.Kind.RECURRING
                && f.text().equals("Vexmoor"))), "the name the model keeps reaching for is flagged too: "
                + fx(spine::findings));
        int before = fx(() -> spine.findings().size());
        assertEquals(before + " clichés", fx(() -> spine.clicheCount().getText()));
        assertTrue(fx(() -> spine.clicheCount().isVisible()));
        assertEquals(List.of(), fx(clean::findings), "the clean column has none");
        assertFalse(fx(() -> clean.clicheCount().isVisible()), "and says nothing in its header");

        String text = fx(() -> spine.column().text());
        Finding name = fx(() -> spine.findings().stream().filter(f -> f.text().equals("Elara")).findFirst()
                .orElseThrow());
        assertTrue(fx(() -> styleAt(spine, name.start()).contains(ClicheMarks.CLASS)), "the name is underlined");
        int plain = text.indexOf("doorway");
        assertFalse(fx(() -> styleAt(spine, plain).contains(ClicheMarks.CLASS)), "the rest is not");
        Finding shiver = fx(() -> spine.findings().stream().filter(f -> f.text().startsWith("A shiver")
                || f.text().startsWith("shiver")).findFirst().orElseThrow());

        // Allow in this story: the name is no longer flagged, here or anywhere in the story
        onFx(() -> fire(spine, name, "Allow in this story"));
        waitUntil("the allowed name is no longer flagged", () -> spine.findings().stream()
                .noneMatch(f -> f.text().equals("Elara")));
        assertFalse(fx(() -> styleAt(spine, name.start()).contains(ClicheMarks.CLASS)), "nor underlined");
        assertEquals(dev.quire.ui.cliche.ClicheWatch.count(before - 1), fx(() -> spine.clicheCount().getText()));

        // Add to avoid list: the words go on the story's avoid list
        onFx(() -> fire(spine, shiver, "Add to avoid list"));
        waitUntil("the shiver is on the avoid list", () -> model.cliches().revisionProperty().get() > 0
                && fx(() -> model.cliches().noticeProperty().get()).startsWith("On the avoid list"));

        // the toggle hides the underlines, and is remembered
        ToggleButton toggle = fx(() -> editor.stitchView().clicheToggle());
        assertTrue(fx(toggle::isSelected));
        clickOn(toggle);
        waitUntil("the underlines are gone", () -> spine.findings().isEmpty()
                && !styleAt(spine, shiver.start()).contains(ClicheMarks.CLASS));

        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            assertTrue(check.cliches().allowed(storyId).stream().anyMatch(a -> a.contains("Elara")),
                    "the story allows the name: " + check.cliches().allowed(storyId));
            assertTrue(check.cliches().avoidList(storyId).contains(shiver.text()),
                    "the avoid list holds the phrase: " + check.cliches().avoidList(storyId));
        }
        restart();
        SceneEditorView reopened = waitForOpenScene();
        waitUntil("the pane is back", () -> reopened.stitchView() != null
                && reopened.stitchView().model().columns().size() == 3);
        assertFalse(fx(() -> reopened.stitchView().clicheToggle().isSelected()), "the toggle stays off after a restart");
        assertTrue(fx(() -> reopened.stitchView().columnViews().stream().allMatch(v -> v.findings().isEmpty())),
                "and nothing is underlined");
    }

    @Test
    void theSceneIsWatchedAfterAPauseAndAFindingIsRewrittenWithout() throws Exception {
        server = Wire.start();
        for (int i = 0; i < 3; i++) {
            server.enqueue(Wire.sse(Wire.openAi("Her ", "neck ", "prickled.")).build());
        }
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            setup.providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                    server.url("/v1").toString().replaceAll("/$", ""), "local", 32_000, 500), null);
            setup.providers().setDefaultProfile("loop");
        }
        start();
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.generatePanel() != null
                && editor.stitchView().model().loadedProperty().get());

        clickOn(editor.area());
        onFx(() -> editor.area().moveTo(editor.area().getLength()));
        String planted = " A shiver ran down her spine.";
        write(planted);
        waitUntil("the typed cliché is found after a pause", () -> editor.cliches().findings().stream()
                .anyMatch(f -> f.text().contains("shiver")));
        Finding shiver = fx(() -> editor.cliches().findings().stream().filter(f -> f.text().contains("shiver"))
                .findFirst().orElseThrow());
        waitUntil("it is underlined on the layer above the text", () -> !editor.cliches().layer().getChildren()
                .isEmpty());

        // the context menu offers the answers first
        javafx.scene.control.ContextMenu menu = fx(() -> editor.area().getContextMenu());
        onFx(() -> {
            editor.area().moveTo(shiver.start() + 2);
            menu.show(editor.area(), 0, 0);
        });
        List<String> items = fx(() -> menu.getItems().stream().map(MenuItem::getText).toList());
        onFx(menu::hide);
        assertTrue(items.containsAll(List.of("Rewrite without it", "Allow here", "Allow in this story",
                "Add to avoid list")), items.toString());
        assertTrue(items.contains("Rewrite selection…"), "and the menu's own items stay: " + items);

        onFx(() -> editor.cliches().actions(shiver).stream().filter(i -> "Rewrite without it".equals(i.getText()))
                .findFirst().orElseThrow().fire());
        String sentence = planted.strip();
        assertEquals(sentence, fx(() -> editor.area().getSelectedText()), "the sentence is selected");
        var request = Wire.takeChat(server);
        String body = request.getBody().utf8();
        assertTrue(body.contains(shiver.text()), "the instruction names the cliché: " + body);
        StitchViewModel model = editor.stitchView().model();
        assertEquals(dev.quire.studio.Generator.Mode.REWRITE, fx(() -> model.modeProperty().get()));
        waitUntil("the rewrites stream in", () -> !model.columns().isEmpty() && model.columns().stream()
                .allMatch(c -> c.statusProperty().get() == Variant.Status.COMPLETE));
        // "Allow here" on the scene leaves only this occurrence alone
        int before = fx(() -> editor.cliches().findings().size());
        onFx(() -> editor.cliches().actions(shiver).stream().filter(i -> "Allow here".equals(i.getText()))
                .findFirst().orElseThrow().fire());
        assertEquals(before - 1, fx(() -> editor.cliches().findings().size()));
        assertTrue(fx(() -> editor.cliches().findings().stream().noneMatch(f -> f.start() == shiver.start())));
    }

    private VariantColumnView columnHolding(SceneEditorView editor, String words) {
        return fx(() -> editor.stitchView().columnViews().stream().filter(v -> v.column().text().contains(words))
                .findFirst().orElseThrow());
    }

    private static Collection<String> styleAt(VariantColumnView v, int at) {
        return v.area().getStyleAtPosition(at + 1);
    }

    /** Context menus don't open under Monocle: the finding's actions are fired directly. */
    private static void fire(VariantColumnView v, Finding f, String action) {
        ColumnCliches c = ColumnCliches.of(v).orElseThrow();
        MenuItem item = c.actions(f).stream().filter(i -> action.equals(i.getText())).findFirst().orElseThrow();
        item.fire();
    }
}
