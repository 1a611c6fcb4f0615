package dev.quire.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.testing.Wire;
import dev.quire.model.Message;
import dev.quire.model.Note;
import dev.quire.prompt.PromptReport;
import dev.quire.studio.ConversationThreads;
import dev.quire.studio.GenerationRequest;
import dev.quire.studio.Generator;
import dev.quire.studio.Prompts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Yes, and" notes: shared ones reach the model, private ones never do. */
class NotesTest {

    static final String SHARED = "SHARED-NOTE-MARK the model called the boat Gannet; make it her mother's name?";
    static final String PRIVATE = "PRIVATE-YES-AND-MARK Tomas is lying about the oil.";

    @TempDir
    Path dir;
    Desk desk;
    ConversationThreads threads;
    Note shared;
    Note secret;

    @BeforeEach
    void open() {
        desk = new Desk(dir);
        threads = desk.threads();
        shared = threads.addNote(desk.storyId(), SHARED, true, "scene", desk.story.scenes.get(2).id());
        secret = threads.addNote(desk.storyId(), PRIVATE, false, "message", null);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void notesAreKeptWithTheirSourceAndSharingAcrossAReopen() {
        threads.setShared(secret.id(), true);
        threads.setShared(secret.id(), false);

        desk.reopen();

        List<Note> notes = desk.studio.threads().notes(desk.storyId());
        assertEquals(List.of(SHARED, PRIVATE), notes.stream().map(Note::text).toList());
        assertTrue(notes.get(0).shared());
        assertEquals("scene", notes.get(0).sourceKind());
        assertEquals(desk.story.scenes.get(2).id(), notes.get(0).sourceId());
        assertFalse(notes.get(1).shared());
        assertEquals("message", notes.get(1).sourceKind());
        assertThrows(IllegalArgumentException.class,
                () -> desk.studio.threads().addNote(desk.storyId(), "x", true, "chapter", 1L));
        assertThrows(IllegalArgumentException.class,
                () -> desk.studio.threads().addNote(desk.storyId(), " ", true, null, null));
    }

    @Test
    void noPromptOfAnyFrameHoldsAPrivateNoteAndEveryConversationFrameHoldsTheSharedOne() {
        Prompts prompts = desk.studio.prompts();
        for (Prompts.FrameInfo frame : prompts.frames(desk.storyId())) {
            for (Long scene : new Long[] {null, desk.story.scenes.get(1).id()}) {
                PromptReport report = prompts.preview(desk.storyId(), scene, frame.key(), "Go.", null);
                assertFalse(report.text().contains("PRIVATE-YES-AND-MARK"), frame.key());
                if (!frame.key().equals("summary")) {
                    assertTrue(report.text().contains("# Notes from the author\n\n- " + SHARED), frame.key() + ": "
                            + report.text());
                }
            }
        }
        for (String key : List.of("cowriter", "analyst", "critic")) {
            long c = threads.start(desk.storyId(), null, key, key).id();
            Message m = threads.say(c, null, "Hello");
            PromptReport report = threads.preview(c, m.id(), "More");
            assertFalse(report.text().contains("PRIVATE-YES-AND-MARK"), key);
            assertTrue(report.text().contains(SHARED), key);
            assertTrue(report.dropped().stream().anyMatch(d -> d.kind().equals("note") && d.id() == secret.id()
                    && d.reason().equals(PromptReport.PRIVATE)), "the meter says a private note was held back");
        }
    }

    @Test
    void aNoteMadePrivateLeavesTheNextRequestAndNeitherReplyNorGenerationSendsAPrivateOne() throws Exception {
        long c = threads.start(desk.storyId(), null, "", "cowriter").id();
        Message q = threads.say(c, null, "Ideas?");
        desk.server.enqueue(Wire.sse(Wire.anthropic("Some.")).build());
        desk.server.enqueue(Wire.sse(Wire.anthropic("More.")).build());
        desk.server.enqueue(Wire.sse(Wire.anthropic("Prose.")).build());

        Message first = Desk.settle(threads.reply(c, q.id(), null, desk.caller));
        threads.setShared(shared.id(), false);
        Desk.settle(threads.regenerate(first.id(), null, desk.caller));
        new Generator(desk.studio).start(GenerationRequest.builder(desk.storyId(), "Write on.").build(),
                new Desk.Handler(desk.studio), desk.caller).done().get(10, TimeUnit.SECONDS);

        JsonNode withShared = Wire.body(desk.server.takeRequest(5, TimeUnit.SECONDS));
        JsonNode afterUnsharing = Wire.body(desk.server.takeRequest(5, TimeUnit.SECONDS));
        JsonNode generation = Wire.body(desk.server.takeRequest(5, TimeUnit.SECONDS));
        assertTrue(withShared.toString().contains("SHARED-NOTE-MARK"));
        for (JsonNode sent : List.of(withShared, afterUnsharing, generation)) {
            assertFalse(sent.toString().contains("PRIVATE-YES-AND-MARK"), sent.toString());
        }
        assertFalse(afterUnsharing.toString().contains("SHARED-NOTE-MARK"), "made private: no longer sent");
        assertFalse(generation.toString().contains("SHARED-NOTE-MARK"));
        String recorded = desk.studio.database().read("test", conn -> {
            StringBuilder sb = new StringBuilder();
            try (var rs = conn.createStatement().executeQuery("SELECT messages FROM generation")) {
                while (rs.next()) {
                    sb.append(rs.getString(1));
                }
            }
            return sb.toString();
        });
        assertFalse(recorded.contains("PRIVATE-YES-AND-MARK"), "nor is it in the record of what was sent");
    }
}
