package dev.quire.prompt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt template for one kind of request. The template is plain text in two sections, each opened by a line of
 * its own, {@code [system]} and {@code [user]}, with named slots the prompt builder fills:
 *
 * <ul>
 *   <li>{@code {{title}}} the story's title; {@code {{bible}}} premise, style guide, about the writer, avoid list;</li>
 *   <li>{@code {{canon}}} the facts the writer has established for the story: always sent, never trimmed;</li>
 *   <li>{@code {{characters}}} the sheets of the characters present; {@code {{lore}}} the always-on lore;</li>
 *   <li>{@code {{lore_triggered}}} lore whose keywords appear in the recent text or the instruction;</li>
 *   <li>{@code {{scenes}}} the story so far (nearest scenes verbatim, then scene summaries, then chapter
 *       summaries, so that every earlier scene is there in some form);</li>
 *   <li>{@code {{scene_text}}} the scene being worked on, as it stands (when continuing from the cursor, only its
 *       text up to the cursor; when rewriting, with the passage's place marked); {@code {{instruction}}} the
 *       writer's request;</li>
 *   <li>{@code {{passage}}} the passage to rewrite, exactly as selected and delimited, never shortened;</li>
 *   <li>{@code {{turns}}} in co-writing, which characters the writer plays and that the model must leave them to
 *       the writer; empty when the model plays everyone present;</li>
 *   <li>{@code {{notes}}} the writer's notes shared with the model (private notes never go in).</li>
 * </ul>
 *
 * The instruction, the passage and the turns are never left out for the budget; put the turns near the
 * instruction, late in the user section, where a model heeds instructions best.
 *
 * A slot with nothing to say disappears with its blank lines. In the system section the text up to the last of
 * the stable slots (title, bible, canon, characters, lore) is the cached prefix: keep the volatile slots after them.
 *
 * @param key     how the frame is named: a built-in's key ({@code scene}), or {@code frame-ID} for a stored one
 * @param id      the stored frame's id; 0 for a built-in
 * @param kind    the built-in kind it is for: co-writer, analyst, scene, continue, rewrite, critique, summary
 * @param basedOn the key of the frame it was duplicated from, or null
 */
public record Frame(String key, long id, String name, String kind, String template, boolean builtIn,
                    String basedOn) {

    public static final List<String> SLOTS = List.of("title", "bible", "canon", "characters", "lore",
            "lore_triggered", "scenes", "scene_text", "passage", "turns", "instruction", "notes");
    static final Set<String> STABLE_SLOTS = Set.of("title", "bible", "canon", "characters", "lore");
    static final Pattern SLOT = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
    private static final Pattern SECTION = Pattern.compile("(?m)^[ \\t]*\\[(system|user)][ \\t]*$\\R?");

    public Frame {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
    }

    /** The slots the template uses, known or not, in order of first use. */
    public Set<String> slots() {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = SLOT.matcher(template);
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }

    /** The key a stored frame is named by. */
    public static String storedKey(long id) {
        return "frame-" + id;
    }

    /**
     * What is wrong with a template, in words for the frame editor; empty when it can be used. Unknown slots are
     * reported (a typo would otherwise reach the model as literal braces), and so is a missing instruction.
     */
    public static List<String> problems(String template) {
        List<String> problems = new ArrayList<>();
        Matcher m = SLOT.matcher(template);
        boolean instruction = false;
        while (m.find()) {
            String slot = m.group(1);
            if (slot.equals("instruction")) {
                instruction = true;
            } else if (!SLOTS.contains(slot)) {
                problems.add("There is no slot {{" + slot + "}}; the slots are {{" + String.join("}}, {{", SLOTS)
                        + "}}.");
            }
        }
        if (!instruction) {
            problems.add("The frame has no {{instruction}} slot, so the writer's request would not be sent.");
        }
        if (sections(template)[1].isBlank()) {
            problems.add("The frame has no [user] section: the request needs a message to answer.");
        }
        return List.copyOf(problems);
    }

    /** The system and user sections: text before any marker belongs to the system section. */
    static String[] sections(String template) {
        String system = "";
        String user = "";
        Matcher m = SECTION.matcher(template);
        int start = 0;
        String current = "system";
        StringBuilder sys = new StringBuilder();
        StringBuilder usr = new StringBuilder();
        while (m.find()) {
            (current.equals("system") ? sys : usr).append(template, start, m.start());
            current = m.group(1);
            start = m.end();
        }
        (current.equals("system") ? sys : usr).append(template.substring(start));
        system = sys.toString();
        user = usr.toString();
        return new String[] {system, user};
    }
}
