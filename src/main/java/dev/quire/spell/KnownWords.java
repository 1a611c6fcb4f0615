package dev.quire.spell;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words a story counts as spelled right besides the language's own: the names of its characters (and their
 * aliases), its lore titles and keywords (its places), the writer's additions to its dictionary and their personal
 * dictionary. Names are known word by word ("Marra Vell" makes "Marra" and "Vell" known), in any case, with or
 * without a possessive.
 */
public final class KnownWords {

    public static final KnownWords NONE = new KnownWords(Set.of());

    private final Set<String> words;

    private KnownWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** Known words from entries that may be names of several words. */
    public static KnownWords of(Collection<String> entries) {
        Set<String> out = new HashSet<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            out.add(key(entry));
            for (String part : entry.split("[\\s\\p{Pd}/,.;:!?()\"“”]+")) {
                if (!part.isBlank()) {
                    out.add(key(part));
                }
            }
        }
        return new KnownWords(out);
    }

    public KnownWords with(Collection<String> more) {
        Set<String> all = new HashSet<>(words);
        all.addAll(of(more).words);
        return new KnownWords(all);
    }

    /** Whether these words (a finding's text) are known. */
    public boolean contains(String text) {
        String k = key(text);
        if (words.contains(k)) {
            return true;
        }
        for (String possessive : new String[] {"'s", "’s", "'", "’"}) {
            if (k.endsWith(possessive) && words.contains(k.substring(0, k.length() - possessive.length()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnownWords k && k.words.equals(words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    public int size() {
        return words.size();
    }

    private static String key(String s) {
        return s.strip().replace('’', '\'').toLowerCase(Locale.ROOT).replace("'", "’");
    }
}
