package dev.quire.cliche;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in lists, read from resources: {@code words.txt}, {@code phrases.txt} and {@code names.txt}, each
 * headed {@code # version: N}. A rule's id is its list's name and its line ({@code phrases:shiver~ …}), so a
 * finding says exactly which line found it, and a story can allow that line.
 */
final class Lists {

    /** The lists' versions together, e.g. "words 1, phrases 1, names 1". */
    final String version;
    final List<PhrasePattern> patterns;

    private Lists(String version, List<PhrasePattern> patterns) {
        this.version = version;
        this.patterns = List.copyOf(patterns);
    }

    static Lists builtIn() {
        List<PhrasePattern> all = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        versions.add("words " + read("words", Finding.Kind.WORD, all));
        versions.add("phrases " + read("phrases", Finding.Kind.PHRASE, all));
        versions.add("names " + read("names", Finding.Kind.NAME, all));
        return new Lists(String.join(", ", versions), all);
    }

    private static String read(String name, Finding.Kind kind, List<PhrasePattern> out) {
        String version = "?";
        try (InputStream in = Lists.class.getResourceAsStream(name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException(name + ".txt is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line.strip();
                if (l.startsWith("# version:")) {
                    version = l.substring("# version:".length()).strip();
                } else if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(new PhrasePattern(l, kind, name + ":" + l));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return version;
    }
}
