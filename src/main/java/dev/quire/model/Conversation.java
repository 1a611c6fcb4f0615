package dev.quire.model;

import java.time.Instant;

/** A brainstorm (per story) or a discussion (per scene, when {@code sceneId} is set), in a chosen frame. */
public record Conversation(long id, long storyId, Long sceneId, String title, String frame, Instant updated) {
    public Conversation {
        title = Text.orEmpty(title);
        frame = Text.orEmpty(frame);
    }
}
