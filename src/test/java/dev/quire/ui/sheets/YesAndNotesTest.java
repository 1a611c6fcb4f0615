package dev.quire.ui.sheets;

import dev.quire.model.Note;
import dev.quire.model.Story;
import dev.quire.ui.SampleLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Yes, and" notes kept from the Notes tab's model: private until shared, then in the prompt. */
class YesAndNotesTest {

    @Test
    void aClueReachesThePromptOnlyOnceItIsShared(@TempDir Path dir) throws Exception {
        try (SampleLibrary library = SampleLibrary.open(dir)) {
            Story story = library.studio().stories().get(library.storyId()).orElseThrow();
            StoryViewModel model = new StoryViewModel(library.studio(), library.background(), library.status(), story);

            model.addClue("The model gave Maud a brother. Make it a clue?", false, "message", null);
            library.settle();
            model.loadClues();
            assertEquals(1, model.clues().size());
            Note clue = model.clues().get(0);
            assertFalse(clue.shared());
            assertFalse(library.studio().prompts().preview(story.id(), null, null, "next", null).text()
                    .contains("gave Maud a brother"), "a private note never reaches a prompt");

            model.share(clue, true);
            library.settle();

            assertTrue(library.studio().prompts().preview(story.id(), null, null, "next", null).text()
                    .contains("gave Maud a brother"));
            model.loadClues();
            assertTrue(model.clues().get(0).shared());
        }
    }
}
