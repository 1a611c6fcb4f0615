package dev.quire.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.llm.ApiKey;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Generation;
import dev.quire.model.PlayedBy;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.studio.CannotGenerateException;
import dev.quire.studio.GenerationRequest;
import dev.quire.studio.Generator;
import dev.quire.studio.Prompts;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Continuing from the cursor, rewriting a passage, choosing a frame and co-writing turns, from the request to what
 * a provider on loopback received and what the library recorded.
 */
class GenerationModesTest {

    static final String SCENE_2 = "SCENE-2-MARK Tomas brought the oil across the causeway. He set the can down. "
            + "AFTER-CURSOR-MARK Mara did not look up.";

    @TempDir
    Path dir;

    Studio studio;
    Lighthouse story;
    MockWebServer server;
    Scene oil;

    @BeforeEach
    void open() {
        Map<String, String> env = new HashMap<>();
        env.put("QUIRE_CONFIG_HOME", dir.resolve("config").toString());
        env.put("QUIRE_PROVIDER_STALL_SECONDS", "20");
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, env);
        story = Lighthouse.addTo(studio);
        server = Wire.start();
        studio.providers().save(new ProviderProfile("loop", ProviderKind.ANTHROPIC, Wire.root(server), "claude-test",
                200_000, 1000), null);
        studio.providers().storeKey("loop", ApiKey.of("sk-test-modes-0123456789"));
        studio.scenes().saveProse(story.scenes.get(1).id(), Prose.plain(SCENE_2));
        oil = studio.scenes().get(story.scenes.get(1).id()).orElseThrow();
    }

    @AfterEach
    void close() {
        server.close();
        studio.close();
    }

    GenerationRequest.Builder ask(String instruction) {
        return GenerationRequest.builder(story.story.id(), instruction);
    }

    /** Sends, waits for the outcome, and returns the generation as recorded. */
    Generation generate(GenerationRequest request) throws Exception {
        server.enqueue(Wire.sse(Wire.anthropic("New words.")).build());
        Generator.Running running = new Generator(studio).start(request, (variant, delta) -> { }, Runnable::run);
        running.done().get(10, TimeUnit.SECONDS);
        return studio.generations().get(running.generationId()).orElseThrow();
    }

    /** The one user message the provider received. */
    static String userMessage(JsonNode body) {
        JsonNode messages = body.get("messages");
        assertEquals(1, messages.size(), messages.toString());
        return messages.get(0).get("content").asText();
    }

    long generations() {
        return studio.database().read("test", c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM generation")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    // ---- continuing from the cursor ----

    @Test
    void continuingSendsTheSceneUpToTheCursorOnlyAndRecordsTheFrameModeAndCursor() throws Exception {
        int cursor = SCENE_2.indexOf("AFTER-CURSOR-MARK");

        Generation g = generate(ask("Make him wait for her.").scene(2).continueAt(cursor).build());

        RecordedRequest request = server.takeRequest();
        String sent = request.getBody().string(StandardCharsets.UTF_8);
        assertFalse(sent.contains("AFTER-CURSOR-MARK"), "the text after the cursor is not sent");
        assertFalse(sent.contains("Mara did not look up"));
        String user = userMessage(Wire.JSON.readTree(sent));
        assertEquals("Here is scene 2, “Oil”, so far:\n\n" + SCENE_2.substring(0, cursor).strip()
                + "\n\nContinue from where the text stops. Make him wait for her.", user);
        assertTrue(Wire.JSON.readTree(sent).get("system").get(0).get("text").asText()
                .startsWith("You are co-writing a work of fiction with its author. Continue the scene"));

        assertEquals("continue", g.frame());
        assertEquals(oil.id(), g.sceneId());
        JsonNode parameters = Wire.JSON.readTree(g.parametersJson());
        assertEquals("CONTINUE", parameters.get("mode").asText());
        assertEquals(cursor, parameters.get("anchorStart").asInt());
        assertEquals(cursor, parameters.get("anchorEnd").asInt());
        assertFalse(g.messagesJson().contains("AFTER-CURSOR-MARK"), "recorded as sent");
    }

    @Test
    void continuingNeedsNoInstructionAndPreparedSaysWhereItGoes() {
        Generator.Prepared prepared = new Generator(studio).prepare(ask("").scene(2).continueAt(7).build());

        assertEquals(Generator.Mode.CONTINUE, prepared.mode());
        assertEquals(7, prepared.anchorStart());
        assertEquals(7, prepared.anchorEnd());
        assertEquals("continue", prepared.frame().key());
        assertEquals("", prepared.passage());
        assertTrue(prepared.request().messages().get(0).text().endsWith("Continue from where the text stops."),
                prepared.request().messages().get(0).text());
    }

    // ---- rewriting a passage ----

    @Test
    void aRewriteSendsThePassageDelimitedWithTheSceneAroundItAndTheInstruction() throws Exception {
        String passage = "He set the can down. ";
        int start = SCENE_2.indexOf(passage);

        Generation g = generate(ask("INSTRUCTION-MARK: make it heavier.").scene(2)
                .rewrite(start, start + passage.length()).build());

        String user = userMessage(Wire.body(server.takeRequest()));
        assertTrue(user.startsWith("Here is scene 2, “Oil”, as it stands, with [PASSAGE TO REWRITE] where the passage "
                + "to rewrite is:\n\nSCENE-2-MARK Tomas brought the oil across the causeway. [PASSAGE TO REWRITE]"
                + "AFTER-CURSOR-MARK Mara did not look up."), user);
        assertTrue(user.contains("# The passage to rewrite\n\n<passage>\n" + passage + "\n</passage>"),
                "exactly as selected, its trailing space too: " + user);
        assertTrue(user.endsWith("Rewrite as follows: INSTRUCTION-MARK: make it heavier."), user);
        assertEquals("rewrite", g.frame());
        JsonNode parameters = Wire.JSON.readTree(g.parametersJson());
        assertEquals("REWRITE", parameters.get("mode").asText());
        assertEquals(start, parameters.get("anchorStart").asInt());
        assertEquals(start + passage.length(), parameters.get("anchorEnd").asInt());
    }

    @Test
    void thePassageIsNeverShortenedWhenTheBudgetIsTight() throws Exception {
        StringBuilder longScene = new StringBuilder("FAR-START-MARK");
        for (int i = 0; i < 400; i++) {
            longScene.append(" The keeper counted the steps again.");
            if (i % 5 == 4) {
                longScene.append('\n');
            }
        }
        String passage = "PASSAGE-START " + "The lamp guttered and she cupped it with both hands. ".repeat(40)
                + "PASSAGE-END\n\n";
        String text = longScene + "\nNEAR-BEFORE-MARK She listened.\n" + passage + "NEAR-AFTER-MARK The door "
                + "opened." + longScene.toString().replace("FAR-START-MARK", "") + " FAR-END-MARK";
        studio.scenes().saveProse(oil.id(), Prose.plain(text));
        // a small local model: 3,000 tokens of context, 500 of them kept for the reply
        studio.providers().save(new ProviderProfile("small", ProviderKind.ANTHROPIC, Wire.root(server), "claude-test",
                3000, 500), null);
        studio.providers().storeKey("small", ApiKey.of("sk-test-modes-0123456789"));
        int start = text.indexOf(passage);

        GenerationRequest request = ask("Make it brief.").provider("small").scene(2)
                .rewrite(start, start + passage.length()).build();
        Generator.Prepared prepared = new Generator(studio).prepare(request);
        generate(request);

        assertTrue(prepared.report().tokens() <= 2500, prepared.report().tokens() + " tokens");
        assertEquals(passage, prepared.passage());
        String user = userMessage(Wire.body(server.takeRequest()));
        assertTrue(user.contains("<passage>\n" + passage + "\n</passage>"), "whole, blank lines and all");
        assertFalse(user.contains("FAR-START-MARK") || user.contains("FAR-END-MARK"), "the scene was shortened");
        assertTrue(user.contains("NEAR-BEFORE-MARK She listened.\n[PASSAGE TO REWRITE]NEAR-AFTER-MARK"),
                "around the passage");
    }

    // ---- choosing a frame ----

    @Test
    void aWritersOwnFrameChosenByNameIsUsedAndRecorded() throws Exception {
        Prompts.FrameInfo mine = studio.prompts().duplicate(story.story.id(), "scene", "Terse scene");
        studio.prompts().saveFrame(mine.key(), null, "[system]\nOWN-FRAME-MARK Write tersely.\n\n{{bible}}\n"
                + "[user]\n{{scene_text}}\n\n{{instruction}}");

        Generation g = generate(ask("Go on.").scene(2).frame("terse SCENE").build());

        JsonNode body = Wire.body(server.takeRequest());
        assertEquals("OWN-FRAME-MARK Write tersely.", body.get("system").get(0).get("text").asText());
        assertFalse(body.toString().contains("You are co-writing"), "not the built-in scene frame");
        assertEquals(mine.key(), g.frame());
        assertEquals("SCENE", Wire.JSON.readTree(g.parametersJson()).get("mode").asText());
    }

    @Test
    void aSceneGenerationRecordsTheSceneFrameAndNoPlace() throws Exception {
        Generation g = generate(ask("Go on.").scene(2).build());

        assertEquals("scene", g.frame());
        JsonNode parameters = Wire.JSON.readTree(g.parametersJson());
        assertEquals("SCENE", parameters.get("mode").asText());
        assertFalse(parameters.has("anchorStart") || parameters.has("anchorEnd"), parameters.toString());
    }

    // ---- co-writing turns ----

    @Test
    void aWriterPlayedCharacterInTheSceneIsLeftToTheWriter() throws Exception {
        studio.characters().update(story.mara.withPlayedBy(PlayedBy.WRITER));

        generate(ask("INSTRUCTION-MARK: the oil is short.").scene(2).build());

        String user = userMessage(Wire.body(server.takeRequest()));
        assertTrue(user.contains("\n\n# Turns\nThe author plays Mara. Write only the other characters and the world "
                + "around them. Never write Mara's speech, actions or thoughts; stop at the point where Mara would "
                + "act or speak next, and leave that to the author.\n\nINSTRUCTION-MARK: the oil is short."), user);
    }

    @Test
    void continuingAlsoLeavesTheWritersCharacterToThem() throws Exception {
        studio.characters().update(story.tomas.withPlayedBy(PlayedBy.WRITER));

        generate(ask("").scene(2).continueAt(10).build());

        String user = userMessage(Wire.body(server.takeRequest()));
        assertTrue(user.contains("# Turns\nThe author plays Tomas. "), user);
        assertTrue(user.indexOf("# Turns") < user.indexOf("Continue from where the text stops."), user);
    }

    @Test
    void whenTheModelPlaysEveryoneInTheSceneThereIsNoTurnsText() throws Exception {
        studio.characters().update(story.ines.withPlayedBy(PlayedBy.WRITER)); // not in scene 2

        generate(ask("Go on.").scene(2).build());

        String sent = Wire.body(server.takeRequest()).toString();
        assertFalse(sent.contains("# Turns") || sent.contains("The author plays") || sent.contains("Never write"),
                sent);
    }

    // ---- refusing ----

    void refusedBeforeSending(Executable attempt, Class<? extends Throwable> type, String... says) {
        Throwable e = assertThrows(type, attempt);
        for (String part : says) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
        assertEquals(0, server.getRequestCount(), "nothing sent");
        assertEquals(0, generations(), "nothing recorded");
    }

    @Test
    void aCursorBeyondTheTextIsRefusedWithTheScenesLength() {
        int length = SCENE_2.length();
        Generator generator = new Generator(studio);
        Throwable e = assertThrows(CannotGenerateException.class, () -> generator.start(
                ask("Go on.").scene(2).continueAt(length + 1).build(), (variant, delta) -> { }, Runnable::run));

        assertEquals(CannotGenerateException.Reason.NO_SUCH_SCENE, ((CannotGenerateException) e).reason());
        assertEquals("Scene 2, “Oil”, has " + length + " characters, so there is no place " + (length + 1)
                + " in it to continue from. Put the cursor within its text, from 0 to " + length + ".", e.getMessage());
        assertEquals(0, server.getRequestCount());
        assertEquals(0, generations());
    }

    @Test
    void badSelectionsAndMissingScenesAreRefusedBeforeAnythingIsSent() {
        Generator generator = new Generator(studio);
        GenerationHandler quiet = (variant, delta) -> { };

        refusedBeforeSending(() -> ask("Heavier.").scene(2).rewrite(12, 12).build(), IllegalArgumentException.class,
                "The selection is empty", "select the passage to rewrite");
        refusedBeforeSending(() -> ask("Heavier.").scene(2).rewrite(12, 3).build(), IllegalArgumentException.class,
                "The selection is empty");
        refusedBeforeSending(() -> ask("Go on.").continueAt(3).build(), IllegalArgumentException.class,
                "Continuing from the cursor needs the scene to continue");
        refusedBeforeSending(() -> ask("Heavier.").rewrite(0, 3).build(), IllegalArgumentException.class,
                "Rewriting a passage needs the scene it is in");
        refusedBeforeSending(() -> ask("Go on.").scene(2).continueAt(-1).build(), IllegalArgumentException.class,
                "from 0, not -1");
        refusedBeforeSending(() -> ask(" ").scene(2).rewrite(0, 3).build(), IllegalArgumentException.class,
                "say how the passage should be rewritten");
        refusedBeforeSending(() -> generator.start(ask("Heavier.").scene(2).rewrite(10, SCENE_2.length() + 5).build(),
                quiet, Runnable::run), CannotGenerateException.class,
                "has " + SCENE_2.length() + " characters, so the selection from 10 to " + (SCENE_2.length() + 5)
                        + " runs past its end");
        refusedBeforeSending(() -> generator.start(ask("Heavier.").scene(2).rewrite(0, 5).frame("scene").build(),
                quiet, Runnable::run), IllegalArgumentException.class, "has no {{passage}} slot");
        refusedBeforeSending(() -> generator.start(ask("Go on.").scene(2).frame("no such frame").build(), quiet,
                Runnable::run), IllegalArgumentException.class, "There is no frame “no such frame”", "continue");
    }

    @Test
    void aPlaceThatCutsACharacterInTwoIsRefused() {
        studio.scenes().saveProse(oil.id(), Prose.plain("The lamp \uD83D\uDD6F burned."));
        Generator generator = new Generator(studio);

        refusedBeforeSending(() -> generator.prepare(ask("Go on.").scene(2).continueAt(10).build()),
                CannotGenerateException.class, "falls inside a character");
        assertEquals(Generator.Mode.CONTINUE, generator.prepare(ask("Go on.").scene(2).continueAt(11).build()).mode());
    }

    // ---- the preview ----

    @Test
    void thePreviewShowsAContinuationAndARewriteAsGenerationWouldSendThem() {
        int cursor = SCENE_2.indexOf("AFTER-CURSOR-MARK");
        Generator.Prepared continuing = new Generator(studio).prepare(ask("Wait.").scene(2).continueAt(cursor)
                .build());

        var preview = studio.prompts().preview(story.story.id(), oil.id(), null, "Wait.", Generator.Mode.CONTINUE,
                cursor, cursor, 200_000 - 1000);
        assertEquals(continuing.report().messages(), preview.messages(), "the same prompt");
        assertTrue(preview.included().stream().anyMatch(i -> i.kind().equals("frame")
                && i.label().equals("Continue the scene")));

        var rewrite = studio.prompts().preview(story.story.id(), oil.id(), null, "Heavier.", Generator.Mode.REWRITE,
                0, 12, null);
        assertTrue(rewrite.text().contains("<passage>\nSCENE-2-MARK\n</passage>"), rewrite.text());
        assertTrue(rewrite.included().stream().anyMatch(i -> i.kind().equals("passage")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> studio.prompts().preview(
                story.story.id(), oil.id(), null, "x", Generator.Mode.CONTINUE, 9999, 9999, null));
        assertTrue(bad.getMessage().contains("no place 9999"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> studio.prompts().preview(story.story.id(), oil.id(), null,
                "x", Generator.Mode.REWRITE, 5, 5, null));
        assertThrows(IllegalArgumentException.class, () -> studio.prompts().preview(story.story.id(), null, null,
                "x", Generator.Mode.CONTINUE, 0, 0, null));
    }
}
