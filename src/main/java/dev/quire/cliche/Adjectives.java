package dev.quire.cliche;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a word reads as an adjective, for the triple-adjective cadence: a list of common descriptive
 * adjectives (resources, {@code adjectives.txt}) and the endings that mostly make one (-ous, -ful, -less, -ive…).
 * No tagger: good enough to tell "slow, deliberate, precise" from "bread, cheese, apples".
 */
final class Adjectives {

    private static final Set<String> WORDS = load();
    private static final String[] ENDINGS = {"ous", "ful", "less", "ive", "ic", "able", "ible", "ant", "ent", "ish"};

    private Adjectives() {
    }

    static boolean is(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        if (WORDS.contains(w)) {
            return true;
        }
        if (w.length() < 5) {
            return false;
        }
        for (String e : ENDINGS) {
            if (w.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = Adjectives.class.getResourceAsStream("adjectives.txt")) {
            if (in == null) {
                throw new IllegalStateException("adjectives.txt is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    for (String w : l.split("\\s+")) {
                        out.add(w.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
