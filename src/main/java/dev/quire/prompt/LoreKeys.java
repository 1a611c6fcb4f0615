package dev.quire.prompt;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.quire.model.LoreEntry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lore entry's keys: a word or phrase is found on whole words, case-insensitively; a key written
 * {@code /pattern/flags}, as SillyTavern writes them, is a regular expression run by RE2/J, whose time grows with the
 * text and never with the pattern's backtracking, so no key can freeze a prompt. Flags: {@code i} ignores case,
 * {@code s} lets {@code .} match line ends, {@code m} makes {@code ^ $} match at lines; {@code g}, {@code u} and
 * {@code y} mean nothing here and are allowed.
 */
public final class LoreKeys {

    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 4096;

    private record Compiled(Pattern pattern, String problem) {
    }

    private LoreKeys() {
    }

    /** Whether the key is written as a regular expression: {@code /…/} with only flag letters after the last slash. */
    public static boolean isPattern(String key) {
        String k = key.strip();
        int last = k.lastIndexOf('/');
        if (!k.startsWith("/") || last < 2) {
            return false;
        }
        for (int i = last + 1; i < k.length(); i++) {
            if (!Character.isLetter(k.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Why the key cannot be used, for the entry's form; empty when it can. Plain keys always can. */
    public static Optional<String> problem(String key) {
        return isPattern(key) ? Optional.ofNullable(compiled(key).problem()) : Optional.empty();
    }

    /** The first key (or secondary key) of the entry that cannot be used, and why. */
    public static Optional<String> problem(LoreEntry e) {
        for (String k : e.keywords()) {
            Optional<String> p = problem(k);
            if (p.isPresent()) {
                return p;
            }
        }
        for (String k : e.secondaryKeywords()) {
            Optional<String> p = problem(k);
            if (p.isPresent()) {
                return Optional.of("Secondary key: " + p.get());
            }
        }
        return Optional.empty();
    }

    /** The key's compiled pattern; empty for a plain key or one that cannot be used (that one never matches). */
    static Optional<Pattern> pattern(String key) {
        return isPattern(key) ? Optional.ofNullable(compiled(key).pattern()) : Optional.empty();
    }

    private static Compiled compiled(String key) {
        String k = key.strip();
        Compiled c = CACHE.get(k);
        if (c == null) {
            c = compile(k);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(k, c);
        }
        return c;
    }

    private static Compiled compile(String key) {
        int last = key.lastIndexOf('/');
        String body = key.substring(1, last);
        int flags = 0;
        for (char f : key.substring(last + 1).toCharArray()) {
            switch (f) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE;
                case 's' -> flags |= Pattern.DOTALL;
                case 'm' -> flags |= Pattern.MULTILINE;
                case 'g', 'u', 'y' -> { }
                default -> {
                    return new Compiled(null, "The key " + key + " has the flag \"" + f
                            + "\", which Quire does not know (it knows i, s and m).");
                }
            }
        }
        if (body.isEmpty()) {
            return new Compiled(null, "The key " + key + " is an empty pattern, which would match everything.");
        }
        if (body.contains("(?=") || body.contains("(?!") || body.contains("(?<=") || body.contains("(?<!")) {
            return new Compiled(null, "The key " + key + " uses a lookaround ((?=, (?!, (?<=, (?<!), which Quire's "
                    + "patterns do not support, so that no pattern can freeze a prompt. Match the words themselves"
                    + " instead, or use secondary keywords.");
        }
        if (java.util.regex.Pattern.compile("\\\\[1-9]").matcher(body).find()) {
            return new Compiled(null, "The key " + key + " uses a back-reference (\\1…), which Quire's patterns do"
                    + " not support, so that no pattern can freeze a prompt.");
        }
        try {
            return new Compiled(Pattern.compile(body, flags), null);
        } catch (PatternSyntaxException e) {
            return new Compiled(null, "The key " + key + " is not a pattern Quire can run: "
                    + e.getDescription() + (e.getIndex() >= 0 ? " (at character " + (e.getIndex() + 1) + ")" : "")
                    + ". Lookarounds and back-references are not supported.");
        }
    }
}
