package dev.quire.model;

import java.util.List;

/** A fact about the world. Always-on entries always reach the prompt; others when a keyword appears. */
public record LoreEntry(long id, long storyId, String title, List<String> keywords, String content,
                        boolean alwaysOn, boolean enabled) {
    public LoreEntry {
        title = Text.orEmpty(title);
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        content = Text.orEmpty(content);
    }

    public static LoreEntry titled(long storyId, String title) {
        return new LoreEntry(0, storyId, title, List.of(), "", false, true);
    }

    public LoreEntry with(String newTitle, List<String> newKeywords, String newContent, boolean newAlwaysOn,
                          boolean newEnabled) {
        return new LoreEntry(id, storyId, newTitle, newKeywords, newContent, newAlwaysOn, newEnabled);
    }
}
