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

    /** Three single words in a row, with commas: checked for adjectives afterwards. */
    private static final Pattern THREE = Pattern.compile("\\b([\\p{Ll}-]{3,}),\\s+([\\p{Ll}-]{3,})(,\\s+and|,)?\\s+"
            + "([\\p{Ll}-]{3,})\\b(?=\\s*([.!?;:,\u2014\u2013]|$))");

    private Constructions() {
    }

    private static Pattern wasnt(String subject, String again) {
        return Pattern.compile("(?i)\\b" + subject + "\\s*" + NEGATED_BE
                + "\\s+(?:just\\s+|only\\s+|merely\\s+|simply\\s+)?[^.!?;:,\\n\u2014\u2013]{1,60}?\\s*"
                + "(?:[.!?;:]|\u2014|\u2013|\\s-\\s|,)\\s*\\b" + again + BE + "\\b[^.!?;\\n]{0,60}");
    }

    static void find(String text, List<Finding> out) {
        for (Pattern p : new Pattern[] {WASNT, THIS_ISNT}) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.add(finding(text, m.start(), m.end(), WASNT_X_WAS_Y));
            }
        }
        Matcher m;
        m = NOT_BUT.matcher(text);
        while (m.find()) {
            out.add(finding(text, m.start(), m.end(), NOT_X_BUT_Y));
        }
        m = THREE.matcher(text);
        while (m.find()) {
            String joint = m.group(3);
            // "cold, dark, silent" or "cold, dark, and silent"; "cold, dark and silent" is left to the writer
            if (joint == null || joint.isEmpty()) {
                continue;
            }
            if (Adjectives.is(m.group(1)) && Adjectives.is(m.group(2)) && Adjectives.is(m.group(4))
                    && !sameWord(m.group(1), m.group(2), m.group(4)) && !precededByComma(text, m.start())) {
                out.add(finding(text, m.start(), m.end(), TRIPLE));
            }
        }
    }

    /** A fourth item before the three makes it a list, not a cadence. */
    private static boolean precededByComma(String text, int at) {
        int i = at - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && text.charAt(i) == ',';
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
