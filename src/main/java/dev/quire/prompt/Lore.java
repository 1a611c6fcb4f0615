package dev.quire.prompt;

import com.google.re2j.Pattern;
import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/** Which lore entries bear on a request, and how an entry reads. */
final class Lore {

    /** How many rounds of entries triggering entries: an entry's text may bring in others, theirs others, and stop. */
    static final int MAX_RECURSION = 3;

    /** Higher priority first; equal priorities keep the writer's order. */
    static final Comparator<LoreEntry> BY_PRIORITY = Comparator.comparingInt(LoreEntry::priority).reversed();

    private Lore() {
    }

    /** Text searched for keys: its words for plain keys, and the text itself for patterns. */
    static final class Haystack {
        private final String text;
        private final Mentions mentions;

        Haystack(String text) {
            this.text = text;
            this.mentions = new Mentions(text);
        }

        boolean matches(String key) {
            if (LoreKeys.isPattern(key)) {
                Optional<Pattern> p = LoreKeys.pattern(key);
                return p.isPresent() && p.get().matcher(text).find();
            }
            return mentions.contains(key);
        }
    }

    /** The recent text at each scan depth (0 is the default), made once per depth asked for. */
    static final class Scan {
        private final IntFunction<String> text;
        private final Map<Integer, Haystack> byDepth = new HashMap<>();

        Scan(IntFunction<String> text) {
            this.text = text;
        }

        Haystack at(int depth) {
            return byDepth.computeIfAbsent(depth, d -> new Haystack(text.apply(d)));
        }
    }

    /**
     * Whether a keyword of the entry is mentioned, or names a character (by name or alias) who is present or is
     * mentioned by any of their names; and then whether its secondary keywords agree, by its logic.
     */
    static boolean isTriggered(LoreEntry e, Haystack recent, Map<String, CharacterSheet> byName,
                               Set<Long> presentIds) {
        return primary(e, recent, byName, presentIds) && secondary(e, recent);
    }

    private static boolean primary(LoreEntry e, Haystack recent, Map<String, CharacterSheet> byName,
                                   Set<Long> presentIds) {
        for (String k : e.keywords()) {
            if (recent.matches(k)) {
                return true;
            }
            if (LoreKeys.isPattern(k)) {
                continue;
            }
            CharacterSheet c = byName.get(Mentions.normalize(k));
            if (c != null) {
                if (presentIds.contains(c.id())) {
                    return true;
                }
                for (String n : Cast.names(c)) {
                    if (recent.matches(n)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean secondary(LoreEntry e, Haystack recent) {
        List<String> keys = e.secondaryKeywords().stream().filter(k -> !k.isBlank()).toList();
        if (keys.isEmpty()) {
            return true;
        }
        int found = 0;
        for (String k : keys) {
            if (recent.matches(k)) {
                found++;
            }
        }
        return switch (e.secondaryLogic()) {
            case AND_ANY -> found > 0;
            case NOT_ALL -> found < keys.size();
            case NOT_ANY -> found == 0;
            case AND_ALL -> found == keys.size();
        };
    }

    /**
     * Entries triggered by the text of entries already triggered, round by round up to {@link #MAX_RECURSION};
     * those found are taken out of {@code waiting} and returned in the order found.
     */
    static List<LoreEntry> cascade(List<LoreEntry> triggered, List<LoreEntry> waiting,
                                   Map<String, CharacterSheet> byName) {
        List<LoreEntry> found = new ArrayList<>();
        List<LoreEntry> round = triggered;
        for (int depth = 0; depth < MAX_RECURSION && !round.isEmpty() && !waiting.isEmpty(); depth++) {
            StringBuilder sb = new StringBuilder();
            round.forEach(e -> sb.append(e.content()).append('\n'));
            Haystack text = new Haystack(sb.toString());
            List<LoreEntry> next = new ArrayList<>();
            for (Iterator<LoreEntry> it = waiting.iterator(); it.hasNext(); ) {
                LoreEntry e = it.next();
                if (isTriggered(e, text, byName, Set.of())) {
                    next.add(e);
                    it.remove();
                }
            }
            found.addAll(next);
            round = next;
        }
        return found;
    }

    static String text(LoreEntry e) {
        String title = label(e);
        return (title.isBlank() ? "" : "## " + title + "\n") + e.content().strip();
    }

    static String label(LoreEntry e) {
        return e.title().isBlank() ? String.join(", ", e.keywords()) : e.title().strip();
    }
}
