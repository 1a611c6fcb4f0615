package dev.quire.prompt;

import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;

import java.util.Map;
import java.util.Set;

/** Which lore entries bear on a request, and how an entry reads. */
final class Lore {

    private Lore() {
    }

    /**
     * Whether a keyword of the entry is mentioned, or names a character (by name or alias) who is present or is
     * mentioned by any of their names.
     */
    static boolean isTriggered(LoreEntry e, Mentions recent, Map<String, CharacterSheet> byName, Set<Long> presentIds) {
        for (String k : e.keywords()) {
            if (recent.contains(k)) {
                return true;
            }
            CharacterSheet c = byName.get(Mentions.normalize(k));
            if (c != null) {
                if (presentIds.contains(c.id())) {
                    return true;
                }
                for (String n : Cast.names(c)) {
                    if (recent.contains(n)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static String text(LoreEntry e) {
        String title = label(e);
        return (title.isBlank() ? "" : "## " + title + "\n") + e.content().strip();
    }

    static String label(LoreEntry e) {
        return e.title().isBlank() ? String.join(", ", e.keywords()) : e.title().strip();
    }
}
