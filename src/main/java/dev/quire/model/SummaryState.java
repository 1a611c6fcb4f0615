package dev.quire.model;

import java.time.Instant;

/**
 * What is known about a scene's summary besides its text: what it was made from, by whom, and whether the last
 * attempt to make it failed.
 *
 * @param sourceHash the {@link ContentHash} of the scene's text the summary was made from; empty when unknown
 * @param byWriter   the writer wrote or edited it; such a summary is never replaced without asking
 * @param failure    why the last attempt to make it failed, in words for the writer; empty when it did not
 * @param made       when it was made or last failed; null when unknown
 */
public record SummaryState(String sourceHash, boolean byWriter, String failure, Instant made) {

    /** Nothing known: no summary made yet. */
    public static final SummaryState NONE = new SummaryState("", false, "", null);

    public SummaryState {
        sourceHash = Text.orEmpty(sourceHash);
        failure = Text.orEmpty(failure);
    }

    /** A summary just made from {@code sourceText}. */
    public static SummaryState madeFrom(String sourceText, boolean byWriter, Instant made) {
        return new SummaryState(ContentHash.of(sourceText), byWriter, "", made);
    }

    /**
     * Whether the summary no longer describes {@code currentText}: the text changed after it was made. A summary
     * made from an unknown source counts as stale, since nothing says it is current.
     */
    public boolean isStaleFor(String currentText) {
        return !sourceHash.equals(ContentHash.of(currentText));
    }

    public boolean failed() {
        return !failure.isEmpty();
    }
}
