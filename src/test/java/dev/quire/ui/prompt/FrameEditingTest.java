package dev.quire.ui.prompt;

import dev.quire.prompt.Frame;
import dev.quire.ui.SampleLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A writer duplicates a built-in frame, edits it, sees it in the preview, and can restore or delete it. */
class FrameEditingTest {

    @Test
    void aDuplicatedAndEditedFrameIsWhatThePreviewUsesAndCanBeRestored(@TempDir Path dir) throws Exception {
        try (SampleLibrary library = SampleLibrary.open(dir)) {
            PromptPreviewViewModel model = new PromptPreviewViewModel(library.studio(), library.background(),
                    library.storyId(), null);
            model.loadFrames();
            AtomicReference<Frame> copy = new AtomicReference<>();

            model.duplicateFrame("Scene, terse", copy::set);
            library.settle();
            assertNotNull(copy.get(), model.problemProperty().get());
            assertFalse(copy.get().builtIn());
            assertEquals(copy.get().key(), model.frameProperty().get(), "the copy is chosen");

            String edited = copy.get().template().replace("{{instruction}}",
                    "Write no more than two hundred words.\n{{instruction}}");
            AtomicReference<String> problem = new AtomicReference<>("not called");
            model.saveFrame(copy.get().key(), "Scene, terse", edited, problem::set);
            library.settle();
            assertNull(problem.get());
            model.refresh();
            assertTrue(model.reportProperty().get().text().contains("Write no more than two hundred words."));

            model.saveFrame(copy.get().key(), "Scene, terse", "{{no_such_slot}}", problem::set);
            library.settle();
            assertNotNull(problem.get(), "a broken template is refused");

            AtomicReference<Frame> restored = new AtomicReference<>();
            model.restoreFrame(copy.get().key(), restored::set);
            library.settle();
            assertFalse(restored.get().template().contains("Write no more than two hundred words."));

            model.deleteFrame(copy.get().key());
            library.settle();
            assertTrue(model.frames().stream().noneMatch(f -> f.key().equals(copy.get().key())));
            assertEquals("scene", model.frameProperty().get());
        }
    }
}
