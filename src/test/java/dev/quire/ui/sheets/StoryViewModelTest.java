package dev.quire.ui.sheets;

import dev.quire.model.Story;
import dev.quire.ui.SampleLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoryViewModelTest {

    @TempDir
    Path dir;

    private SampleLibrary library;
    private Story loaded;
    private StoryViewModel story;

    @BeforeEach
    void openSampleStory() {
        library = SampleLibrary.open(dir);
        loaded = library.studio().stories().get(library.storyId()).orElseThrow();
        story = new StoryViewModel(library.studio(), library.background(), library.status(), loaded);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private Story stored() {
        return library.studio().stories().get(loaded.id()).orElseThrow();
    }

    @Test
    void loadingTheStoryIsNotAnEdit() {
        assertFalse(story.hasUnsavedChanges());
        assertEquals(loaded.premise(), story.premiseProperty().get());
    }

    @Test
    void bibleEditsAreStoredOnFlush() {
        story.premiseProperty().set("A weather diary that does not add up.");
        story.styleGuideProperty().set("Close third, past tense.");
        story.aboutWriterProperty().set("I keep a rain gauge.");
        story.avoidListProperty().set("suddenly\n\n  a shiver ran down her spine  \n");

        story.flush();

        Story s = stored();
        assertEquals("A weather diary that does not add up.", s.premise());
        assertEquals("Close third, past tense.", s.styleGuide());
        assertEquals("I keep a rain gauge.", s.aboutWriter());
        assertEquals(List.of("suddenly", "a shiver ran down her spine"), s.avoidList(),
                "one entry a line, blank lines dropped");
    }

    @Test
    void notesAreStoredOnFlush() {
        story.notesProperty().set("Check the tide table for 14 October.");
        assertTrue(story.hasUnsavedChanges());

        story.flush();

        assertEquals("Check the tide table for 14 October.", stored().notes());
        assertEquals(loaded.premise(), stored().premise(), "the bible is untouched by a notes edit");
    }

    @Test
    void aRenameFromTheLibraryIsNotUndoneByTheNextSave() {
        library.studio().stories().rename(loaded.id(), "Saltrey Readings");
        story.renamed("Saltrey Readings");

        story.notesProperty().set("Renamed after the first draft.");
        story.flush();

        assertEquals("Saltrey Readings", stored().title());
        assertEquals("Saltrey Readings", story.titleProperty().get());
    }

    @Test
    void theVerbatimCapIsKeptForTheStoryAndABadOneIsExplained() {
        story.loadProviders();
        assertEquals("", story.verbatimCapProperty().get(), "no cap until the writer sets one");

        story.verbatimCapProperty().set("3,000");
        story.saveVerbatimCap();
        library.settle();
        assertEquals(java.util.Optional.of(3000), library.studio().prompts().verbatimCap(loaded.id()));
        assertEquals("", story.verbatimProblemProperty().get());

        story.verbatimCapProperty().set("three thousand");
        story.saveVerbatimCap();
        library.settle();
        assertTrue(story.verbatimProblemProperty().get().contains("number of words"),
                story.verbatimProblemProperty().get());
        assertEquals(java.util.Optional.of(3000), library.studio().prompts().verbatimCap(loaded.id()),
                "a bad entry changes nothing");

        story.verbatimCapProperty().set("");
        story.saveVerbatimCap();
        library.settle();
        assertTrue(library.studio().prompts().verbatimCap(loaded.id()).isEmpty(), "empty removes the cap");

        StoryViewModel again = new StoryViewModel(library.studio(), library.background(), library.status(), loaded);
        library.studio().prompts().setVerbatimCap(loaded.id(), 1200);
        again.loadProviders();
        assertEquals("1200", again.verbatimCapProperty().get(), "the bible shows the cap kept");
    }
}
