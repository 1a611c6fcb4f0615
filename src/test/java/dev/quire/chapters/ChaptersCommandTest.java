package dev.quire.chapters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.generate.Lighthouse;
import dev.quire.generate.Quire;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quire chapters}: the binder's chapters from the command line, on a real library. */
class ChaptersCommandTest {

    @TempDir
    Path dir;

    Quire quire;

    @BeforeEach
    void setUp() {
        quire = new Quire(dir);
        try (Studio studio = quire.open()) {
            Lighthouse.addTo(studio);
        }
    }

    private JsonNode list() {
        Quire.Run run = quire.run("chapters", "--story", Lighthouse.TITLE, "list", "--json");
        assertEquals(0, run.code(), run.toString());
        return run.json();
    }

    private static List<Integer> scenes(JsonNode chapter) {
        List<Integer> out = new ArrayList<>();
        chapter.get("scenes").forEach(n -> out.add(n.asInt()));
        return out;
    }

    @Test
    void startingChaptersAtScenesSplitsTheStoryAndMovingOneMovesItsScenes() {
        Quire.Run first = quire.run("chapters", "--story", Lighthouse.TITLE, "start", "--scene", "1", "Dusk",
                "and", "Oil", "--json");
        assertEquals(0, first.code(), first.toString());
        assertEquals("Dusk and Oil", first.json().get("title").asText());
        assertEquals(List.of(1, 2, 3), scenes(first.json()));

        Quire.Run second = quire.run("chapters", "--story", Lighthouse.TITLE, "start", "--scene", "3", "Storm",
                "--json");
        long storm = second.json().get("id").asLong();
        JsonNode chapters = list();
        assertEquals(2, chapters.size());
        assertEquals(List.of(1, 2), scenes(chapters.get(0)));
        assertEquals(List.of(3), scenes(chapters.get(1)));

        assertEquals(0, quire.run("chapters", "--story", Lighthouse.TITLE, "move", String.valueOf(storm), "--to",
                "1").code());
        chapters = list();
        assertEquals("Storm", chapters.get(0).get("title").asText());
        assertEquals(List.of(1), scenes(chapters.get(0)), "the storm scene is now first in story order");
        try (Studio studio = quire.open()) {
            long story = studio.stories().list().get(0).id();
            assertEquals("Storm", studio.scenes().headers(story).get(0).title());
        }
    }

    @Test
    void renamePartAssignAndDelete() {
        long id = quire.run("chapters", "--story", Lighthouse.TITLE, "start", "--scene", "1", "One", "--json").json()
                .get("id").asLong();
        long two = quire.run("chapters", "--story", Lighthouse.TITLE, "add", "Two", "--json").json().get("id").asLong();
        assertEquals(0, quire.run("chapters", "--story", Lighthouse.TITLE, "rename", String.valueOf(id), "The",
                "Keeper", "--part", "Part One").code());
        assertEquals(0, quire.run("chapters", "--story", Lighthouse.TITLE, "assign", "--scene", "1", "--chapter",
                String.valueOf(two)).code());
        JsonNode chapters = list();
        assertEquals("The Keeper", chapters.get(0).get("title").asText());
        assertEquals("Part One", chapters.get(0).get("part").asText());
        assertEquals(List.of(1, 2), scenes(chapters.get(0)));
        assertEquals(List.of(3), scenes(chapters.get(1)), "the assigned scene went last, into chapter two");

        assertEquals(0, quire.run("chapters", "--story", Lighthouse.TITLE, "delete", String.valueOf(two)).code());
        chapters = list();
        assertEquals(1, chapters.size());
        assertEquals(List.of(1, 2, 3), scenes(chapters.get(0)), "its scene joined the chapter before");
    }

    @Test
    void aMissingChapterOrSceneIsRefusedWithWhatToDo() {
        Quire.Run chapter = quire.run("chapters", "--story", Lighthouse.TITLE, "delete", "99");
        assertNotEquals(0, chapter.code());
        assertTrue(chapter.err().contains("has no chapter 99") && chapter.err().contains("list"), chapter.toString());
        Quire.Run scene = quire.run("chapters", "--story", Lighthouse.TITLE, "start", "--scene", "9");
        assertNotEquals(0, scene.code());
        assertTrue(scene.err().contains("there is no scene 9"), scene.toString());
        Quire.Run story = quire.run("chapters", "list");
        assertNotEquals(0, story.code());
        assertTrue(story.err().contains("--story is missing"), story.toString());
    }
}
