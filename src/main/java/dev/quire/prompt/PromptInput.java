package dev.quire.prompt;

import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
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
 */
public record PromptInput(Story story, List<CharacterSheet> characters, List<Scene> scenes, Scene target,
                          List<LoreEntry> lore, Frame frame, String instruction, int budget, TokenCounter counter) {

    public PromptInput {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(counter, "counter");
        characters = List.copyOf(characters == null ? List.of() : characters);
        scenes = List.copyOf(scenes == null ? List.of() : scenes);
        lore = List.copyOf(lore == null ? List.of() : lore);
        instruction = instruction == null ? "" : instruction.strip();
    }
}
