package dev.quire.manuscript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.cli.QuireCommand;
import dev.quire.store.Jdbc;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The quire command line run in-process on a library in a temporary folder. */
final class Cli {

    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    final Path dataDir;
    private final Map<String, String> env;

    Cli(Path tempDir) {
        this.dataDir = tempDir.resolve("library");
        this.env = Map.of("QUIRE_CONFIG_HOME", tempDir.resolve("config").toString());
    }

    /** Runs quire with the library's --data-dir. */
    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(Arrays.asList(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuireCommand.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]), env, library -> {
                    throw new AssertionError("the studio window must not open");
                });
        return new Run(code, out.toString(), err.toString());
    }

    /** The library, with the sample story when it is new. */
    Studio open() {
        return Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE, env);
    }

    Path libraryFile() {
        return LibraryLocation.libraryFile(dataDir);
    }

    long count(String table) {
        return Files.exists(libraryFile()) ? Jdbc.count(libraryFile(), table) : 0;
    }
}
