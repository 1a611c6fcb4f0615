package dev.quire.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.generate.Lighthouse;
import dev.quire.llm.ApiKey;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.CanonFact;
import dev.quire.model.Finding;
import dev.quire.model.Generation;
import dev.quire.model.Note;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Variant;
import dev.quire.testing.Wire;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The continuity check against a loopback OpenAI-compatible server: what it sends, how it reads the answer. */
class ContinuityCheckTest {

    static final String KEY = "sk-test-continuity-0123456789";
    static final String TEXT = "SCENE-3-MARK Ines watched the storm take the boat.\nMara swam out to it, “strong as "
            + "ever,” and   dragged\nTomas back to the rocks. It was a Tuesday in June.";
    static final String ANSWER = """
            [{"quote": "Mara swam out to it", "conflict": "Mara cannot swim.", "source": "canon 1"},
             {"quote": "\\"Strong as ever,\\" and dragged Tomas back", "conflict": "Tomas was on the mainland.",
              "source": "scene 2"},
             {"quote": "Tomas was never there", "conflict": "Misquoted.", "source": "Tomas's sheet"}]""";

    @TempDir
    Path dir;

    final Map<String, String> env = new HashMap<>();
    Studio studio;
    Lighthouse story;
    MockWebServer server;
    Scene checked;
    CanonFact swimming;

    @BeforeEach
    void open() {
        env.put("QUIRE_CONFIG_HOME", dir.resolve("config").toString());
        env.put("QUIRE_PROVIDER_STALL_SECONDS", "20");
        env.put("QUIRE_PROVIDER_BACKOFF_MS", "5");
        server = Wire.start();
        studio = reopen();
        story = Lighthouse.addTo(studio);
        studio.providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                Wire.root(server) + "/v1", "check-model", 32_000, 1000), null);
        studio.providers().storeKey("loop", ApiKey.of(KEY));
        studio.providers().setDefaultProfile("loop");
        swimming = studio.canon().add(CanonFact.byWriter(story.story.id(), "CANON-MARK Mara cannot swim."));
        studio.canon().add(CanonFact.byWriter(story.story.id(), "CANON-MARK-2 The storm came in October."));
        Scene s1 = story.scenes.get(0);
        Scene s2 = story.scenes.get(1);
        studio.summaries().saveMade(s1.id(), "SUMMARY-1-FRESH Mara lights the lamp.", s1.prose().text());
        studio.summaries().saveMade(s2.id(), "SUMMARY-2-OLD Tomas arrives.", s2.prose().text());
        studio.scenes().saveProse(s2.id(), Prose.plain(Lighthouse.SCENE_2 + " He stayed the night."));
        Scene s3 = story.scenes.get(2);
        studio.scenes().saveDetails(s3.withDetails(s3.title(), s3.summary(), null,
                List.of(story.mara.id(), story.ines.id()), false));
        studio.scenes().saveProse(s3.id(), Prose.plain(TEXT));
        checked = studio.scenes().get(s3.id()).orElseThrow();
    }

    Studio reopen() {
        return Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, env);
    }

    @AfterEach
    void close() {
        studio.close();
        server.close();
    }

    ContinuityCheck.Running start(String answer) {
        // split so the JSON arrives across several deltas, as a streamed answer does
        int third = answer.length() / 3;
        server.enqueue(Wire.sse(Wire.openAi(answer.substring(0, third), answer.substring(third, 2 * third),
                answer.substring(2 * third))).build());
        return studio.continuity().start(ContinuityCheck.Request.of(checked.id()));
    }

    ContinuityCheck.Report check(String answer) throws Exception {
        return start(answer).done().get(20, TimeUnit.SECONDS);
    }

    ContinuityCheck.CheckFailedException failure(String answer) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> start(answer).done().get(20, TimeUnit.SECONDS));
        return assertInstanceOf(ContinuityCheck.CheckFailedException.class, e.getCause());
    }

    @Test
    void theRequestCarriesTheCanonTheCastsSheetsAndEarlierSummariesButNoPrivateNote() throws Exception {
        ContinuityCheck.Report report = check("[]");

        JsonNode messages = Wire.body(server.takeRequest()).get("messages");
        String system = messages.get(0).get("content").asText();
        String user = messages.get(messages.size() - 1).get("content").asText();
        assertTrue(system.contains("JSON only"), system);
        assertTrue(user.contains("[canon " + swimming.id() + "] CANON-MARK Mara cannot swim."), user);
        assertTrue(user.contains("CANON-MARK-2"), user);
        assertTrue(user.contains("## Mara's sheet") && user.contains("MARA-ROLE-MARK")
                && user.contains("MARA-FACT-MARK") && user.contains("the keeper"), user);
        assertTrue(user.contains("## Ines's sheet") && user.contains("INES-ROLE-MARK"), user);
        assertFalse(user.contains("TOMAS-ROLE-MARK"), "Tomas is not in the scene");
        assertFalse(user.contains("PRIVATE-NOTE-MARK"), "private notes never leave the library");
        assertTrue(user.contains("[scene 1] “Dusk”: SUMMARY-1-FRESH"), user);
        assertTrue(user.contains("[scene 2] “Oil” (stale summary): SUMMARY-2-OLD"), user);
        assertFalse(user.contains("SUMMARY-3-MARK"), "the scene checked is sent whole, not summarised");
        assertFalse(user.contains("SCENE-2-MARK"), "earlier scenes go by their summaries");
        assertTrue(user.contains("<scene>\n" + TEXT + "\n</scene>"), user);

        Generation g = studio.generations().get(report.generationId()).orElseThrow();
        assertEquals(ContinuityCheck.FRAME, g.frame());
        assertEquals(checked.id(), g.sceneId());
        assertEquals("loop", g.provider());
        assertEquals("check-model", g.model());
        assertEquals(Generation.Status.COMPLETE, g.status());
        assertTrue(g.usage().estimatedInputTokens() > 50);
        JsonNode recorded = Wire.JSON.readTree(g.messagesJson());
        assertEquals(user, recorded.get("messages").get(0).get("text").asText(), "recorded exactly as sent");
        Variant answer = studio.generations().variants(g.id()).get(0);
        assertEquals("[]", answer.text());
        assertTrue(report.findings().isEmpty(), "[] is a valid 'no contradictions'");
        assertEquals(3, report.scene());
    }

    @Test
    void theStereotypeCheckAsksForStockFiguresWithTheCastAndReadsTheSameFindings() throws Exception {
        String answer = """
                [{"quote": "strong as ever", "conflict": "A stock reaction; say what her arms do.",
                  "source": "stock reaction"}]""";
        server.enqueue(Wire.sse(Wire.openAi(answer)).build());
        ContinuityCheck.Report report = studio.continuity().start(ContinuityCheck.Request.stereotypes(checked.id()))
                .done().get(20, TimeUnit.SECONDS);

        JsonNode messages = Wire.body(server.takeRequest()).get("messages");
        String system = messages.get(0).get("content").asText();
        String user = messages.get(messages.size() - 1).get("content").asText();
        assertTrue(system.contains("default names") && system.contains("all-knowing genius")
                && system.contains("explainers") && system.contains("stock reactions"), system);
        assertTrue(user.contains("## Mara's sheet") && user.contains("MARA-ROLE-MARK"), "the cast is sent: " + user);
        assertFalse(user.contains("CANON-MARK"), "no canon: stereotypes are not contradictions");
        assertFalse(user.contains("PRIVATE-NOTE-MARK"), "private notes never leave the library");
        assertTrue(user.contains("<scene>\n" + TEXT + "\n</scene>"), user);

        Generation g = studio.generations().get(report.generationId()).orElseThrow();
        assertEquals(ContinuityCheck.STEREOTYPE_FRAME, g.frame());
        assertTrue(studio.generations().forScene(checked.id()).stream().noneMatch(x -> x.id() == g.id()),
                "a check's answer is not prose to stitch");
        Finding f = report.findings().get(0);
        assertEquals("stock reaction", f.source());
        assertEquals("strong as ever", TEXT.substring(f.start(), f.end()));
    }

    @Test
    void findingsAreLocatedInTheSceneTextExactlyOrLoosely() throws Exception {
        ContinuityCheck.Report report = check(ANSWER);

        assertEquals(TEXT, report.checkedText());
        List<Finding> found = report.findings();
        assertEquals(3, found.size());
        Finding exact = found.get(0);
        assertEquals("canon 1", exact.source());
        assertEquals("Mara cannot swim.", exact.conflict());
        assertEquals("Mara swam out to it", TEXT.substring(exact.start(), exact.end()));
        Finding loose = found.get(1);
        assertEquals("“strong as ever,” and   dragged\nTomas back", TEXT.substring(loose.start(), loose.end()),
                "curly quotes, case and spacing ignored; offsets in the writer's own text");
        Finding missing = found.get(2);
        assertFalse(missing.located());
        assertNull(missing.start());
        assertEquals("Tomas was never there", missing.quote(), "kept, flagged as not found");
    }

    @Test
    void offsetsCountUtf16UnitsAsTheEditorDoes() {
        String text = "The \uD83C\uDF0A wave — “Mara” swam.";
        int[] at = ContinuityAnswer.locate(text, "wave - \"mara\" swam");
        assertEquals("wave — “Mara” swam", text.substring(at[0], at[1]));
        assertEquals(text.indexOf("wave"), at[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "```json\n[{\"quote\": \"Mara swam out to it\", \"conflict\": \"Mara cannot swim.\", \"source\": "
                    + "\"canon 1\"}]\n```",
            "Here is what I found [canon 1 applies]:\n\n[{\"quote\": \"Mara swam out to it\", \"conflict\": "
                    + "\"Mara cannot swim.\", \"source\": \"canon 1\"}]\n\nLet me know if you need more.",
            "{\"findings\": [{\"quote\": \"Mara swam out to it\", \"conflict\": \"Mara cannot swim.\", \"source\": "
                    + "\"canon 1\",}]}",
            "Sure.\n```\n{\"findings\": [{\"quote\": \"Mara swam out to it\", \"conflict\": \"Mara cannot swim.\","
                    + " \"source\": \"canon 1\"}]}\n```\nDone."})
    void fencedOrWrappedJsonIsRead(String answer) throws Exception {
        List<Finding> found = check(answer).findings();

        assertEquals(1, found.size(), answer);
        assertEquals("Mara cannot swim.", found.get(0).conflict());
        assertEquals(TEXT.indexOf("Mara swam"), found.get(0).start());
    }

    @Test
    void anUnreadableAnswerFailsQuotingItsStartButNeverTheKey() {
        ContinuityCheck.CheckFailedException e = failure("I'm sorry, I cannot compare these without the full "
                + "manuscript. " + KEY + " " + "x".repeat(400));

        assertEquals(ContinuityCheck.CheckFailedException.Reason.UNREADABLE_ANSWER, e.reason());
        assertTrue(e.getMessage().contains("could not be read as findings"), e.getMessage());
        assertTrue(e.getMessage().contains("It began: “I'm sorry, I cannot compare"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertFalse(e.getMessage().contains("x".repeat(250)), "only the start is quoted");
        Variant kept = studio.generations().variants(e.generationId()).get(0);
        assertTrue(kept.text().startsWith("I'm sorry"), "the answer is kept in the library");
    }

    @Test
    void aProviderErrorFailsTheCheckWithItsMessage() {
        server.enqueue(Wire.jsonStatus(400, Wire.openAiErrorBody("model check-model does not exist",
                "invalid_request_error", null)).build());

        ExecutionException e = assertThrows(ExecutionException.class, () -> studio.continuity()
                .start(ContinuityCheck.Request.of(checked.id())).done().get(20, TimeUnit.SECONDS));

        ContinuityCheck.CheckFailedException failed = assertInstanceOf(ContinuityCheck.CheckFailedException.class,
                e.getCause());
        assertEquals(ContinuityCheck.CheckFailedException.Reason.PROVIDER_FAILED, failed.reason());
        assertTrue(failed.getMessage().contains("check-model"), failed.getMessage());
        assertEquals(Generation.Status.FAILED,
                studio.generations().get(failed.generationId()).orElseThrow().status());
    }

    @Test
    void anEmptySceneIsRefusedBeforeAnythingIsSent() {
        studio.scenes().saveProse(checked.id(), Prose.plain("  "));

        CannotGenerateException e = assertThrows(CannotGenerateException.class,
                () -> studio.continuity().start(ContinuityCheck.Request.of(checked.id())));

        assertEquals(CannotGenerateException.Reason.NO_SUCH_SCENE, e.reason());
        assertTrue(e.getMessage().contains("nothing to check"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aDismissedFindingStaysDismissedAfterTheLibraryIsReopened() throws Exception {
        Finding first = check(ANSWER).findings().get(0);
        studio.continuity().dismiss(checked.id(), first);
        studio.close();
        studio = reopen();

        ContinuityCheck.Report again = check(ANSWER.replace("Mara cannot swim.", "mara  cannot swim."));

        assertEquals(List.of(first.quote()), again.dismissed().stream().map(Finding::quote).toList(),
                "the same finding in other spacing and case");
        assertEquals(2, again.findings().size());
        assertTrue(studio.continuity().dismissed(checked.id()).contains(first.key()));
        studio.continuity().undismiss(checked.id(), first);
        assertTrue(studio.continuity().dismissed(checked.id()).isEmpty());
    }

    @Test
    void aFindingKeptAsAClueBecomesANoteAboutTheSceneAndIsDismissed() throws Exception {
        Finding finding = check(ANSWER).findings().get(0);

        Note note = studio.continuity().toNote(checked.id(), finding, true);

        assertEquals("scene", note.sourceKind());
        assertEquals(checked.id(), note.sourceId());
        assertTrue(note.shared());
        assertTrue(note.text().contains("“Mara swam out to it”") && note.text().contains("canon 1")
                && note.text().contains("Mara cannot swim."), note.text());
        assertEquals(List.of(note.id()), studio.threads().notes(story.story.id()).stream().map(Note::id).toList());
        assertTrue(studio.continuity().dismissed(checked.id()).contains(finding.key()));
    }
}
