package dev.quire.studio;

import dev.quire.generate.Lighthouse;
import dev.quire.llm.ApiKey;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.VariantResult;
import dev.quire.model.CanonFact;
import dev.quire.model.Chapter;
import dev.quire.model.Conversation;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.prompt.PromptReport;
import dev.quire.prompt.PromptTooSmallException;
import dev.quire.testing.Wire;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every request takes from a long story, whichever way it is made (a generation, a conversation's reply, the
 * preview): the chapters, which summaries are stale, the canon and the story's cap on scenes verbatim; and a budget
 * that cannot carry the canon refused before anything is sent.
 */
class StoryContextTest {

    static final String CANON = "CANON-MARK: the lamp has never once gone out.";
    static final String CHAPTER_SUMMARY = "CHAPTER-MARK: Mara takes the light and learns its moods.";

    @TempDir
    Path dir;

    Studio studio;
    Lighthouse story;
    MockWebServer server;

    @BeforeEach
    void open() {
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY,
                Map.of("QUIRE_CONFIG_HOME", dir.resolve("config").toString()));
        story = Lighthouse.addTo(studio);
        server = Wire.start();
        studio.providers().save(new ProviderProfile("loop", ProviderKind.ANTHROPIC, Wire.root(server), "claude-test",
                8192, 1000), null);
        studio.providers().storeKey("loop", ApiKey.of("sk-test-context-0123456789"));
    }

    @AfterEach
    void close() {
        server.close();
        studio.close();
    }

    long id() {
        return story.story.id();
    }

    Scene scene(int number) {
        return story.scenes.get(number - 1);
    }

    /** Scene 1 alone in a chapter with a summary and no summary of its own; scenes 2 and 3 in the next. */
    Chapter chapters() {
        Chapter first = studio.chapters().startAt(scene(1).id(), "Landfall");
        studio.chapters().startAt(scene(2).id(), "Weather");
        studio.chapters().saveSummary(first.id(), CHAPTER_SUMMARY, "", true);
        Scene s = scene(1);
        studio.scenes().saveDetails(s.withDetails(s.title(), "", s.povCharacterId(), s.characterIds(), s.pinned()));
        return first;
    }

    @Test
    void theVerbatimCapIsKeptPerStoryAndCanBeTakenAway() {
        long other = studio.stories().create(Story.titled("Another")).id();
        assertEquals(Optional.empty(), studio.prompts().verbatimCap(id()), "no cap until one is set");

        studio.prompts().setVerbatimCap(id(), 1500);

        assertEquals(Optional.of(1500), studio.prompts().verbatimCap(id()));
        assertEquals(Optional.of("1500"), studio.settings().get("story." + id() + ".verbatim-cap"));
        assertEquals(Optional.empty(), studio.prompts().verbatimCap(other));
        studio.prompts().setVerbatimCap(id(), null);
        assertEquals(Optional.empty(), studio.prompts().verbatimCap(id()));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> studio.prompts().setVerbatimCap(id(), -1));
        assertTrue(negative.getMessage().contains("0 or more"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> studio.prompts().setVerbatimCap(9_999, 100));
    }

    @Test
    void theStorysCapKeepsEarlierScenesOutOfThePromptVerbatim() {
        PromptReport uncapped = studio.prompts().preview(id(), null, null, "Next.", null);
        assertTrue(kinds(uncapped).contains("scene"), "the nearest scenes verbatim: " + uncapped.coverage().line());

        studio.prompts().setVerbatimCap(id(), 0);
        PromptReport capped = studio.prompts().preview(id(), null, null, "Next.", null);

        assertFalse(kinds(capped).contains("scene"), capped.coverage().line());
        assertEquals("scenes 1–3 by summary", capped.coverage().line());
    }

    @Test
    void aPreviewCarriesTheChaptersStaleSummariesAndCanon() {
        Chapter landfall = chapters();
        long fact = studio.canon().add(CanonFact.byWriter(id(), CANON)).id();
        studio.scenes().saveProse(scene(2).id(), dev.quire.model.Prose.plain("Tomas came late with the oil."));
        studio.prompts().setVerbatimCap(id(), 0);

        PromptReport report = studio.prompts().preview(id(), scene(3).id(), null, "Next.", null);

        assertTrue(report.included().contains(new PromptReport.Included("summary", scene(2).id(), "Scene 2: Oil",
                tokens(report, "summary", scene(2).id()), true)), "scene 2 changed after its summary");
        assertTrue(has(report, "chapter-summary", landfall.id()), report.included().toString());
        assertTrue(has(report, "canon", fact), report.included().toString());
        assertEquals("scene 2 by summary (1 stale), chapter 1 by chapter summary", report.coverage().line());
        assertTrue(report.text().contains(CHAPTER_SUMMARY) && report.text().contains(CANON), report.text());
    }

    @Test
    void aGenerationAndAConversationCarryTheChaptersAndCanonToo() {
        chapters();
        studio.canon().add(CanonFact.byWriter(id(), CANON));
        studio.prompts().setVerbatimCap(id(), 0);

        Generator.Prepared prepared = new Generator(studio, () -> false).prepare(GenerationRequest.builder(id(),
                "Next.").scene(3).build());
        String sent = GeneratorTest.allText(prepared.request());
        assertTrue(sent.contains(CANON) && sent.contains(CHAPTER_SUMMARY), sent);
        assertFalse(sent.contains(Lighthouse.SCENE_2), "the story's cap holds for generations: " + sent);

        Conversation talk = studio.threads().start(id(), scene(3).id(), "What next", "cowriter");
        PromptReport reply = studio.threads().preview(talk.id(), null, "What should the storm take?");
        assertTrue(reply.text().contains(CANON), reply.text());
    }

    @Test
    void aBudgetThatCannotCarryTheCanonRefusesTheGenerationBeforeAnythingIsSentOrRecorded() {
        studio.canon().add(CanonFact.byWriter(id(), "The lamp room holds every logbook since 1850. ".repeat(1500)));
        Generator generator = new Generator(studio, () -> false);

        PromptTooSmallException refused = assertThrows(PromptTooSmallException.class, () -> generator.start(
                GenerationRequest.builder(id(), "Next.").build(), new Silent(), Runnable::run));

        assertTrue(refused.getMessage().startsWith("The story's canon needs "), refused.getMessage());
        assertTrue(refused.getMessage().contains("raise the budget, choose a model with a larger window, or shorten "
                + "the canon"), refused.getMessage());
        assertTrue(refused.needed() > refused.available(), refused.getMessage());
        assertEquals(0, server.getRequestCount(), "nothing sent");
        assertEquals(List.of(), studio.generations().forStory(id()), "nothing recorded");
        assertThrows(PromptTooSmallException.class, () -> studio.prompts().preview(id(), null, null, "Next.", null),
                "the preview says the same");
    }

    private static List<String> kinds(PromptReport report) {
        return report.included().stream().filter(i -> !i.label().endsWith("so far")).map(PromptReport.Included::kind)
                .toList();
    }

    private static boolean has(PromptReport report, String kind, long id) {
        return report.included().stream().anyMatch(i -> i.kind().equals(kind) && i.id() == id);
    }

    private static int tokens(PromptReport report, String kind, long id) {
        return report.included().stream().filter(i -> i.kind().equals(kind) && i.id() == id).findFirst()
                .map(PromptReport.Included::tokens).orElse(-1);
    }

    /** A handler that is never called: the generation is refused before it starts. */
    private static final class Silent implements GenerationHandler {
        @Override
        public void onText(int variant, String delta) {
            throw new AssertionError("nothing should stream");
        }

        @Override
        public void onFinished(List<VariantResult> results) {
            throw new AssertionError("nothing should finish");
        }
    }
}
