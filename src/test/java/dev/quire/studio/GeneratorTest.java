package dev.quire.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.generate.Lighthouse;
import dev.quire.testing.Wire;
import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.SystemBlock;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Variant;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generate use case: the prompt it builds, what it records and when, and cancelling. */
class GeneratorTest {

    static final String CALLER = "caller-thread";

    @TempDir
    Path dir;

    final Map<String, String> env = new HashMap<>();
    Studio studio;
    Lighthouse story;
    MockWebServer server;
    final ExecutorService caller = Executors.newSingleThreadExecutor(r -> new Thread(r, CALLER));

    @BeforeEach
    void open() {
        env.put("QUIRE_CONFIG_HOME", dir.resolve("config").toString());
        env.put("QUIRE_PROVIDER_STALL_SECONDS", "20");
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, env);
        story = Lighthouse.addTo(studio);
        server = Wire.start();
        studio.providers().save(new ProviderProfile("loop", ProviderKind.ANTHROPIC, Wire.root(server), "claude-test",
                200_000, 1000), null);
        studio.providers().storeKey("loop", ApiKey.of("sk-test-generator-0123456789"));
    }

    @AfterEach
    void close() {
        caller.shutdownNow();
        server.close();
        studio.close();
    }

    Generator generator() {
        return new Generator(studio, () -> false);
    }

    GenerationRequest.Builder ask(String instruction) {
        return GenerationRequest.builder(story.story.id(), instruction);
    }

    static String allText(ChatRequest request) {
        StringBuilder sb = new StringBuilder();
        request.system().forEach(b -> sb.append(b.text()).append('\n'));
        request.messages().forEach(m -> sb.append(m.text()).append('\n'));
        return sb.toString();
    }

    /** Records callbacks and the thread each ran on. */
    static final class Handler implements GenerationHandler {
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());
        final StringBuilder text = new StringBuilder();
        final CountDownLatch firstText = new CountDownLatch(1);
        volatile Generation.Status statusSeenAtFinish;
        Studio studio;

        @Override
        public synchronized void onText(int variant, String delta) {
            threads.add(Thread.currentThread().getName());
            text.append(delta);
            firstText.countDown();
        }

        @Override
        public void onFinished(List<VariantResult> results) {
            threads.add(Thread.currentThread().getName());
            if (studio != null) {
                long latest = studio.database().read("test", c -> {
                    try (var rs = c.createStatement().executeQuery("SELECT max(id) FROM generation")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                statusSeenAtFinish = studio.generations().get(latest).orElseThrow().status();
            }
        }
    }

    // ---- the prompt ----

    @Test
    void theBibleIsTheCachedPrefixAndTheCastLeavesOutPrivateNotesAndEmptyFields() {
        ChatRequest request = generator().prepare(ask("INSTRUCTION-MARK").scene(2).build()).request();

        List<SystemBlock> system = request.system();
        assertTrue(system.get(0).text().startsWith("You are co-writing a work of fiction"), system.get(0).text());
        assertFalse(system.get(0).cacheBreakpoint());
        SystemBlock bible = system.get(1);
        assertTrue(bible.cacheBreakpoint(), "the stable story context ends the cached prefix");
        for (String part : List.of(Lighthouse.TITLE, Lighthouse.PREMISE, Lighthouse.STYLE, Lighthouse.ABOUT,
                "- " + Lighthouse.AVOID)) {
            assertTrue(bible.text().contains(part), part + " in " + bible.text());
        }
        assertTrue(system.stream().filter(SystemBlock::cacheBreakpoint).count() <= 4, "at most four breakpoints");

        SystemBlock stable = system.get(2);
        assertTrue(stable.cacheBreakpoint(), "canon and the sheets end a cached part of their own");
        String cast = stable.text().substring(stable.text().indexOf("# Characters"));
        assertTrue(cast.startsWith("# Characters in this scene"), cast);
        assertTrue(cast.contains("## Mara (also called the keeper)"), cast);
        assertTrue(cast.contains("Role: MARA-ROLE-MARK the lighthouse keeper"), cast);
        assertTrue(cast.contains("Fears: open water"), cast);
        assertTrue(cast.contains("- MARA-FACT-MARK keeps her father's logbook"), cast);
        assertTrue(cast.contains("TOMAS-ROLE-MARK"), cast);
        assertFalse(cast.contains("INES-ROLE-MARK"), "Ines is not in scene 2");
        assertFalse(cast.contains("Appearance:"), "empty fields are left out");
        assertFalse(allText(request).contains("PRIVATE-NOTE-MARK"), "private notes never reach the model");
        assertFalse(allText(request).contains("Private notes"));

        String storySoFar = system.get(3).text();
        assertTrue(system.get(3).cacheBreakpoint(), "the nearest scenes verbatim end a cached part too");
        assertTrue(storySoFar.contains("## Scene 1: Dusk\n\n" + Lighthouse.SCENE_1), storySoFar);
        assertFalse(allText(request).contains("SCENE-3-MARK"), "what comes after the scene is not sent");

        assertEquals(1, request.messages().size());
        String user = request.messages().get(0).text();
        assertTrue(user.startsWith("Here is scene 2, “Oil”, so far:\n\n" + Lighthouse.SCENE_2), user);
        assertTrue(user.endsWith("INSTRUCTION-MARK"), user);
    }

    @Test
    void aNewSceneSeesEveryCharacterAndEveryScene() {
        Generator.Prepared prepared = generator().prepare(ask("Next.").build());

        String all = allText(prepared.request());
        assertTrue(prepared.scene().isEmpty());
        assertTrue(prepared.request().system().get(2).text().contains("# Characters in this scene\n"),
                "a new scene starts with the last scene's cast");
        for (String mark : List.of("INES-ROLE-MARK", "SCENE-1-MARK", "SCENE-2-MARK", "SCENE-3-MARK")) {
            assertTrue(all.contains(mark), mark);
        }
        assertFalse(all.contains("TOMAS-ROLE-MARK"), "Tomas is not in the last scene");
        assertEquals("Next.", prepared.request().messages().get(0).text());
        assertEquals("loop", prepared.profile().name(), "the only profile is the story's");
        assertEquals(prepared.report().tokens(), prepared.estimatedInputTokens());
        assertTrue(prepared.report().tokens() <= prepared.report().budget());
        assertEquals(200_000 - 1000, prepared.report().budget(), "the profile's window less its output");
    }

    @Test
    void editedSceneTextIsWhatTheNextPromptSees() throws Exception {
        studio.scenes().saveProse(story.scenes.get(0).id(), Prose.plain("EDITED-MARK Mara rewrote the dusk."));
        server.enqueue(Wire.sse(Wire.anthropic("ok")).build());

        Generator.Running running = generator().start(ask("Go on.").scene(2).build(), new Handler(), caller);
        running.done().get(10, TimeUnit.SECONDS);

        Generation recorded = studio.generations().get(running.generationId()).orElseThrow();
        assertTrue(recorded.messagesJson().contains("EDITED-MARK Mara rewrote the dusk."), recorded.messagesJson());
        assertFalse(recorded.messagesJson().contains("SCENE-1-MARK"), "the model's old draft is gone");
        JsonNode sent = Wire.body(server.takeRequest());
        assertTrue(sent.get("system").toString().contains("EDITED-MARK"));
        assertFalse(sent.get("system").toString().contains("SCENE-1-MARK"));
    }

    @Test
    void olderScenesGoBySummaryOnceTheRecentWordsAreSpent() {
        // an 8K window: a 200K one now keeps far more of the nearest scenes verbatim
        studio.providers().save(new ProviderProfile("loop", ProviderKind.ANTHROPIC, Wire.root(server), "claude-test",
                8192, 1000), null);
        String words = "word ".repeat(2000).strip();
        for (int i = 0; i < 2; i++) {
            studio.scenes().append(new Scene(0, story.story.id(), 0, "Long " + i, Prose.plain("LONG-" + i + " "
                    + words), "LONG-SUMMARY-" + i, null, List.of(), false, null));
        }

        // the story so far: the blocks after the stable context (by summary, then the nearest verbatim)
        String storySoFar = generator().prepare(ask("Next.").build()).request().system().stream().skip(3)
                .map(SystemBlock::text).collect(java.util.stream.Collectors.joining("\n\n"));

        assertTrue(storySoFar.contains("LONG-1 word"), "the newest scene verbatim");
        assertTrue(storySoFar.contains("LONG-SUMMARY-0") && !storySoFar.contains("LONG-0 word"),
                "past the budget, by summary");
        assertTrue(storySoFar.contains("SUMMARY-1-MARK") && !storySoFar.contains("SCENE-1-MARK"));
        assertTrue(storySoFar.indexOf("Scene 1") < storySoFar.indexOf("Scene 5"), "in story order");
    }

    // ---- recording and callbacks ----

    @Test
    void variantTextIsInTheLibraryAsItArrivesAndCancellingKeepsIt() throws Exception {
        server.enqueue(Wire.stalledAfter("text/event-stream", Wire.anthropicStart()
                + Wire.anthropicDelta("First words ") + Wire.anthropicDelta("and more")).build());
        Handler handler = new Handler();

        Generator.Running running = generator().start(ask("Begin.").build(), handler, caller);
        assertTrue(handler.firstText.await(10, TimeUnit.SECONDS));

        Generation streaming = studio.generations().get(running.generationId()).orElseThrow();
        assertEquals(Generation.Status.STREAMING, streaming.status(), "recorded before it finished");
        Variant saved = studio.generations().variants(running.generationId()).get(0);
        assertEquals(Variant.Status.STREAMING, saved.status());
        assertTrue(saved.text().startsWith("First words "), "saved before the caller saw it: " + saved.text());

        running.cancel();
        Generator.Outcome outcome = running.done().get(10, TimeUnit.SECONDS);

        assertEquals(Generation.Status.CANCELLED, outcome.status());
        Variant cancelled = studio.generations().variants(running.generationId()).get(0);
        assertEquals(Variant.Status.STOPPED, cancelled.status());
        assertEquals(outcome.variants().get(0).text(), cancelled.text());
        assertTrue(cancelled.text().startsWith("First words "));
        assertNull(cancelled.error());
        assertEquals(Generation.Status.CANCELLED,
                studio.generations().get(running.generationId()).orElseThrow().status());
    }

    @Test
    void callbacksRunOnTheCallersExecutorAfterTheLibraryHoldsTheOutcome() throws Exception {
        server.enqueue(Wire.sse(Wire.anthropic("One ", "two ", "three.")).build());
        Handler handler = new Handler();
        handler.studio = studio;
        Generator generator = generator();
        Generator.Prepared prepared = generator.prepare(ask("Count.").build());

        Generator.Running running = generator.start(prepared, handler, caller);
        Generator.Outcome outcome = running.done().get(10, TimeUnit.SECONDS);

        assertEquals("One two three.", handler.text.toString());
        assertTrue(handler.threads.stream().allMatch(CALLER::equals), handler.threads.toString());
        assertEquals(Generation.Status.COMPLETE, handler.statusSeenAtFinish, "final before onFinished");
        assertEquals(Generation.Status.COMPLETE, outcome.status());
        assertEquals(130, outcome.usage().input());
        assertNull(outcome.saveFailure());
        RecordedRequest request = server.takeRequest();
        assertEquals("sk-test-generator-0123456789", request.getHeaders().get("x-api-key"));
    }

    @Test
    void theWritersInstructionIsRecordedWithTheGeneration() throws Exception {
        server.enqueue(Wire.sse(Wire.anthropic("Rain.")).build());

        Generator.Running running = generator().start(ask("  Mara hears the knock, twice.  ").scene(2).build(),
                (variant, delta) -> { }, caller);
        running.done().get(10, TimeUnit.SECONDS);

        Generation recorded = studio.generations().get(running.generationId()).orElseThrow();
        assertEquals("  Mara hears the knock, twice.  ", recorded.instruction(), "as typed");
        assertEquals("scene", recorded.frame());
        assertEquals("claude-test", recorded.model());
    }

    @Test
    void aContinuationRecordsTheVariantWhoseTextItContinues() throws Exception {
        server.enqueue(Wire.sse(Wire.anthropic("More.")).build());
        long sceneId = studio.scenes().headers(story.story.id()).get(1).id();
        Generation earlier = studio.generations().create(new Generation(0, story.story.id(), sceneId, null, "scene",
                "loop", "claude-test", "[]", "{}", null, 1, null, null, null, Generation.Status.COMPLETE, null, "x"));
        long variant = studio.generations().variants(earlier.id()).get(0).id();
        dev.quire.model.Prose text = new dev.quire.model.Prose.Builder().append("Mara waited. ")
                .append("The oil ran low.", dev.quire.model.Provenance.variant("A", variant), false, false).build();
        studio.scenes().saveProse(sceneId, text);

        Generator.Running running = generator().start(ask("").scene(2).continueAt(text.text().length()).build(),
                (v, delta) -> { }, caller);
        running.done().get(10, TimeUnit.SECONDS);

        Generation continued = studio.generations().get(running.generationId()).orElseThrow();
        assertEquals(variant, GenerationTree.recordedFromVariant(continued));
        assertEquals(List.of(earlier.id(), continued.id()), GenerationTree.of(studio.generations().forScene(sceneId),
                        v -> studio.generations().variant(v).map(Variant::generationId).orElse(null)).stream()
                .map(e -> e.generation().id()).toList(), "it hangs under the generation it came from");
    }

    @Test
    void closingTheLibraryKeepsTheTextThatArrivedJustBefore() throws Exception {
        server.enqueue(Wire.stalledAfter("text/event-stream", Wire.anthropicStart()
                + Wire.anthropicDelta("First words ") + Wire.anthropicDelta("and the last")).build());
        CountDownLatch heard = new CountDownLatch(2);

        Generator.Running running = studio.generator().start(ask("Begin.").build(),
                (variant, delta) -> heard.countDown(), caller);
        assertTrue(heard.await(10, TimeUnit.SECONDS));
        studio.close(); // the last words wait for their delayed save: closing lets it in first
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, env);

        assertEquals("First words and the last",
                studio.generations().variants(running.generationId()).get(0).text());
        running.cancel();
    }

    @Test
    void everyGenerationIsRecordedOnTheStudiosStreamingThreads() throws Exception {
        server.enqueue(Wire.sse(Wire.anthropic("One.")).build());
        Handler handler = new Handler();

        assertSame(studio.generator(), studio.generator(), "one generator for the open library");
        studio.generator().start(ask("Count.").build(), handler, Runnable::run).done().get(10, TimeUnit.SECONDS);

        assertFalse(handler.threads.isEmpty());
        assertTrue(handler.threads.stream().allMatch(t -> t.startsWith("quire-stream-")), handler.threads.toString());
    }

    // ---- refusing to start ----

    @Test
    void withNoProviderTheMessageSaysHowToAddOneAndOffersARunningOllama() {
        studio.providers().delete("loop");

        CannotGenerateException quiet = assertThrows(CannotGenerateException.class,
                () -> new Generator(studio, () -> false).prepare(ask("x").build()));
        CannotGenerateException offered = assertThrows(CannotGenerateException.class,
                () -> new Generator(studio, () -> true).prepare(ask("x").build()));

        assertEquals(CannotGenerateException.Reason.NO_PROVIDER, quiet.reason());
        assertTrue(quiet.getMessage().contains("on the Providers page or with `quire provider add`"), quiet.getMessage());
        assertFalse(quiet.getMessage().contains("Ollama is running"));
        assertTrue(offered.ollamaRunning());
        assertTrue(offered.getMessage().contains("Ollama is running on this computer at http://localhost:11434"),
                offered.getMessage());
    }

    @Test
    void aDefaultProviderThatNoLongerExistsIsNamed() {
        studio.providers().setDefaultProfile("vanished");

        CannotGenerateException e = assertThrows(CannotGenerateException.class,
                () -> generator().prepare(ask("x").build()));

        assertEquals(CannotGenerateException.Reason.UNUSABLE_PROVIDER, e.reason());
        assertTrue(e.getMessage().contains("“vanished”, the library's default, is no longer set up"),
                e.getMessage());
    }

    @Test
    void anUnusableTimeoutInTheEnvironmentIsNamedBeforeAnythingIsSent() {
        studio.close();
        env.put("QUIRE_PROVIDER_STALL_SECONDS", "soon");
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, env);

        CannotGenerateException e = assertThrows(CannotGenerateException.class,
                () -> generator().prepare(ask("x").build()));

        assertEquals(CannotGenerateException.Reason.BAD_SETTING, e.reason());
        assertTrue(e.getMessage().contains("QUIRE_PROVIDER_STALL_SECONDS must be a number of seconds"),
                e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aSceneThatIsNotThereIsNamedWithTheRange() {
        CannotGenerateException e = assertThrows(CannotGenerateException.class,
                () -> generator().prepare(ask("x").scene(4).build()));

        assertEquals(CannotGenerateException.Reason.NO_SUCH_SCENE, e.reason());
        assertTrue(e.getMessage().contains("has 3 scenes") && e.getMessage().contains("from 1 to 3"),
                e.getMessage());
    }

    // ---- the outcome ----

    static VariantResult result(int index, VariantResult.Status status) {
        return new VariantResult(index, "", status, null, new Usage(10, 5, 2), null);
    }

    @Test
    void theGenerationStatusFollowsItsVariants() {
        VariantResult.Status c = VariantResult.Status.COMPLETE;
        VariantResult.Status f = VariantResult.Status.FAILED;
        VariantResult.Status i = VariantResult.Status.INCOMPLETE;
        VariantResult.Status x = VariantResult.Status.CANCELLED;
        assertEquals(Generation.Status.COMPLETE, Generator.statusOf(List.of(result(0, c), result(1, c))));
        assertEquals(Generation.Status.FAILED, Generator.statusOf(List.of(result(0, f), result(1, f))));
        assertEquals(Generation.Status.PARTIAL, Generator.statusOf(List.of(result(0, c), result(1, f))));
        assertEquals(Generation.Status.PARTIAL, Generator.statusOf(List.of(result(0, i))));
        assertEquals(Generation.Status.CANCELLED, Generator.statusOf(List.of(result(0, c), result(1, x))));
        assertEquals(new Usage(20, 10, 4, null), Generator.sum(List.of(result(0, c), result(1, f))));
        assertEquals(new Usage(null, null, null, null), Generator.sum(List.of(
                new VariantResult(0, "", c, null, Usage.NONE, null))));
    }
}
