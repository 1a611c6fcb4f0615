package dev.quire.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbered schema migrations, kept as SQL resources. Migration N takes a library from
 * {@code PRAGMA user_version} N-1 to N; each runs in its own transaction.
 */
final class Migrations {

    /** In order; the position (1-based) is the schema version the file produces. */
    private static final List<String> FILES = List.of("V001__library.sql", "V002__notes.sql",
            "V003__composition.sql", "V004__long_stories.sql", "V005__outcomes.sql",
            "V006__generation_instruction.sql", "V007__variant_request.sql", "V008__usage.sql",
            "V009__story_dictionary.sql", "V010__search_and_targets.sql", "V011__lore_keys.sql");

    private Migrations() {
    }

    static int latest() {
        return FILES.size();
    }

    /** The file name of the migration that produces {@code version}. */
    static String name(int version) {
        return FILES.get(version - 1);
    }

    /** The statements of the migration that produces {@code version}. */
    static List<String> statements(int version) {
        String name = FILES.get(version - 1);
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + name);
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script at semicolons that end a line, dropping comment-only lines. No triggers are used. */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
