package dev.quire.faults;

import dev.quire.cli.QuireCommand;
import dev.quire.model.Story;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault suite: malformed lorebooks through {@code quire import-lore}, refused clearly, library untouched. */
@Tag("faults")
class MalformedLorebookCorpusTest {

    @TempDir
    Path dir;

    private static int run(List<String> args, StringWriter err) {
        return run(args, new StringWriter(), err);
    }

    private static int run(List<String> args, StringWriter out, StringWriter err) {
        return QuireCommand.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), l -> { });
    }

    @Test
    void everyMalformedLorebookIsRefusedAndTheLibraryIsTheSame() throws Exception {
        Path dataDir = dir.resolve("library");
        StringWriter help = new StringWriter();
        run(List.of("import-lore", "--help"), help, new StringWriter());
        if (!help.toString().contains("Usage: quire import-lore")) {
            Faults.skipped("malformed lorebooks", "this build has no import-lore command");
            Assumptions.abort("this build has no import-lore command");
        }
        try (Studio studio = Studio.open(dataDir, Studio.NewLibrary.EMPTY, Map.of())) {
            studio.stories().create(Story.titled("Saltrey"));
        }
        Path library = LibraryLocation.libraryFile(dataDir);
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("empty.json", "");
        corpus.put("not-json.json", "{entries: nope");
        corpus.put("array.json", "[1, 2, 3]");
        corpus.put("no-entries.json", "{\"name\": \"World\"}");
        corpus.put("entries-a-number.json", "{\"entries\": 42}");
        corpus.put("novelai-wrong-version.lorebook", "{\"lorebookVersion\": \"x\", \"entries\": \"none\"}");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> e : corpus.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            Fingerprint before = Fingerprint.of(library);
            StringWriter err = new StringWriter();
            int code = run(List.of("--data-dir", dataDir.toString(), "import-lore", "--story", "Saltrey",
                    file.toString()), err);
            if (code == 0 || !err.toString().startsWith("quire: ") || err.toString().contains("Exception")) {
                failures.add(e.getKey() + ": exit " + code + ", " + err.toString().strip());
            }
            if (!before.equals(Fingerprint.of(library))) {
                failures.add(e.getKey() + ": the library changed");
            }
        }
        Faults.record("malformed lorebooks (" + corpus.size() + "): refused clearly, library unchanged",
                () -> assertTrue(failures.isEmpty(), String.join("\n", failures)));
    }
}
