package dev.quire.ui.prompt;

import dev.quire.model.SceneHeader;
import dev.quire.prompt.PromptReport;
import dev.quire.ui.SampleLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview behind the context meter and the Prompt Preview window, on the sample story. */
class PromptPreviewViewModelTest {

    @Test
    void thePreviewOfASceneHoldsTheBibleAndTheInstructionWithinTheBudget(@TempDir Path dir) {
        try (SampleLibrary library = SampleLibrary.open(dir)) {
            List<SceneHeader> scenes = library.headers();
            PromptPreviewViewModel model = new PromptPreviewViewModel(library.studio(), library.background(),
                    library.storyId(), scenes.get(2).id());
            model.loadFrames();
            model.instructionProperty().set("Maud rows back across the creek at high water");

            model.refresh();

            PromptReport report = model.reportProperty().get();
            assertNotNull(report, model.problemProperty().get());
            assertTrue(report.tokens() <= report.budget(), report.tokens() + " > " + report.budget());
            assertTrue(report.text().contains("Maud rows back across the creek at high water"));
            assertTrue(report.included().stream().anyMatch(i -> i.kind().equals("bible")));
            assertTrue(model.frames().stream().anyMatch(f -> f.key().equals("scene")));
        }
    }

    @Test
    void aProviderWhoseBudgetCannotHoldThePromptIsSaidOnceWithTheFiguresAndAFittingOneClearsIt(@TempDir Path dir) {
        try (SampleLibrary library = SampleLibrary.open(dir)) {
            library.studio().providers().save(new dev.quire.llm.ProviderProfile("tiny",
                    dev.quire.llm.ProviderKind.OLLAMA, "http://localhost:9", "llama-test", 550, 500), null);
            PromptPreviewViewModel model = new PromptPreviewViewModel(library.studio(), library.background(),
                    library.storyId(), library.headers().get(0).id());
            model.instructionProperty().set("Odile takes the reading alone.");
            model.providerProperty().set("tiny");

            model.refresh();

            assertTrue(model.tooSmallProperty().get().contains("budget is 50"), model.tooSmallProperty().get());
            assertEquals(null, model.reportProperty().get(), "nothing that fits to show");

            library.studio().providers().save(new dev.quire.llm.ProviderProfile("roomy",
                    dev.quire.llm.ProviderKind.OLLAMA, "http://localhost:9", "llama-test", 8192, 1024), null);
            model.providerProperty().set("roomy");
            model.refresh();
            assertEquals("", model.tooSmallProperty().get());
            assertTrue(model.reportProperty().get().fits());
        }
    }

    @Test
    void theNewestInstructionIsWhatThePreviewShows(@TempDir Path dir) {
        try (SampleLibrary library = SampleLibrary.open(dir)) {
            PromptPreviewViewModel model = new PromptPreviewViewModel(library.studio(), library.background(),
                    library.storyId(), null);
            model.instructionProperty().set("first");
            model.refresh();
            model.instructionProperty().set("second");
            model.refresh();

            assertTrue(model.reportProperty().get().text().contains("second"));
            assertEquals("", model.problemProperty().get());
        }
    }

    @Test
    void aConversationsPreviewShowsWhatTheNextReplyWouldSendWithTheDraft(@TempDir Path dir) {
        try (SampleLibrary library = SampleLibrary.open(dir)) {
            var threads = library.studio().threads();
            var conversation = threads.start(library.storyId(), null, "Talk", "analyst");
            threads.say(conversation.id(), null, "What does Maud want from Bert?");
            PromptPreviewViewModel model = PromptPreviewViewModel.of(library.studio(), library.background(),
                    library.storyId(), draft -> threads.preview(conversation.id(), null, draft));
            model.instructionProperty().set("And what does she fear?");

            model.loadFrames();

            assertTrue(!model.choosesFrame());
            String text = model.reportProperty().get().text();
            assertTrue(text.contains("What does Maud want from Bert?"), "the history");
            assertTrue(text.contains("And what does she fear?"), "the draft");
        }
    }

    @Test
    void continuingFromTheCursorPreviewsOnlyTheTextBeforeIt(@TempDir Path dir) {
        try (SampleLibrary library = SampleLibrary.open(dir)) {
            SceneHeader third = library.headers().get(2);
            String text = library.studio().scenes().get(third.id()).orElseThrow().prose().text();
            int cursor = text.indexOf('\n');
            String after = text.substring(cursor + 1, cursor + 40);
            PromptPreviewViewModel model = new PromptPreviewViewModel(library.studio(), library.background(),
                    library.storyId(), third.id());
            model.frameProperty().set("continue");
            model.refresh();
            assertTrue(model.reportProperty().get().text().contains(after), "the whole scene before choosing a cursor");

            model.placement(dev.quire.studio.Generator.Mode.CONTINUE, cursor, cursor);
            model.refresh();

            String sent = model.reportProperty().get().text();
            assertEquals("", model.problemProperty().get());
            assertTrue(sent.contains(text.substring(cursor - 25, cursor)), "the text before the cursor");
            assertFalse(sent.contains(after), "not the text after it");
        }
    }
}
