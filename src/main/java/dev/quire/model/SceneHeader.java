package dev.quire.model;

/** A scene as the binder lists it: no text, just enough to show and order it. */
public record SceneHeader(long id, int position, String title, int words, boolean pinned) {
}
