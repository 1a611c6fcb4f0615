package dev.quire.studio;

import dev.quire.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Studio#check()}: silent on a sound library, specific about a broken one. */
class LibraryCheckTest {

    @TempDir
    Path dir;

    @Test
    void freshLibraryWithTheSampleHasNoProblems() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            assertEquals(List.of(), studio.check());
        }
    }

    @Test
    void freshEmptyLibraryHasNoProblems() {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.EMPTY)) {
            assertEquals(List.of(), studio.check());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scene out of position    | UPDATE scene SET position = 7 WHERE position = 1                    | "The Crossed Sevens" is at position 7
            gap in the positions     | UPDATE scene SET position = position + 1 WHERE position >= 2        | is at position 3 where 2 was expected
            two scenes at one place  | UPDATE scene SET position = 2 WHERE position = 3                    | where 3 was expected
            wrong word count         | UPDATE scene SET word_count = word_count + 5 WHERE position = 2     | "Across the Hard" has
            spans not covering text  | UPDATE scene SET spans = '[[3,0]]' WHERE position = 3               | "Don’t Round" cannot be read
            spans that are not JSON  | UPDATE scene SET spans = '[[3,' WHERE position = 0                  | cannot be read
            scene of a missing story | INSERT INTO scene (story_id, position, created_at, updated_at) VALUES (99, 0, 0, 0) | row 5 of scene points to a missing story
            fact of a missing character | INSERT INTO character_fact (character_id, position, text, created_at) VALUES (99, 0, 'x', 0) | of character_fact points to a missing character
            """)
    void brokenInvariantIsReported(String what, String damage, String expected) {
        Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE).close();
        Jdbc.execute(LibraryLocation.libraryFile(dir), damage);

        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            List<String> problems = studio.check();

            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), what + ": " + problems);
        }
    }

    @Test
    void wordCountProblemSaysBothNumbers() {
        Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE).close();
        Path file = LibraryLocation.libraryFile(dir);
        long words = Jdbc.queryLong(file, "SELECT word_count FROM scene WHERE position = 1");
        Jdbc.execute(file, "UPDATE scene SET word_count = 3 WHERE position = 1");

        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            assertEquals(List.of("Story \"The Remarks Column\": scene \"The Crossed Sevens\" has " + words
                    + " words but its count says 3."), studio.check());
        }
    }

    @Test
    void checkingChangesNothing() {
        Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE).close();
        Path file = LibraryLocation.libraryFile(dir);
        Jdbc.execute(file, "UPDATE scene SET position = 7 WHERE position = 1");

        try (Studio studio = Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE)) {
            studio.check();
        }
        assertEquals(7, Jdbc.queryLong(file, "SELECT position FROM scene WHERE title = 'The Crossed Sevens'"));
    }
}
