package dev.quire.store;

import dev.quire.model.Conversation;
import dev.quire.model.Message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Conversations and their message trees. */
public final class ConversationRepository {

    private final Database db;

    public ConversationRepository(Database db) {
        this.db = db;
    }

    public List<Conversation> list(long storyId) {
        return db.read("list the conversations", c -> {
            List<Conversation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM conversation WHERE story_id = ? ORDER BY updated_at DESC, id DESC")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(conversation(rs));
                    }
                }
            }
            return out;
        });
    }

    public Optional<Conversation> get(long id) {
        return db.read("load the conversation", c -> get(c, id));
    }

    private static Optional<Conversation> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM conversation WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(conversation(rs)) : Optional.empty();
            }
        }
    }

    public Conversation create(Conversation conversation) {
        return db.write("start the conversation", c -> {
            long now = Columns.now();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO conversation (story_id, scene_id, title, frame, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, conversation.storyId());
                Columns.setNullable(ps, 2, conversation.sceneId());
                ps.setString(3, conversation.title());
                ps.setString(4, conversation.frame());
                ps.setLong(5, now);
                ps.setLong(6, now);
                ps.executeUpdate();
            }
            StoryRepository.touch(c, conversation.storyId());
            return get(c, Columns.lastId(c)).orElseThrow();
        });
    }

    public void rename(long id, String title) {
        db.write("rename the conversation", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE conversation SET title = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, title);
                ps.setLong(2, Columns.now());
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void delete(long id) {
        db.write("delete the conversation", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversation WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every message of the conversation, all branches, in the order they were written. */
    public List<Message> messages(long conversationId) {
        return db.read("load the messages", c -> {
            List<Message> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM message WHERE conversation_id = ? ORDER BY id")) {
                ps.setLong(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(message(rs));
                    }
                }
            }
            return out;
        });
    }

    /** One message, whichever conversation it is in. */
    public Optional<Message> message(long id) {
        return db.read("load the message", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM message WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(message(rs)) : Optional.empty();
                }
            }
        });
    }

    public Message add(Message message) {
        return db.write("save the message", c -> {
            long now = Columns.now();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO message (conversation_id, parent_id, role, text, generation_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, message.conversationId());
                Columns.setNullable(ps, 2, message.parentId());
                ps.setString(3, message.role().name());
                ps.setString(4, message.text());
                Columns.setNullable(ps, 5, message.generationId());
                ps.setLong(6, now);
                ps.executeUpdate();
            }
            long id = Columns.lastId(c);
            try (PreparedStatement ps = c.prepareStatement("UPDATE conversation SET updated_at = ? WHERE id = ?")) {
                ps.setLong(1, now);
                ps.setLong(2, message.conversationId());
                ps.executeUpdate();
            }
            return new Message(id, message.conversationId(), message.parentId(), message.role(), message.text(),
                    message.generationId(), java.time.Instant.ofEpochMilli(now));
        });
    }

    public void editText(long messageId, String text) {
        db.write("save the edited message", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE message SET text = ? WHERE id = ?")) {
                ps.setString(1, text);
                ps.setLong(2, messageId);
                ps.executeUpdate();
            }
            return null;
        });
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
