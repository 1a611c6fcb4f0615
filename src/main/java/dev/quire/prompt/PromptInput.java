package dev.quire.prompt;

import dev.quire.model.CanonFact;
import dev.quire.model.Chapter;
import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
import dev.quire.model.Note;
import dev.quire.model.Scene;
import dev.quire.model.Story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a prompt is built from.
 *
 * @param characters  every character of the story; the builder picks those present
 * @param scenes      the story's scenes in story order, each with its current, edited text
 * @param target      the scene being worked on, one of {@code scenes}; null for a new scene after the last
 * @param instruction what the writer asks for; may be blank while they are still typing it
 * @param budget      tokens the prompt may use: the context window less the tokens kept for the reply
 * @param notes       the story's "yes, and" notes; only the shared ones go in, private ones never do
 * @param history     the conversation so far, oldest first, before the instruction (the writer's latest message);
 *                    empty outside a conversation
 * @param wholeCast   every character is involved (a story brainstorm), whatever the scenes' casts say
 * @param anchor      where in the target scene's text the request is anchored: a cursor to continue from, or a
 *                    passage to rewrite; null for the whole scene
 * @param chapters    the story's chapters in story order; empty when it has none
 * @param sceneChapters which chapter each scene belongs to, scene id to chapter id; a scene in no chapter is absent
 * @param staleSummaries the scenes whose summary was made before their text last changed; still used, and marked
 *                    stale in the report
 * @param canon       the facts the writer has established; always sent, never trimmed
 * @param maxVerbatimWords at most this many words of earlier scenes verbatim (pinned scenes aside), whatever the
 *                    budget would allow; null for no cap
 * @param writerPlays characters the writer plays in this request (by id), beside those whose sheets say so: they
 *                    are present, and the model leaves them to the writer (the co-writing turns)
 */
public record PromptInput(Story story, List<CharacterSheet> characters, List<Scene> scenes, Scene target,
                          List<LoreEntry> lore, Frame frame, String instruction, int budget, TokenCounter counter,
                          List<Note> notes, List<Turn> history, boolean wholeCast, Anchor anchor,
                          List<Chapter> chapters, Map<Long, Long> sceneChapters, Set<Long> staleSummaries,
                          List<CanonFact> canon, Integer maxVerbatimWords, Set<Long> writerPlays) {

    /**
     * A place in the target scene's text, in {@code String} offsets (UTF-16 code units, as the editor's caret
     * counts them). {@code start == end} is a cursor: only the text before it is sent, and the model continues from
     * there; text after the cursor is not sent. {@code start < end} is a passage to rewrite: it goes into
     * {@code {{passage}}} exactly as it stands, and the scene around it into {@code {{scene_text}}} with its place
     * marked.
     */
    public record Anchor(int start, int end) {
        public Anchor {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("not a place in a text: " + start + " to " + end);
            }
        }

        public static Anchor cursor(int at) {
            return new Anchor(at, at);
        }

        public static Anchor passage(int start, int end) {
            if (end <= start) {
                throw new IllegalArgumentException("an empty passage: " + start + " to " + end);
            }
            return new Anchor(start, end);
        }

        public boolean isCursor() {
            return start == end;
        }
    }

    /** One earlier message of a conversation, sent as it was written. */
    public record Turn(long messageId, Role role, String text) {
        public enum Role { USER, ASSISTANT }

        public Turn {
            Objects.requireNonNull(role, "role");
            text = text == null ? "" : text;
        }

        /** "user" or "assistant", as a report and the providers name it. */
        public String roleName() {
            return role == Role.USER ? "user" : "assistant";
        }
    }

    public PromptInput {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(counter, "counter");
        characters = List.copyOf(characters == null ? List.of() : characters);
        scenes = List.copyOf(scenes == null ? List.of() : scenes);
        lore = List.copyOf(lore == null ? List.of() : lore);
        notes = List.copyOf(notes == null ? List.of() : notes);
        history = List.copyOf(history == null ? List.of() : history);
        instruction = instruction == null ? "" : instruction.strip();
        chapters = List.copyOf(chapters == null ? List.of() : chapters);
        sceneChapters = withoutNulls(sceneChapters);
        staleSummaries = Set.copyOf(staleSummaries == null ? Set.of() : staleSummaries);
        canon = List.copyOf(canon == null ? List.of() : canon);
        writerPlays = Set.copyOf(writerPlays == null ? Set.of() : writerPlays);
        if (maxVerbatimWords != null && maxVerbatimWords < 0) {
            throw new IllegalArgumentException("a cap on the words of earlier scenes verbatim cannot be negative: "
                    + maxVerbatimWords);
        }
        if (anchor != null) {
            if (target == null) {
                throw new IllegalArgumentException("a cursor or a passage needs the scene it is in");
            }
            int length = target.prose().text().length();
            if (anchor.end() > length) {
                throw new IllegalArgumentException("scene " + (target.position() + 1) + " has " + length
                        + " characters, so " + anchor.start() + " to " + anchor.end() + " is not in it");
            }
        }
    }

    /** A request with no chapters, no stale summaries, no canon and no cap on the verbatim scenes. */
    public PromptInput(Story story, List<CharacterSheet> characters, List<Scene> scenes, Scene target,
                       List<LoreEntry> lore, Frame frame, String instruction, int budget, TokenCounter counter,
                       List<Note> notes, List<Turn> history, boolean wholeCast, Anchor anchor) {
        this(story, characters, scenes, target, lore, frame, instruction, budget, counter, notes, history, wholeCast,
                anchor, List.of(), Map.of(), Set.of(), List.of(), null, Set.of());
    }

    /** Anywhere in the scene, or none. */
    public PromptInput(Story story, List<CharacterSheet> characters, List<Scene> scenes, Scene target,
                       List<LoreEntry> lore, Frame frame, String instruction, int budget, TokenCounter counter,
                       List<Note> notes, List<Turn> history, boolean wholeCast) {
        this(story, characters, scenes, target, lore, frame, instruction, budget, counter, notes, history, wholeCast,
                null);
    }

    /** A single request outside a conversation, with no notes. */
    public PromptInput(Story story, List<CharacterSheet> characters, List<Scene> scenes, Scene target,
                       List<LoreEntry> lore, Frame frame, String instruction, int budget, TokenCounter counter) {
        this(story, characters, scenes, target, lore, frame, instruction, budget, counter, List.of(), List.of(),
                false, null);
    }

    /** The same request anchored at a cursor or a passage of the target scene. */
    public PromptInput withAnchor(Anchor newAnchor) {
        return new PromptInput(story, characters, scenes, target, lore, frame, instruction, budget, counter, notes,
                history, wholeCast, newAnchor, chapters, sceneChapters, staleSummaries, canon, maxVerbatimWords,
                writerPlays);
    }

    /** The same request with the story's chapters, and which chapter each scene is in. */
    public PromptInput withChapters(List<Chapter> newChapters, Map<Long, Long> newSceneChapters) {
        return new PromptInput(story, characters, scenes, target, lore, frame, instruction, budget, counter, notes,
                history, wholeCast, anchor, newChapters, newSceneChapters, staleSummaries, canon, maxVerbatimWords,
                writerPlays);
    }

    /** The same request knowing which scenes' summaries are stale. */
    public PromptInput withStaleSummaries(Set<Long> newStaleSummaries) {
        return new PromptInput(story, characters, scenes, target, lore, frame, instruction, budget, counter, notes,
                history, wholeCast, anchor, chapters, sceneChapters, newStaleSummaries, canon, maxVerbatimWords,
                writerPlays);
    }

    /** The same request with the story's canon. */
    public PromptInput withCanon(List<CanonFact> newCanon) {
        return new PromptInput(story, characters, scenes, target, lore, frame, instruction, budget, counter, notes,
                history, wholeCast, anchor, chapters, sceneChapters, staleSummaries, newCanon, maxVerbatimWords,
                writerPlays);
    }

    /** The same request with at most {@code words} words of earlier scenes verbatim; null for no cap. */
    public PromptInput withMaxVerbatimWords(Integer words) {
        return new PromptInput(story, characters, scenes, target, lore, frame, instruction, budget, counter, notes,
                history, wholeCast, anchor, chapters, sceneChapters, staleSummaries, canon, words,
                writerPlays);
    }

    /** The same request with the writer playing these characters too, whatever their sheets say. */
    public PromptInput withWriterPlaying(Set<Long> characterIds) {
        return new PromptInput(story, characters, scenes, target, lore, frame, instruction, budget, counter, notes,
                history, wholeCast, anchor, chapters, sceneChapters, staleSummaries, canon, maxVerbatimWords,
                characterIds);
    }

    private static Map<Long, Long> withoutNulls(Map<Long, Long> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> copy = new HashMap<>();
        map.forEach((scene, chapter) -> {
            if (scene != null && chapter != null) {
                copy.put(scene, chapter);
            }
        });
        return Map.copyOf(copy);
    }

    /** The passage to rewrite exactly as it stands, never stripped; "" unless the anchor is a passage. */
    public String passage() {
        return anchor == null || anchor.isCursor() ? "" : target.prose().text().substring(anchor.start(),
                anchor.end());
    }
}
