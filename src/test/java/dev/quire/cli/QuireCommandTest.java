package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.store.Jdbc;
import dev.quire.store.LibraryOpenException;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quire command line, run in-process against real library files. */
class QuireCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What one run printed and returned, and whether it asked for the studio window. */
    record Run(int code, String out, String err, List<LibraryOptions> studioOpened) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    private static Run quire(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<LibraryOptions> opened = new ArrayList<>();
        int code = QuireCommand.run(args, new PrintWriter(out), new PrintWriter(err), opened::add);
        return new Run(code, out.toString(), err.toString(), opened);
    }

    private String dataDir() {
        return dir.toString();
    }

    private Path libraryFile() {
        return LibraryLocation.libraryFile(dir);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void storiesJsonListsTheSampleStoryWithExactlyItsSummaryFields() {
        Run run = quire("--data-dir", dataDir(), "stories", "--json");

        assertEquals(0, run.code(), run.err());
        JsonNode stories = run.json();
        assertTrue(stories.isArray());
        assertEquals(1, stories.size());
        JsonNode story = stories.get(0);
        assertEquals(Set.of("id", "title", "scenes", "words", "updated"), fieldNames(story));
        assertEquals("The Remarks Column", story.get("title").asText());
        assertEquals(4, story.get("scenes").asInt());
        assertEquals(Jdbc.queryLong(libraryFile(), "SELECT sum(word_count) FROM scene"), story.get("words").asLong());
        assertTrue(story.get("words").asInt() > 0);
        assertEquals(Jdbc.queryLong(libraryFile(), "SELECT id FROM story"), story.get("id").asLong());
        assertEquals(Jdbc.queryLong(libraryFile(), "SELECT updated_at FROM story"),
                Instant.parse(story.get("updated").asText()).toEpochMilli());
        assertEquals("", run.err());
    }

    @Test
    void newStoryPrintsItsIdAndTheStoryThenAppearsInTheList() {
        Run created = quire("--data-dir", dataDir(), "new-story", "  The Ledger  ");

        assertEquals(0, created.code(), created.err());
        long id = Long.parseLong(created.out().strip());
        JsonNode stories = quire("--data-dir", dataDir(), "stories", "--json").json();
        JsonNode mine = null;
        for (JsonNode s : stories) {
            if (s.get("id").asLong() == id) {
                mine = s;
            }
        }
        assertTrue(mine != null, "story " + id + " is listed: " + stories);
        assertEquals("The Ledger", mine.get("title").asText());
        assertEquals(0, mine.get("scenes").asInt());
        assertEquals(0, mine.get("words").asInt());
        assertEquals(2, stories.size(), "the sample story and the new one");
    }

    @Test
    void newStoryJsonPrintsIdAndTitle() {
        Run run = quire("--data-dir", dataDir(), "--no-sample", "new-story", "Saltrey", "--json");

        assertEquals(0, run.code(), run.err());
        JsonNode story = run.json();
        assertEquals(Set.of("id", "title"), fieldNames(story));
        assertEquals("Saltrey", story.get("title").asText());
        assertEquals(Jdbc.queryLong(libraryFile(), "SELECT id FROM story WHERE title = 'Saltrey'"),
                story.get("id").asLong());
    }

    @Test
    void newStoryWithABlankTitleIsAUsageErrorAndCreatesNothing() {
        Run run = quire("--data-dir", dataDir(), "--no-sample", "new-story", "   ");

        assertEquals(2, run.code());
        assertTrue(run.err().contains("title that is not blank"), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(libraryFile()) && Jdbc.count(libraryFile(), "story") > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "after"})
    void dataDirWorksBeforeOrAfterTheCommand(String where) {
        Path mine = dir.resolve("mine-" + where);
        String[] args = where.equals("before")
                ? new String[] {"--data-dir", mine.toString(), "--no-sample", "new-story", "Placed"}
                : new String[] {"new-story", "Placed", "--data-dir", mine.toString(), "--no-sample"};

        Run run = quire(args);

        assertEquals(0, run.code(), run.err());
        assertEquals("Placed", Jdbc.queryString(LibraryLocation.libraryFile(mine), "SELECT title FROM story"));
        assertEquals(1, Jdbc.count(LibraryLocation.libraryFile(mine), "story"));
    }

    @Test
    void dataDirAfterTheCommandWinsOverOneBeforeIt() {
        Path before = dir.resolve("before");
        Path after = dir.resolve("after");

        Run run = quire("--data-dir", before.toString(), "--no-sample", "new-story", "Where?", "--data-dir",
                after.toString());

        assertEquals(0, run.code(), run.err());
        assertEquals(1, Jdbc.count(LibraryLocation.libraryFile(after), "story"));
        assertFalse(Files.exists(LibraryLocation.libraryFile(before)));
    }

    @Test
    void noSampleCreatesAnEmptyLibrary() {
        Run run = quire("--data-dir", dataDir(), "--no-sample", "stories", "--json");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.json().isArray());
        assertEquals(0, run.json().size());
        assertTrue(Files.isRegularFile(libraryFile()));
    }

    @Test
    void storiesOnAnEmptyLibrarySaysHowToStartOne() {
        Run run = quire("stories", "--data-dir", dataDir(), "--no-sample");

        assertEquals(0, run.code());
        assertTrue(run.out().contains("no stories yet") && run.out().contains("quire new-story"), run.out());
    }

    @Test
    void storiesTableShowsTitleScenesAndWords() {
        quire("--data-dir", dataDir(), "stories");

        Run run = quire("--data-dir", dataDir(), "stories");

        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().strip().split("\\R");
        assertEquals(2, lines.length, run.out());
        assertTrue(lines[0].matches("\\s*ID\\s+TITLE\\s+SCENES\\s+WORDS\\s+UPDATED\\s*"), lines[0]);
        assertTrue(lines[1].contains("The Remarks Column") && lines[1].matches(".*\\s4\\s.*"), lines[1]);
    }

    @Test
    void checkPrintsOkAndExitsZeroOnASoundLibrary() {
        quire("--data-dir", dataDir(), "stories");

        Run run = quire("--data-dir", dataDir(), "check");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("ok: " + libraryFile().toAbsolutePath()), run.out());
        assertTrue(run.out().contains("wal journal") && run.out().contains("1 stories"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aKeyPastedAsAnArgumentByMistakeIsNotRepeatedInTheError() {
        String key = "-sk-ant-api03-PASTED1234567890abcdef";

        Run run = quire("--data-dir", dataDir(), "stories", key);

        assertEquals(2, run.code());
        assertFalse(run.err().contains("PASTED1234567890"), run.err());
        assertTrue(run.err().startsWith("quire: "), run.err());
    }

    @Test
    void aMistypedOptionIsStillNamedInTheError() {
        Run run = quire("--data-dir", dataDir(), "stories", "--jsn");

        assertEquals(2, run.code());
        assertTrue(run.err().contains("--jsn"), run.err());
    }

    @Test
    void checkOnAFolderWithNoLibraryFailsAndCreatesNothing() {
        Path folder = dir.resolve("mistyped");

        Run run = quire("--data-dir", folder.toString(), "check");

        assertEquals(QuireCommand.LIBRARY_PROBLEM, run.code());
        assertTrue(run.err().contains("there is no library at " + LibraryLocation.libraryFile(folder)), run.err());
        assertFalse(Files.exists(folder), "check created " + folder);
    }

    @Test
    void checkOnAFileThatIsNotALibraryFailsNamingTheFileAndLeavesItAlone() throws Exception {
        Path file = Files.writeString(libraryFile(), "Dear diary, today I wrote 2,000 words.");
        byte[] before = Files.readAllBytes(file);

        Run run = quire("--data-dir", dataDir(), "check");

        assertNotEquals(0, run.code());
        assertEquals(QuireCommand.LIBRARY_PROBLEM, run.code());
        assertTrue(run.err().startsWith("quire: "), run.err());
        assertTrue(run.err().contains(file.toAbsolutePath().toString()), run.err());
        assertTrue(run.err().contains("is not a Quire library"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals("", run.out());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void checkOnALibraryFromANewerQuireSaysToUpdateAndLeavesItAlone() throws Exception {
        Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE).close();
        Jdbc.execute(libraryFile(), "PRAGMA user_version = 99");
        byte[] before = Files.readAllBytes(libraryFile());

        Run run = quire("--data-dir", dataDir(), "check");

        assertEquals(QuireCommand.LIBRARY_PROBLEM, run.code());
        assertTrue(run.err().contains("newer version of Quire") && run.err().contains("Update Quire"), run.err());
        assertTrue(run.err().contains(libraryFile().toAbsolutePath().toString()), run.err());
        assertArrayEquals(before, Files.readAllBytes(libraryFile()));
    }

    @Test
    void checkOnABrokenLibraryExitsNonZeroListingTheProblem() {
        Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE).close();
        Jdbc.execute(libraryFile(), "UPDATE scene SET word_count = 1 WHERE position = 0");

        Run run = quire("check", "--data-dir", dataDir());

        assertEquals(QuireCommand.LIBRARY_PROBLEM, run.code());
        assertTrue(run.err().contains(libraryFile().toAbsolutePath().toString()), run.err());
        assertTrue(run.err().contains("1 problem:"), run.err());
        assertTrue(run.err().contains("its count says 1"), run.err());
        assertEquals(1, Jdbc.queryLong(libraryFile(), "SELECT word_count FROM scene WHERE position = 0"));
    }

    @Test
    void versionPrintsQuireAndItsVersion() {
        Run run = quire("--version");

        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("Quire "), run.out());
        assertFalse(run.out().contains("${"), "version is filtered in: " + run.out());
        assertEquals(List.of(), run.studioOpened());
    }

    @Test
    void helpListsTheCommands() {
        Run run = quire("--help");

        assertEquals(0, run.code());
        for (String command : List.of("stories", "new-story", "check", "--data-dir", "--no-sample")) {
            assertTrue(run.out().contains(command), command + " in " + run.out());
        }
        assertEquals(List.of(), run.studioOpened());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run run = quire("--data-dir", dataDir(), "publish");

        assertEquals(2, run.code());
        assertTrue(run.err().contains("publish"), run.err());
        assertEquals(List.of(), run.studioOpened());
        assertFalse(Files.exists(libraryFile()));
    }

    @Test
    void noCommandOpensTheStudioWithTheDataDir() {
        Run run = quire("--data-dir", dataDir(), "--no-sample");

        assertEquals(0, run.code());
        assertEquals(1, run.studioOpened().size());
        LibraryOptions options = run.studioOpened().get(0);
        assertEquals(dir.toAbsolutePath(), options.resolvedDataDir());
        assertTrue(options.noSample());
        assertFalse(Files.exists(libraryFile()), "the command line leaves opening the library to the studio");
    }

    @Test
    void studioThatCannotOpenTheLibraryIsReportedInOneLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path file = libraryFile();

        int code = QuireCommand.run(new String[] {"--data-dir", dataDir()}, new PrintWriter(out), new PrintWriter(err),
                options -> {
                    throw new LibraryOpenException(LibraryOpenException.Problem.IN_USE, file,
                            "The library " + file + " is already open in another Quire window.", null);
                });

        assertEquals(QuireCommand.LIBRARY_PROBLEM, code);
        assertEquals("quire: The library " + file + " is already open in another Quire window.",
                err.toString().strip());
    }

    @Test
    void commandsDoNotOpenTheStudio() {
        assertEquals(List.of(), quire("--data-dir", dataDir(), "stories").studioOpened());
        assertEquals(List.of(), quire("--data-dir", dataDir(), "new-story", "x").studioOpened());
        assertEquals(List.of(), quire("--data-dir", dataDir(), "check").studioOpened());
    }
}
