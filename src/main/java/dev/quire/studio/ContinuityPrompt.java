package dev.quire.studio;

import dev.quire.model.CanonFact;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.Scene;
import dev.quire.store.SummaryRepository.SceneSummary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the continuity check sends: what the story has established (its canon, the sheets of the characters in the
 * scene, the earlier scenes' summaries) and the scene's text, with the answer asked for as strict JSON. Labels
 * ("canon 3", "scene 12", "Mara's sheet") are the ones the model is asked to cite, so a finding can name its
 * source in words the writer can find: canon facts by their id, as {@code quire canon list} shows them, and
 * scenes by their place in story order.
 */
record ContinuityPrompt(String system, String user) {

    static final String SYSTEM = """
            You are a continuity editor for a work of fiction. You compare one scene against what the writer has \
            established (the canon, the character sheets and the earlier scenes' summaries) and report only real \
            contradictions: a name, a date, a place, an age, a physical detail, a relationship, an event, or \
            something a character knows or could not know, that the scene gets wrong.

            Do not report style, quality or taste; things the earlier material does not mention; or changes the \
            story makes on purpose (a character changing their mind is not a contradiction). A summary marked \
            stale was written before its scene last changed and may no longer match it: trust it less.

            Answer with JSON only, no prose and no code fence: an array with one object for each contradiction, \
            in the order they come in the scene:
            [{"quote": "...", "conflict": "...", "source": "..."}]
            - quote: the exact words of the scene that contradict, copied character for character, no longer \
            than it takes to find the place (a phrase or one sentence).
            - conflict: what they contradict, and how, in a sentence or two.
            - source: where the contradicted fact is: "canon N", "scene N", or "NAME's sheet".
            If nothing contradicts, answer [].""";

    static final String STEREOTYPE_SYSTEM = """
            You are an editor who spots stereotypes in fiction: the stock figures and stock reactions a reader has             met too often to believe. Read one scene and report only these:
            - default names: the names models and hurried writers reach for (Elara, Kael, Lyra, Seraphina,             Thorne, Dr. Chen and the like), when the story gives no reason for them;
            - the all-knowing genius: a character who has every answer, reads every situation at once, and is             never wrong or surprised;
            - explainers: a character who exists to tell others what they already know ("As you know…"), or to             lecture the reader;
            - stock reactions: a breath they didn't know they were holding, a jaw that clenches, eyes that widen             or sparkle, a heart that skips, knuckles whitening, a smirk, a single tear.

            Do not report style or quality otherwise, nor a trait the character's sheet gives on purpose.

            Answer with JSON only, no prose and no code fence: an array with one object for each stereotype, in             the order they come in the scene:
            [{"quote": "...", "conflict": "...", "source": "..."}]
            - quote: the exact words of the scene, copied character for character, no longer than it takes to             find the place (a phrase or one sentence).
            - conflict: what is stock about it, and what a specific choice for this story could be, in a             sentence or two.
            - source: which kind: "default name", "all-knowing genius", "explainer" or "stock reaction".
            If there is none, answer [].""";

    /** What the stereotype check sends: the sheets of the characters in the scene, and the scene's text. */
    static ContinuityPrompt stereotypes(Scene scene, List<CharacterSheet> cast) {
        StringBuilder u = new StringBuilder("# Characters in the scene\n");
        if (cast.isEmpty()) {
            u.append("\n(none listed)\n");
        }
        for (CharacterSheet c : cast) {
            sheet(u, c);
        }
        u.append("\n# The scene to check: scene ").append(scene.position() + 1);
        if (!scene.title().isBlank()) {
            u.append(" “").append(scene.title().strip()).append('”');
        }
        u.append("\n\n<scene>\n").append(scene.prose().text()).append("\n</scene>\n\n")
                .append("List the scene's stereotypes as JSON.");
        return new ContinuityPrompt(STEREOTYPE_SYSTEM, u.toString());
    }

    /**
     * @param earlier the summaries of the scenes before {@code scene}, in story order
     * @param cast    the sheets of the characters in the scene (its cast and its point of view)
     */
    static ContinuityPrompt of(Scene scene, List<CanonFact> canon, List<CharacterSheet> cast,
                               List<SceneSummary> earlier) {
        StringBuilder u = new StringBuilder();
        u.append("# Canon\n\n");
        if (canon.isEmpty()) {
            u.append("(none yet)\n");
        }
        for (CanonFact f : canon) {
            u.append("[canon ").append(f.id()).append("] ").append(oneLine(f.text())).append('\n');
        }

        u.append("\n# Characters in the scene\n");
        if (cast.isEmpty()) {
            u.append("\n(none listed)\n");
        }
        for (CharacterSheet c : cast) {
            sheet(u, c);
        }

        u.append("\n# Earlier scenes\n\n");
        if (earlier.isEmpty()) {
            u.append("(this is the first scene)\n");
        }
        for (SceneSummary s : earlier) {
            u.append("[scene ").append(s.position() + 1).append(']');
            if (!s.title().isBlank()) {
                u.append(" “").append(s.title().strip()).append('”');
            }
            if (s.missing()) {
                u.append(": (no summary)\n");
            } else {
                u.append(s.stale() ? " (stale summary)" : "").append(": ").append(oneLine(s.summary())).append('\n');
            }
        }

        u.append("\n# The scene to check: scene ").append(scene.position() + 1);
        if (!scene.title().isBlank()) {
            u.append(" “").append(scene.title().strip()).append('”');
        }
        u.append("\n\n<scene>\n").append(scene.prose().text()).append("\n</scene>\n\n")
                .append("List the scene's contradictions as JSON.");
        return new ContinuityPrompt(SYSTEM, u.toString());
    }

    /** The characters in the scene, in the story's order: its cast, and its point of view should it be missing. */
    static List<CharacterSheet> cast(Scene scene, List<CharacterSheet> characters) {
        Set<Long> present = new LinkedHashSet<>(scene.characterIds());
        if (scene.povCharacterId() != null) {
            present.add(scene.povCharacterId());
        }
        List<CharacterSheet> out = new ArrayList<>();
        for (CharacterSheet c : characters) {
            if (present.contains(c.id())) {
                out.add(c);
            }
        }
        return out;
    }

    private static void sheet(StringBuilder u, CharacterSheet c) {
        u.append("\n## ").append(c.name().strip()).append("'s sheet\n");
        if (!c.aliases().isEmpty()) {
            u.append("Also called: ").append(String.join(", ", c.aliases())).append('\n');
        }
        for (CharacterSheet.Field field : CharacterSheet.Field.values()) {
            String value = c.get(field);
            if (sent(field) && !value.isBlank()) {
                u.append(field.label()).append(": ").append(value.strip()).append('\n');
            }
        }
        if (!c.facts().isEmpty()) {
            u.append("Facts:\n");
            for (Fact f : c.facts()) {
                u.append("- ").append(oneLine(f.text())).append('\n');
            }
        }
    }

    /**
     * Whether a sheet field goes to the model. Every field is named, so a field added to the sheet must be decided
     * here before it compiles: private notes never leave the library.
     */
    static boolean sent(CharacterSheet.Field field) {
        return switch (field) {
            case ROLE, APPEARANCE, PERSONALITY, PSYCHOLOGY, BACKSTORY, DESIRES, FEARS, VOICE, RELATIONSHIPS,
                    INTERESTS -> true;
            case PRIVATE_NOTES -> false;
        };
    }

    /** Keeps one labelled entry on one line, so the labels stay where the model can see them. */
    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
