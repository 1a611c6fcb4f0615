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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learning from the writer: phrases the writer cut from the model's text (deleted or rewrote after taking a
 * variant, or passed over in a variant never taken) in at least {@value #THRESHOLD} variants, and never kept
 * anywhere in the story. They are only proposed for the avoid list; the writer decides.
 */
public final class Proposals {

    public static final int THRESHOLD = 3;
    static final int SHORTEST = 3;
    static final int LONGEST = 6;
    static final int MOST = 12;

    /** A phrase proposed for the avoid list, and in how many variants the writer cut it. */
    public record Proposal(String text, int variants) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019][\\p{L}]+)?");
    private static final Set<String> SMALL = Set.of("the", "a", "an", "and", "but", "or", "of", "to", "in", "on",
            "at", "for", "with", "as", "by", "from", "into", "her", "his", "their", "its", "my", "your", "our", "he",
            "she", "they", "it", "i", "you", "we", "was", "were", "is", "are", "be", "had", "has", "have", "that",
            "this", "then", "than", "not", "no", "so", "up", "out", "down", "over", "off", "all", "one", "there",
            "what", "which", "who", "if", "when", "while", "would", "could", "did", "do", "said", "me", "him", "them",
            "us", "been", "just", "like");

    private Proposals() {
    }

    /**
     * @param cutByVariant per variant, the text the writer cut from it
     * @param keptTexts    what the writer kept: the story's scenes
     * @param avoid        the avoid list as it stands (those are not proposed again)
     */
    public static List<Proposal> find(List<String> cutByVariant, Collection<String> keptTexts,
                                      Collection<String> avoid) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (String cut : cutByVariant) {
            Set<String> seen = new HashSet<>();
            for (List<String[]> sentence : sentences(cut)) {
                for (int n = SHORTEST; n <= LONGEST; n++) {
                    for (int i = 0; i + n <= sentence.size(); i++) {
                        List<String[]> gram = sentence.subList(i, i + n);
                        if (!worthProposing(gram)) {
                            continue;
                        }
                        String key = key(gram);
                        if (seen.add(key)) {
                            counts.merge(key, 1, Integer::sum);
                            shown.putIfAbsent(key, raw(gram));
                        }
                    }
                }
            }
        }
        StringBuilder keptAll = new StringBuilder(" ");
        for (String k : keptTexts) {
            keptAll.append(normal(k)).append(' ');
        }
        String kept = keptAll.toString();
        Set<String> avoided = new HashSet<>();
        for (String a : avoid) {
            avoided.add(normal(a));
        }
        List<Proposal> out = new ArrayList<>();
        counts.forEach((key, n) -> {
            if (n >= THRESHOLD && !kept.contains(" " + key + " ") && avoided.stream().noneMatch(a -> key.contains(a) || a.contains(key))) {
                out.add(new Proposal(shown.get(key), n));
            }
        });
        // the longest phrase stands for the shorter ones inside it that were cut as often
        List<Proposal> longest = out.stream().filter(p -> out.stream().noneMatch(q -> q != p
                && q.variants() >= p.variants() && (" " + normal(q.text()) + " ").contains(" " + normal(p.text()) + " ")
                && q.text().length() > p.text().length())).toList();
        List<Proposal> sorted = new ArrayList<>(longest);
        sorted.sort(java.util.Comparator.comparingInt(Proposal::variants).reversed().thenComparing(Proposal::text));
        return List.copyOf(sorted.subList(0, Math.min(MOST, sorted.size())));
    }

    /** Two words of it not small ones, and it neither starts nor ends on a small word. */
    private static boolean worthProposing(List<String[]> gram) {
        int content = 0;
        for (String[] w : gram) {
            if (!SMALL.contains(w[1])) {
                content++;
            }
        }
        return content >= 2 && !SMALL.contains(gram.get(0)[1]) && !SMALL.contains(gram.get(gram.size() - 1)[1]);
    }

    /** The sentences of a variant that are not in the kept text: what the writer cut or passed over. */
    public static String cut(String variant, String keptText) {
        String kept = " " + normal(keptText) + " ";
        StringBuilder out = new StringBuilder();
        for (String s : variant.split("(?<=[.!?…])\\s+|\\n+")) {
            String n = normal(s);
            if (!n.isEmpty() && !kept.contains(" " + n + " ")) {
                out.append(s.strip()).append('\n');
            }
        }
        return out.toString();
    }

    /** Sentences as words: each word as written and lower-cased. */
    private static List<List<String[]>> sentences(String text) {
        List<List<String[]>> out = new ArrayList<>();
        for (String s : text.split("(?<=[.!?…])\\s+|\\n+")) {
            List<String[]> words = new ArrayList<>();
            Matcher m = WORD.matcher(s);
            while (m.find()) {
                String w = m.group().replace('\u2019', '\'');
                words.add(new String[] {w, w.toLowerCase(Locale.ROOT)});
            }
            if (!words.isEmpty()) {
                out.add(words);
            }
        }
        return out;
    }

    private static String key(List<String[]> gram) {
        StringBuilder b = new StringBuilder();
        for (String[] w : gram) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w[1]);
        }
        return b.toString();
    }

    private static String raw(List<String[]> gram) {
        StringBuilder b = new StringBuilder();
        for (String[] w : gram) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w[0]);
        }
        return b.toString();
    }

    private static String normal(String text) {
        StringBuilder b = new StringBuilder();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(m.group().replace('\u2019', '\'').toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
