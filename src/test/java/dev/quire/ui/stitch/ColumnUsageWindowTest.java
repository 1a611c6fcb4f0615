package dev.quire.ui.stitch;

import dev.quire.llm.ApiKey;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each column shows what its request used, with the cache, and what it cost, as the provider reported it. */
class ColumnUsageWindowTest extends StudioWindow {

    private MockWebServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
        // the key went to the tests' shared config folder: another test's "claude" must not find it
        try (Studio s = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            s.providers().forgetKey("claude");
        }
    }

    @Test
    void aColumnShowsItsTokensCacheAndCost() throws Exception {
        server = Wire.start();
        // 25 uncached, 5 written to the cache, 100 read from it; 15 out (Wire.anthropic)
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return Wire.sse(Wire.anthropic("The lamp held.")).build();
            }
        });
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            setup.providers().save(new ProviderProfile("claude", ProviderKind.ANTHROPIC, Wire.root(server),
                    "claude-sonnet-4-5", 200_000, 1024), null);
            setup.providers().storeKey("claude", ApiKey.of("sk-ant-test-column-usage"));
            setup.providers().setDefaultProfile("claude");
        }
        start();
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.generatePanel() != null
                && editor.stitchView().model().loadedProperty().get());
        StitchViewModel model = editor.stitchView().model();
        waitUntil("the panel shows the estimate", () -> lookup(".send-estimate").tryQueryAs(Label.class)
                .map(l -> l.getText().contains("tokens in")).orElse(false));
        String estimate = fx(() -> lookup(".send-estimate").queryAs(Label.class).getText());
        assertTrue(estimate.contains("$"), "Sonnet has a price: " + estimate);

        clickOn(editor.generatePanel().instruction());
        write("Ruth waits up for her brother.");
        shortcut(KeyCode.ENTER);
        try {
            waitUntil("a variant has ended and been priced", () -> !model.columns().isEmpty()
                    && model.columns().stream().noneMatch(VariantColumn::isStreaming)
                    && model.columns().get(0).usageProperty().get().contains("$"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + fx(() -> model.columns().stream()
                    .map(c -> c.statusProperty().get() + " " + c.usageProperty().get()).toList()), e);
        }

        String usage = fx(() -> model.columns().get(0).usageProperty().get());
        assertEquals("130 in · Cache: 100 read, 5 written · 15 out · "
                + dev.quire.studio.Spending.money((25 * 3.0 + 5 * 3.75 + 100 * 0.30 + 15 * 15.0) / 1_000_000), usage);
        List<String> shown = fx(() -> lookup(".variant-usage").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertTrue(shown.contains(usage), shown.toString());
    }
}
