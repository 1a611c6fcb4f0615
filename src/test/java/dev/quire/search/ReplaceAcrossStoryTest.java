package dev.quire.search;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.SceneRevision;
import dev.quire.model.SearchQuery;
import dev.quire.model.Story;
import dev.quire.model.WordShares;
import dev.quire.store.PersistenceException;
import dev.quire.store.ReplaceRepository.Replace;
import dev.quire.studio.Search;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replace across a story: previewed, applied in one transaction with revisions, undone as one step. */
class ReplaceAcrossStoryTest {

    @TempDir
    Path dir;

    private Studio studio;
    private long storyId;
    private long one;
    private long two;
    private long three;

    @BeforeEach
    void story() {
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of());
        storyId = studio.stories().create(Story.titled("Salt Roads")).id();
        one = studio.scenes().append(Scene.titled(storyId, "Harbour")
                .withProse(Prose.plain("Marra waited. Marra's hands were cold."))).id();
        two = studio.scenes().append(Scene.titled(storyId, "Quiet").withProse(Prose.plain("Gulls only."))).id();
        Prose fromModel = new Prose.Builder().append("The boat was ", Provenance.WRITER, false, false)
                .append("Marra", Provenance.variant("A", 7L), true, false)
                .append("'s.", Provenance.variant("A", 7L), false, false).build();
        three = studio.scenes().append(Scene.titled(storyId, "Boat").withProse(fromModel)).id();
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        studio.close();
    }

    private String text(long sceneId) {
        return studio.scenes().get(sceneId).orElseThrow().prose().text();
    }

    @Test
    void aWholeWordIsFoundEitherSideOfALineBreakAndItsContextIsShownOnOneLine() {
        long letter = studio.scenes().append(Scene.titled(storyId, "Letter")
                .withProse(Prose.plain("Dear Marra,\u2028the lamp is lit.\u2028Marra"))).id();

        List<Search.SceneHits> found = studio.search().find(storyId, new SearchQuery("Marra", false, true, true));

        Search.SceneHits hits = found.stream().filter(h -> h.sceneId() == letter).findFirst().orElseThrow();
        assertEquals(2, hits.hits().size());
        assertEquals("Dear Marra, the lamp is lit. Marra", hits.hits().get(0).context());
        assertEquals(List.of(5, 29), hits.hits().stream().map(Search.Hit::start).toList());
    }

    @Test
    void theReplaceChangesOnlyTheTickedMatchesKeepsRevisionsAndUndoesAsOneStep() {
        Search.Preview preview = studio.search().preview(storyId, new SearchQuery("Marra", false, true, true), "Mara");
        assertEquals(3, preview.changes().size());
        assertEquals(2, preview.scenes());
        assertEquals("Mara", preview.changes().get(0).replacement());
        int revisionsOne = studio.scenes().revisions(one).size();
        int revisionsTwo = studio.scenes().revisions(two).size();

        Replace done = studio.search().apply(preview, List.of(0, 2)); // the second match is unticked

        assertEquals("Mara waited. Marra's hands were cold.", text(one));
        assertEquals("The boat was Mara's.", text(three));
        Prose replaced = studio.scenes().get(three).orElseThrow().prose();
        assertTrue(replaced.slice(13, 17).spans().get(0).italic(), "the replacement keeps the style it replaced");
        assertTrue(replaced.slice(13, 17).spans().get(0).provenance().isWriter(), "and is the writer's");
        assertEquals(List.of(one, three), done.sceneIds());
        assertEquals(revisionsOne + 2, studio.scenes().revisions(one).size(), "a revision before and after");
        assertEquals(revisionsTwo, studio.scenes().revisions(two).size(), "an unchanged scene gets none");
        assertEquals(0, studio.search().find(storyId, new SearchQuery("Marra", false, true, true)).stream()
                .filter(h -> h.sceneId() == three).count(), "the index follows the replace");
        assertEquals(done.id(), studio.search().latest(storyId).orElseThrow().id());

        List<Long> back = studio.search().undo(done.id());

        assertEquals(List.of(one, three).stream().sorted().toList(), back.stream().sorted().toList());
        assertEquals("Marra waited. Marra's hands were cold.", text(one));
        assertEquals("The boat was Marra's.", text(three));
        assertTrue(studio.scenes().get(three).orElseThrow().prose().slice(13, 18).spans().get(0).provenance()
                .isVariant(), "the undo gives back the model's provenance too");
        assertEquals(SceneRevision.Kind.BEFORE_RESTORE, studio.scenes().revisions(one).get(1).kind(),
                "what the undo replaced is kept");
        assertTrue(studio.search().latest(storyId).isEmpty());
        assertEquals(List.of(), studio.search().undo(done.id()), "undoing twice changes nothing");
    }

    @Test
    void aSceneChangedSinceThePreviewStopsTheWholeReplace() {
        Search.Preview preview = studio.search().preview(storyId, SearchQuery.plain("marra"), "Mara");
        studio.scenes().saveProse(three, Prose.plain("The writer rewrote this; Marra stays."));

        assertThrows(PersistenceException.class, () -> studio.search().apply(preview,
                IntStream.range(0, preview.changes().size()).boxed().collect(Collectors.toList())));

        assertEquals("Marra waited. Marra's hands were cold.", text(one), "nothing was written");
        assertTrue(studio.search().latest(storyId).isEmpty());
    }

    @Test
    void regularExpressionReplacementsUseGroups() {
        Search.Preview preview = studio.search().preview(storyId,
                new SearchQuery("(\\w+) waited", true, false, false), "waited, $1 did");
        assertEquals(1, preview.changes().size());
        studio.search().apply(preview, List.of(0));
        assertEquals("waited, Marra did. Marra's hands were cold.", text(one));
    }

    @Test
    void savesCountTheDaysWordsByProvenanceAndAReplaceIsNotWriting() {
        LocalDate today = LocalDate.now();
        assertEquals(WordShares.NONE, studio.targets().on(storyId, today), "adding scenes is not writing");

        studio.scenes().saveProse(two, Prose.plain("Gulls only. Then the rain came."));
        Prose accepted = new Prose.Builder().append("Gulls only. Then the rain came. ", Provenance.WRITER, false,
                false).append("Thunder rolled over the bay.", Provenance.variant("B", 9L), false, false).build();
        studio.scenes().replaceProse(two, accepted, SceneRevision.Kind.ACCEPT);
        studio.search().apply(studio.search().preview(storyId, SearchQuery.plain("Gulls"), "Terns"), List.of(0));

        assertEquals(new WordShares(4, 5, 0), studio.targets().on(storyId, today));
        assertEquals(7, studio.targets().history(storyId, today, 7).size());
        assertEquals(new WordShares(4, 5, 0), studio.targets().history(storyId, today, 7).get(6).words());
        assertFalse(studio.targets().history(storyId, today, 7).get(0).words().total() != 0);
    }
}
