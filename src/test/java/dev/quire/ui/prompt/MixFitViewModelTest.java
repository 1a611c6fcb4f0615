package dev.quire.ui.prompt;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.studio.Column;
import dev.quire.ui.SampleLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the panel's Mix on, the preview fits each column's prompt to its own model's budget and says so. */
class MixFitViewModelTest {

    @Test
    void eachColumnIsFittedToItsOwnModelsBudgetWithItsOwnInstruction(@TempDir Path dir) {
        try (SampleLibrary library = SampleLibrary.open(dir)) {
            library.studio().providers().save(new ProviderProfile("roomy", ProviderKind.OLLAMA,
                    "http://localhost:9", "llama-big", 200_000, 1024), null);
            library.studio().providers().save(new ProviderProfile("small", ProviderKind.OLLAMA,
                    "http://localhost:9", "llama-small", 2_600, 512), null);
            library.studio().providers().save(new ProviderProfile("tiny", ProviderKind.OLLAMA,
                    "http://localhost:9", "llama-test", 550, 500), null);
            long last = library.headers().get(library.headers().size() - 1).id();
            PromptPreviewViewModel model = new PromptPreviewViewModel(library.studio(), library.background(),
                    library.storyId(), last);
            model.providerProperty().set("roomy");
            model.instructionProperty().set("Ruth waits up.");
            model.columns().setAll(List.of(Column.same(),
                    new Column("small", null, "llama-tiny", null, Column.Instruction.ADD, "ADD-MARK she hesitates."),
                    new Column("tiny", null, null, null, Column.Instruction.SAME, "")));

            model.refresh();

            List<PromptPreviewViewModel.ColumnFit> fits = model.fits();
            assertEquals(3, fits.size());
            PromptPreviewViewModel.ColumnFit a = fits.get(0);
            PromptPreviewViewModel.ColumnFit b = fits.get(1);
            assertEquals(model.reportProperty().get().budget(), a.report().budget(), "A asks what the panel asks");
            assertTrue(a.line().startsWith("A · roomy: "), a.line());
            assertTrue(b.line().startsWith("B · small/llama-tiny: "), b.line());
            assertTrue(b.report().budget() < a.report().budget(), b.report().budget() + " vs " + a.report().budget());
            assertTrue(b.report().tokens() <= b.report().budget(), b.line());
            assertTrue(b.report().tokens() < a.report().tokens(), "the small model gets a shorter story so far: "
                    + b.line() + " / " + a.line());
            assertTrue(b.report().text().contains("Ruth waits up. ADD-MARK she hesitates."), "B's own instruction");
            assertTrue(!a.report().text().contains("ADD-MARK"), "A's is the set's");
            assertTrue(a.line().contains(String.format(java.util.Locale.ROOT, "%,d", a.report().budget())), a.line());
            assertNull(fits.get(2).report(), "its budget cannot carry the canon");
            assertTrue(fits.get(2).line().startsWith("C · tiny: ") && fits.get(2).line().contains("budget is 50"),
                    fits.get(2).line());

            model.columns().clear();
            model.refresh();
            assertTrue(model.fits().isEmpty(), "one request: no columns to list");
        }
    }
}
