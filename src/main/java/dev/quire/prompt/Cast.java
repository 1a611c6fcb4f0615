package dev.quire.prompt;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.PlayedBy;
import dev.quire.model.Scene;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The characters present in the request, the point-of-view character first, and how their sheets read.
 *
 * @param everyone    no scene names a cast (or the request involves the whole cast), so everyone is present
 * @param writerPlays characters the writer plays in this request whatever their sheets say (and present)
 */
record Cast(List<CharacterSheet> present, boolean everyone, Set<Long> writerPlays) {

    Cast {
        present = List.copyOf(present);
        writerPlays = Set.copyOf(writerPlays);
    }

    /**
     * The target scene's cast and point-of-view character; for a new scene, or one with no cast yet, the previous
     * scene's; when neither names anyone, every character.
     */
    static Cast of(PromptInput in, List<Scene> before) {
        if (in.wholeCast()) {
            return new Cast(in.characters(), true, in.writerPlays());
        }
        Set<Long> ids = castOf(in.target());
        if (ids.isEmpty() && !before.isEmpty()) {
            ids = castOf(before.get(before.size() - 1));
        }
        if (ids.isEmpty()) {
            return new Cast(in.characters(), true, in.writerPlays());
        }
        ids.addAll(in.writerPlays()); // whom the writer plays is in the scene
        List<CharacterSheet> present = new ArrayList<>();
        Long pov = in.target() != null ? in.target().povCharacterId() : null;
        for (CharacterSheet c : in.characters()) {
            if (ids.contains(c.id())) {
                if (Objects.equals(pov, c.id())) {
                    present.add(0, c);
                } else {
                    present.add(c);
                }
            }
        }
        return new Cast(present, false, in.writerPlays());
    }

    private static Set<Long> castOf(Scene s) {
        Set<Long> ids = new HashSet<>();
        if (s != null) {
            ids.addAll(s.characterIds());
            if (s.povCharacterId() != null) {
                ids.add(s.povCharacterId());
            }
        }
        return ids;
    }

    static List<String> names(CharacterSheet c) {
        List<String> names = new ArrayList<>();
        names.add(c.name());
        names.addAll(c.aliases());
        return names;
    }

    /** A character's sheet as the model reads it: never the private notes, never an empty field. */
    static String sheet(CharacterSheet c, Scene target) {
        StringBuilder sb = new StringBuilder("## ").append(c.name().strip());
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
        boolean heading = false;
        for (Fact f : c.facts()) {
            if (!f.text().isBlank()) {
                if (!heading) {
                    sb.append("\nEstablished facts:");
                    heading = true;
                }
                sb.append("\n- ").append(f.text().strip());
            }
        }
        return sb.toString();
    }

    /** In co-writing, whom the writer plays among those present ("The author plays Mara"); "" for nobody. */
    String turnsLabel() {
        List<String> names = writerPlayed();
        return names.isEmpty() ? "" : "The author plays " + list(names, "and");
    }

    /**
     * In co-writing, the characters present whom the writer plays, and that the model must leave them to the
     * writer; "" when the model plays everyone present.
     */
    String turns() {
        List<String> names = writerPlayed();
        if (names.isEmpty()) {
            return "";
        }
        List<String> possessives = new ArrayList<>();
        names.forEach(n -> possessives.add(n + "'s"));
        return ContextAssembler.TURNS_HEADING + "\n" + turnsLabel() + ". Write only the other characters and the "
                + "world around them. Never write " + list(possessives, "or") + " speech, actions or thoughts; stop at "
                + "the point where " + (names.size() == 1 ? names.get(0) : "one of them") + " would act or speak "
                + "next, and leave that to the author.";
    }

    /**
     * Where the model must stop in co-writing: where a character the writer plays would act or speak next; empty when
     * the model plays everyone present. Prose gives a character the next move by opening a paragraph with their name
     * ("\n\nOdile turned…"), and a script or chat transcript by a line opening with the name and a colon
     * ("\nOdile: …"); so each character gets both, the paragraph ones first (a provider that takes only a few, as
     * OpenAI's four, keeps those). The name is the one prose uses, the first word of a full name ("Odile" for
     * "Odile Farrant", which a stop on "Odile" also catches), unless that word is an article or a title ("The
     * Keeper", "Mrs Iredale" stay whole). A sentence inside a paragraph ("…, and Odile laughed") is left to the
     * instruction: stopping there would cut the model's own characters short whenever they mention the writer's.
     */
    List<String> stopSequences() {
        List<String> names = new ArrayList<>();
        for (String n : writerPlayed()) {
            String name = stopName(n);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        List<String> stops = new ArrayList<>();
        names.forEach(n -> stops.add("\n\n" + n));
        names.forEach(n -> stops.add("\n" + n + ":"));
        return stops;
    }

    private static final Set<String> NOT_A_NAME = Set.of("the", "a", "an", "mr", "mrs", "ms", "miss", "dr", "sir",
            "lady", "lord", "dame", "captain", "father", "mother", "aunt", "uncle", "old", "young", "saint", "st");

    static String stopName(String name) {
        String[] words = name.strip().split("\\s+");
        String first = words[0].replaceAll("\\.$", "").toLowerCase(java.util.Locale.ROOT);
        return words.length == 1 || NOT_A_NAME.contains(first) ? name.strip() : words[0];
    }

    private List<String> writerPlayed() {
        List<String> names = new ArrayList<>();
        for (CharacterSheet c : present) {
            if ((c.playedBy() == PlayedBy.WRITER || writerPlays.contains(c.id())) && !c.name().isBlank()) {
                names.add(c.name().strip());
            }
        }
        return names;
    }

    private static String list(List<String> items, String conjunction) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " "
                + items.get(items.size() - 1);
    }
}
