package dev.quire.generate;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.prompt.PromptReport;
import dev.quire.prompt.PromptTooSmallException;
import dev.quire.studio.GenerationRequest;
import dev.quire.studio.Generator;
import dev.quire.studio.Prompts;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figure the context meter and the Prompt Preview show is the one the generation records, for the provider and
 * model the generate panel chose, not only the story's.
 */
class TokenFigureTest {

    @TempDir
    Path dir;

    Studio studio;
    Lighthouse story;

    @BeforeEach
    void open() {
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY,
                Map.of("QUIRE_CONFIG_HOME", dir.resolve("config").toString()));
        story = Lighthouse.addTo(studio);
        // the story's provider counts by the estimate; the other one is an OpenAI model, counted exactly
        studio.providers().save(new ProviderProfile("local", ProviderKind.OLLAMA, "http://localhost:9", "llama-test",
                8192, 1024), null);
        studio.providers().setDefaultProfile("local");
        studio.providers().save(new ProviderProfile("router", ProviderKind.OPENAI_COMPATIBLE,
                "http://localhost:9/v1", "llama-test", 32_000, 2000), null);
    }

    @AfterEach
    void close() {
        studio.close();
    }

    private long scene2() {
        return story.scenes.get(1).id();
    }

    @Test
    void thePreviewForTheChosenProviderAndModelCountsAsTheGenerationWill() {
        String instruction = "Tomas brings the oil; Mara counts the cans.";
        PromptReport asStory = studio.prompts().preview(story.story.id(), scene2(), null, instruction,
                Generator.Mode.SCENE, 0, 0, null, Prompts.Asking.STORY);
        PromptReport asChosen = studio.prompts().preview(story.story.id(), scene2(), null, instruction,
                Generator.Mode.SCENE, 0, 0, null,
                new Prompts.Asking("router", "openai/gpt-4o", List.of()));

        Generator.Prepared prepared = studio.generator().prepare(GenerationRequest.builder(story.story.id(),
                instruction).scene(2).provider("router").model("openai/gpt-4o").build());

        assertEquals(asChosen.tokens(), prepared.estimatedInputTokens());
        assertTrue(asChosen.exact(), "OpenAI's own encoding");
        assertFalse(asStory.exact());
        // two counters for the same prompt (their figures may happen to agree on a short one)
        assertNotEquals(asStory.counter(), asChosen.counter(), "counted for the model Generate will ask");
        assertEquals(32_000 - 2000, asChosen.budget());
        assertEquals(8192 - 1024, asStory.budget());
    }

    @Test
    void thePreviewRefusesWhatGenerateWouldRefuse() {
        studio.providers().save(new ProviderProfile("tiny", ProviderKind.OLLAMA, "http://localhost:9", "llama-test",
                550, 500), null);
        PromptTooSmallException shown = assertThrows(PromptTooSmallException.class, () -> studio.prompts().preview(
                story.story.id(), scene2(), null, "Tomas is late.", Generator.Mode.SCENE, 0, 0, null,
                new Prompts.Asking("tiny", null, List.of())));
        PromptTooSmallException sent = assertThrows(PromptTooSmallException.class, () -> studio.generator().prepare(
                GenerationRequest.builder(story.story.id(), "Tomas is late.").scene(2).provider("tiny").build()));
        assertEquals(shown.getMessage(), sent.getMessage());
        assertEquals(50, sent.available());
    }
}
