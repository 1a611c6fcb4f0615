package dev.quire.manuscript;

import dev.quire.faults.Faults;
import dev.quire.faults.Fingerprint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault suite: malformed Markdown, text and DOCX, through the command line, refused clearly, library untouched. */
@Tag("faults")
class MalformedManuscriptCorpusTest {

    @TempDir
    Path dir;

    @Test
    void everyMalformedManuscriptIsRefusedAndTheLibraryIsByteForByteTheSame() throws Exception {
        Cli cli = new Cli(dir);
        cli.open().close();
        Path library = cli.dataDir.resolve("quire.db");
        List<Arguments> cases = BadInputTest.malformed().toList();
        List<String> failures = new ArrayList<>();
        int docx = 0;
        for (Arguments a : cases) {
            Object[] args = a.get();
            String name = (String) args[0];
            docx += name.endsWith(".docx") ? 1 : 0;
            Path file = dir.resolve("corpus").resolve(cases.indexOf(a) + "-" + name);
            Files.createDirectories(file.getParent());
            Files.write(file, (byte[]) args[1]);
            Fingerprint before = Fingerprint.of(library);
            Cli.Run run = cli.run("import", file.toString());
            if (run.code() != 1 || !run.err().startsWith("quire: ") || run.err().contains("Exception")
                    || !run.err().contains((String) args[2])) {
                failures.add(name + ": " + run);
            }
            if (!before.equals(Fingerprint.of(library))) {
                failures.add(name + ": the library changed: " + before + " -> " + Fingerprint.of(library));
            }
        }
        int texts = cases.size() - docx;
        int docxCount = docx;
        Faults.record("malformed Markdown/text (" + texts + ") and DOCX (" + docxCount
                + "): refused clearly, library unchanged (SHA-256, rows)",
                () -> assertTrue(failures.isEmpty(), String.join("\n", failures)));
    }
}
