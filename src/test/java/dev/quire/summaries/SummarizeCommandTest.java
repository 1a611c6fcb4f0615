package dev.quire.summaries;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.generate.Quire;
import dev.quire.model.Chapter;
import dev.quire.model.ContentHash;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.store.SummaryRepository.SceneSummary;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire summarize} in-process, against a model on loopback speaking the OpenAI-compatible wire format. */
class SummarizeCommandTest {

    @TempDir
    Path dir;

    Tides tides;

    @AfterEach
    void tearDown() {
        if (tides != null) {
            tides.close();
        }
    }

    @Test
    void allWithYesFillsEveryMissingSummaryThroughTheProviderAndNoneIsStaleAfterwards() throws Exception {
        tides = new Tides(dir, 4).withProvider();

        Quire.Run run = tides.summarize("--all", "--yes", "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode json = run.json();
        assertEquals(4, json.get("scenes").asInt());
        assertEquals(4, json.get("summarised").asInt());
        assertEquals(0, json.get("failed").size());
        assertEquals(4, json.get("requests").asInt());
        assertEquals(36, json.get("tokens").asInt(), "9 input tokens a request, as the provider reported");
        assertTrue(json.get("cost").isNull(), "no price table: unknown");
        assertFalse(json.get("cancelled").asBoolean());
        assertEquals(4, tides.server.getRequestCount());
        for (int k = 1; k <= 4; k++) {
            List<String> asked = tides.model.containing("SCENE-" + k + "-MARK");
            assertEquals(1, asked.size(), "one request for scene " + k);
            assertTrue(asked.get(0).contains("Summarise this scene"), "the summary frame");
            SceneSummary s = tides.summary(k);
            assertEquals("SUMMARY-" + k, s.summary());
            assertFalse(s.stale(), "made from the text as it is");
            assertFalse(s.state().byWriter());
            assertEquals("", s.state().failure());
        }
        List<Generation> recorded = tides.recorded();
        assertEquals(4, recorded.size(), "each request recorded as a generation");
        for (Generation g : recorded) {
            assertEquals("summary", g.frame());
            assertEquals(Generation.Status.COMPLETE, g.status());
            assertEquals(9, g.usage().inputTokens(), "its usage is kept");
        }
        assertTrue(run.err().contains("[4/4] Scene"), run.err());
    }

    @Test
    void aFailedRequestKeepsTheOldSummaryMarksItWithTheReasonAndTheOthersGoOn() {
        tides = new Tides(dir, 4).withProvider();
        tides.staleSummary(2, "OLD-2");
        tides.staleSummary(3, "OLD-3");
        tides.model.answer = body -> switch (FakeModel.scene(body)) {
            case 2 -> Wire.jsonStatus(400, Wire.openAiErrorBody("BAD-REQUEST-MARK no such thing",
                    "invalid_request_error", null)).build();
            case 3 -> Wire.jsonStatus(500, Wire.openAiErrorBody("SERVER-MARK it broke", "server_error", null)).build();
            default -> FakeModel.summaryOf(body);
        };

        Quire.Run run = tides.summarize("--all", "--yes", "--json");

        assertEquals(4, run.code(), "a summary failed: " + run);
        JsonNode failed = run.json().get("failed");
        assertEquals(2, failed.size());
        assertEquals(2, failed.get(0).get("scene").asInt());
        assertTrue(failed.get(0).get("reason").asText().contains("BAD-REQUEST-MARK"), failed.toString());
        assertEquals(3, failed.get(1).get("scene").asInt());
        assertTrue(failed.get(1).get("reason").asText().contains("SERVER-MARK"), failed.toString());
        assertEquals("OLD-2", tides.summary(2).summary(), "the old summary stays");
        assertTrue(tides.summary(2).state().failure().contains("BAD-REQUEST-MARK"));
        assertTrue(tides.summary(2).stale(), "still stale: nothing new was made");
        assertEquals("OLD-3", tides.summary(3).summary());
        assertTrue(tides.summary(3).state().failure().contains("SERVER-MARK"));
        assertEquals("SUMMARY-1", tides.summary(1).summary(), "the batch went on");
        assertEquals("SUMMARY-4", tides.summary(4).summary());
        assertEquals(1, tides.model.containing("SCENE-2-MARK").size(), "a 400 is not retried");
        assertEquals(3, tides.model.containing("SCENE-3-MARK").size(), "a 500 is retried, then reported");
        assertTrue(run.err().contains("quire: scene 2, “Tide 2”: "), run.err());
    }

    @Test
    void anEmptyOrBlankReplyIsNotSaved() {
        tides = new Tides(dir, 3).withProvider();
        tides.staleSummary(1, "OLD-1");
        tides.model.answer = body -> switch (FakeModel.scene(body)) {
            case 1 -> FakeModel.reply();
            case 2 -> FakeModel.reply("  \n", " \t");
            default -> FakeModel.summaryOf(body);
        };

        Quire.Run run = tides.summarize("--all", "--yes");

        assertEquals(4, run.code(), run.toString());
        assertEquals("OLD-1", tides.summary(1).summary());
        assertEquals("the model returned nothing", tides.summary(1).state().failure());
        assertTrue(tides.summary(2).missing(), "blank is not a summary");
        assertEquals("the model returned nothing", tides.summary(2).state().failure());
        assertEquals("SUMMARY-3", tides.summary(3).summary());
    }

    @Test
    void aWritersSummaryIsSkippedUnlessOverwriteWritersIsGiven() {
        tides = new Tides(dir, 3).withProvider();
        tides.writersStaleSummary(2, "WRITER-MARK her own words");

        Quire.Run kept = tides.summarize("--all", "--yes", "--json");

        assertEquals(0, kept.code(), kept.toString());
        assertEquals(1, kept.json().get("skipped").asInt());
        assertEquals(2, kept.json().get("skippedScenes").get(0).get("scene").asInt());
        assertTrue(tides.model.containing("SCENE-2-MARK").isEmpty(), "not even asked");
        assertEquals("WRITER-MARK her own words", tides.summary(2).summary());
        assertTrue(tides.summary(2).state().byWriter());
        assertTrue(kept.err().contains("--overwrite-writers"), kept.err());
        Quire.Run one = tides.summarize("--scene", "2");
        assertEquals(0, one.code(), one.toString());
        assertTrue(tides.model.containing("SCENE-2-MARK").isEmpty(), "nor by name");

        Quire.Run replaced = tides.summarize("--all", "--yes", "--overwrite-writers");

        assertEquals(0, replaced.code(), replaced.toString());
        assertEquals("SUMMARY-2", tides.summary(2).summary());
        assertFalse(tides.summary(2).state().byWriter(), "the model's now");
        assertEquals(1, tides.model.containing("SCENE-1-MARK").size(), "only the stale one was redone");
    }

    @Test
    void aSceneLongerThanTheWindowIsSummarisedInPartsAndThenAsAWhole() {
        tides = new Tides(dir, 1).withProvider("--context", "1000", "--max-tokens", "100");
        StringBuilder text = new StringBuilder("SCENE-1-MARK");
        for (int p = 1; p <= 30; p++) {
            text.append('\n').append("PARA-").append(p).append("-MARK ").append("The gulls wheeled over the "
                    + "breakwater while the keeper wound the clockwork and watched the weather come in. ".repeat(3));
        }
        try (Studio studio = tides.open()) {
            studio.scenes().saveProse(tides.sceneIds.get(0), Prose.plain(text.toString()));
        }
        Pattern partOf = Pattern.compile("This is part (\\d+) of (\\d+)");
        tides.model.answer = body -> {
            Matcher m = partOf.matcher(body);
            if (m.find()) {
                return FakeModel.reply("PART-" + m.group(1) + "-SUMMARY");
            }
            return FakeModel.reply(body.contains("summaries of all its parts") ? "COMBINED-MARK" : "UNEXPECTED");
        };

        Quire.Run run = tides.summarize("--scene", "1", "--json");

        assertEquals(0, run.code(), run.toString());
        List<String> parts = tides.model.containing("This is part ");
        assertTrue(parts.size() >= 2, "in parts: " + parts.size());
        List<String> combined = tides.model.containing("summaries of all its parts");
        assertEquals(1, combined.size());
        assertEquals(parts.size() + 1, tides.server.getRequestCount(), "the parts, then one to combine them");
        for (int i = 1; i <= parts.size(); i++) {
            assertTrue(combined.get(0).contains("PART-" + i + "-SUMMARY"), "part " + i + " is combined");
        }
        for (int p = 1; p <= 30; p++) {
            assertEquals(1, tides.model.containing("PARA-" + p + "-MARK ").size(), "paragraph " + p + " in one part");
        }
        for (String part : parts) {
            assertFalse(part.contains(" […] "), "no part was cut short");
        }
        assertEquals("COMBINED-MARK", tides.summary(1).summary(), "the combining call's text");
        assertFalse(tides.summary(1).stale());
        assertEquals(parts.size() + 1, tides.generations(), "every request recorded");
    }

    @Test
    void dryRunSendsNothingAndPrintsTheEstimate() {
        tides = new Tides(dir, 3).withProvider();

        Quire.Run text = tides.summarize("--all", "--dry-run");
        Quire.Run json = tides.summarize("--all", "--dry-run", "--json");

        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().contains("Would summarise 3 scenes: 3 requests, about "), text.out());
        assertTrue(text.out().contains("tokens; cost unknown"), text.out());
        assertTrue(text.out().contains("Nothing was sent."), text.out());
        assertEquals(0, json.code(), json.toString());
        assertEquals(3, json.json().get("scenes").asInt());
        assertTrue(json.json().get("tokens").asInt() > 3 * 20, json.out());
        assertTrue(json.json().get("cost").isNull());
        assertEquals("missing", json.json().get("plan").get(0).get("why").asText());
        assertEquals(0, tides.server.getRequestCount());
        assertEquals(0, tides.generations());
        assertTrue(tides.summary(1).missing());
    }

    @Test
    void allWithoutYesAsksAndAnsweringNoChangesNothing() {
        tides = new Tides(dir, 3).withProvider();
        tides.staleSummary(2, "OLD-2");

        Quire.Run run = tides.quire.withInput("n\n", "summarize", "--story", Tides.TITLE, "--all");

        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("Summarise 3 scenes (about "), run.err());
        assertTrue(run.err().contains(" tokens; cost unknown)? [y/N]"), run.err());
        assertTrue(run.err().contains("Nothing was sent."), run.err());
        assertEquals(0, tides.server.getRequestCount());
        assertEquals(0, tides.generations());
        assertTrue(tides.summary(1).missing());
        assertEquals("OLD-2", tides.summary(2).summary());
        assertEquals("", tides.summary(2).state().failure());
    }

    @Test
    void answeringYesGoesAhead() {
        tides = new Tides(dir, 2).withProvider();

        Quire.Run run = tides.quire.withInput("y\n", "summarize", "--story", Tides.TITLE, "--all");

        assertEquals(0, run.code(), run.toString());
        assertEquals("SUMMARY-2", tides.summary(2).summary());
        assertTrue(run.out().contains("Summarised 2 of 2 scenes"), run.out());
    }

    @Test
    void aChapterSummaryIsMadeFromItsScenesSummaries() {
        tides = new Tides(dir, 4).withProvider();
        long first;
        long second;
        try (Studio studio = tides.open()) {
            first = studio.chapters().startAt(tides.sceneIds.get(0), "Arrival").id();
            second = studio.chapters().startAt(tides.sceneIds.get(2), "Storm").id();
        }

        Quire.Run run = tides.summarize("--all", "--yes", "--json");

        assertEquals(0, run.code(), run.toString());
        assertEquals(2, run.json().get("chapters").get("summarised").asInt());
        assertEquals(6, tides.server.getRequestCount(), "four scenes, then two chapters");
        List<String> bodies = List.copyOf(tides.model.bodies);
        for (String chapterRequest : bodies.subList(4, 6)) {
            assertEquals(0, FakeModel.scene(chapterRequest), "chapters come after the scenes, without their text");
        }
        String arrival = tides.model.containing("of Chapter 1: Arrival, in story order").get(0);
        assertTrue(arrival.contains("SUMMARY-1") && arrival.contains("SUMMARY-2"), arrival);
        assertFalse(arrival.contains("SUMMARY-3"), arrival);
        try (Studio studio = tides.open()) {
            Chapter one = studio.chapters().get(first).orElseThrow();
            assertEquals("CHAPTER: Chapter 1: Arrival", one.summary());
            assertEquals(ContentHash.of("SUMMARY-1\n\nSUMMARY-2"), one.summarySourceHash(), "what it was made from");
            assertFalse(one.summaryByWriter());
            assertEquals("CHAPTER: Chapter 2: Storm", studio.chapters().get(second).orElseThrow().summary());
        }

        Quire.Run again = tides.summarize("--all", "--yes");

        assertEquals(0, again.code(), again.toString());
        assertEquals(6, tides.server.getRequestCount(), "nothing changed, nothing sent");
    }

    @Test
    void aRateLimitWithRetryAfterIsRetriedAndTheSummarySaved() {
        tides = new Tides(dir, 1).withProvider();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        tides.model.answer = body -> calls.incrementAndGet() == 1
                ? Wire.jsonStatus(429, Wire.openAiErrorBody("RATE-MARK slow down", "rate_limit_error", null))
                .setHeader("retry-after", "0").build()
                : FakeModel.summaryOf(body);

        Quire.Run run = tides.summarize("--scene", "1");

        assertEquals(0, run.code(), run.toString());
        assertEquals(2, tides.server.getRequestCount(), "asked again after the 429");
        assertTrue(run.err().contains("Trying again in 0.0 s."), "waited what retry-after said: " + run.err());
        assertEquals("SUMMARY-1", tides.summary(1).summary());
        assertEquals("", tides.summary(1).state().failure());
    }

    @Test
    void withNoProviderItSaysHowToAddOneAndSendsNothing() {
        tides = new Tides(dir, 2);

        Quire.Run run = tides.summarize("--all", "--yes");

        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("no provider is set up"), run.err());
        assertTrue(run.err().contains("quire provider add"), run.err());
        assertEquals(0, tides.server.getRequestCount());
    }

    @Test
    void sceneAndAllAreOneOrTheOther() {
        tides = new Tides(dir, 1).withProvider();

        Quire.Run neither = tides.summarize();
        Quire.Run both = tides.summarize("--all", "--scene", "1");
        Quire.Run past = tides.summarize("--scene", "2");

        assertEquals(2, neither.code(), neither.toString());
        assertTrue(neither.err().contains("--scene N for one scene, or --all"), neither.err());
        assertEquals(2, both.code(), both.toString());
        assertEquals(2, past.code(), past.toString());
        assertTrue(past.err().contains("has 1 scene, so there is no scene 2"), past.err());
        assertEquals(0, tides.server.getRequestCount());
    }
}
