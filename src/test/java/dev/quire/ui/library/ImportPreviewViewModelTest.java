package dev.quire.ui.library;

import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.DraftScene;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.ImportOptions;
import dev.quire.studio.manuscript.ImportReport;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.studio.manuscript.ManuscriptReader;
import dev.quire.ui.common.Background;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adjusting a manuscript's split before import, then importing what the preview shows. */
class ImportPreviewViewModelTest {

    private static final String DRAFT = """
            # The Tide Tables

            ## Low Water

            She walked out on the *hard* before seven.

            The posts were black with weed.

            * * *

            He read the almanac aloud.

            ## High Water

            The creek filled from underneath.
            """;

    @Test
    void theImportedStoryHasTheScenesThePreviewShowedAfterMergingSplittingAndRenaming(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("tides.md"), DRAFT, StandardCharsets.UTF_8);
        Manuscript read = ManuscriptReader.read(file, Format.MARKDOWN);
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY);
             Background background = Background.direct()) {
            ImportPreviewViewModel model = new ImportPreviewViewModel(studio, background, read);
            assertEquals(3, model.scenes().size(), "two headings and a break: " + model.scenes());

            model.mergeWithNext(0);
            model.split(0, 2);
            model.rename(1, "The Almanac");
            model.titleProperty().set("Tide Tables");
            CompletableFuture<Long> imported = new CompletableFuture<>();
            model.commit(imported::complete);
            long storyId = imported.get(10, TimeUnit.SECONDS);

            List<Scene> scenes = studio.scenes().all(storyId);
            assertEquals(List.of("Low Water", "The Almanac", "High Water"),
                    scenes.stream().map(Scene::title).toList());
            assertEquals("She walked out on the hard before seven.\nThe posts were black with weed.",
                    scenes.get(0).prose().text());
            assertTrue(scenes.get(0).prose().spans().stream().anyMatch(s -> s.italic()), "italics kept");
            assertEquals("Tide Tables", studio.stories().get(storyId).orElseThrow().title());
        }
    }

    @Test
    void thePreviewSaysWhatReadingTheFileDidAndWhatToCheck(@TempDir Path dir) {
        Manuscript read = new Manuscript("The Keeper", List.of(new DraftScene("", Prose.plain("Text."))), List.of(),
                "Ada Marsh", new ImportReport(Map.of(ImportReport.Item.TRACKED_CHANGES, 2,
                ImportReport.Item.TEXT_BOXES, 1, ImportReport.Item.IMAGES, 1), List.of("Check the changes.")));
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY);
             Background background = Background.direct()) {
            ImportPreviewViewModel model = new ImportPreviewViewModel(studio, background, read);

            assertEquals("From the file: 2 tracked changes accepted, 1 text box read, 1 image left out.",
                    model.reportProperty().get());
            assertEquals("Check the changes.", model.warningsProperty().get());
            assertEquals("Ada Marsh", model.authorProperty().get());

            model.remove(0); // the only scene stays; adjusting keeps what the file said
            model.rename(0, "Opening");
            assertEquals("From the file: 2 tracked changes accepted, 1 text box read, 1 image left out.",
                    model.reportProperty().get());
        }
    }

    @Test
    void aPlainManuscriptHasNothingToReport(@TempDir Path dir) {
        Manuscript read = new Manuscript("Plain", List.of(new DraftScene("", Prose.plain("Text."))));
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY);
             Background background = Background.direct()) {
            ImportPreviewViewModel model = new ImportPreviewViewModel(studio, background, read);

            assertEquals("", model.reportProperty().get());
            assertEquals("", model.warningsProperty().get());
        }
    }

    @Test
    void askingForPageBreaksAsSceneBreaksReadsTheFileAgainThatWay(@TempDir Path dir) throws Exception {
        Manuscript once = new Manuscript("Pages", List.of(new DraftScene("", Prose.plain("One.\nTwo."))));
        Manuscript split = new Manuscript("Pages", List.of(new DraftScene("", Prose.plain("One.")),
                new DraftScene("", Prose.plain("Two."))), List.of(), "", new ImportReport(
                Map.of(ImportReport.Item.PAGE_BREAKS, 1), List.of()));
        List<ImportOptions> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY);
             Background background = Background.direct()) {
            ImportPreviewViewModel model = new ImportPreviewViewModel(studio, background, once, options -> {
                asked.add(options);
                return options.pageBreaksAsSceneBreaks() ? split : once;
            });
            assertTrue(model.offersPageBreaks());
            CompletableFuture<Integer> reread = new CompletableFuture<>();
            model.scenes().addListener((javafx.collections.ListChangeListener<DraftScene>) c ->
                    reread.complete(model.scenes().size()));

            model.pageBreaksSplitScenesProperty().set(true);

            assertEquals(2, reread.get(10, TimeUnit.SECONDS));
            assertEquals(List.of(new ImportOptions(true)), asked);
            assertEquals("From the file: 1 page break taken as a scene break.", model.reportProperty().get());
        }
        assertFalse(new ImportPreviewViewModel(null, null, once).offersPageBreaks(), "Markdown has no page breaks");
    }
}
