package dev.quire.store;

import dev.quire.model.CanonFact;
import dev.quire.model.ContentHash;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonAndSummaryRepositoryTest {

    @TempDir
    Path dir;

    private Path file;
    private Database db;
    private SceneRepository scenes;
    private SummaryRepository summaries;
    private CanonRepository canon;
    private long storyId;

    @BeforeEach
    void open() {
        file = dir.resolve("quire.db");
        db = Database.open(file);
        scenes = new SceneRepository(db);
        summaries = new SummaryRepository(db);
        canon = new CanonRepository(db);
        storyId = new StoryRepository(db).create(Story.titled("Story")).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void canonKeepsFactsInOrderWithTheirSource() {
        CanonFact a = canon.add(CanonFact.byWriter(storyId, "  Mara's brother died in the flood. "));
        CanonFact b = canon.add(new CanonFact(0, storyId, "The key is under the blue stone.", CanonFact.Source.MESSAGE,
                42L, null));
        assertEquals(List.of("Mara's brother died in the flood.", "The key is under the blue stone."),
                canon.list(storyId).stream().map(CanonFact::text).toList());
        assertEquals(CanonFact.Source.MESSAGE, canon.get(b.id()).orElseThrow().source());
        assertEquals(42L, canon.get(b.id()).orElseThrow().sourceId());
        assertTrue(canon.remove(a.id()));
        assertFalse(canon.remove(a.id()));
        assertEquals(1, canon.list(storyId).size());
    }

    @Test
    void anEmptyFactIsRefusedWithWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> canon.add(CanonFact.byWriter(storyId, "   ")));
        assertTrue(e.getMessage().contains("needs some text"), e.getMessage());
    }

    @Test
    void aModelSummaryIsStaleOnceTheTextChangesEvenInTheFileItself() {
        Scene s = scenes.append(Scene.titled(storyId, "One").withProse(Prose.plain("She waited by the door.")));
        summaries.saveMade(s.id(), "She waits.", "She waited by the door.");
        assertFalse(summaries.get(s.id()).orElseThrow().stale());
        assertFalse(summaries.get(s.id()).orElseThrow().state().byWriter());

        scenes.saveProse(s.id(), Prose.plain("She waited by the window."));
        assertTrue(summaries.get(s.id()).orElseThrow().stale(), "changed in the studio");

        summaries.saveMade(s.id(), "She waits by the window.", "She waited by the window.");
        db.close();
        Jdbc.execute(file, "UPDATE scene SET text = 'Edited by hand.' WHERE id = " + s.id());
        db = Database.open(file);
        summaries = new SummaryRepository(db);
        assertTrue(summaries.get(s.id()).orElseThrow().stale(), "changed in the file directly");
        assertEquals("Edited by hand.", new SceneRepository(db).get(s.id()).orElseThrow().prose().text(),
                "a text changed outside Quire still loads, its styles fitted to it");
    }

    @Test
    void stylesLongerOrShorterThanTheirTextAreFittedNotRefused() {
        List<dev.quire.model.Span> two = List.of(new dev.quire.model.Span(3, dev.quire.model.Provenance.WRITER, true,
                false), new dev.quire.model.Span(4, dev.quire.model.Provenance.variant("A", 1L), false, false));
        assertEquals(List.of(two.get(0), new dev.quire.model.Span(2, dev.quire.model.Provenance.variant("A", 1L),
                false, false)), Columns.fitted(two, 5));
        assertEquals(List.of(two.get(0), two.get(1), new dev.quire.model.Span(3, dev.quire.model.Provenance.UNKNOWN,
                false, false)), Columns.fitted(two, 10), "text past the styles is of unknown origin, not the writer's");
        assertEquals(List.of(new dev.quire.model.Span(4, dev.quire.model.Provenance.UNKNOWN, false, false)),
                Columns.prose("abcd", "[[3,").spans(), "styles that cannot be read leave the whole text unknown");
        assertEquals(Columns.spans(List.of(two.get(0), new dev.quire.model.Span(2, dev.quire.model.Provenance.UNKNOWN,
                false, false))), "[[3,1],[2,8]]", "unknown origin is kept as such");
        assertEquals(List.of(two.get(0), new dev.quire.model.Span(2, dev.quire.model.Provenance.UNKNOWN, false,
                false)), Columns.prose("abcde", "[[3,1],[2,8]]").spans());
    }

    @Test
    void aSummaryTheWriterTypesIsTheirsAndCurrent() {
        Scene s = scenes.append(Scene.titled(storyId, "One").withProse(Prose.plain("Rain on the roof.")));
        scenes.saveDetails(s.withDetails("One", "It rains.", null, List.of(), false));
        SummaryRepository.SceneSummary read = summaries.get(s.id()).orElseThrow();
        assertTrue(read.state().byWriter());
        assertFalse(read.stale());
        assertEquals(ContentHash.of("Rain on the roof."), read.state().sourceHash());
    }

    @Test
    void aFailedAttemptKeepsTheSummaryThereWasAndSaysWhy() {
        Scene s = scenes.append(Scene.titled(storyId, "One").withProse(Prose.plain("Text.")));
        summaries.saveMade(s.id(), "Old summary.", "Text.");
        summaries.failed(s.id(), "The provider refused: rate limited.");
        SummaryRepository.SceneSummary read = summaries.get(s.id()).orElseThrow();
        assertEquals("Old summary.", read.summary());
        assertEquals("The provider refused: rate limited.", read.state().failure());
        summaries.saveMade(s.id(), "New summary.", "Text.");
        assertEquals("", summaries.get(s.id()).orElseThrow().state().failure(), "a success clears the failure");
    }

    @Test
    void aLibraryOfSchemaThreeGainsChaptersCanonAndKeepsItsTypedSummariesCurrent() {
        db.close();
        Path old = dir.resolve("old.db");
        List<String> script = new java.util.ArrayList<>();
        for (int v = 1; v <= 3; v++) {
            script.addAll(Migrations.statements(v));
        }
        script.add("PRAGMA application_id = " + Database.APPLICATION_ID);
        script.add("PRAGMA user_version = 3");
        script.add("INSERT INTO story (id, title, created_at, updated_at) VALUES (1, 'Old', 0, 0)");
        script.add("INSERT INTO scene (id, story_id, position, title, text, summary, created_at, updated_at)"
                + " VALUES (1, 1, 0, 'A', 'The old text.', 'Typed by hand.', 0, 0)");
        script.add("INSERT INTO scene (id, story_id, position, title, text, created_at, updated_at)"
                + " VALUES (2, 1, 1, 'B', 'No summary.', 0, 0)");
        script.add("INSERT INTO frame (id, story_id, kind, name, template, created_at, updated_at)"
                + " VALUES (1, NULL, 'scene', 'Mine', '[system]\nTerse.\n\n{{bible}}\n\n{{characters}}\n[user]\n"
                + "{{instruction}}', 0, 0)");
        script.add("INSERT INTO frame (id, story_id, kind, name, template, created_at, updated_at)"
                + " VALUES (2, NULL, 'scene', 'No bible', '[user]\n{{instruction}}', 0, 0)");
        Jdbc.execute(old, script.toArray(new String[0]));

        db = Database.open(old);
        assertEquals(Database.schemaVersion(), Jdbc.queryLong(old, "PRAGMA user_version"));
        SummaryRepository.SceneSummary typed = new SummaryRepository(db).get(1).orElseThrow();
        assertTrue(typed.state().byWriter(), "summaries from before were the writer's");
        assertFalse(typed.stale(), "and describe the text as it was at the upgrade");
        assertTrue(new SummaryRepository(db).get(2).orElseThrow().missing());
        assertTrue(new ChapterRepository(db).list(1).isEmpty());
        assertTrue(new ChapterRepository(db).sceneChapters(1).isEmpty(), "no scene is put in a chapter");
        assertTrue(new CanonRepository(db).list(1).isEmpty());
        assertEquals("The old text.", new SceneRepository(db).get(1).orElseThrow().prose().text());
        assertEquals("[system]\nTerse.\n\n{{bible}}\n\n{{canon}}\n\n{{characters}}\n[user]\n{{instruction}}",
                Jdbc.queryString(old, "SELECT template FROM frame WHERE id = 1"),
                "a writer's frame from before the canon carries it after the bible");
        assertEquals("[user]\n{{instruction}}", Jdbc.queryString(old, "SELECT template FROM frame WHERE id = 2"),
                "a frame the writer kept without the bible is left as it is");
    }
}
