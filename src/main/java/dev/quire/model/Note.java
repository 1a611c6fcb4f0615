package dev.quire.model;

import java.time.Instant;

/**
 * A "yes, and" note: something the writer noticed in a variant, a scene or a reply ("the model said X; make it a
 * clue?"). A shared note reaches the model as context; a private one never leaves the library.
 *
 * @param sourceKind {@code variant}, {@code scene} or {@code message}, or null for a note about nothing in particular
 * @param sourceId   the id of that variant, scene or message, or null
 */
public record Note(long id, long storyId, String text, boolean shared, String sourceKind, Long sourceId,
                   Instant created) {

    public Note {
        text = Text.orEmpty(text);
    }
}
