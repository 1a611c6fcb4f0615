package dev.quire.faults;

import dev.quire.store.Jdbc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twenty command-line processes started at once on a data folder with no library yet: exactly one creates
 * it, every one succeeds, and the sample story is there once. Then twenty at once on the library that now
 * exists, each adding a story: all of them land.
 */
@Tag("faults")
class ConcurrentFirstUseTest {

    static final int PROCESSES = 20;

    @TempDir
    Path dir;

    @Test
    void twentyProcessesOnANewLibraryCreateItOnceWithOneSampleStory() throws Exception {
        Path data = dir.resolve("library");
        List<ProcessBuilder> builders = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            builders.add(Children.quire(dir, "--data-dir", data.toString(), "stories", "--json"));
        }
        List<Children.Result> results = Children.runTogether(dir.resolve("new"), builders, 240);

        Faults.record("concurrent CLI: 20 processes on a new library", () -> {
            for (Children.Result r : results) {
                assertEquals(0, r.code(), "a process failed: " + r.err());
                assertFalse(r.err().contains("SEVERE"), r.err());
                assertFalse(r.err().contains("already exists"), r.err());
            }
            Path file = data.resolve("quire.db");
            assertEquals(1, Jdbc.count(file, "story"), "copies of the sample story");
            assertEquals(1, Jdbc.queryLong(file, "SELECT count(*) FROM setting WHERE key = 'library.created-by'"));
        });
    }

    @Test
    void twentyProcessesOnAnExistingLibraryAllLand() throws Exception {
        Path data = dir.resolve("library");
        Children.Result first = Children.runTogether(dir.resolve("first"),
                List.of(Children.quire(dir, "--data-dir", data.toString(), "--no-sample", "stories")), 120).get(0);
        assertEquals(0, first.code(), first.err());
        List<ProcessBuilder> builders = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            builders.add(Children.quire(dir, "--data-dir", data.toString(), "new-story", "Story " + i));
        }
        List<Children.Result> results = Children.runTogether(dir.resolve("existing"), builders, 240);

        Faults.record("concurrent CLI: 20 processes adding stories to one library", () -> {
            for (Children.Result r : results) {
                assertEquals(0, r.code(), "a process failed: " + r.err());
            }
            Path file = data.resolve("quire.db");
            assertEquals(PROCESSES, Jdbc.count(file, "story"));
            assertTrue(Jdbc.queryLong(file, "SELECT count(DISTINCT title) FROM story") == PROCESSES);
        });
    }
}
