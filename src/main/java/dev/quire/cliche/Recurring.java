package dev.quire.cliche;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a model keeps reaching for across a story's generations. A name used in {@link #THRESHOLD} of the last
 * {@link #WINDOW} generations that the writer never kept (it is in no scene's text, no character's name and no
 * lore title) is the model's default, flagged even when it is on no list. Stock items from the lists that recur
 * as often are reported too, kept or not.
 */
public final class Recurring {

    public static final int WINDOW = 5;
    public static final int THRESHOLD = 3;

    /**
     * One recurring name or stock item.
     *
     * @param generations in how many of the last {@link #WINDOW} generations it appears
     * @param kept        whether the writer kept it: in a scene's text, or the story's names
     */
    public record Item(String text, Finding.Kind kind, int generations, boolean kept) {
    }

    /** One generation's text: all of its variants. */
    public record Generation(long id, List<String> variants) {
    }

    /** Capitalised words that are not names. */
    private static final Set<String> NOT_NAMES = Set.of(
            "i", "i'm", "i'd", "i'll", "i've", "the", "a", "an", "and", "but", "or", "so", "yet", "then", "now", "not",
            "mr", "mrs", "ms", "miss", "dr", "sir", "madam", "lady", "lord", "captain", "god", "ok", "okay",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "christmas", "easter", "english", "french", "god's",
            "he", "she", "they", "we", "you", "it", "his", "her", "their", "our", "my", "your", "its", "this", "that",
            "there", "here", "what", "when", "where", "why", "how", "who", "which", "if", "in", "on", "at", "of",
            "for", "with", "as", "to", "from", "by", "no", "yes", "oh", "well", "still", "just", "even");

    private Recurring() {
    }

    /**
     * @param newestFirst the story's generations, newest first; only the first {@link #WINDOW} count
     * @param keptTexts   what the writer kept: the scenes' text, the characters' names and aliases, lore titles
     * @param detector    finds the listed stock items in each generation
     */
    public static List<Item> find(List<Generation> newestFirst, Collection<String> keptTexts, Detector detector) {
        List<Generation> window = newestFirst.subList(0, Math.min(WINDOW, newestFirst.size()));
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, Integer> nameCounts = new HashMap<>();
        Map<String, Integer> stockCounts = new HashMap<>();
        Map<String, Finding.Kind> stockKinds = new HashMap<>();
        // a capital inside a sentence says "name"; once known as a name, it counts at a sentence's start too
        Set<String> candidates = new HashSet<>();
        List<List<Tokens>> tokenized = new ArrayList<>();
        for (Generation g : window) {
            List<Tokens> texts = new ArrayList<>();
            for (String v : g.variants()) {
                Tokens t = new Tokens(v);
                texts.add(t);
                for (int i = 0; i < t.size; i++) {
                    if (isName(t, i)) {
                        String key = key(t.lower[i]);
                        if (!NOT_NAMES.contains(key)) {
                            candidates.add(key);
                        }
                    }
                }
            }
            tokenized.add(texts);
        }
        for (int k = 0; k < window.size(); k++) {
            Set<String> names = new HashSet<>();
            Set<String> stock = new HashSet<>();
            for (Tokens t : tokenized.get(k)) {
                for (int i = 0; i < t.size; i++) {
                    String key = key(t.lower[i]);
                    if (t.capital[i] && candidates.contains(key)) {
                        names.add(key);
                        String raw = t.text.substring(t.start[i], t.end[i]).replace('\u2019', '\'');
                        shown.putIfAbsent(key, raw.endsWith("'s") ? raw.substring(0, raw.length() - 2) : raw);
                    }
                }
                for (Finding f : detector.scan(t.text)) {
                    if (f.kind() != Finding.Kind.CONSTRUCTION) {
                        String fk = Detector.key(f.text());
                        stock.add(fk);
                        stockKinds.putIfAbsent(fk, f.kind());
                        shown.putIfAbsent(fk, f.text().strip());
                    }
                }
            }
            names.forEach(n -> nameCounts.merge(n, 1, Integer::sum));
            stock.forEach(s -> stockCounts.merge(s, 1, Integer::sum));
        }
        Set<String> kept = keptWords(keptTexts);
        List<Item> out = new ArrayList<>();
        stockCounts.forEach((key, n) -> {
            if (n >= THRESHOLD) {
                out.add(new Item(shown.get(key), stockKinds.get(key), n, keptPhrase(key, keptTexts)));
            }
        });
        nameCounts.forEach((key, n) -> {
            if (n >= THRESHOLD && !stockCounts.containsKey(key)) {
                out.add(new Item(shown.get(key), Finding.Kind.NAME, n, kept.contains(key)));
            }
        });
        out.sort(java.util.Comparator.comparingInt(Item::generations).reversed().thenComparing(Item::text));
        return out;
    }

    private static String key(String lower) {
        return lower.endsWith("'s") ? lower.substring(0, lower.length() - 2) : lower;
    }

    /** A capitalised word inside a sentence: at a sentence's start a capital says nothing. */
    private static boolean isName(Tokens t, int i) {
        return t.capital[i] && i > 0 && !t.breakBefore[i] && t.lower[i].length() >= 3
                && Character.isLetter(t.lower[i].charAt(0)) && !t.text.startsWith("\"", t.start[i] - 1)
                && !t.text.startsWith("\u201C", t.start[i] - 1);
    }

    private static Set<String> keptWords(Collection<String> texts) {
        Set<String> out = new HashSet<>();
        for (String text : texts) {
            Tokens t = new Tokens(text);
            for (int i = 0; i < t.size; i++) {
                String w = t.lower[i];
                out.add(w.endsWith("'s") ? w.substring(0, w.length() - 2) : w);
            }
        }
        return out;
    }

    private static boolean keptPhrase(String key, Collection<String> texts) {
        for (String text : texts) {
            if (Detector.key(text).contains(key)) {
                return true;
            }
        }
        return false;
    }
}
