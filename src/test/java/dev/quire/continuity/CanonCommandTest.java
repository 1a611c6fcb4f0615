package dev.quire.continuity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.generate.Lighthouse;
import dev.quire.generate.Quire;
import dev.quire.model.Story;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire canon --story S list|add|remove}. */
class CanonCommandTest {

    @TempDir
    Path dir;

    Quire quire;
    long otherStory;

    @BeforeEach
    void setUp() {
        quire = new Quire(dir);
        try (Studio studio = quire.open()) {
            Lighthouse.addTo(studio);
            otherStory = studio.stories().create(Story.titled("Another Story")).id();
        }
    }

    @Test
    void addListAndRemoveRoundTripWithJson() {
        Quire.Run first = quire.run("canon", "--story", Lighthouse.TITLE, "add", "Mara", "cannot", "swim.", "--json");
        Quire.Run second = quire.run("canon", "--story", "the lighthouse", "add", "The storm came in October.",
                "--json");

        assertEquals(0, first.code(), first.toString());
        JsonNode added = first.json();
        assertEquals("Mara cannot swim.", added.get("text").asText(), "the words joined");
        assertEquals("writer", added.get("source").asText());
        assertTrue(added.get("source_id").isNull());
        long id = added.get("id").asLong();

        Quire.Run listed = quire.run("canon", "--story", Lighthouse.TITLE, "list", "--json");
        assertEquals(0, listed.code(), listed.toString());
        JsonNode array = listed.json();
        assertEquals(2, array.size());
        assertEquals(id, array.get(0).get("id").asLong());
        assertEquals("Mara cannot swim.", array.get(0).get("text").asText());
        assertEquals("The storm came in October.", array.get(1).get("text").asText());
        assertEquals(second.json().get("id").asLong(), array.get(1).get("id").asLong());
        assertEquals(4, array.get(0).size(), "id, text, source, source_id: " + array.get(0));

        Quire.Run removed = quire.run("canon", "--story", Lighthouse.TITLE, "remove", String.valueOf(id));
        assertEquals(0, removed.code(), removed.toString());
        JsonNode after = quire.run("canon", "--story", Lighthouse.TITLE, "list", "--json").json();
        assertEquals(1, after.size());
        assertEquals("The storm came in October.", after.get(0).get("text").asText());

        Quire.Run plain = quire.run("canon", "--story", Lighthouse.TITLE, "list");
        assertTrue(plain.out().contains(after.get(0).get("id").asText() + "  The storm came in October.  (writer)"),
                plain.out());
    }

    @Test
    void removingAMissingIdSaysSoAndFails() {
        Quire.Run run = quire.run("canon", "--story", Lighthouse.TITLE, "remove", "999");

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("has no canon fact 999"), run.err());
    }

    @Test
    void aFactOfAnotherStoryIsNotRemovedByItsId() {
        long theirs = quire.run("canon", "--story", String.valueOf(otherStory), "add", "Theirs.", "--json").json()
                .get("id").asLong();

        Quire.Run run = quire.run("canon", "--story", Lighthouse.TITLE, "remove", String.valueOf(theirs));

        assertEquals(2, run.code(), run.toString());
        assertEquals(1, quire.run("canon", "--story", String.valueOf(otherStory), "list", "--json").json().size());
    }

    @Test
    void anEmptyCanonAndAnEmptyFactAreWordedForTheWriter() {
        Quire.Run empty = quire.run("canon", "--story", Lighthouse.TITLE, "list");
        Quire.Run blank = quire.run("canon", "--story", Lighthouse.TITLE, "add", "  ");
        Quire.Run noStory = quire.run("canon", "list");

        assertEquals(0, empty.code(), empty.toString());
        assertTrue(empty.out().contains("has no canon yet"), empty.out());
        assertEquals(2, blank.code(), blank.toString());
        assertTrue(blank.err().contains("The fact is empty"), blank.err());
        assertEquals(2, noStory.code(), noStory.toString());
        assertTrue(noStory.err().contains("--story is missing"), noStory.err());
    }
}
