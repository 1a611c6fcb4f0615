package dev.quire.store;

import dev.quire.model.Chapter;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.SceneHeader;
import dev.quire.model.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChapterRepositoryTest {

    @TempDir
    Path dir;

    private Database db;
    private SceneRepository scenes;
    private ChapterRepository chapters;
    private long storyId;
    private final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("quire.db"));
        scenes = new SceneRepository(db);
        chapters = new ChapterRepository(db);
        storyId = new StoryRepository(db).create(Story.titled("Story")).id();
        for (String t : new String[] {"A", "B", "C", "D", "E"}) {
            ids.add(scenes.append(Scene.titled(storyId, t).withProse(Prose.plain(t + " text."))).id());
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String order() {
        StringBuilder out = new StringBuilder();
        Map<Long, Long> in = chapters.sceneChapters(storyId);
        List<Chapter> list = chapters.list(storyId);
        for (SceneHeader h : scenes.headers(storyId)) {
            Long chapter = in.get(h.id());
            int number = chapter == null ? 0 : list.stream().filter(c -> c.id() == chapter).findFirst()
                    .orElseThrow().position() + 1;
            out.append(number).append(h.title()).append(' ');
        }
        return out.toString().strip();
    }

    @Test
    void scenesOfALibraryWithoutChaptersAreInNone() {
        assertEquals("0A 0B 0C 0D 0E", order());
        assertTrue(chapters.list(storyId).isEmpty());
    }

    @Test
    void startingAChapterAtASceneTakesItAndTheScenesAfterIt() {
        chapters.startAt(ids.get(0), "Arrival");
        assertEquals("1A 1B 1C 1D 1E", order());
        chapters.startAt(ids.get(2), "Trials");
        assertEquals("1A 1B 2C 2D 2E", order());
        chapters.startAt(ids.get(1), "Between");
        assertEquals("1A 2B 3C 3D 3E", order(), "the new chapter comes right after the one it split");
        assertEquals(List.of("Arrival", "Between", "Trials"), chapters.list(storyId).stream().map(Chapter::title).toList());
    }

    @Test
    void movingAChapterMovesItsScenesAndStoryOrderFollows() {
        chapters.startAt(ids.get(0), "One");
        Chapter two = chapters.startAt(ids.get(3), "Two");
        chapters.move(two.id(), 0);
        assertEquals("1D 1E 2A 2B 2C", order());
        assertEquals(List.of(0, 1, 2, 3, 4), scenes.headers(storyId).stream().map(SceneHeader::position).toList());
    }

    @Test
    void aSceneAssignedToAChapterGoesToItsEnd() {
        chapters.startAt(ids.get(0), "One");
        Chapter two = chapters.startAt(ids.get(2), "Two");
        chapters.assign(ids.get(0), two.id());
        assertEquals("1B 2C 2D 2E 2A", order());
    }

    @Test
    void deletingAChapterKeepsItsScenesInTheChapterBefore() {
        Chapter one = chapters.startAt(ids.get(0), "One");
        Chapter two = chapters.startAt(ids.get(2), "Two");
        chapters.delete(two.id());
        assertEquals("1A 1B 1C 1D 1E", order());
        chapters.delete(one.id());
        assertEquals("0A 0B 0C 0D 0E", order(), "the first chapter's scenes go back to none");
        assertEquals(5, scenes.headers(storyId).size(), "no scene was lost");
    }

    @Test
    void aNewSceneJoinsTheLastChapterAndAMovedOneJoinsItsNewNeighbours() {
        chapters.startAt(ids.get(0), "One");
        Chapter two = chapters.startAt(ids.get(3), "Two");
        Chapter three = chapters.create(storyId, "Three", "");
        long f = scenes.append(Scene.titled(storyId, "F")).id();
        assertEquals(three.id(), chapters.sceneChapters(storyId).get(f), "a writer adds to the chapter just made");
        scenes.move(f, 1);
        assertEquals("1A 1F 1B 1C 2D 2E", order());
        assertEquals(two.id(), chapters.sceneChapters(storyId).get(ids.get(3)));
    }

    @Test
    void aChaptersSummaryIsKeptWithItsSourceAndAuthor() {
        Chapter one = chapters.startAt(ids.get(0), "One");
        chapters.saveSummary(one.id(), "They arrive.", "abc", true);
        Chapter read = chapters.get(one.id()).orElseThrow();
        assertEquals("They arrive.", read.summary());
        assertEquals("abc", read.summarySourceHash());
        assertTrue(read.summaryByWriter());
    }

    @Test
    void renamingAMissingChapterSaysSo() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> chapters.rename(999, "X", ""));
        assertTrue(e.getMessage().contains("no longer in the library"), e.getMessage());
    }

    @Test
    void partsGroupChapters() {
        Chapter one = chapters.startAt(ids.get(0), "One");
        chapters.rename(one.id(), "One", "Part One");
        assertEquals("Part One", chapters.get(one.id()).orElseThrow().part());
    }
}
