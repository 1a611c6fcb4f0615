package dev.quire.model;

import java.time.Instant;

/** A line in the library: enough to list and pick a story without loading it. */
public record StorySummary(long id, String title, String premise, int scenes, int words, Instant updated) {
    public StorySummary {
        premise = Text.orEmpty(premise);
    }
}
