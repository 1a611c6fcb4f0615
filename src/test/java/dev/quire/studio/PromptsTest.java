package dev.quire.studio;

import dev.quire.generate.Lighthouse;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.SystemBlock;
import dev.quire.model.LoreEntry;
import dev.quire.model.Prose;
import dev.quire.prompt.Frame;
import dev.quire.prompt.PromptReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prompt builder as the studio offers it: frames, previews, budgets and counters. */
class PromptsTest {

    @TempDir
    Path dir;

    Studio studio;
    Lighthouse story;
    Prompts prompts;

    @BeforeEach
    void open() {
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY,
                Map.of("QUIRE_CONFIG_HOME", dir.resolve("config").toString()));
        story = Lighthouse.addTo(studio);
        prompts = studio.prompts();
    }

    @AfterEach
    void close() {
        studio.close();
    }

    long id() {
        return story.story.id();
    }

    @Test
    void theBuiltInFramesAreListedThenTheWritersOwn() {
        List<Prompts.FrameInfo> frames = prompts.frames(id());
        assertEquals(List.of("co-writer", "analyst", "scene", "continue", "rewrite", "critique", "summary"),
                frames.stream().map(Prompts.FrameInfo::key).toList());
        assertTrue(frames.stream().allMatch(Prompts.FrameInfo::builtIn));

        Prompts.FrameInfo mine = prompts.duplicate(id(), "scene", "Sparse scene");

        assertEquals(new Prompts.FrameInfo(mine.key(), "Sparse scene", "scene", false),
                prompts.frames(id()).get(7));
        assertEquals(prompts.frame(id(), "scene").template(), prompts.frame(id(), mine.key()).template());
        assertEquals(mine.key(), prompts.frame(id(), "sparse SCENE").key(), "found by name too");
    }

    @Test
    void aDuplicatedFrameCanBeEditedAndRestoredWhileTheBuiltInStaysAsItWas() {
        String original = prompts.frame(id(), "critique").template();
        Prompts.FrameInfo mine = prompts.duplicate(null, "critique", null);
        String edited = "[system]\nBe brief.\n\n{{bible}}\n[user]\n{{scene_text}}\n\n{{instruction}}";

        prompts.saveFrame(mine.key(), "Brief critique", edited);
        PromptReport report = prompts.preview(id(), story.scenes.get(1).id(), mine.key(), "How is it?", null);

        assertTrue(report.messages().get(0).content().startsWith("Be brief.\n\n# Story bible"), report.text());
        assertEquals(original, prompts.frame(id(), "critique").template(), "the built-in is untouched");
        prompts.restore(mine.key());
        assertEquals(original, prompts.frame(id(), mine.key()).template());
        assertEquals("Brief critique", prompts.frame(id(), mine.key()).name());

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> prompts.saveFrame(mine.key(), null, "[user]\n{{instructions}}"));
        assertTrue(bad.getMessage().contains("There is no slot {{instructions}}"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> prompts.saveFrame("scene", null, edited),
                "built-ins are duplicated, not edited");
        prompts.deleteFrame(mine.key());
        assertEquals(7, prompts.frames(id()).size());
    }

    @Test
    void theBudgetIsTheStorysContextWindowLessItsOutputElseADefault() {
        assertEquals(Prompts.DEFAULT_BUDGET, prompts.preview(id(), null, null, "Go.", null).budget());
        studio.providers().save(new ProviderProfile("local", ProviderKind.OLLAMA, "http://localhost:11434", "llama",
                4096, 512), null);
        studio.providers().setStoryProfile(id(), "local");

        assertEquals(4096 - 512, prompts.preview(id(), null, null, "Go.", null).budget());
        assertEquals(300, prompts.preview(id(), null, null, "Go.", 300).budget());
    }

    @Test
    void openAiModelsAreCountedWithTheirTokenizerAndOthersEstimated() {
        assertEquals("o200k_base", Prompts.counter(ProviderProfile.defaults(ProviderKind.OPENAI), null).name());
        assertEquals("cl100k_base", Prompts.counter(ProviderProfile.defaults(ProviderKind.OPENAI), "gpt-4").name());
        ProviderProfile router = ProviderProfile.presets().get(4);
        assertEquals("o200k_base", Prompts.counter(router, "openai/gpt-4o-mini").name());
        assertTrue(Prompts.counter(router, null).name().startsWith("estimate"), "a Claude model through a router");
        assertTrue(Prompts.counter(ProviderProfile.defaults(ProviderKind.ANTHROPIC), null).name()
                .startsWith("estimate"));
    }

    @Test
    void editedSceneTextNotTheModelsDraftIsWhatTheNextPromptContains() {
        String before = prompts.preview(id(), null, null, "Next.", null).text();
        assertTrue(before.contains(Lighthouse.SCENE_3));

        studio.scenes().saveProse(story.scenes.get(2).id(), Prose.plain("EDITED-MARK The writer's storm."));
        String after = prompts.preview(id(), null, null, "Next.", null).text();

        assertTrue(after.contains("EDITED-MARK The writer's storm."), after);
        assertFalse(after.contains("SCENE-3-MARK"), "the superseded draft is gone");
    }

    @Test
    void theStablePrefixOfAGenerationIsByteIdenticalWhenOnlyTheInstructionChanges() {
        studio.lore().create(new LoreEntry(0, id(), "Causeway", List.of("causeway"), "CAUSEWAY-LORE", false, true));
        studio.lore().create(new LoreEntry(0, id(), "Light", List.of(), "ALWAYS-LORE", true, true));
        studio.providers().save(new ProviderProfile("loop", ProviderKind.ANTHROPIC, "https://api.anthropic.com",
                "claude-test", 200_000, 1000), null);
        Generator generator = new Generator(studio, () -> false);

        var first = generator.prepare(GenerationRequest.builder(id(), "Mara waits.").scene(2).build()).request();
        var second = generator.prepare(GenerationRequest.builder(id(), "Tomas crosses the causeway at night.")
                .scene(2).build()).request();

        // frame and bible | canon, sheets and always-on lore: each ends with a breakpoint, byte for byte the same
        assertEquals(first.system().subList(0, 3), second.system().subList(0, 3));
        assertTrue(first.system().get(1).cacheBreakpoint());
        assertTrue(first.system().get(2).cacheBreakpoint());
        assertTrue(first.system().get(2).text().contains("ALWAYS-LORE"));
        SystemBlock last = second.system().get(second.system().size() - 1);
        assertFalse(last.cacheBreakpoint());
        assertTrue(last.text().contains("CAUSEWAY-LORE"), "triggered after the breakpoints");
    }

    @Test
    void unknownStoriesScenesAndFramesAreSaidPlainly() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> prompts.preview(999, null, null, "x", null))
                .getMessage().contains("no story with id 999"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> prompts.preview(id(), 999L, null, "x", null))
                .getMessage().contains("has no scene with id 999"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> prompts.frame(id(), "frame-42"))
                .getMessage().contains("There is no frame “frame-42”"));
        assertEquals(List.of(), Frame.problems(prompts.frame(id(), null).template()));
    }
}
