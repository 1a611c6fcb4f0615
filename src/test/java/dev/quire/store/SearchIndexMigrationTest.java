package dev.quire.store;

import dev.quire.model.Prose;
import dev.quire.model.SearchQuery;
import dev.quire.model.WordShares;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A library from before the search index: its scenes are searchable after the upgrade, and not counted as written. */
class SearchIndexMigrationTest {

    @TempDir
    Path dir;

    @Test
    void anOlderLibraryIsIndexedByTheUpgradeAndItsWordsAreABaselineNotWriting() {
        // a library from before the search index: every migration before it, and it and those after still to run
        int before = 0;
        while (!Migrations.name(before + 1).startsWith("V010__")) {
            before++;
        }
        List<String> script = new ArrayList<>();
        for (int v = 1; v <= before; v++) {
            script.addAll(Migrations.statements(v));
        }
        script.add("PRAGMA application_id = " + Database.APPLICATION_ID);
        script.add("PRAGMA user_version = " + before);
        script.add("INSERT INTO story (id, title, created_at, updated_at) VALUES (1, 'Old', 0, 0)");
        script.add("INSERT INTO scene (id, story_id, position, title, text, created_at, updated_at)"
                + " VALUES (1, 1, 0, 'A', 'Marra crossed the Hard.\nThe tide was out.', 0, 0)");
        script.add("INSERT INTO scene (id, story_id, position, title, text, created_at, updated_at)"
                + " VALUES (2, 1, 1, 'B', 'Nobody came.', 0, 0)");
        Path old = dir.resolve("old.db");
        Jdbc.execute(old, script.toArray(new String[0]));

        try (Database db = Database.open(old)) {
            SearchIndex index = new SearchIndex(db);
            List<SearchIndex.Candidate> found = index.candidates(1, SearchQuery.plain("tide was"));
            assertEquals(1, found.size());
            assertEquals(1, found.get(0).sceneId());
            assertEquals(0, index.candidates(1, SearchQuery.plain("kraken")).size());

            // as the editor saves it: the text as it loaded (of unknown origin, no spans were kept), and one word typed
            Prose loaded = new SceneRepository(db).get(1).orElseThrow().prose();
            new SceneRepository(db).saveProse(1, loaded.replace(loaded.text().length(), loaded.text().length(),
                    Prose.plain(" Gulls.")));
            assertEquals(new WordShares(1, 0, 0), new WordLog(db).on(1, LocalDate.now()),
                    "only the word typed after the upgrade counts");
            assertEquals(1, index.candidates(1, SearchQuery.plain("Gulls")).size());
            assertEquals(0, index.candidates(1, SearchQuery.plain("out. Gulls. Nobody")).size());
            new SceneRepository(db).delete(2);
            assertTrue(index.candidates(1, SearchQuery.plain("Nobody")).isEmpty());
            new StoryRepository(db).delete(1);
            long left = db.read("count", c -> Statements.one(c, "SELECT count(*) FROM scene_search",
                    rs -> rs.getLong(1)).orElseThrow());
            assertEquals(0, left, "a deleted story leaves nothing in the index");
        }
    }
}
