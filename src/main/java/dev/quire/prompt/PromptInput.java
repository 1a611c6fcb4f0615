package dev.quire.prompt;

import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
import dev.quire.model.Note;
import dev.quire.model.Scene;
import dev.quire.model.Story;

import java.util.List;
import java.util.Objects;

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
 */
public record PromptInput(Story story, List<CharacterSheet> characters, List<Scene> scenes, Scene target,
                          List<LoreEntry> lore, Frame frame, String instruction, int budget, TokenCounter counter,
                          List<Note> notes, List<Turn> history, boolean wholeCast) {

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
    }

    /** A single request outside a conversation, with no notes. */
    public PromptInput(Story story, List<CharacterSheet> characters, List<Scene> scenes, Scene target,
                       List<LoreEntry> lore, Frame frame, String instruction, int budget, TokenCounter counter) {
        this(story, characters, scenes, target, lore, frame, instruction, budget, counter, List.of(), List.of(),
                false);
    }
}
