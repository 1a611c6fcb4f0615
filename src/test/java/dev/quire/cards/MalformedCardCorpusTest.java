package dev.quire.cards;

import dev.quire.cli.QuireCommand;
import dev.quire.faults.Faults;
import dev.quire.faults.Fingerprint;
import dev.quire.model.Story;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault suite: every malformed card, through the command line, is refused clearly and the library is untouched. */
@Tag("faults")
class MalformedCardCorpusTest {

    @TempDir
    Path dir;

    @Test
    void everyMalformedCardIsRefusedAndTheLibraryIsByteForByteTheSame() throws Exception {
        Path dataDir = dir.resolve("library");
        try (Studio studio = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE, Map.of())) {
            studio.stories().create(Story.titled("Saltrey"));
        }
        Path library = LibraryLocation.libraryFile(dataDir);
        List<Arguments> cases = BadCardsTest.badCards().toList();
        List<String> failures = new ArrayList<>();
        for (Arguments a : cases) {
            Object[] args = a.get();
            String what = (String) args[0];
            @SuppressWarnings("unchecked")
            byte[] bytes = ((Supplier<byte[]>) args[2]).get();
            java.nio.file.Files.createDirectories(dir.resolve("corpus"));
            Path file = CardFiles.write(dir.resolve("corpus").resolve(cases.indexOf(a) + "-" + args[1]), bytes);
            Fingerprint before = Fingerprint.of(library);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = QuireCommand.run(new String[] {"--data-dir", dataDir.toString(), "import-card", "--story",
                    "Saltrey", file.toString()}, new PrintWriter(out), new PrintWriter(err), l -> { });
            String message = err.toString();
            if (code == 0 || !message.startsWith("quire: ") || message.contains("Exception")
                    || !message.contains((String) args[3])) {
                failures.add(what + ": exit " + code + ", " + message.strip());
            }
            if (!before.equals(Fingerprint.of(library))) {
                failures.add(what + ": the library changed: " + before + " -> " + Fingerprint.of(library));
            }
        }
        Faults.record("malformed cards (" + cases.size() + " kinds): refused clearly, library unchanged (SHA-256, rows)",
                () -> assertTrue(failures.isEmpty(), String.join("\n", failures)));
    }
}
