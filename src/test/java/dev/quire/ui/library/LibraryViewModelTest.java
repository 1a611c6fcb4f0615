package dev.quire.ui.library;

import dev.quire.model.StorySummary;
import dev.quire.ui.SampleLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibraryViewModelTest {

    @TempDir
    Path dir;

    private SampleLibrary library;
    private LibraryViewModel stories;

    @BeforeEach
    void openLibrary() {
        library = SampleLibrary.open(dir);
        stories = new LibraryViewModel(library.studio(), library.background());
        stories.reload();
    }

    @AfterEach
    void close() {
        library.close();
    }

    private List<String> titles() {
        return stories.stories().stream().map(StorySummary::title).toList();
    }

    @Test
    void reloadListsTheSampleStory() {
        assertEquals(List.of("The Remarks Column"), titles());
    }

    @Test
    void aCreatedStoryIsListedAndOpened() {
        AtomicLong opened = new AtomicLong(-1);

        stories.create("  The Long Hard  ", opened::set);
        library.settle();

        assertEquals(2, stories.stories().size());
        StorySummary created = stories.stories().stream().filter(s -> s.title().equals("The Long Hard"))
                .findFirst().orElseThrow();
        assertEquals(created.id(), opened.get());
        assertEquals(0, created.scenes());
    }

    @Test
    void aStoryCreatedWithoutATitleIsCalledUntitled() {
        stories.create(" ", id -> { });
        library.settle();

        assertTrue(titles().contains("Untitled story"), titles()::toString);
    }

    @Test
    void aRenamedStoryIsListedUnderItsNewTitle() {
        long id = stories.stories().get(0).id();

        stories.rename(id, " Saltrey ", () -> { });
        library.settle();

        assertEquals(List.of("Saltrey"), titles());
        assertEquals("Saltrey", library.studio().stories().get(id).orElseThrow().title());
    }

    @Test
    void renamingToNothingKeepsTheOldTitleAndSaysSo() {
        StorySummary sample = stories.stories().get(0);

        stories.rename(sample.id(), "   ", () -> { });
        library.settle();

        assertEquals(sample.title(), library.studio().stories().get(sample.id()).orElseThrow().title());
        assertEquals("A story needs a title; the old one was kept.", stories.messageProperty().get());
    }

    @Test
    void aDeletedStoryLeavesABackupOfTheLibrary() throws IOException {
        StorySummary sample = stories.stories().get(0);

        stories.delete(sample, () -> { });
        library.settle();

        assertTrue(stories.stories().isEmpty());
        assertTrue(library.studio().stories().get(sample.id()).isEmpty());
        Path backups = dir.resolve("backups");
        try (Stream<Path> files = Files.list(backups)) {
            List<Path> copies = files.toList();
            assertEquals(1, copies.size(), copies::toString);
            assertTrue(Files.size(copies.get(0)) > 0);
        }
        assertTrue(stories.messageProperty().get().contains(backups.toString()),
                stories.messageProperty()::get);
    }
}
