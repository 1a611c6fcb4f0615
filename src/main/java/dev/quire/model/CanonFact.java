package dev.quire.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A fact the writer has established for the story: always sent to the model, never trimmed.
 *
 * @param source   where it was established
 * @param sourceId the scene's or the message's id it came from; null for one the writer typed
 */
public record CanonFact(long id, long storyId, String text, Source source, Long sourceId, Instant created) {

    /** Where a fact was established: typed by the writer, kept from a scene, or pinned from a conversation. */
    public enum Source { WRITER, SCENE, MESSAGE }

    public CanonFact {
        text = Text.orEmpty(text);
        Objects.requireNonNull(source, "source");
    }

    /** A fact the writer typed, not yet stored. */
    public static CanonFact byWriter(long storyId, String text) {
        return new CanonFact(0, storyId, text, Source.WRITER, null, null);
    }
}
