package dev.quire.cliche;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds stock words, phrases, names and constructions in a text. Built once from the built-in lists
 * ({@link #builtIn()}), then extended for a story by its avoid list ({@link #withAvoid}) and the names the model
 * keeps using ({@link #withRecurring}), and overridden by what the story allows ({@link #withAllowed}). Immutable
 * and safe to share between threads; a scan walks the text's words once, looking up only the patterns that can
 * start at each word.
 */
public final class Detector {

    private static final Detector BUILT_IN = new Detector(Lists.builtIn());

    private final String version;
    private final List<PhrasePattern> patterns;
    private final Map<String, List<PhrasePattern>> byFirstWord;
    private final Set<String> allowed;

    private Detector(Lists lists) {
        this(lists.version, lists.patterns, Set.of());
    }

    private Detector(String version, List<PhrasePattern> patterns, Set<String> allowed) {
        this.version = version;
        this.patterns = List.copyOf(patterns);
        this.allowed = Set.copyOf(allowed);
        Map<String, List<PhrasePattern>> index = new HashMap<>();
        for (PhrasePattern p : this.patterns) {
            for (String w : p.firstForms()) {
                index.computeIfAbsent(w, k -> new ArrayList<>()).add(p);
            }
        }
        this.byFirstWord = index;
    }

    /** The built-in lists alone. */
    public static Detector builtIn() {
        return BUILT_IN;
    }

    /** The built-in lists' versions, e.g. "words 1, phrases 1, names 1". */
    public String version() {
        return version;
    }

    /**
     * This detector, also finding each entry of a story's avoid list: matched as written, in any case, across line
     * breaks. An entry may use the lists' pattern language ({@code shiver~ down POSS spine}).
     */
    public Detector withAvoid(Collection<String> entries) {
        List<PhrasePattern> more = new ArrayList<>(patterns);
        for (String e : entries) {
            String entry = e == null ? "" : e.strip();
            if (!entry.isEmpty() && Character.isLetterOrDigit(entry.charAt(0))) {
                try {
                    more.add(new PhrasePattern(entry, Finding.Kind.AVOID, "avoid:" + entry));
                } catch (IllegalArgumentException malformed) {
                    more.add(new PhrasePattern(entry.replaceAll("[\\[\\]{}|*~]", " "), Finding.Kind.AVOID,
                            "avoid:" + entry));
                }
            }
        }
        return new Detector(version, more, allowed);
    }

    /** This detector, also finding names the model keeps reaching for across the story's generations. */
    public Detector withRecurring(Collection<Recurring.Item> flagged) {
        List<PhrasePattern> more = new ArrayList<>(patterns);
        for (Recurring.Item item : flagged) {
            if (!item.kept() && item.kind() == Finding.Kind.NAME) {
                more.add(new PhrasePattern(item.text(), Finding.Kind.RECURRING,
                        "recurring:" + item.text() + " in " + item.generations() + " of the last "
                                + Recurring.WINDOW + " generations"));
            }
        }
        return new Detector(version, more, allowed);
    }

    /**
     * This detector, leaving alone what a story allows: an entry names either a rule ({@code phrases:…}) or the
     * words found (any case, spacing and apostrophes aside), such as a name the story means.
     */
    public Detector withAllowed(Collection<String> entries) {
        Set<String> all = new HashSet<>(allowed);
        for (String e : entries) {
            if (e != null && !e.isBlank()) {
                all.add(e.strip().contains(":") && e.strip().indexOf(':') < 14 ? e.strip() : key(e));
            }
        }
        return new Detector(version, patterns, all);
    }

    /** The findings in {@code text}, in order, none overlapping another (the longer wins). */
    public List<Finding> scan(String text) {
        Tokens t = new Tokens(text);
        List<Finding> found = new ArrayList<>();
        List<PhrasePattern> afterPossessive = byFirstWord.getOrDefault(PhrasePattern.ANY_POSSESSIVE, List.of());
        for (int i = 0; i < t.size; i++) {
            List<PhrasePattern> candidates = byFirstWord.get(t.lower[i]);
            if (t.lower[i].endsWith("'s") && !afterPossessive.isEmpty()) {
                candidates = candidates == null ? afterPossessive : concat(candidates, afterPossessive);
            }
            if (candidates == null) {
                continue;
            }
            for (PhrasePattern p : candidates) {
                int end = p.matchAt(t, i);
                if (end > i) {
                    int s = t.start[i];
                    int e = t.end[end - 1];
                    found.add(new Finding(s, e, text.substring(s, e), p.kind, p.rule));
                }
            }
        }
        Constructions.find(t, found);
        return settle(found);
    }

    private static List<PhrasePattern> concat(List<PhrasePattern> a, List<PhrasePattern> b) {
        List<PhrasePattern> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** How many words {@code text} has, counted as the scan counts them. */
    public static int words(String text) {
        return new Tokens(text).words();
    }

    private List<Finding> settle(List<Finding> found) {
        found.sort(Comparator.comparingInt(Finding::start).thenComparing(Comparator.comparingInt(Finding::length)
                .reversed()));
        List<Finding> out = new ArrayList<>();
        int reached = -1;
        for (Finding f : found) {
            if (isAllowed(f)) {
                continue;
            }
            if (f.start() < reached) {
                if (f.end() > reached) {
                    // two stock phrases overlapping ("let out a breath she didn't know she was holding"): one finding
                    Finding last = out.remove(out.size() - 1);
                    String text = last.text() + f.text().substring(reached - f.start());
                    out.add(new Finding(last.start(), f.end(), text, last.kind(), last.rule()));
                    reached = f.end();
                }
                continue;
            }
            out.add(f);
            reached = f.end();
        }
        return out;
    }

    private boolean isAllowed(Finding f) {
        return !allowed.isEmpty() && (allowed.contains(f.rule()) || allowed.contains(key(f.text())));
    }

    /** What an allowed entry and a finding's words are compared by. */
    static String key(String words) {
        return Tokens.normal(words.strip()).replaceAll("[^\\p{L}\\p{N}']+", " ").strip();
    }
}
