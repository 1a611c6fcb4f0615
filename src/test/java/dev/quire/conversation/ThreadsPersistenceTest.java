package dev.quire.conversation;

import dev.quire.testing.Wire;
import dev.quire.model.Conversation;
import dev.quire.model.Message;
import dev.quire.studio.ConversationThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversations, alternatives and branches, as the library keeps them across a close and reopen. */
class ThreadsPersistenceTest {

    @TempDir
    Path dir;
    Desk desk;

    @BeforeEach
    void open() {
        desk = new Desk(dir);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    static List<String> texts(List<Message> messages) {
        return messages.stream().map(Message::text).toList();
    }

    @Test
    void brainstormsAndSceneDiscussionsAreKeptWithTheirFrames() {
        ConversationThreads threads = desk.threads();
        Conversation brainstorm = threads.start(desk.storyId(), null, "Who is Ines?", "analyst");
        Conversation discussion = threads.start(desk.storyId(), desk.story.scenes.get(1).id(), "", "critic");

        desk.reopen();

        List<Conversation> all = desk.threads().list(desk.storyId());
        assertEquals(2, all.size());
        Conversation b = all.stream().filter(c -> c.id() == brainstorm.id()).findFirst().orElseThrow();
        assertEquals("Who is Ines?", b.title());
        assertEquals("analyst", b.frame());
        assertEquals(null, b.sceneId());
        Conversation d = all.stream().filter(c -> c.id() == discussion.id()).findFirst().orElseThrow();
        assertEquals("critic", d.frame());
        assertEquals(desk.story.scenes.get(1).id(), d.sceneId());
        assertEquals("Scene 2: Oil", d.title(), "a blank title names the scene");
    }

    @Test
    void anUnknownFrameIsRefusedNamingTheFrames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> desk.threads().start(desk.storyId(), null, "x", "poet"));
        assertTrue(e.getMessage().contains("co-writer"), e.getMessage());
    }

    @Test
    void editsAndBranchesAreSiblingsAndThePathFollowsTheChosenOne() {
        ConversationThreads threads = desk.threads();
        long c = threads.start(desk.storyId(), null, "Plot", "cowriter").id();
        Message hello = threads.say(c, null, "What if the lamp fails?");
        Message first = threads.say(c, hello.id(), "Then Mara rows out.");
        Message second = threads.say(c, first.id(), "Into the storm.");
        Message edited = threads.edit(first.id(), "Then Tomas rows out.");
        Message branch = threads.say(c, hello.id(), "Or Ines sees it from the harbour.");
        Message afterEdit = threads.say(c, edited.id(), "And does not come back.");

        desk.reopen();
        threads = desk.threads();

        assertEquals(List.of("What if the lamp fails?", "Then Mara rows out.", "Into the storm."),
                texts(threads.path(c, second.id())), "the original branch is still there");
        assertEquals(List.of("What if the lamp fails?", "Then Tomas rows out.", "And does not come back."),
                texts(threads.path(c, afterEdit.id())));
        assertEquals(List.of("What if the lamp fails?", "Or Ines sees it from the harbour."),
                texts(threads.path(c, branch.id())));
        assertEquals(List.of("What if the lamp fails?", "Then Tomas rows out.", "And does not come back."),
                texts(threads.path(c, null)), "no leaf given: the newest leaf");
        assertEquals(List.of(first.id(), edited.id(), branch.id()),
                threads.alternatives(edited.id()).stream().map(Message::id).toList(),
                "the edit, the original and the branch share a parent and a role, oldest first");
        assertEquals(List.of(hello.id()), threads.alternatives(hello.id()).stream().map(Message::id).toList());
        assertEquals(hello.id(), threads.path(c, edited.id()).get(0).id());
    }

    @Test
    void anEmptyConversationHasAnEmptyPathAndAStrangeLeafIsRefused() {
        ConversationThreads threads = desk.threads();
        long c = threads.start(desk.storyId(), null, "Empty", null).id();
        long other = threads.start(desk.storyId(), null, "Other", null).id();
        Message elsewhere = threads.say(other, null, "Hello");

        assertEquals(List.of(), threads.path(c, null));
        assertThrows(IllegalArgumentException.class, () -> threads.path(c, elsewhere.id()));
        assertThrows(IllegalArgumentException.class, () -> threads.say(c, elsewhere.id(), "Hi"));
        assertThrows(IllegalArgumentException.class, () -> threads.say(c, null, "  "));
    }

    @Test
    void regenerateKeepsEveryReplyAsAnAlternativeAcrossAReopen() throws Exception {
        ConversationThreads threads = desk.threads();
        long c = threads.start(desk.storyId(), null, "Names", "cowriter").id();
        Message ask = threads.say(c, null, "A name for the boat?");
        desk.server.enqueue(Wire.sse(Wire.anthropic("The ", "Gannet.")).build());
        desk.server.enqueue(Wire.sse(Wire.anthropic("The ", "Widow's Lamp.")).build());
        desk.server.enqueue(Wire.sse(Wire.anthropic("Salt.")).build());

        Message one = Desk.settle(threads.reply(c, ask.id(), null, desk.caller));
        Message two = Desk.settle(threads.regenerate(one.id(), null, desk.caller));
        Message three = Desk.settle(threads.regenerate(one.id(), null, desk.caller));

        desk.reopen();
        threads = desk.threads();

        assertEquals(List.of("The Gannet.", "The Widow's Lamp.", "Salt."), texts(threads.alternatives(two.id())));
        assertEquals(List.of("A name for the boat?", "Salt."), texts(threads.path(c, null)), "the newest reply");
        assertEquals(List.of("A name for the boat?", "The Gannet."), texts(threads.path(c, one.id())));
        assertEquals(three.id(), threads.path(c, null).get(1).id());
        for (Message m : threads.alternatives(one.id())) {
            assertEquals(Message.Role.ASSISTANT, m.role());
            assertEquals(ask.id(), m.parentId());
            assertTrue(m.generationId() != null, "each reply links to its recorded generation");
            assertEquals(c, desk.studio.generations().get(m.generationId()).orElseThrow().conversationId());
        }
        assertThrows(IllegalArgumentException.class, () -> desk.threads().regenerate(ask.id(), null, desk.caller),
                "the writer's own message is edited, not regenerated");
    }
}
