package dev.quire.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A unit of prose in story order. {@code prose} is always the current, edited text: what the
 * next prompt sees. A pinned scene is always included in the prompt context.
 */
public record Scene(
        long id,
        long storyId,
        int position,
        String title,
        Prose prose,
        String summary,
        Long povCharacterId,
        List<Long> characterIds,
        boolean pinned,
        Instant updated) {

    public Scene {
        Objects.requireNonNull(prose, "prose");
        title = Text.orEmpty(title);
        summary = Text.orEmpty(summary);
        characterIds = List.copyOf(characterIds == null ? List.of() : characterIds);
    }

    public static Scene titled(long storyId, String title) {
        return new Scene(0, storyId, 0, title, Prose.EMPTY, "", null, List.of(), false, null);
    }

    public Scene withProse(Prose newProse) {
        return new Scene(id, storyId, position, title, newProse, summary, povCharacterId, characterIds, pinned, updated);
    }

    public Scene withDetails(String newTitle, String newSummary, Long newPov, List<Long> newCharacterIds,
                             boolean newPinned) {
        return new Scene(id, storyId, position, newTitle, prose, newSummary, newPov, newCharacterIds, newPinned,
                updated);
    }

    public int wordCount() {
        return prose.wordCount();
    }
}
