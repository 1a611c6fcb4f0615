package dev.quire.studio;

import dev.quire.llm.ChatMessage;
import dev.quire.llm.SystemBlock;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.Scene;
import dev.quire.model.Story;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A small, temporary prompt for "write this scene": enough to generate with, and honest about what it sends.
 * The real prompt builder (frames, lore, token budgets, a report of what was left out and why) is a later issue
 * and replaces this class; until then it assembles, in this order:
 *
 * <ol>
 *   <li>a system block with the writer-facing role;</li>
 *   <li>the story bible (title, premise, style guide, about the writer, avoid list), marked as the cache
 *       breakpoint: it is the stable prefix every generation on the story shares;</li>
 *   <li>the characters present in the target scene (its cast and point-of-view character; every character when
 *       the scene lists none, or for a new scene), each field that has text, never the private notes;</li>
 *   <li>the story so far: the scenes before the target in their current, edited text, newest first until
 *       {@link #RECENT_WORDS} words are used, then older ones by their summary; pinned scenes always in full;</li>
 * </ol>
 * and one user message: the scene so far (for an existing scene with text) followed by the instruction.
 * Lore entries and conversations are not included yet.
 */
public final class ScenePrompt {

    /** About how many words of recent scenes go in verbatim. */
    public static final int RECENT_WORDS = 3000;

    static final String ROLE = "You are co-writing a work of fiction with its author. Write the prose the author "
            + "asks for, in the story's own voice: follow the style guide, keep the characters as their sheets "
            + "describe them, continue from the story so far, and never use anything on the avoid list. Reply "
            + "with the scene's prose only: no title, no notes, no commentary.";

    /** What goes to the provider. */
    public record Prompt(List<SystemBlock> system, List<ChatMessage> messages) {
        public Prompt {
            system = List.copyOf(system);
            messages = List.copyOf(messages);
        }

        /** Characters sent, system and messages together; a quarter of it estimates the tokens. */
        public int characters() {
            int n = 0;
            for (SystemBlock b : system) {
                n += b.text().length();
            }
            for (ChatMessage m : messages) {
                n += m.text().length();
            }
            return n;
        }

        /** About four characters a token, for English prose (llm-protocols.md); the provider reports the truth. */
        public int estimatedTokens() {
            return (characters() + 3) / 4;
        }
    }

    private ScenePrompt() {
    }

    /**
     * @param scenes      the story's scenes in story order
     * @param target      the scene being written, one of {@code scenes}; null for a new scene after the last
     * @param instruction what the writer asks for
     */
    public static Prompt build(Story story, List<CharacterSheet> characters, List<Scene> scenes, Scene target,
                               String instruction) {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(instruction, "instruction");
        List<SystemBlock> system = new ArrayList<>();
        system.add(SystemBlock.of(ROLE));
        system.add(SystemBlock.cached(bible(story)));
        String cast = characters(characters, target);
        if (!cast.isEmpty()) {
            system.add(SystemBlock.of(cast));
        }
        List<Scene> before = new ArrayList<>();
        for (Scene s : scenes) {
            if (target != null && s.position() >= target.position()) {
                break;
            }
            before.add(s);
        }
        String storySoFar = storySoFar(before);
        if (!storySoFar.isEmpty()) {
            system.add(SystemBlock.of(storySoFar));
        }
        return new Prompt(system, List.of(ChatMessage.user(userMessage(target, instruction.strip()))));
    }

    static String bible(Story story) {
        StringBuilder sb = new StringBuilder("# Story bible: ").append(story.title().strip());
        section(sb, "Premise", story.premise());
        section(sb, "Style guide", story.styleGuide());
        section(sb, "About the author", story.aboutWriter());
        List<String> avoid = new ArrayList<>();
        for (String a : story.avoidList()) {
            if (!a.isBlank()) {
                avoid.add(a.strip());
            }
        }
        if (!avoid.isEmpty()) {
            sb.append("\n\n## Avoid (names, phrases and habits the author does not want)");
            for (String a : avoid) {
                sb.append("\n- ").append(a);
            }
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String heading, String text) {
        if (!text.isBlank()) {
            sb.append("\n\n## ").append(heading).append("\n").append(text.strip());
        }
    }

    static String characters(List<CharacterSheet> all, Scene target) {
        List<CharacterSheet> present = new ArrayList<>();
        if (target != null) {
            Set<Long> ids = new HashSet<>(target.characterIds());
            if (target.povCharacterId() != null) {
                ids.add(target.povCharacterId());
            }
            for (CharacterSheet c : all) {
                if (ids.contains(c.id())) {
                    present.add(c);
                }
            }
        }
        boolean everyone = present.isEmpty();
        if (everyone) {
            present = all;
        }
        if (present.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(everyone ? "# Characters" : "# Characters in this scene");
        for (CharacterSheet c : present) {
            sb.append("\n\n## ").append(c.name().strip());
            List<String> aliases = new ArrayList<>();
            for (String a : c.aliases()) {
                if (!a.isBlank()) {
                    aliases.add(a.strip());
                }
            }
            if (!aliases.isEmpty()) {
                sb.append(" (also called ").append(String.join(", ", aliases)).append(')');
            }
            if (target != null && Objects.equals(target.povCharacterId(), c.id())) {
                sb.append("\nThe scene is told from this character's point of view.");
            }
            for (CharacterSheet.Field field : CharacterSheet.Field.values()) {
                if (field == CharacterSheet.Field.PRIVATE_NOTES) {
                    continue; // the writer's own: never sent to the model
                }
                String value = c.get(field);
                if (!value.isBlank()) {
                    sb.append('\n').append(field.label()).append(": ").append(value.strip());
                }
            }
            List<String> facts = new ArrayList<>();
            for (Fact f : c.facts()) {
                if (!f.text().isBlank()) {
                    facts.add(f.text().strip());
                }
            }
            if (!facts.isEmpty()) {
                sb.append("\nEstablished facts:");
                for (String f : facts) {
                    sb.append("\n- ").append(f);
                }
            }
        }
        return sb.toString();
    }

    /** Newest scenes verbatim within the word budget (pinned ones always), older ones by summary, in story order. */
    static String storySoFar(List<Scene> before) {
        if (before.isEmpty()) {
            return "";
        }
        boolean[] verbatim = new boolean[before.size()];
        int words = 0;
        boolean budgetSpent = false;
        for (int i = before.size() - 1; i >= 0; i--) {
            Scene s = before.get(i);
            int w = s.wordCount();
            if (s.pinned()) {
                verbatim[i] = true;
                words += w;
            } else if (!budgetSpent && (words + w <= RECENT_WORDS || i == before.size() - 1)) {
                verbatim[i] = true;
                words += w;
            } else {
                budgetSpent = true;
            }
        }
        StringBuilder sb = new StringBuilder("# The story so far");
        for (int i = 0; i < before.size(); i++) {
            Scene s = before.get(i);
            sb.append("\n\n## Scene ").append(s.position() + 1);
            if (!s.title().isBlank()) {
                sb.append(": ").append(s.title().strip());
            }
            if (verbatim[i]) {
                String text = s.prose().text().strip();
                if (i == before.size() - 1 && !s.pinned() && s.wordCount() > RECENT_WORDS) {
                    text = "[…] " + lastWords(text, RECENT_WORDS);
                }
                sb.append("\n\n").append(text.isEmpty() ? "(no text yet)" : text);
            } else {
                String summary = s.summary().strip();
                sb.append(" (summary)\n\n").append(summary.isEmpty() ? "(no summary yet)" : summary);
            }
        }
        return sb.toString();
    }

    /** The end of {@code text} holding about {@code words} whitespace-separated words. */
    static String lastWords(String text, int words) {
        int seen = 0;
        for (int i = text.length() - 1; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
                seen++;
                if (seen == words) {
                    return text.substring(i);
                }
            }
        }
        return text;
    }

    static String userMessage(Scene target, String instruction) {
        if (target == null) {
            return "Write the next scene of the story.\n\n" + instruction;
        }
        String name = "scene " + (target.position() + 1) + (target.title().isBlank() ? "" : ", “"
                + target.title().strip() + "”");
        String text = target.prose().text().strip();
        if (text.isEmpty()) {
            return "Write " + name + ".\n\n" + instruction;
        }
        return "Here is " + name + (target.title().isBlank() ? "" : ",") + " so far:\n\n" + text + "\n\n---\n\n"
                + instruction;
    }
}
