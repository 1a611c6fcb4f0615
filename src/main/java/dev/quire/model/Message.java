package dev.quire.model;

import java.time.Instant;

/**
 * One turn of a conversation. Messages form a tree through {@code parentId}: regenerating or
 * editing adds a sibling, branching starts from any message.
 */
public record Message(long id, long conversationId, Long parentId, Role role, String text, Long generationId,
                      Instant created) {

    public enum Role { SYSTEM, USER, ASSISTANT }

    public Message {
        text = Text.orEmpty(text);
    }
}
