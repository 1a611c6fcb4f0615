package dev.quire.store;

import dev.quire.model.Conversation;
import dev.quire.model.Message;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversations and their message trees. */
public final class ConversationRepository {

    private final Database db;

    public ConversationRepository(Database db) {
        this.db = db;
    }

    public List<Conversation> list(long storyId) {
        return db.read("list the conversations", c -> Statements.query(c,
                "SELECT * FROM conversation WHERE story_id = ? ORDER BY updated_at DESC, id DESC",
                ConversationRepository::conversation, storyId));
    }

    public Optional<Conversation> get(long id) {
        return db.read("load the conversation", c -> get(c, id));
    }

    private static Optional<Conversation> get(Connection c, long id) throws SQLException {
        return Statements.one(c, "SELECT * FROM conversation WHERE id = ?", ConversationRepository::conversation, id);
    }

    public Conversation create(Conversation conversation) {
        return db.write("start the conversation", c -> {
            long now = Columns.now();
            long id = Statements.insert(c, """
                    INSERT INTO conversation (story_id, scene_id, title, frame, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    conversation.storyId(), conversation.sceneId(), conversation.title(), conversation.frame(), now,
                    now);
            StoryRepository.touch(c, conversation.storyId());
            return get(c, id).orElseThrow();
        });
    }

    public void rename(long id, String title) {
        db.write("rename the conversation", c -> Statements.update(c,
                "UPDATE conversation SET title = ?, updated_at = ? WHERE id = ?", title, Columns.now(), id));
    }

    public void delete(long id) {
        db.write("delete the conversation", c -> Statements.update(c, "DELETE FROM conversation WHERE id = ?", id));
    }

    /** Every message of the conversation, all branches, in the order they were written. */
    public List<Message> messages(long conversationId) {
        return db.read("load the messages", c -> Statements.query(c,
                "SELECT * FROM message WHERE conversation_id = ? ORDER BY id", ConversationRepository::message,
                conversationId));
    }

    /** One message, whichever conversation it is in. */
    public Optional<Message> message(long id) {
        return db.read("load the message", c -> Statements.one(c, "SELECT * FROM message WHERE id = ?",
                ConversationRepository::message, id));
    }

    public Message add(Message message) {
        return db.write("save the message", c -> {
            long now = Columns.now();
            long id = Statements.insert(c, """
                    INSERT INTO message (conversation_id, parent_id, role, text, generation_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    message.conversationId(), message.parentId(), message.role().name(), message.text(),
                    message.generationId(), now);
            Statements.update(c, "UPDATE conversation SET updated_at = ? WHERE id = ?", now, message.conversationId());
            return new Message(id, message.conversationId(), message.parentId(), message.role(), message.text(),
                    message.generationId(), Instant.ofEpochMilli(now));
        });
    }

    public void editText(long messageId, String text) {
        db.write("save the edited message", c -> Statements.update(c, "UPDATE message SET text = ? WHERE id = ?",
                text, messageId));
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(rs.getLong("id"), rs.getLong("conversation_id"), Columns.nullableLong(rs, "parent_id"),
                Message.Role.valueOf(rs.getString("role")), rs.getString("text"),
                Columns.nullableLong(rs, "generation_id"), Columns.instant(rs, "created_at"));
    }

    private static Conversation conversation(ResultSet rs) throws SQLException {
        return new Conversation(rs.getLong("id"), rs.getLong("story_id"), Columns.nullableLong(rs, "scene_id"),
                rs.getString("title"), rs.getString("frame"), Columns.instant(rs, "updated_at"));
    }
}
