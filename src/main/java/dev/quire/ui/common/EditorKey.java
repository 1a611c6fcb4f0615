package dev.quire.ui.common;

/**
 * What a tab shows, so opening it again selects the tab already open, and a deleted or pinned-to item finds its
 * tab. One record per kind of editor; the compiler checks that every kind is handled.
 */
public sealed interface EditorKey {

    /** A scene in the scene editor. */
    record Scene(long sceneId) implements EditorKey {
    }

    /** A character's sheet. */
    record Character(long characterId) implements EditorKey {
    }

    /** A lore entry. */
    record Lore(long entryId) implements EditorKey {
    }

    /** A story's bible. */
    record Bible(long storyId) implements EditorKey {
    }

    /** A story's notes. */
    record Notes(long storyId) implements EditorKey {
    }

    /** A story's canon. */
    record Canon(long storyId) implements EditorKey {
    }

    /** A story's cliché report. */
    record ClicheReport(long storyId) implements EditorKey {
    }

    /** Search and replace across a story. */
    record Search(long storyId) implements EditorKey {
    }

    /** A conversation (brainstorm, analysis or a scene's discussion). */
    record Conversation(long conversationId) implements EditorKey {
    }
}
