package dev.quire.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.cli.QuireCommand;
import dev.quire.store.LibraryLock;
import dev.quire.studio.Backups;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire backup}, {@code backup list} and {@code backup restore}, in-process on real files. */
class BackupCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    private Path dataDir() {
        return dir.resolve("library");
    }

    private Path library() {
        return LibraryLocation.libraryFile(dataDir());
    }

    private Run quire(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = QuireCommand.run(all, new PrintWriter(out), new PrintWriter(err), options -> {
            throw new AssertionError("a command must not open the studio window");
        });
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void backupPrintsThePathAndSizeOfACopyThatChecksOut() throws Exception {
        quire("stories");
        Path out = dir.resolve("saltrey.db");

        Run run = quire("backup", "--out", out.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().matches("\\Q" + out + "\\E  \\([\\d,]+ KB; 1 story, [\\d,]+ words; checked\\)\\R"),
                run.out());
        assertEquals(LibraryRows.of(library()), LibraryRows.of(out));
        assertFalse(Files.exists(dir.resolve("saltrey.db-wal")), "a single file");
        assertEquals(List.of(out), filesIn(dir).stream().filter(p -> !p.equals(dataDir())).toList(),
                "no temporary folder left behind");
    }

    @Test
    void backupJsonHasFileBytesStoriesScenesAndWords() throws Exception {
        quire("stories");
        Path out = dir.resolve("saltrey.db");

        JsonNode json = quire("backup", "--out", out.toString(), "--json").json();

        Set<String> fields = new TreeSet<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("file", "bytes", "stories", "scenes", "words"), fields);
        assertEquals(out.toString(), json.get("file").asText());
        assertEquals(Files.size(out), json.get("bytes").asLong());
        assertEquals(4, json.get("scenes").asInt());
    }

    @Test
    @SuppressWarnings("try") // the lock is held, not used
    void backupWorksWhileTheStudioWindowHasTheLibraryOpen() {
        Path out = dir.resolve("while-open.db");
        try (LibraryLock lock = LibraryLock.acquire(libraryFileCreated());
             Studio window = Studio.open(dataDir(), Studio.NewLibrary.WITH_SAMPLE, Map.of())) {
            window.stories().create(dev.quire.model.Story.titled("Written in the window"));

            Run run = quire("backup", "--out", out.toString());

            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("2 stories"), run.out());
        }
    }

    @Test
    void backupOfAFolderWithNoLibraryCreatesNothing() {
        Path out = dir.resolve("nothing.db");

        Run run = quire("backup", "--out", out.toString());

        assertEquals(3, run.code());
        assertTrue(run.err().contains("there is no library at " + library()), run.err());
        assertFalse(Files.exists(library()));
        assertFalse(Files.exists(out));
    }

    @Test
    void backupNeedsOutAndAFolderThatExists() {
        quire("stories");

        Run noOut = quire("backup");
        Run noFolder = quire("backup", "--out", dir.resolve("missing").resolve("x.db").toString());

        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("quire backup --out FILE"), noOut.err());
        assertEquals(1, noFolder.code());
        assertTrue(noFolder.err().contains("The folder " + dir.resolve("missing") + " does not exist"), noFolder.err());
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void backupListThenRestorePutsTheLibraryBack() throws Exception {
        quire("stories");
        Path mine = Files.createDirectories(Backups.folder(dataDir())).resolve("mine.db");
        assertEquals(0, quire("backup", "--out", mine.toString()).code());
        Map<String, List<String>> saved = LibraryRows.of(library());
        quire("new-story", "An afterthought");
        assertNotEquals(saved, LibraryRows.of(library()));

        JsonNode listed = quire("backup", "list", "--json").json();
        Run restored = quire("backup", "restore", mine.toString());

        assertEquals(1, listed.size());
        assertEquals(mine.toString(), listed.get(0).get("file").asText());
        assertEquals("other", listed.get(0).get("kind").asText());
        assertEquals(1, listed.get(0).get("stories").asInt());
        assertEquals(0, restored.code(), restored.err());
        assertTrue(restored.out().startsWith("Restored " + library() + ": 1 story, "), restored.out());
        assertTrue(restored.out().contains("The library as it was is kept as " + Backups.folder(dataDir())
                .resolve("before-restore-")), restored.out());
        assertEquals(saved, LibraryRows.of(library()));
        Run list = quire("backup", "list");
        assertTrue(list.out().contains("before_restore") && list.out().contains("mine.db"), list.out());
    }

    @Test
    @SuppressWarnings("try") // the lock is held, not used
    void restoreWhileTheStudioWindowIsOpenIsRefused() throws Exception {
        quire("stories");
        Path mine = dir.resolve("mine.db");
        quire("backup", "--out", mine.toString());
        Map<String, List<String>> current = LibraryRows.of(library());

        Run run;
        try (LibraryLock window = LibraryLock.acquire(library())) {
            run = quire("backup", "restore", mine.toString());
        }

        assertEquals(3, run.code());
        assertTrue(run.err().contains("is open in a Quire window"), run.err());
        assertEquals(current, LibraryRows.of(library()));
    }

    private Path libraryFileCreated() {
        quire("stories");
        return library();
    }

    private static List<Path> filesIn(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
