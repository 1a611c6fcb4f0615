package dev.quire.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.testing.Wire;
import dev.quire.model.Generation;
import dev.quire.model.Message;
import dev.quire.prompt.PromptReport;
import dev.quire.studio.ConversationThreads;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model's replies: what is sent, how the reply streams into the library, and what a dropped stream keeps. */
class ReplyTest {

    @TempDir
    Path dir;
    Desk desk;
    ConversationThreads threads;

    @BeforeEach
    void open() {
        desk = new Desk(dir);
        threads = desk.threads();
    }

    @AfterEach
    void close() {
        desk.close();
    }

    static List<String> roles(JsonNode messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.get("role").asText()));
        return out;
    }

    static List<String> contents(JsonNode messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.get("content").asText()));
        return out;
    }

    @Test
    void theReplysPromptHoldsTheFrameTheHistoryInOrderAndTheWholeCastOfABrainstorm() throws Exception {
        long c = threads.start(desk.storyId(), null, "Motives", "analyst").id();
        Message q1 = threads.say(c, null, "FIRST-Q why does Mara stay?");
        Message a1 = threads.edit(threads.say(c, q1.id(), "placeholder").id(), "unused"); // a writer's sibling
        desk.server.enqueue(Wire.sse(Wire.anthropic("FIRST-A she owes her father.")).build());
        Message r1 = Desk.settle(threads.reply(c, q1.id(), null, desk.caller));
        Message q2 = threads.say(c, r1.id(), "SECOND-Q and Tomas?");
        desk.server.enqueue(Wire.sse(Wire.anthropic("He wants her to leave.")).build());

        Desk.settle(threads.reply(c, q2.id(), null, desk.caller));

        desk.server.takeRequest(5, TimeUnit.SECONDS);
        JsonNode sent = Wire.body(desk.server.takeRequest(5, TimeUnit.SECONDS));
        String system = sent.get("system").toString();
        assertTrue(system.contains("You are an analyst of character and motive"), "the analyst frame");
        assertTrue(system.contains("PREMISE-MARK"), "the bible");
        for (String mark : List.of("MARA-ROLE-MARK", "TOMAS-ROLE-MARK", "INES-ROLE-MARK")) {
            assertTrue(system.contains(mark), mark + ": a brainstorm involves every character");
        }
        assertFalse(sent.toString().contains("PRIVATE-NOTE-MARK"));
        assertEquals(List.of("user", "assistant", "user"), roles(sent.get("messages")));
        assertEquals(List.of("FIRST-Q why does Mara stay?", "FIRST-A she owes her father.", "SECOND-Q and Tomas?"),
                contents(sent.get("messages")), "the branch's messages, in order, and not the sibling");
        assertFalse(sent.toString().contains("placeholder"));
        assertFalse(sent.toString().contains(a1.text()));
    }

    @Test
    void aSceneDiscussionSendsTheScenesCurrentTextAndItsCast() throws Exception {
        long sceneId = desk.story.scenes.get(1).id();
        desk.studio.scenes().saveProse(sceneId, dev.quire.model.Prose.plain("EDITED-SCENE-MARK Tomas is late."));
        long c = threads.start(desk.storyId(), sceneId, "", "cowriter").id();
        Message q = threads.say(c, null, "Does the lateness work?");
        desk.server.enqueue(Wire.sse(Wire.anthropic("Yes.")).build());

        Desk.settle(threads.reply(c, q.id(), null, desk.caller));

        JsonNode sent = Wire.body(desk.server.takeRequest(5, TimeUnit.SECONDS));
        String system = sent.get("system").toString();
        assertTrue(system.contains("You are the author's co-writer"), "the co-writer frame");
        assertTrue(system.contains("EDITED-SCENE-MARK Tomas is late."), "the scene as it stands");
        assertFalse(sent.toString().contains("SCENE-2-MARK"), "not the old draft");
        assertTrue(system.contains("SCENE-1-MARK"), "the story so far");
        assertFalse(system.contains("SCENE-3-MARK"), "not what comes after");
        assertTrue(system.contains("TOMAS-ROLE-MARK") && system.contains("MARA-ROLE-MARK"), "the scene's cast");
        assertFalse(system.contains("INES-ROLE-MARK"), "Ines is not in scene 2");
        assertEquals(List.of("Does the lateness work?"), contents(sent.get("messages")));
    }

    @Test
    void aCriticDiscussionPutsTheSceneInTheCritiqueRequest() throws Exception {
        long c = threads.start(desk.storyId(), desk.story.scenes.get(0).id(), "", "critic").id();
        Message q = threads.say(c, null, "Be harsh.");
        desk.server.enqueue(Wire.sse(Wire.anthropic("It is thin.")).build());

        Desk.settle(threads.reply(c, q.id(), null, desk.caller));

        JsonNode sent = Wire.body(desk.server.takeRequest(5, TimeUnit.SECONDS));
        assertTrue(sent.get("system").toString().contains("critique of a scene"));
        String user = sent.get("messages").get(0).get("content").asText();
        assertTrue(user.contains(dev.quire.generate.Lighthouse.SCENE_1), user);
        assertTrue(user.endsWith("Critique this scene. Be harsh."), user);
        Message reply = threads.path(c, null).get(1);
        assertEquals("critique", desk.studio.generations().get(reply.generationId()).orElseThrow().frame());
    }

    @Test
    void theReplyIsInTheLibraryBeforeTheCallerHearsEachDelta() throws Exception {
        long c = threads.start(desk.storyId(), null, "", "cowriter").id();
        Message q = threads.say(c, null, "Open with weather?");
        desk.server.enqueue(Wire.sse(Wire.anthropic("STREAM-MARK ", "fog ", "on the ", "causeway.")).build());
        Desk.Handler handler = new Desk.Handler(desk.studio);

        ConversationThreads.Reply reply = threads.reply(c, q.id(), handler, desk.caller);
        Message before = desk.studio.conversations().message(reply.messageId()).orElseThrow();
        Message done = reply.done().get(10, TimeUnit.SECONDS);

        assertEquals(Message.Role.ASSISTANT, before.role(), "the reply's message exists from the start");
        assertEquals(q.id(), before.parentId());
        assertEquals("STREAM-MARK fog on the causeway.", done.text());
        assertEquals(reply.messageId(), done.id());
        assertEquals("STREAM-MARK fog on the causeway.", String.join("", handler.deltas));
        assertTrue(handler.savedWhenHeard.get(0).startsWith("STREAM-MARK"),
                "the first delta was saved before the caller heard it: " + handler.savedWhenHeard);
        assertTrue(handler.threads.stream().allMatch(Desk.CALLER::equals), handler.threads.toString());
        assertTrue(handler.finished != null && handler.finished.get(0).isComplete());
        Generation g = desk.studio.generations().get(done.generationId()).orElseThrow();
        assertEquals(Generation.Status.COMPLETE, g.status());
        assertEquals(c, g.conversationId());
        assertEquals("co-writer", g.frame());
        assertTrue(g.messagesJson().contains("Open with weather?"), g.messagesJson());
        assertEquals(15, g.usage().outputTokens());
    }

    @Test
    void aConnectionDroppedMidReplyKeepsThePartialTextAcrossAReopen() throws Exception {
        long c = threads.start(desk.storyId(), null, "", "cowriter").id();
        Message q = threads.say(c, null, "Tell me about the storm.");
        desk.server.enqueue(Wire.droppedAfter("text/event-stream", Wire.anthropicStart()
                + Wire.anthropicDelta("PARTIAL-MARK The storm came ") + Wire.anthropicDelta("from the north")).build());

        ConversationThreads.Reply reply = threads.reply(c, q.id(), new Desk.Handler(desk.studio), desk.caller);
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> reply.done().get(15, TimeUnit.SECONDS));

        ConversationThreads.ReplyFailedException e = assertInstanceOf(ConversationThreads.ReplyFailedException.class,
                failed.getCause());
        assertTrue(e.reply().text().startsWith("PARTIAL-MARK The storm came"), e.reply().text());
        assertFalse(e.getMessage().isBlank());
        desk.reopen();
        Message kept = desk.studio.conversations().message(reply.messageId()).orElseThrow();
        assertEquals(e.reply().text(), kept.text(), "what arrived is kept");
        assertEquals(Generation.Status.PARTIAL, desk.studio.generations().get(kept.generationId()).orElseThrow()
                .status());
        assertEquals(List.of("Tell me about the storm.", kept.text()),
                desk.studio.threads().path(c, null).stream().map(Message::text).toList());
    }

    @Test
    void aCancelledReplyKeepsWhatArrivedAndIsNotAFailure() throws Exception {
        long c = threads.start(desk.storyId(), desk.story.scenes.get(0).id(), "", "cowriter").id();
        Message q = threads.say(c, null, "Go slowly.");
        desk.server.enqueue(Wire.stalledAfter("text/event-stream", Wire.anthropicStart()
                + Wire.anthropicDelta("CANCEL-MARK so far")).build());
        java.util.concurrent.CountDownLatch heard = new java.util.concurrent.CountDownLatch(1);
        ConversationThreads.Reply reply = threads.reply(c, q.id(), (variant, delta) -> heard.countDown(),
                desk.caller);
        assertTrue(heard.await(10, TimeUnit.SECONDS));

        reply.cancel();
        Message kept = reply.done().get(10, TimeUnit.SECONDS);

        assertEquals("CANCEL-MARK so far", kept.text());
        assertEquals(Generation.Status.CANCELLED, desk.studio.generations().get(kept.generationId()).orElseThrow()
                .status());
        assertTrue(desk.studio.generations().forScene(desk.story.scenes.get(0).id()).isEmpty(),
                "a discussion's replies are not the scene's variants");
    }

    @Test
    void anEmptyFailedReplyIsNotSentAsHistoryNextTime() throws Exception {
        long c = threads.start(desk.storyId(), null, "", "cowriter").id();
        Message q = threads.say(c, null, "Hello?");
        desk.server.enqueue(Wire.anthropicError(400, "invalid_request_error", "bad").build());
        Message empty = Desk.settle(threads.reply(c, q.id(), null, desk.caller));
        assertEquals("", empty.text());
        Message again = threads.say(c, empty.id(), "Still there?");
        desk.server.enqueue(Wire.sse(Wire.anthropic("Yes.")).build());

        Desk.settle(threads.reply(c, again.id(), null, desk.caller));

        List<RecordedRequest> requests = Wire.drain(desk.server);
        JsonNode sent = Wire.body(requests.get(requests.size() - 1));
        assertEquals(List.of("Hello?", "Still there?"), contents(sent.get("messages")),
                "the empty reply is left out, which the API would refuse");
    }

    @Test
    void thePreviewShowsWhatTheDraftWouldSendWithinTheStorysBudget() {
        long c = threads.start(desk.storyId(), null, "", "cowriter").id();
        Message q = threads.say(c, null, "EARLIER-MARK");

        PromptReport report = threads.preview(c, null, "DRAFT-MARK");

        List<PromptReport.Message> messages = report.messages();
        assertEquals("system", messages.get(0).role());
        assertEquals("EARLIER-MARK", messages.get(1).content());
        assertEquals("DRAFT-MARK", messages.get(messages.size() - 1).content());
        assertEquals(200_000 - 1000, report.budget());
        assertTrue(report.tokensByKind().containsKey("message"), report.tokensByKind().toString());
        assertEquals(report.tokens(), report.included().stream().mapToInt(PromptReport.Included::tokens).sum());
        assertEquals(List.of("system", "user"), threads.preview(c, q.id(), "").messages().stream()
                .map(PromptReport.Message::role).toList(), "no draft: the reply to the writer's last message");
    }

    @Test
    void theOldestMessagesGoFirstWhenTheHistoryDoesNotFit() {
        desk.studio.providers().save(new dev.quire.llm.ProviderProfile("loop", dev.quire.llm.ProviderKind.ANTHROPIC,
                Wire.root(desk.server), "claude-test", 3000, 1000), "loop");
        long c = threads.start(desk.storyId(), null, "", "cowriter").id();
        Long parent = null;
        for (int i = 0; i < 40; i++) {
            parent = threads.say(c, parent, "OLD-" + i + " " + "word ".repeat(60)).id();
        }

        PromptReport report = threads.preview(c, null, "NOW");

        assertTrue(report.tokens() <= report.budget(), report.tokens() + " > " + report.budget());
        String all = report.text();
        assertTrue(all.contains("OLD-39"), "the newest stay");
        assertFalse(all.contains("OLD-0 "), "the oldest go");
        assertTrue(report.dropped().stream().anyMatch(d -> d.kind().equals("message")
                && d.reason().equals(PromptReport.OVER_BUDGET)));
    }
}
