package dev.quire.cliche;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stock constructions, found by their shape rather than their words: the contrast set up to be knocked down
 * ("It wasn't fear. It was grief.", "not a request, but an order") and the triple-adjective cadence ("slow,
 * deliberate, precise").
 */
final class Constructions {

    static final String NOT_X_BUT_Y = "constructions:not X, but Y";
    static final String WASNT_X_WAS_Y = "constructions:It wasn't X. It was Y.";
    static final String TRIPLE = "constructions:triple adjectives";

    private static final String APOS = "['\u2019]";
    private static final String NEGATED_BE = "(?:(?:was|is|were|are|am)\\s+not|(?:wasn|isn|weren|aren)" + APOS + "t|"
            + APOS + "s\\s+not|" + APOS + "re\\s+not|" + APOS + "m\\s+not)";
    private static final String BE = "(?:\\s+(?:was|is|were|are|am)|" + APOS + "s|" + APOS + "re|" + APOS + "m)";

    /**
     * "It wasn't X. It was Y." and its relatives ("She wasn't X; she was Y", "This isn't X. It's Y."): the same
     * subject twice, or "this" then "it". "That" is left out: it is too often a relative pronoun.
     */
    private static final Pattern WASNT = wasnt("(it|he|she|they|i|you|we)", "\\1");
    private static final Pattern THIS_ISNT = wasnt("(this)", "(?:this|it)");

    /** "not X, but Y" after a form of "be", or "not just X, but Y"; Y opening a new clause is ordinary. */
    private static final Pattern NOT_BUT = Pattern.compile("(?i)\\b(?:" + NEGATED_BE
            + "|not\\s+(?:just|only|merely|simply))\\s+(?:just\\s+|only\\s+|merely\\s+|simply\\s+)?"
            + "[^.,;:!?\\n\u2014\u2013]{1,40}?,\\s*but\\s+(?!(?:she|he|they|i|we|you|it|that|then|there|not|still|now|"
            + "this|thanks|yes|no)\\b)[\\p{L}'\u2019-]+(?:\\s+[\\p{L}'\u2019-]+){0,2}");

    private Constructions() {
    }

    private static Pattern wasnt(String subject, String again) {
        return Pattern.compile("(?i)\\b" + subject + "\\s*" + NEGATED_BE
                + "\\s+(?:just\\s+|only\\s+|merely\\s+|simply\\s+)?[^.!?;:,\\n\u2014\u2013]{1,60}?\\s*"
                + "(?:[.!?;:]|\u2014|\u2013|\\s-\\s|,)\\s*\\b" + again + BE + "\\b[^.!?;\\n]{0,60}");
    }

    /**
     * The regular expressions run only near a negation, so a long text costs little more than its words: each
     * "not" or "…n't" opens a window from two words before it.
     */
    static void find(Tokens t, List<Finding> out) {
        String text = t.text;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        Matcher[] matchers = {WASNT.matcher(text), THIS_ISNT.matcher(text), NOT_BUT.matcher(text)};
        String[] rules = {WASNT_X_WAS_Y, WASNT_X_WAS_Y, NOT_X_BUT_Y};
        for (int i = 0; i < t.size; i++) {
            String w = t.lower[i];
            if (!w.equals("not") && !w.endsWith("n't")) {
                continue;
            }
            int from = t.start[Math.max(0, i - 2)];
            int to = Math.min(text.length(), t.end[i] + 240);
            for (int k = 0; k < matchers.length; k++) {
                Matcher m = matchers[k];
                m.region(from, to);
                m.useTransparentBounds(true);
                m.useAnchoringBounds(false);
                while (m.find()) {
                    if (seen.add(k * 31 + m.start() * 7919)) {
                        out.add(finding(text, m.start(), m.end(), rules[k]));
                    }
                }
            }
        }
        triples(t, out);
    }

    /** "cold, dark, silent" or "cold, dark, and silent" closing a clause; "cold, dark and silent" is left alone. */
    private static void triples(Tokens t, List<Finding> out) {
        String text = t.text;
        for (int i = 0; i + 2 < t.size; i++) {
            if (!t.commaBefore[i + 1] || !t.commaBefore[i + 2] || t.commaBefore[i] || t.breakBefore[i + 1]
                    || t.breakBefore[i + 2]) {
                continue;
            }
            int third = i + 2;
            if (t.lower[third].equals("and")) {
                third++;
                if (third >= t.size || t.commaBefore[third] || t.breakBefore[third]) {
                    continue;
                }
            }
            if (!plain(t, i) || !plain(t, i + 1) || !plain(t, third) || !closesClause(text, t.end[third])) {
                continue;
            }
            String a = t.lower[i];
            String b = t.lower[i + 1];
            String c = t.lower[third];
            if (Adjectives.is(a) && Adjectives.is(b) && Adjectives.is(c) && !sameWord(a, b, c)) {
                out.add(finding(text, t.start[i], t.end[third], TRIPLE));
            }
        }
    }

    /** A lower-case word of three letters or more, directly followed by its comma where one follows. */
    private static boolean plain(Tokens t, int i) {
        return !t.capital[i] && t.end[i] - t.start[i] >= 3 && Character.isLetter(t.text.charAt(t.start[i]));
    }

    private static boolean closesClause(String text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i >= text.length() || ".!?;:,\u2014\u2013\n".indexOf(text.charAt(i)) >= 0;
    }

    private static boolean sameWord(String a, String b, String c) {
        return Set.of(a, b, c).size() < 3;
    }

    private static Finding finding(String text, int start, int end, String rule) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Finding(start, end, text.substring(start, end), Finding.Kind.CONSTRUCTION, rule);
    }
}
