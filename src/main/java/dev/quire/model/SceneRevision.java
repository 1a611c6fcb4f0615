package dev.quire.model;

import java.time.Instant;

/** A kept state of a scene's text. Revisions are never overwritten, so earlier text is always recoverable. */
public record SceneRevision(long id, long sceneId, Kind kind, Prose prose, int words, Instant created) {

    public enum Kind {
        /** Coalesced autosaves while the writer types. */
        AUTOSAVE,
        /** A composition accepted from the stitching pane. */
        ACCEPT,
        /** The state just before a restore replaced it. */
        BEFORE_RESTORE,
        /** Text brought in by an import. */
        IMPORT
    }
}
