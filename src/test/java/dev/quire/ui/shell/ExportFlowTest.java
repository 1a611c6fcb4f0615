package dev.quire.ui.shell;

import dev.quire.model.StoryMetadata;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.Layout;
import dev.quire.studio.manuscript.ManuscriptFont;
import dev.quire.ui.SampleLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Export dialog's layouts, and a manuscript written from the studio with the story's author on it. */
class ExportFlowTest {

    @TempDir
    Path dir;

    private SampleLibrary library;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Shell shell;
    private MainViewModel model;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() {
        library = SampleLibrary.open(dir.resolve("library"));
        model = fx(() -> new MainViewModel(library.studio(), library.background()));
        shell = fx(() -> new Shell(model, dialogs, () -> null, new EditorTabs()));
    }

    @AfterEach
    void close() {
        library.close();
    }

    private static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDialogOffersTheLayoutsForWordAndTheFaceForAManuscriptOnly() {
        StoryMetadata ada = StoryMetadata.NONE.withAuthor("Ada Marsh").withContact("12 Ferry Lane");
        StoryExportFlow.Form form = fx(() -> new StoryExportFlow.Form(ada));

        assertEquals(Layout.BOOK, fx(() -> form.choice().options().layout()), "a book unless asked");
        assertFalse(fx(() -> form.font.isVisible()), "a book has one face");
        assertEquals("By Ada Marsh.", fx(form.byline::getText));

        fx(() -> {
            form.layout.setValue(Layout.MANUSCRIPT);
            form.font.setValue(ManuscriptFont.COURIER);
            form.underline.setSelected(true);
            return null;
        });
        assertTrue(fx(() -> form.font.isVisible()));
        var options = fx(() -> form.choice().options());
        assertEquals(Layout.MANUSCRIPT, options.layout());
        assertEquals(ManuscriptFont.COURIER, options.font());
        assertTrue(options.underlineItalics());
        assertTrue(fx(form.byline::getText).contains("your contact block"), fx(form.byline::getText));

        fx(() -> {
            form.format.setValue(Format.PDF);
            return null;
        });
        assertTrue(fx(() -> form.layout.getParent().isVisible()), "a PDF has the same layouts");
        fx(() -> {
            form.format.setValue(Format.EPUB);
            return null;
        });
        assertFalse(fx(() -> form.layout.getParent().isVisible()), "EPUB has no layouts to choose");
    }

    @Test
    void withNoAuthorTheDialogSaysWhereToGiveOne() {
        String hint = StoryExportFlow.Form.bylineHint(StoryMetadata.NONE, Layout.MANUSCRIPT);
        assertTrue(hint.contains("Bible page, under “For exports”"), hint);
    }

    @Test
    void aManuscriptExportedFromTheStudioCarriesTheStorysAuthor() throws Exception {
        library.studio().metadata().set(library.storyId(), StoryMetadata.NONE.withAuthor("Ada Marsh"));
        StoryExportFlow.Form form = fx(() -> new StoryExportFlow.Form(StoryMetadata.NONE));
        fx(() -> {
            form.layout.setValue(Layout.MANUSCRIPT);
            return null;
        });
        Path out = dir.resolve("remarks.docx");

        fx(() -> {
            new StoryExportFlow(shell).export(library.storyId(), form.choice(), out);
            return null;
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(() -> model.noticeProperty().get())
                .startsWith("Exported "));

        try (ZipFile zip = new ZipFile(out.toFile())) {
            String header = new String(zip.getInputStream(zip.getEntry("word/header2.xml")).readAllBytes());
            String doc = new String(zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes());
            assertTrue(header.contains("Marsh / ") || doc.contains("Marsh / "), header);
            assertTrue(doc.contains("by Ada Marsh"), "the byline");
        }
        assertTrue(Files.size(out) > 0);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
