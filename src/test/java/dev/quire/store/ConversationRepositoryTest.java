package dev.quire.store;

import dev.quire.model.Conversation;
import dev.quire.model.Generation;
import dev.quire.model.Message;
import dev.quire.model.Message.Role;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationRepositoryTest {

    @TempDir
    Path dir;

    private Path file;
    private Database db;
    private ConversationRepository conversations;
    private long storyId;

    @BeforeEach
    void open() {
        file = dir.resolve("quire.db");
        db = Database.open(file);
        conversations = new ConversationRepository(db);
        storyId = new StoryRepository(db).create(Story.titled("Story")).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Message add(long conversationId, Long parentId, Role role, String text) {
        return conversations.add(new Message(0, conversationId, parentId, role, text, null, null));
    }

    @Test
    void conversationRoundTripsWithItsSceneTitleAndFrame() {
        long sceneId = new SceneRepository(db).append(Scene.titled(storyId, "Across the Hard")).id();

        Conversation created = conversations.create(new Conversation(0, storyId, sceneId, "Discuss the crossing",
                "analyst", null));

        Conversation loaded = conversations.get(created.id()).orElseThrow();
        assertEquals(created, loaded);
        assertEquals(sceneId, loaded.sceneId());
        assertEquals("Discuss the crossing", loaded.title());
        assertEquals("analyst", loaded.frame());
        assertNotNull(loaded.updated());
    }

    @Test
    void renameChangesTheTitle() {
        Conversation created = conversations.create(new Conversation(0, storyId, null, "Untitled", "co-writer", null));

        conversations.rename(created.id(), "Maud's bees");

        assertEquals("Maud's bees", conversations.get(created.id()).orElseThrow().title());
    }

    @Test
    void listPutsTheConversationWithTheLatestMessageFirst() {
        Conversation first = conversations.create(new Conversation(0, storyId, null, "first", "", null));
        Conversation second = conversations.create(new Conversation(0, storyId, null, "second", "", null));
        Jdbc.execute(file, "UPDATE conversation SET updated_at = 1000 WHERE id = " + first.id(),
                "UPDATE conversation SET updated_at = 2000 WHERE id = " + second.id());
        assertEquals(List.of("second", "first"), conversations.list(storyId).stream().map(Conversation::title).toList());

        add(first.id(), null, Role.USER, "back to this one");

        assertEquals(List.of("first", "second"), conversations.list(storyId).stream().map(Conversation::title).toList());
    }

    @Test
    void messagesFormABranchingTreeThroughTheirParents() {
        Conversation talk = conversations.create(new Conversation(0, storyId, null, "", "analyst", null));
        Message question = add(talk.id(), null, Role.USER, "What does Maud fear?");
        Message answer = add(talk.id(), question.id(), Role.ASSISTANT, "The flood tide.");
        Message regenerated = add(talk.id(), question.id(), Role.ASSISTANT, "Being thanked.");
        Message followUp = add(talk.id(), regenerated.id(), Role.USER, "Why thanked?");

        List<Message> messages = conversations.messages(talk.id());

        assertEquals(List.of(question, answer, regenerated, followUp), messages);
        assertNull(messages.get(0).parentId());
        assertEquals(Arrays.asList(null, question.id(), question.id(), regenerated.id()),
                messages.stream().map(Message::parentId).toList());
        assertEquals(List.of(Role.USER, Role.ASSISTANT, Role.ASSISTANT, Role.USER),
                messages.stream().map(Message::role).toList());
    }

    @Test
    void messageRemembersTheGenerationThatWroteIt() {
        Conversation talk = conversations.create(new Conversation(0, storyId, null, "", "analyst", null));
        Generation g = new GenerationRepository(db).create(new Generation(0, storyId, null, talk.id(), "analyst",
                "ollama", "llama3", "[]", null, null, 1, null, null, null, Generation.Status.COMPLETE, null));

        Message m = conversations.add(new Message(0, talk.id(), null, Role.ASSISTANT, "Reply", g.id(), null));

        assertEquals(g.id(), conversations.messages(talk.id()).get(0).generationId());
        assertEquals(m, conversations.messages(talk.id()).get(0));
    }

    @Test
    void editingAMessageChangesOnlyItsText() {
        Conversation talk = conversations.create(new Conversation(0, storyId, null, "", "", null));
        Message q = add(talk.id(), null, Role.USER, "typo'd qestion");
        Message a = add(talk.id(), q.id(), Role.ASSISTANT, "answer");

        conversations.editText(q.id(), "typo'd question");

        List<Message> messages = conversations.messages(talk.id());
        assertEquals("typo'd question", messages.get(0).text());
        assertEquals(q.created(), messages.get(0).created());
        assertEquals(a, messages.get(1));
    }

    @Test
    void deletingAMessageRemovesTheBranchBelowIt() {
        Conversation talk = conversations.create(new Conversation(0, storyId, null, "", "", null));
        Message root = add(talk.id(), null, Role.USER, "root");
        Message keep = add(talk.id(), root.id(), Role.ASSISTANT, "kept branch");
        Message cut = add(talk.id(), root.id(), Role.ASSISTANT, "cut branch");
        Message below = add(talk.id(), cut.id(), Role.USER, "below the cut");
        add(talk.id(), below.id(), Role.ASSISTANT, "further below");

        db.write("delete a message", c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM message WHERE id = " + cut.id());
            }
            return null;
        });

        assertEquals("root,kept branch", conversations.messages(talk.id()).stream().map(Message::text)
                .collect(Collectors.joining(",")));
        assertEquals(keep, conversations.messages(talk.id()).get(1));
    }

    @Test
    void deletingAConversationDeletesItsMessagesOnly() {
        Conversation doomed = conversations.create(new Conversation(0, storyId, null, "doomed", "", null));
        Conversation kept = conversations.create(new Conversation(0, storyId, null, "kept", "", null));
        add(doomed.id(), null, Role.USER, "gone");
        Message stays = add(kept.id(), null, Role.USER, "stays");

        conversations.delete(doomed.id());

        assertTrue(conversations.get(doomed.id()).isEmpty());
        assertEquals(List.of(), conversations.messages(doomed.id()));
        assertEquals(List.of(stays), conversations.messages(kept.id()));
        assertEquals(1, Jdbc.count(file, "message"));
    }

    @Test
    void deletingTheDiscussedSceneKeepsTheConversation() {
        SceneRepository scenes = new SceneRepository(db);
        long sceneId = scenes.append(Scene.titled(storyId, "s")).id();
        Conversation talk = conversations.create(new Conversation(0, storyId, sceneId, "about s", "", null));
        add(talk.id(), null, Role.USER, "thoughts?");

        scenes.delete(sceneId);

        Conversation loaded = conversations.get(talk.id()).orElseThrow();
        assertNull(loaded.sceneId());
        assertEquals(1, conversations.messages(talk.id()).size());
    }
}
