package dev.quire.bench;

import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.SearchQuery;
import dev.quire.model.Story;
import dev.quire.studio.Search;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 §2: story-wide search over a 150,000-word story (target under 50 ms), and the autosave of a
 * 10,000-word scene with the search index and the day's word count kept current in the same transaction (target
 * under 10 ms). Baselines: reading every scene's text (what a search without an index would start from), and a
 * bare JDBC update of the scene's text.
 */
@Tag("bench")
class SearchBenchmark {

    static final int SCENES = 100;
    static final int SCENE_WORDS = 1_500;

    @TempDir
    Path dir;

    @Test
    void searchAndAutosaveOnA150000WordStory() throws Exception {
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            long storyId = studio.stories().create(Story.titled("The Long Book")).id();
            StoryText text = new StoryText(18);
            int words = 0;
            long bigId = 0;
            for (int s = 0; s < SCENES; s++) {
                Prose prose = s == SCENES / 2 ? text.scene(10_000) : text.scene(SCENE_WORDS);
                words += prose.wordCount();
                long id = studio.scenes().append(Scene.titled(storyId, "Scene " + (s + 1)).withProse(prose)).id();
                if (s == SCENES / 2) {
                    bigId = id;
                }
            }
            assertTrue(words >= 150_000, words + " words");
            List<Stats.Row> rows = new ArrayList<>();
            Stats.Work readAll = () -> studio.database().read("bench", c -> {
                int chars = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT text FROM scene WHERE story_id = ?")) {
                    ps.setLong(1, storyId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            chars += rs.getString(1).length();
                        }
                    }
                }
                return chars;
            });
            String[][] queries = {{"a name", "Mara", "plain"}, {"a common word, whole word", "the", "word"},
                {"a phrase, match case", "in the", "case"}, {"a regular expression", "\\bM[a-z]+a\\b", "regex"}};
            System.out.println("\n[bench] Story-wide search over " + words + " words in " + SCENES + " scenes");
            for (String[] q : queries) {
                SearchQuery query = new SearchQuery(q[1], q[2].equals("regex"), q[2].equals("case"),
                        q[2].equals("word"));
                List<Search.SceneHits> found = studio.search().find(storyId, query);
                int hits = found.stream().mapToInt(h -> h.hits().size()).sum();
                System.out.println("  " + q[0] + " (" + q[1] + "): " + hits + " matches in " + found.size()
                        + " scenes");
                Stats.Pair pair = Stats.interleaved("search: " + q[0], "baseline: read every scene's text", 5, 31,
                        () -> studio.search().find(storyId, query), readAll);
                pair.print();
                rows.add(new Stats.Row("Search, 150,000 words: " + q[0] + " (" + hits + " hits)", "< 50 ms", 50,
                        pair.measured(), pair.baseline()));
            }

            long id = bigId;
            Prose base = studio.scenes().get(id).orElseThrow().prose();
            String[] added = {"again", "slowly", "grey", "there", "perhaps", "still", "once", "softly"};
            Prose[] edits = new Prose[added.length];
            for (int i = 0; i < added.length; i++) {
                edits[i] = FoundationBenchmark.insertWord(base, base.text().length() * (i + 1) / (added.length + 1),
                        added[i]);
                studio.scenes().saveProse(id, edits[i]);
            }
            int[] next = {0, added.length / 2};
            Stats.Work save = () -> studio.scenes().saveProse(id, edits[next[0]++ % edits.length]);
            Stats.Work bare = () -> {
                int k = next[1]++ % edits.length;
                studio.database().write("bench", c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE scene SET text = ? WHERE id = ?")) {
                        ps.setString(1, edits[k].text());
                        ps.setLong(2, id);
                        return ps.executeUpdate();
                    }
                });
            };
            System.out.println("\n[bench] Autosaving the 10,000-word scene with index and word-count upkeep");
            Stats.Pair pair = Stats.interleaved("autosave: saveProse (text, revision check, index, words of the day)",
                    "bare JDBC UPDATE of the text in a transaction", 30, 200, save, bare);
            pair.print();
            rows.add(new Stats.Row("Autosave, 10k-word scene, with search index upkeep", "< 10 ms", 10,
                    pair.measured(), pair.baseline()));
            studio.scenes().saveProse(id, base);
            assertEquals(1, studio.search().find(storyId, SearchQuery.plain(base.text().substring(100, 140))).size(),
                    "the index holds the last save");
            System.out.println(Stats.table(rows));
            for (Stats.Row row : rows) {
                if (!row.within()) {
                    System.out.println("[bench] OVER target: " + row.metric());
                }
            }
        }
    }
}
