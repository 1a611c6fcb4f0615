package dev.quire.cliche;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of a list, compiled: a sequence of words matched against {@link Tokens}, never across the end of a
 * sentence. The line's little language:
 * <ul>
 *   <li>{@code word}: that word, in any case; {@code word~}: the word and its inflections (shiver, shivers,
 *       shivered, shivering);</li>
 *   <li>{@code {a|b c|d}}: one of the alternatives, each a sequence; {@code [a|b]}: the same, or nothing;</li>
 *   <li>{@code *}: any one word;</li>
 *   <li>{@code POSS}, {@code PRON}, {@code OBJ}: a possessive (her, his, their…, Maud's), a subject pronoun (she, he…, and
 *       she'd, he'd…), an object pronoun (her, him, them…).</li>
 * </ul>
 */
final class PhrasePattern {

    sealed interface Element permits Literal, AnyWord, Group, Possessive {
    }

    /** Any word in the possessive ("Maud's"), for POSS. */
    record Possessive() implements Element {
    }

    record Literal(Set<String> forms) implements Element {
    }

    record AnyWord() implements Element {
    }

    record Group(List<List<Element>> alternatives, boolean optional) implements Element {
    }

    private static final Map<String, String> MACROS = Map.of(
            "POSS", "{her|his|their|my|your|its|our}",
            "PRON", "{she|he|they|i|you|we|it|she'd|he'd|they'd|i'd|you'd|we'd}",
            "OBJ", "{her|him|them|me|you|us|it}");

    /** The index key of patterns that can start with any possessive word. */
    static final String ANY_POSSESSIVE = "*'s";

    final List<Element> elements;
    final Finding.Kind kind;
    final String rule;
    /** Names match only where written with a capital, so "a thorne bush" is not "Thorne". */
    final boolean capitalOnly;

    PhrasePattern(String source, Finding.Kind kind, String rule) {
        this.elements = parse(source.strip());
        this.kind = kind;
        this.rule = rule;
        this.capitalOnly = kind == Finding.Kind.NAME || kind == Finding.Kind.RECURRING;
        if (elements.isEmpty() || firstForms().isEmpty()) {
            throw new IllegalArgumentException("A pattern must start with a word: " + source);
        }
    }

    /** The words a match can start with, for the index. */
    Set<String> firstForms() {
        Set<String> out = new HashSet<>();
        first(elements, 0, out);
        return out;
    }

    private static boolean first(List<Element> els, int k, Set<String> out) {
        if (k >= els.size()) {
            return true; // the whole sequence may be empty
        }
        Element e = els.get(k);
        if (e instanceof Literal l) {
            out.addAll(l.forms());
            return false;
        }
        if (e instanceof AnyWord) {
            throw new IllegalArgumentException("A pattern cannot start with *");
        }
        if (e instanceof Possessive) {
            out.add(ANY_POSSESSIVE);
            return false;
        }
        Group g = (Group) e;
        boolean empty = g.optional();
        for (List<Element> alt : g.alternatives()) {
            empty |= first(alt, 0, out);
        }
        return empty && first(els, k + 1, out);
    }

    /** Where a match starting at word {@code at} ends (exclusive), or -1. */
    int matchAt(Tokens t, int at) {
        if (capitalOnly && !t.capital[at]) {
            return -1;
        }
        int end = match(elements, 0, t, at, at);
        return end > at ? end : -1;
    }

    private static int match(List<Element> els, int k, Tokens t, int pos, int first) {
        if (k == els.size()) {
            return pos;
        }
        Element e = els.get(k);
        if (e instanceof Group g) {
            for (List<Element> alt : g.alternatives()) {
                int p = match(alt, 0, t, pos, first);
                if (p >= 0) {
                    int r = match(els, k + 1, t, p, first);
                    if (r >= 0) {
                        return r;
                    }
                }
            }
            return g.optional() ? match(els, k + 1, t, pos, first) : -1;
        }
        if (pos >= t.size || (pos != first && t.breakBefore[pos])) {
            return -1;
        }
        if (e instanceof Literal l && !l.forms().contains(t.lower[pos]) && !possessiveOf(l, t.lower[pos])) {
            return -1;
        }
        if (e instanceof Possessive && !t.lower[pos].endsWith("'s")) {
            return -1;
        }
        return match(els, k + 1, t, pos + 1, first);
    }

    /** "Chen's" is Chen. */
    private static boolean possessiveOf(Literal l, String word) {
        return word.endsWith("'s") && l.forms().contains(word.substring(0, word.length() - 2));
    }

    static List<Element> parse(String src) {
        List<Element> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '{' || c == '[') {
                char close = c == '{' ? '}' : ']';
                int j = src.indexOf(close, i);
                if (j < 0) {
                    throw new IllegalArgumentException("Unclosed " + c + " in: " + src);
                }
                out.add(group(src.substring(i + 1, j), c == '['));
                i = j + 1;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(src.charAt(j))) {
                    j++;
                }
                out.add(word(src.substring(i, j)));
                i = j;
            }
        }
        return out;
    }

    private static Group group(String inside, boolean optional) {
        List<List<Element>> alts = new ArrayList<>();
        for (String alt : inside.split("\\|", -1)) {
            alts.add(parse(alt));
        }
        return new Group(alts, optional);
    }

    private static Element word(String w) {
        if (w.equals("*")) {
            return new AnyWord();
        }
        String macro = MACROS.get(w);
        if (macro != null) {
            Group g = group(macro.substring(1, macro.length() - 1), false);
            if (w.equals("POSS")) {
                List<List<Element>> alts = new ArrayList<>(g.alternatives());
                alts.add(List.of(new Possessive()));
                return new Group(alts, false);
            }
            return g;
        }
        if (w.endsWith("~")) {
            return new Literal(inflect(Tokens.normal(w.substring(0, w.length() - 1))));
        }
        return new Literal(Set.of(Tokens.normal(w)));
    }

    /** A word and its regular inflections; irregular ones are written out as alternatives in the lists. */
    static Set<String> inflect(String base) {
        Set<String> f = new LinkedHashSet<>();
        f.add(base);
        f.add(base + "s");
        f.add(base + "es");
        f.add(base + "ed");
        f.add(base + "ing");
        int n = base.length();
        if (n > 1 && base.endsWith("e")) {
            f.add(base + "d");
            f.add(base.substring(0, n - 1) + "ing");
        }
        if (n > 2 && base.endsWith("y") && !vowel(base.charAt(n - 2))) {
            f.add(base.substring(0, n - 1) + "ies");
            f.add(base.substring(0, n - 1) + "ied");
        }
        if (n >= 3 && !vowel(base.charAt(n - 1)) && "wxy".indexOf(base.charAt(n - 1)) < 0
                && vowel(base.charAt(n - 2)) && !vowel(base.charAt(n - 3))) {
            f.add(base + base.charAt(n - 1) + "ed");
            f.add(base + base.charAt(n - 1) + "ing");
        }
        return f;
    }

    private static boolean vowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
