package dev.quire.ui.library;

import dev.quire.model.Prose;
import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.DraftScene;
import dev.quire.studio.manuscript.ImportReport;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.common.Background;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import preview, shown over the studio, says what reading the file did before anything is written. */
class ImportPreviewWindowTest extends StudioWindow {

    @TempDir
    Path other;

    private String text(String selector) {
        return fx(() -> lookup(selector).tryQuery().filter(n -> n.isVisible()).map(n -> ((Label) n).getText())
                .orElse(""));
    }

    /** Cancel, fired on the preview's own button (the studio window has buttons too). */
    private void cancel() {
        onFx(() -> lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Cancel")).findFirst().orElseThrow().fire());
    }

    @Test
    void thePreviewShowsTheAuthorWhatWasDoneAndWhatToCheck() throws Exception {
        start();
        Manuscript read = new Manuscript("The Keeper", List.of(new DraftScene("", Prose.plain("Text."))), List.of(),
                "Ada Marsh", new ImportReport(Map.of(ImportReport.Item.TRACKED_CHANGES, 2,
                ImportReport.Item.FOOTNOTES, 3, ImportReport.Item.IMAGES, 1),
                List.of("The file has tracked changes that were never accepted or rejected.")));
        try (Studio studio = Studio.open(other.resolve("library"), Studio.NewLibrary.EMPTY);
             Background background = Background.direct()) {
            Future<Boolean> shown = WaitForAsyncUtils.asyncFx(() -> new ImportPreviewDialog(
                    new ImportPreviewViewModel(studio, background, read, options -> read),
                    main().view().getScene().getWindow(), "keeper.docx").showAndWait());
            waitUntil("the preview is open", () -> lookup(".import-report").tryQuery().isPresent());

            assertEquals("From the file: 2 tracked changes accepted, 3 footnotes kept as notes, 1 image left out.",
                    text(".import-report"));
            assertEquals("The file has tracked changes that were never accepted or rejected.",
                    text(".import-warnings"));
            assertEquals("By Ada Marsh", text(".import-author"));
            assertTrue(fx(() -> lookup(".import-page-breaks").tryQuery().isPresent()), "a Word file offers page breaks");

            cancel();
            assertFalse(shown.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void aPlainFileShowsNoReport() throws Exception {
        start();
        Manuscript read = new Manuscript("Plain", List.of(new DraftScene("", Prose.plain("Text."))));
        try (Studio studio = Studio.open(other.resolve("library"), Studio.NewLibrary.EMPTY);
             Background background = Background.direct()) {
            Future<Boolean> shown = WaitForAsyncUtils.asyncFx(() -> new ImportPreviewDialog(
                    new ImportPreviewViewModel(studio, background, read), main().view().getScene().getWindow(),
                    "plain.md").showAndWait());
            waitUntil("the preview is open", () -> lookup(".import-report").tryQuery().isPresent());

            assertTrue(fx(() -> !lookup(".import-report").query().isVisible()
                    && !lookup(".import-warnings").query().isVisible()
                    && lookup(".import-page-breaks").tryQuery().isEmpty()));
            cancel();
            assertFalse(shown.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
    }
}
