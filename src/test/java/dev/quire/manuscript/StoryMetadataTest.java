package dev.quire.manuscript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.model.Story;
import dev.quire.model.StoryMetadata;
import dev.quire.model.WordRounding;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A story's author, pen name, contact block and word-count rounding: kept, printed and changed by quire story. */
class StoryMetadataTest {

    @TempDir
    Path dir;

    @Test
    void quireStorySetsFieldsAndPrintsThemAsJson() {
        Cli cli = new Cli(dir);
        cli.open().close();
        Cli.Run set = cli.run("story", "--story", "The Remarks Column", "--set", "author=Ada Marsh",
                "--set", "contact=12 Ferry Lane\\nPortsmouth", "--set", "agent=Jo Park, Park Literary",
                "--set", "rounding=1000", "--json");
        assertEquals(0, set.code(), set.toString());
        JsonNode json = set.json();
        assertEquals("Ada Marsh", json.get("author").asText());
        assertEquals("12 Ferry Lane\nPortsmouth", json.get("contact").asText());
        assertEquals("1000", json.get("rounding").asText());
        assertEquals("about 2,000 words", json.get("wordCount").asText(), "1,756 words to the nearest 1,000");

        Cli.Run shown = cli.run("story", "--story", "1", "--json");
        assertEquals(set.out(), shown.out(), "kept in the library");
        Cli.Run human = cli.run("story", "--story", "1");
        assertTrue(human.out().contains("author       Ada Marsh"), human.out());
        assertTrue(human.out().contains("               Portsmouth"), human.out());

        Cli.Run cleared = cli.run("story", "--story", "1", "--set", "agent=", "--json");
        assertEquals("", cleared.json().get("agent").asText());
        assertEquals("Ada Marsh", cleared.json().get("author").asText(), "other fields stay");
    }

    @Test
    void anUnknownFieldOrRoundingIsRefusedAndNothingChanges() {
        Cli cli = new Cli(dir);
        cli.open().close();
        assertEquals(0, cli.run("story", "--story", "1", "--set", "author=Ada Marsh").code());

        Cli.Run run = cli.run("story", "--story", "1", "--set", "author=Someone Else", "--set", "phone=123");
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("A story has no “phone”: set one of author, pen-name, contact"), run.err());
        Cli.Run rounding = cli.run("story", "--story", "1", "--set", "rounding=nearest");
        assertEquals(2, rounding.code());
        assertTrue(rounding.err().contains("rounding must be one of convention, 100, 500, 1000, 5000 or exact"),
                rounding.err());
        assertEquals("Ada Marsh", cli.run("story", "--story", "1", "--json").json().get("author").asText());
    }

    @Test
    void quireStoryIsDescribedInHelp() {
        Cli cli = new Cli(dir);
        Cli.Run help = cli.run("--help");
        assertTrue(help.out().contains("story"), help.out());
        Cli.Run own = cli.run("story", "--help");
        assertEquals(0, own.code());
        assertTrue(own.out().contains("--set=FIELD=VALUE") && own.out().contains("pen-name"), own.out());
    }

    @Test
    void aDeletedStorysMetadataDoesNotPassToAStoryThatGetsItsId() {
        Cli cli = new Cli(dir);
        try (Studio studio = cli.open()) {
            long id = studio.stories().create(Story.titled("Gone")).id();
            studio.metadata().set(id, StoryMetadata.NONE.withAuthor("Ada Marsh"));
            studio.deleteStory(id);
            long again = studio.stories().create(Story.titled("New")).id();
            assertEquals(id, again, "SQLite gives the highest id again");
            assertEquals(StoryMetadata.NONE, studio.metadata().of(again));
        }
    }

    @ParameterizedTest
    @CsvSource({"4321, CONVENTION, 'about 4,300 words'", "4350, CONVENTION, 'about 4,400 words'",
            "39949, CONVENTION, 'about 39,900 words'", "87654, CONVENTION, 'about 88,000 words'",
            "87654, NEAREST_5000, 'about 90,000 words'", "87654, NEAREST_500, 'about 87,500 words'",
            "40, CONVENTION, 'about 100 words'", "1234, EXACT, '1,234 words'", "0, CONVENTION, 'about 0 words'"})
    void theWordCountIsRoundedAsTheConventionSays(int words, WordRounding rounding, String said) {
        assertEquals(said, rounding.approximately(words));
    }

    @ParameterizedTest
    @CsvSource({"Ada Marsh, '', Marsh", "Ada Marsh, A. M. Rooke, Rooke", "'Bert Fowler, Jr.', '', Fowler",
            "Cher, '', Cher", "'', '', ''"})
    void theSurnameIsTheBylinesLastName(String author, String penName, String surname) {
        assertEquals(surname, new StoryMetadata(author, penName, "", "", "", null, "").surname());
    }

    @Test
    void theContactBlockIsTheAuthorAddressEmailAndAgent() {
        StoryMetadata m = new StoryMetadata("Ada Marsh", "A. M. Rooke", " 12 Ferry Lane \r\n\nPortsmouth ",
                "ada@example.com", "Jo Park\njo@park.example", WordRounding.CONVENTION, "");
        assertEquals(List.of("Ada Marsh", "12 Ferry Lane", "Portsmouth", "ada@example.com", "Agent: Jo Park",
                "jo@park.example"), m.contactLines());
        assertEquals("A. M. Rooke", m.byline());
    }
}
