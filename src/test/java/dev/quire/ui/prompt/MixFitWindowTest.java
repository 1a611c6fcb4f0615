package dev.quire.ui.prompt;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.studio.Column;
import dev.quire.studio.Studio;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import dev.quire.ui.stitch.MixOptions;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the panel's Mix on, the Prompt Preview lists each column's fit to its own model's budget. */
class MixFitWindowTest extends StudioWindow {

    private List<String> fitLines() {
        return fx(() -> lookup(".column-fit").queryAll().stream().filter(n -> n.isVisible() && n.getScene() != null)
                .map(n -> ((Label) n).getText()).toList());
    }

    @Test
    void thePreviewListsEachColumnsFitAndFollowsTheMix() throws Exception {
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            setup.providers().save(new ProviderProfile("roomy", ProviderKind.OLLAMA, "http://localhost:9",
                    "llama-big", 200_000, 1024), null);
            setup.providers().save(new ProviderProfile("small", ProviderKind.OLLAMA, "http://localhost:9",
                    "llama-small", 2_600, 512), null);
            setup.providers().setDefaultProfile("roomy");
        }
        start();
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.generatePanel() != null
                && editor.stitchView().model().loadedProperty().get()
                && editor.stitchView().model().options().providerChoices().size() == 2);
        onFx(() -> editor.stitchView().model().instructionProperty().set("Ruth waits up."));
        clickOn(from(editor.generatePanel()).lookup((Button b) -> "Options…".equals(b.getText())).queryButton());
        clickOn(from(editor.generatePanel()).lookup(".mix-switch").queryAs(ToggleButton.class));
        clickOn(from(editor.generatePanel()).lookup((Button b) -> "Across models".equals(b.getText()))
                .queryButton());
        MixOptions mix = fx(() -> editor.stitchView().model().options().mix());
        waitUntil("a row per provider", () -> mix.rows().size() == 2);

        clickOn(lookup((Button b) -> "Prompt…".equals(b.getText())).queryButton());

        waitUntil("the preview lists both columns", () -> fitLines().size() == 2);
        List<String> lines = fitLines();
        assertTrue(lines.get(0).startsWith("A · roomy: "), lines.get(0));
        assertTrue(lines.get(1).startsWith("B · small: "), lines.get(1));
        int budgetA = budget(lines.get(0));
        int budgetB = budget(lines.get(1));
        assertTrue(budgetB < budgetA, lines.toString());
        assertTrue(tokens(lines.get(1)) < tokens(lines.get(0)), "the small model gets less story: " + lines);
        // the context meter's tip lists them too
        String tip = fx(() -> ((javafx.scene.control.Tooltip) lookup(".context-meter").query().getProperties()
                .get("javafx.scene.control.Tooltip")).getText());
        assertTrue(tip.contains(lines.get(0)) && tip.contains(lines.get(1)), tip);

        // a third column, and the preview follows
        onFx(() -> {
            mix.addRow();
            mix.rows().get(2).providerProperty().set("small");
            mix.rows().get(2).instructionProperty().set(Column.Instruction.ADD);
            mix.rows().get(2).textProperty().set("she hesitates");
        });
        waitUntil("the preview lists three columns", () -> fitLines().size() == 3);
        assertTrue(fitLines().get(2).startsWith("C · small: "), fitLines().get(2));

        // Mix off (the preview stands over the panel): one request, no columns listed
        onFx(() -> mix.onProperty().set(false));
        waitUntil("no columns listed", () -> fitLines().isEmpty());
        assertEquals(List.of(), fitLines());
    }

    private static int budget(String line) {
        return Integer.parseInt(line.replaceAll(".* of ([0-9,]+) tokens.*", "$1").replace(",", ""));
    }

    private static int tokens(String line) {
        return Integer.parseInt(line.replaceAll("^[^:]*: ≈?([0-9,]+) of .*", "$1").replace(",", ""));
    }
}
