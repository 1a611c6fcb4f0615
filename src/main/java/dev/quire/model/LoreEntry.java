package dev.quire.model;

import java.util.List;

/**
 * A fact about the world. Always-on entries always reach the prompt; others when a keyword appears (a keyword
 * written {@code /pattern/flags} is a regular expression) and their secondary keywords agree by their
 * {@link SecondaryLogic}. A scan depth of 0 searches the default number of recent scenes and messages.
 * {@code extensions} is a JSON object holding what an imported lorebook had that Quire does not model.
 */
public record LoreEntry(long id, long storyId, String title, List<String> keywords, String content,
                        boolean alwaysOn, boolean enabled, List<String> secondaryKeywords,
                        SecondaryLogic secondaryLogic, int priority, int scanDepth, String extensions) {

    /** How secondary keywords combine with a matched keyword (SillyTavern's four). */
    public enum SecondaryLogic {
        /** at least one secondary keyword appears */
        AND_ANY,
        /** not every secondary keyword appears */
        NOT_ALL,
        /** no secondary keyword appears */
        NOT_ANY,
        /** every secondary keyword appears */
        AND_ALL
    }

    public LoreEntry {
        title = Text.orEmpty(title);
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        content = Text.orEmpty(content);
        secondaryKeywords = List.copyOf(secondaryKeywords == null ? List.of() : secondaryKeywords);
        secondaryLogic = secondaryLogic == null ? SecondaryLogic.AND_ANY : secondaryLogic;
        scanDepth = Math.max(0, scanDepth);
        extensions = extensions == null || extensions.isBlank() ? "{}" : extensions;
    }

    public LoreEntry(long id, long storyId, String title, List<String> keywords, String content, boolean alwaysOn,
                     boolean enabled) {
        this(id, storyId, title, keywords, content, alwaysOn, enabled, List.of(), SecondaryLogic.AND_ANY, 0, 0,
                "{}");
    }

    public static LoreEntry titled(long storyId, String title) {
        return new LoreEntry(0, storyId, title, List.of(), "", false, true);
    }

    public LoreEntry with(String newTitle, List<String> newKeywords, String newContent, boolean newAlwaysOn,
                          boolean newEnabled) {
        return new LoreEntry(id, storyId, newTitle, newKeywords, newContent, newAlwaysOn, newEnabled,
                secondaryKeywords, secondaryLogic, priority, scanDepth, extensions);
    }

    /** The same entry with other secondary keywords, logic, priority and scan depth. */
    public LoreEntry withKeys(List<String> newSecondary, SecondaryLogic newLogic, int newPriority, int newScanDepth) {
        return new LoreEntry(id, storyId, title, keywords, content, alwaysOn, enabled, newSecondary, newLogic,
                newPriority, newScanDepth, extensions);
    }

    public LoreEntry inStory(long newStoryId) {
        return new LoreEntry(0, newStoryId, title, keywords, content, alwaysOn, enabled, secondaryKeywords,
                secondaryLogic, priority, scanDepth, extensions);
    }
}
