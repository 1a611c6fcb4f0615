package dev.quire.generate;

import dev.quire.testing.Wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.cli.QuireCommand;
import dev.quire.studio.Studio;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quire command line run in-process on a library in a temporary folder, with an environment of the test's
 * own: {@code QUIRE_CONFIG_HOME} points into the temporary folder, so the real user's keys are never touched, and
 * provider timeouts are short.
 */
public final class Quire {

    /** What one run printed and returned. */
    public record Run(int code, String out, String err) {
        public JsonNode json() {
            try {
                return Wire.JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    public final Path dataDir;
    public final Path configDir;
    public final Map<String, String> env = new HashMap<>();
    /** Every run so far, for searching what was printed. */
    public final List<Run> runs = Collections.synchronizedList(new ArrayList<>());

    public Quire(Path tempDir) {
        this.dataDir = tempDir.resolve("library");
        this.configDir = tempDir.resolve("config");
        env.put("QUIRE_CONFIG_HOME", configDir.toString());
        env.put("QUIRE_PROVIDER_BACKOFF_MS", "5");
        env.put("QUIRE_PROVIDER_STALL_SECONDS", "2");
    }

    public Studio open() {
        return Studio.open(dataDir, Studio.NewLibrary.EMPTY, env);
    }

    public Run run(String... args) {
        return withInput("", args);
    }

    public Run withInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--no-sample"));
        all.addAll(Arrays.asList(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuireCommand.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, library -> {
                    throw new AssertionError("the studio window must not open");
                });
        Run run = new Run(code, out.toString(), err.toString());
        runs.add(run);
        return run;
    }
}
