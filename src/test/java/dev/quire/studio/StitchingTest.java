package dev.quire.studio;

import dev.quire.model.Composition;
import dev.quire.model.Composition.Placement;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.SceneRevision;
import dev.quire.model.Span;
import dev.quire.model.Story;
import dev.quire.model.Variant;
import dev.quire.store.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stitching pane as the studio keeps it: columns, the composition with provenance, and accepting it. */
class StitchingTest {

    private static final String SCENE_TEXT = "Odile read the screen.\nBert waited.";

    @TempDir
    Path dir;

    private Studio studio;
    private Stitching stitching;
    private long storyId;
    private long sceneId;

    @BeforeEach
    void open() {
        studio = openStudio();
        storyId = studio.stories().create(Story.titled("The Lighthouse")).id();
        sceneId = studio.scenes().append(Scene.titled(storyId, "Night Watch").withProse(Prose.plain(SCENE_TEXT))).id();
    }

    private Studio openStudio() {
        Studio s = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY,
                Map.of("QUIRE_CONFIG_HOME", dir.resolve("config").toString()));
        stitching = s.stitching();
        return s;
    }

    @AfterEach
    void close() {
        studio.close();
    }

    private void reopen() {
        studio.close();
        studio = openStudio();
    }

    /** A finished generation for the scene with these texts as its variants; returns their ids in order. */
    private List<Long> generated(String provider, String model, Integer outputTokens, Duration took, String... texts) {
        Instant started = Instant.ofEpochMilli(1_700_000_000_000L);
        Generation g = studio.generations().create(new Generation(0, storyId, sceneId, null, "scene", provider, model,
                "[]", "{}", null, texts.length, new Generation.Usage(null, 800, outputTokens, null), started,
                started.plus(took), Generation.Status.COMPLETE, null));
        for (int i = 0; i < texts.length; i++) {
            studio.generations().saveVariant(g.id(), i, texts[i], Variant.Status.COMPLETE, "stop", null);
        }
        return studio.generations().variants(g.id()).stream().map(Variant::id).toList();
    }

    private List<Long> generated(String... texts) {
        return generated("Claude", "claude-opus", 900, Duration.ofSeconds(12), texts);
    }

    private static List<String> labels(Stitching.Pane pane) {
        return pane.columns().stream().map(Stitching.Column::label).toList();
    }

    private static List<String> texts(Stitching.Pane pane) {
        return pane.columns().stream().map(c -> c.variant().text()).toList();
    }

    private Scene scene() {
        return studio.scenes().get(sceneId).orElseThrow();
    }

    @Test
    void aColumnKnowsWhatItsVariantWasAskedForAndAPasteWasAskedForNothing() {
        Instant now = Instant.now();
        Generation g = studio.generations().create(new Generation(0, storyId, sceneId, null, "continue", "Claude",
                "claude-opus", "[]", "{\"mode\":\"CONTINUE\",\"anchorStart\":12,\"anchorEnd\":12}", null, 1,
                Generation.Usage.NONE, now, now, Generation.Status.COMPLETE, null));
        studio.generations().saveVariant(g.id(), 0, "Then the tide.", Variant.Status.COMPLETE, "stop", null);
        stitching.showColumns(sceneId, studio.generations().variants(g.id()).stream().map(Variant::id).toList());
        stitching.paste(sceneId, "Written elsewhere.");
        List<Long> scene = generated("A whole scene.");
        stitching.showColumns(sceneId, java.util.stream.Stream.concat(stitching.pane(sceneId).composition().columns()
                .stream(), scene.stream()).toList());

        List<Stitching.Column> columns = stitching.pane(sceneId).columns();

        assertEquals(java.util.Optional.of(new Stitching.Asked(Generator.Mode.CONTINUE, 12, 12)), columns.get(0).asked());
        assertEquals(java.util.Optional.empty(), columns.get(1).asked());
        assertEquals(java.util.Optional.of(new Stitching.Asked(Generator.Mode.SCENE, 0, 0)), columns.get(2).asked());
    }

    @Test
    void aNewSceneHasAnEmptyPane() {
        Stitching.Pane pane = stitching.pane(sceneId);

        assertEquals(sceneId, pane.sceneId());
        assertTrue(pane.columns().isEmpty());
        assertEquals(Composition.empty(sceneId), pane.composition());
    }

    @Test
    void pastedTextBecomesACompleteVariantInTheLastColumn() {
        List<Long> generatedIds = generated("The lamp turned.");
        stitching.showColumns(sceneId, generatedIds);

        Stitching.Pane pane = stitching.paste(sceneId, "Written elsewhere.\r\nSecond line.");

        assertEquals(List.of("A", "B"), labels(pane));
        Stitching.Column pasted = pane.columns().get(1);
        assertTrue(pasted.pasted());
        assertFalse(pane.columns().get(0).pasted());
        assertEquals("Pasted", pasted.source());
        assertEquals("Written elsewhere.\nSecond line.", pasted.variant().text(), "line endings as in scene text");
        assertEquals(Variant.Status.COMPLETE, pasted.variant().status());
        assertEquals(0, pasted.variant().index());
        Generation g = pasted.generation();
        assertEquals(storyId, g.storyId());
        assertEquals(sceneId, g.sceneId());
        assertEquals("paste", g.frame());
        assertEquals("pasted", g.provider());
        assertEquals("", g.model());
        assertEquals("{}", g.messagesJson());
        assertEquals(Generation.Status.COMPLETE, g.status());
        assertEquals(1, g.variantCount());
        assertEquals(List.of(generatedIds.get(0), pasted.variant().id()), pane.composition().columns());
        assertEquals(pane, stitching.pane(sceneId), "what paste returns is what is stored");
    }

    @Test
    void aHugePasteIsRefusedWithWhatToDoAndNothingWritten() {
        String huge = "The tide came in. ".repeat(Stitching.MAX_PASTE / 18 + 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stitching.paste(sceneId, huge));

        assertTrue(e.getMessage().contains("Import"), e.getMessage());
        assertTrue(e.getMessage().contains("words of text"), e.getMessage());
        assertTrue(stitching.pane(sceneId).columns().isEmpty());
        assertTrue(studio.generations().forScene(sceneId).isEmpty());
    }

    @Test
    void blankTextIsNotPasted() {
        assertThrows(IllegalArgumentException.class, () -> stitching.paste(sceneId, " \n\t"));

        assertTrue(stitching.pane(sceneId).columns().isEmpty());
        assertTrue(studio.generations().forScene(sceneId).isEmpty());
    }

    @Test
    void pastingIntoAMissingSceneKeepsNothing() {
        assertThrows(PersistenceException.class, () -> stitching.paste(9_999, "Orphan text."));

        assertTrue(studio.generations().forScene(9_999).isEmpty());
    }

    @Test
    void aColumnSaysWhoWroteItHowLongItTookAndItsOwnOutputTokens() {
        List<Long> three = generated("Claude", "claude-opus", 900, Duration.ofSeconds(12), "A one", "A two", "A three");
        List<Long> one = generated("Local", "llama3", 240, Duration.ofMillis(3_500), "Solo");
        List<Long> unreported = generated("Local", "llama3", null, Duration.ofSeconds(1), "Quiet");

        Stitching.Pane pane = stitching.showColumns(sceneId, List.of(three.get(1), one.get(0), unreported.get(0)));

        assertEquals(List.of("A", "B", "C"), labels(pane));
        assertEquals(List.of("Claude · claude-opus", "Local · llama3", "Local · llama3"),
                pane.columns().stream().map(Stitching.Column::source).toList());
        assertNull(pane.columns().get(0).outputTokens(), "900 tokens were for three variants together");
        assertEquals(240, pane.columns().get(1).outputTokens());
        assertNull(pane.columns().get(2).outputTokens());
        assertEquals(Duration.ofSeconds(12), pane.columns().get(0).elapsed());
        assertEquals(Duration.ofMillis(3_500), pane.columns().get(1).elapsed());
    }

    @Test
    void columnsAreShownReplacedAndRemovedAndTheCompositionStays() {
        List<Long> ids = generated("First.", "Second.", "Third.");
        long again = generated("Second, again.").get(0);
        Prose draft = Prose.from("Second.", Provenance.variant("B", ids.get(1)));
        stitching.saveComposition(sceneId, draft, Placement.AT_CURSOR, 4, 4);

        Stitching.Pane shown = stitching.showColumns(sceneId, ids);
        assertEquals(List.of("A", "B", "C"), labels(shown));
        assertEquals(List.of("First.", "Second.", "Third."), texts(shown));

        Stitching.Pane replaced = stitching.replaceColumn(sceneId, 1, again);
        assertEquals(List.of("First.", "Second, again.", "Third."), texts(replaced));
        assertEquals(List.of(ids.get(0), again, ids.get(2)), replaced.composition().columns());

        Stitching.Pane removed = stitching.removeColumn(sceneId, 0);
        assertEquals(List.of("A", "B"), labels(removed));
        assertEquals(List.of("Second, again.", "Third."), texts(removed));
        assertEquals(3, studio.generations().variantsByIds(ids).size(), "a removed column's variant is kept");

        Composition kept = stitching.pane(sceneId).composition();
        assertEquals(draft, kept.prose());
        assertEquals(Placement.AT_CURSOR, kept.placement());
        assertEquals(4, kept.anchorStart());
        assertThrows(IndexOutOfBoundsException.class, () -> stitching.removeColumn(sceneId, 2));
        assertThrows(IllegalArgumentException.class, () -> stitching.replaceColumn(sceneId, 0, 9_999));
        assertEquals(List.of("Second, again.", "Third."), texts(stitching.pane(sceneId)));
    }

    @Test
    void aColumnWhoseVariantWasDeletedIsSkippedAndTheOthersMoveUp() {
        List<Long> ids = generated("First.", "Second.", "Third.");
        stitching.showColumns(sceneId, ids);
        studio.database().write("delete a variant", c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM variant WHERE id = " + ids.get(0));
            }
            return null;
        });

        Stitching.Pane pane = stitching.pane(sceneId);
        assertEquals(List.of("A", "B"), labels(pane));
        assertEquals(List.of("Second.", "Third."), texts(pane));

        assertEquals(List.of("Second."), texts(stitching.removeColumn(sceneId, 1)),
                "indexes count the columns shown");
    }

    @Test
    void theCompositionWithItsProvenanceSurvivesClosingTheStudio() {
        List<Long> ids = generated("The tide rose.", "Gulls argued.");
        stitching.showColumns(sceneId, ids);
        Prose composition = new Prose.Builder()
                .append("The tide rose.", Provenance.variant("A", ids.get(0)), false, false)
                .append(" Slowly.", Provenance.WRITER, true, false)
                .append("\n")
                .append("Gulls argued.", Provenance.variant("B", ids.get(1)), false, false)
                .build();
        stitching.saveComposition(sceneId, composition, Placement.REPLACE_SELECTION, 6, 10);

        reopen();

        Stitching.Pane pane = stitching.pane(sceneId);
        assertEquals(composition, pane.composition().prose());
        assertEquals(List.of(
                new Span(14, Provenance.variant("A", ids.get(0)), false, false),
                new Span(8, Provenance.WRITER, true, false),
                new Span(1, Provenance.WRITER, false, false),
                new Span(13, Provenance.variant("B", ids.get(1)), false, false)), pane.composition().prose().spans());
        assertEquals(Placement.REPLACE_SELECTION, pane.composition().placement());
        assertEquals(6, pane.composition().anchorStart());
        assertEquals(10, pane.composition().anchorEnd());
        assertEquals(ids, pane.composition().columns());
        assertEquals(List.of("The tide rose.", "Gulls argued."), texts(pane));
    }

    @Test
    void savingTheCompositionNeverTouchesTheScene() {
        stitching.saveComposition(sceneId, Prose.plain("Not yet."), Placement.REPLACE_SCENE, 0, 0);

        assertEquals(SCENE_TEXT, scene().prose().text());
        assertTrue(studio.scenes().revisions(sceneId).isEmpty());
    }

    @Test
    void anchorsAPlacementDoesNotUseAreNotKept() {
        stitching.saveComposition(sceneId, Prose.plain("x"), Placement.REPLACE_SCENE, 5, 9);
        Composition whole = stitching.pane(sceneId).composition();
        assertEquals(List.of(0, 0), List.of(whole.anchorStart(), whole.anchorEnd()));

        stitching.saveComposition(sceneId, Prose.plain("x"), Placement.AT_CURSOR, 5, 9);
        Composition cursor = stitching.pane(sceneId).composition();
        assertEquals(List.of(5, 5), List.of(cursor.anchorStart(), cursor.anchorEnd()));

        assertThrows(IllegalArgumentException.class,
                () -> stitching.saveComposition(sceneId, Prose.plain("x"), Placement.REPLACE_SELECTION, 9, 5));
    }

    private Prose tide(long variantId) {
        return Prose.from("The tide came in.", Provenance.variant("B", variantId));
    }

    @Test
    void acceptingToReplaceTheSceneMakesTheCompositionTheSceneText() {
        long b = generated("x", "The tide came in.").get(1);

        Scene accepted = stitching.accept(sceneId, tide(b), Placement.REPLACE_SCENE, 3, 8);

        assertEquals(new Prose("The tide came in.", List.of(new Span(17, Provenance.variant("B", b), false, false))),
                accepted.prose());
        assertEquals(accepted.prose(), scene().prose());
    }

    @Test
    void acceptingAtTheCursorInsertsTheCompositionThere() {
        long b = generated("x", "The tide came in.").get(1);

        Scene accepted = stitching.accept(sceneId, tide(b), Placement.AT_CURSOR, 6, 6);

        assertEquals("Odile The tide came in.read the screen.\nBert waited.", accepted.prose().text());
        assertEquals(List.of(
                Span.writer(6),
                new Span(17, Provenance.variant("B", b), false, false),
                Span.writer(SCENE_TEXT.length() - 6)), accepted.prose().spans());
        assertEquals(accepted.prose(), scene().prose());
    }

    @Test
    void atTheCursorTheSelectionEndIsIgnored() {
        long b = generated("The tide came in.").get(0);

        Scene accepted = stitching.accept(sceneId, tide(b), Placement.AT_CURSOR, 6, 10);

        assertEquals("Odile The tide came in.read the screen.\nBert waited.", accepted.prose().text());
    }

    @Test
    void anchorsThatCannotBeAreRefusedAndTheSceneIsUntouched() {
        assertThrows(IllegalArgumentException.class,
                () -> stitching.accept(sceneId, Prose.plain("x"), Placement.AT_CURSOR, -1, -1));
        assertThrows(IllegalArgumentException.class,
                () -> stitching.accept(sceneId, Prose.plain("x"), Placement.REPLACE_SELECTION, 10, 6));

        assertEquals(Prose.plain(SCENE_TEXT), scene().prose());
        assertTrue(studio.scenes().revisions(sceneId).isEmpty());
    }

    @Test
    void acceptingOverASelectionReplacesJustThatPassage() {
        long b = generated("x", "The tide came in.").get(1);

        Scene accepted = stitching.accept(sceneId, tide(b), Placement.REPLACE_SELECTION, 6, 10);

        assertEquals("Odile The tide came in. the screen.\nBert waited.", accepted.prose().text());
        assertEquals(List.of(
                Span.writer(6),
                new Span(17, Provenance.variant("B", b), false, false),
                Span.writer(SCENE_TEXT.length() - 10)), accepted.prose().spans());
        assertEquals(accepted.prose(), scene().prose());
    }

    @Test
    void anchorsBeyondTheSceneAreClampedToItsEnd() {
        long b = generated("The tide came in.").get(0);

        assertEquals(SCENE_TEXT + "The tide came in.",
                stitching.accept(sceneId, tide(b), Placement.AT_CURSOR, 500, 500).prose().text());

        int length = scene().prose().text().length();
        Scene selectedPastTheEnd = stitching.accept(sceneId, Prose.plain("!"), Placement.REPLACE_SELECTION,
                length - 1, length + 40);
        assertEquals(SCENE_TEXT + "The tide came in!", selectedPastTheEnd.prose().text());

        Scene bothPast = stitching.accept(sceneId, Prose.plain(" End."), Placement.REPLACE_SELECTION, 900, 950);
        assertEquals(SCENE_TEXT + "The tide came in! End.", bothPast.prose().text());
    }

    @Test
    void acceptClearsTheCompositionButKeepsTheColumns() {
        List<Long> ids = generated("x", "The tide came in.");
        stitching.showColumns(sceneId, ids);
        stitching.saveComposition(sceneId, tide(ids.get(1)), Placement.AT_CURSOR, 6, 6);

        stitching.accept(sceneId, tide(ids.get(1)), Placement.AT_CURSOR, 6, 6);

        Stitching.Pane pane = stitching.pane(sceneId);
        assertEquals(Prose.EMPTY, pane.composition().prose());
        assertEquals(ids, pane.composition().columns());
        assertEquals(Placement.REPLACE_SCENE, pane.composition().placement(), "the old cursor no longer applies");
        assertEquals(List.of("x", "The tide came in."), texts(pane));
    }

    @Test
    void acceptKeepsTheResultAsAnAcceptRevisionAndTheTextItReplacedCanBeRestored() {
        studio.scenes().saveProse(sceneId, Prose.plain("Odile typed this since the last kept revision."));
        long b = generated("The tide came in.").get(0);

        stitching.accept(sceneId, tide(b), Placement.REPLACE_SCENE, 0, 0);

        List<SceneRevision> revisions = studio.scenes().revisions(sceneId);
        assertEquals(List.of(SceneRevision.Kind.ACCEPT, SceneRevision.Kind.AUTOSAVE, SceneRevision.Kind.AUTOSAVE),
                revisions.stream().map(SceneRevision::kind).toList());
        assertEquals(tide(b), revisions.get(0).prose());
        assertEquals(List.of("The tide came in.", "Odile typed this since the last kept revision.", SCENE_TEXT),
                revisions.stream().map(r -> r.prose().text()).toList());

        studio.scenes().restore(revisions.get(1));

        assertEquals(Prose.plain("Odile typed this since the last kept revision."), scene().prose());
    }

    @Test
    void acceptingIntoASceneNeverEditedKeepsItsFirstText() {
        long b = generated("The tide came in.").get(0);

        stitching.accept(sceneId, tide(b), Placement.AT_CURSOR, 0, 0);

        List<SceneRevision> revisions = studio.scenes().revisions(sceneId);
        assertEquals(2, revisions.size());
        assertEquals(Prose.plain(SCENE_TEXT), revisions.get(1).prose());
    }

    @Test
    void textAlreadyKeptAsTheNewestRevisionIsNotKeptTwice() {
        long b = generated("The tide came in.").get(0);
        stitching.accept(sceneId, tide(b), Placement.REPLACE_SCENE, 0, 0);

        stitching.accept(sceneId, Prose.plain("Mine."), Placement.REPLACE_SCENE, 0, 0);

        assertEquals(List.of("Mine.", "The tide came in.", SCENE_TEXT),
                studio.scenes().revisions(sceneId).stream().map(r -> r.prose().text()).toList());
    }

    @Test
    void acceptIsOneTransactionSoAFailureLeavesSceneRevisionsAndCompositionAsTheyWere() {
        long b = generated("The tide came in.").get(0);
        stitching.showColumns(sceneId, List.of(b));
        stitching.saveComposition(sceneId, tide(b), Placement.REPLACE_SCENE, 0, 0);
        studio.database().write("make clearing the composition fail", c -> {
            try (var st = c.createStatement()) {
                st.execute("CREATE TRIGGER refuse BEFORE UPDATE ON composition BEGIN SELECT RAISE(ABORT, 'refused'); END");
            }
            return null;
        });

        assertThrows(PersistenceException.class,
                () -> stitching.accept(sceneId, tide(b), Placement.REPLACE_SCENE, 0, 0));

        assertEquals(Prose.plain(SCENE_TEXT), scene().prose());
        assertTrue(studio.scenes().revisions(sceneId).isEmpty());
        assertEquals(tide(b), stitching.pane(sceneId).composition().prose());
    }

    @Test
    void ratingAndNotePersist() {
        List<Long> ids = generated("First.", "Second.");
        stitching.showColumns(sceneId, ids);

        stitching.rate(ids.get(1), 4, "the gulls line is good");
        reopen();

        Variant rated = stitching.pane(sceneId).columns().get(1).variant();
        assertEquals(4, rated.rating());
        assertEquals("the gulls line is good", rated.note());
        assertNull(stitching.pane(sceneId).columns().get(0).variant().rating());

        stitching.rate(ids.get(1), null, "");
        Variant cleared = stitching.pane(sceneId).columns().get(1).variant();
        assertNull(cleared.rating());
        assertEquals("", cleared.note());

        assertThrows(IllegalArgumentException.class, () -> stitching.rate(ids.get(1), 6, ""));
        assertThrows(IllegalArgumentException.class, () -> stitching.rate(ids.get(1), 0, ""));
    }
}
