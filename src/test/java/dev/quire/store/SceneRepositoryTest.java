package dev.quire.store;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.SceneHeader;
import dev.quire.model.SceneRevision;
import dev.quire.model.Span;
import dev.quire.model.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneRepositoryTest {

    @TempDir
    Path dir;

    private Path file;
    private Database db;
    private SceneRepository scenes;
    private long storyId;

    @BeforeEach
    void open() {
        file = dir.resolve("quire.db");
        db = Database.open(file);
        scenes = new SceneRepository(db);
        storyId = new StoryRepository(db).create(Story.titled("Story")).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Appends scenes titled by the given letters and returns their ids in that order. */
    private List<Long> appendAll(String... titles) {
        List<Long> ids = new ArrayList<>();
        for (String t : titles) {
            ids.add(scenes.append(Scene.titled(storyId, t)).id());
        }
        return ids;
    }

    /** Titles in story order, asserting positions run 0, 1, 2… with no gap. */
    private String order() {
        return order(storyId);
    }

    private String order(long story) {
        List<SceneHeader> headers = scenes.headers(story);
        assertEquals(IntStream.range(0, headers.size()).boxed().toList(),
                headers.stream().map(SceneHeader::position).toList(), "positions are contiguous from 0");
        StringBuilder sb = new StringBuilder();
        headers.forEach(h -> sb.append(h.title()));
        return sb.toString();
    }

    @Test
    void appendedScenesFollowEachOtherInStoryOrder() {
        appendAll("A", "B", "C");

        assertEquals("ABC", order());
    }

    @Test
    void sceneRoundTripsWithDetailsAndCharactersPresent() {
        CharacterRepository characters = new CharacterRepository(db);
        long odile = characters.create(CharacterSheet.named(storyId, "Odile")).id();
        long maud = characters.create(CharacterSheet.named(storyId, "Maud")).id();

        Scene created = scenes.append(new Scene(0, storyId, 99, "Nine O'Clock", Prose.plain("She read the screen."),
                "Odile takes the reading.", odile, List.of(maud, odile), true, null));
        Scene loaded = scenes.get(created.id()).orElseThrow();

        assertEquals(created, loaded);
        assertEquals(storyId, loaded.storyId());
        assertEquals(0, loaded.position());
        assertEquals("Nine O'Clock", loaded.title());
        assertEquals(Prose.plain("She read the screen."), loaded.prose());
        assertEquals("Odile takes the reading.", loaded.summary());
        assertEquals(odile, loaded.povCharacterId());
        assertEquals(List.of(Math.min(odile, maud), Math.max(odile, maud)), loaded.characterIds());
        assertTrue(loaded.pinned());
        assertEquals(4, scenes.headers(storyId).get(0).words());
    }

    @Test
    void missingSceneIsEmpty() {
        assertTrue(scenes.get(777).isEmpty());
    }

    @Test
    void allReturnsWholeScenesInStoryOrder() {
        scenes.append(Scene.titled(storyId, "B").withProse(Prose.plain("second")));
        scenes.insert(Scene.titled(storyId, "A").withProse(Prose.plain("first")), 0);

        List<Scene> all = scenes.all(storyId);

        assertEquals(List.of("A", "B"), all.stream().map(Scene::title).toList());
        assertEquals(List.of("first", "second"), all.stream().map(s -> s.prose().text()).toList());
    }

    @ParameterizedTest(name = "insert at {0} into ABC gives {1}")
    @CsvSource({
            "0, XABC",
            "1, AXBC",
            "2, ABXC",
            "3, ABCX",
            "99, ABCX",
            "-4, XABC",
    })
    void insertingAtAPositionShiftsLaterScenesDown(int position, String expected) {
        appendAll("A", "B", "C");

        Scene inserted = scenes.insert(Scene.titled(storyId, "X"), position);

        assertEquals(expected, order());
        assertEquals(expected.indexOf('X'), inserted.position());
    }

    @ParameterizedTest(name = "move {0} to {1} in ABCDE gives {2}")
    @CsvSource({
            "C, 0, CABDE",
            "C, 1, ACBDE",
            "B, 3, ACDBE",
            "A, 4, BCDEA",
            "E, 0, EABCD",
            "D, 2, ABDCE",
            "A, 99, BCDEA",
            "E, -5, EABCD",
            "C, 2, ABCDE",
    })
    void movingASceneKeepsPositionsContiguous(String title, int to, String expected) {
        List<Long> ids = appendAll("A", "B", "C", "D", "E");

        scenes.move(ids.get(title.charAt(0) - 'A'), to);

        assertEquals(expected, order());
    }

    @ParameterizedTest(name = "delete {0} from ABCD gives {1}")
    @CsvSource({"A, BCD", "B, ACD", "D, ABC"})
    void deletingASceneRenumbersTheScenesAfterIt(String title, String expected) {
        List<Long> ids = appendAll("A", "B", "C", "D");

        scenes.delete(ids.get(title.charAt(0) - 'A'));

        assertEquals(expected, order());
        assertTrue(scenes.get(ids.get(title.charAt(0) - 'A')).isEmpty());
    }

    @Test
    void deletingAMissingSceneChangesNothing() {
        appendAll("A", "B");

        scenes.delete(4242);

        assertEquals("AB", order());
    }

    @Test
    void reorderingInOneStoryLeavesAnotherStoryAlone() {
        long other = new StoryRepository(db).create(Story.titled("Other")).id();
        scenes.append(Scene.titled(other, "x"));
        scenes.append(Scene.titled(other, "y"));
        List<Long> ids = appendAll("A", "B", "C");

        scenes.move(ids.get(2), 0);
        scenes.insert(Scene.titled(storyId, "D"), 1);
        scenes.delete(ids.get(0));

        assertEquals("CDB", order());
        assertEquals("xy", order(other));
    }

    @Test
    void movingAMissingSceneSaysItIsGone() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> scenes.move(31337, 0));
        assertTrue(e.getMessage().contains("Scene 31337 is no longer in the library"), e.getMessage());
    }

    @Test
    void proseSpansRoundTripWithStylesAndProvenance() {
        Prose prose = new Prose.Builder()
                .append("Plain start. ")
                .append("italic", Provenance.WRITER, true, false)
                .append(" bold", Provenance.WRITER, false, true)
                .append(" both", Provenance.WRITER, true, true)
                .append("\nFrom variant A, ", Provenance.variant("A", 41L), false, false)
                .append("in italics,", Provenance.variant("A", 41L), true, false)
                .append(" from B", Provenance.variant("B", 42L), false, true)
                .append(" and an unsaved C.", Provenance.variant("C", null), false, false)
                .build();
        Scene scene = scenes.append(Scene.titled(storyId, "Stitched"));

        scenes.saveProse(scene.id(), prose);
        Prose loaded = scenes.get(scene.id()).orElseThrow().prose();

        assertEquals(prose, loaded);
        assertEquals(8, loaded.spans().size());
        Span fromB = loaded.spans().get(6);
        assertEquals(Provenance.variant("B", 42L), fromB.provenance());
        assertTrue(fromB.bold());
        assertNull(loaded.spans().get(7).provenance().variantId());
        assertEquals(Provenance.WRITER, loaded.spans().get(1).provenance());
        assertTrue(loaded.spans().get(1).italic());
    }

    @Test
    void proseAddedWithANewSceneRoundTripsToo() {
        Prose prose = new Prose.Builder().append("Her ").append("hand", Provenance.variant("A", 7L), true, true)
                .append(".").build();

        Scene scene = scenes.append(Scene.titled(storyId, "s").withProse(prose));

        assertEquals(prose, scenes.get(scene.id()).orElseThrow().prose());
    }

    @Test
    void savingProseUpdatesTheWordCountTheBinderShows() {
        Scene scene = scenes.append(Scene.titled(storyId, "s"));

        scenes.saveProse(scene.id(), Prose.plain("Don't round the well-kept numbers, Bert said."));

        assertEquals(7, scenes.headers(storyId).get(0).words());
        assertEquals(7, new StoryRepository(db).list().get(0).words());
    }

    @Test
    void firstSaveOfASceneKeepsARevision() {
        Scene scene = scenes.append(Scene.titled(storyId, "s"));

        scenes.saveProse(scene.id(), Prose.plain("first draft"));

        List<SceneRevision> revisions = scenes.revisions(scene.id());
        assertEquals(1, revisions.size());
        assertEquals(SceneRevision.Kind.AUTOSAVE, revisions.get(0).kind());
        assertEquals(Prose.plain("first draft"), revisions.get(0).prose());
        assertEquals(2, revisions.get(0).words());
    }

    @Test
    void theFirstEditOfASceneCreatedWithTextKeepsThatTextAsARevision() {
        Prose draft = Prose.plain("The model's first version of the morning.");
        Scene scene = scenes.append(Scene.titled(storyId, "s").withProse(draft));

        scenes.saveProse(scene.id(), Prose.plain("The writer's rewrite."));

        List<SceneRevision> revisions = scenes.revisions(scene.id());
        assertEquals(List.of(draft), revisions.stream().map(SceneRevision::prose).toList(),
                "the original draft stays recoverable; the rewrite is the scene itself");
        assertEquals(Prose.plain("The writer's rewrite."), scenes.get(scene.id()).orElseThrow().prose());
    }

    @Test
    void savesWithinTheRevisionSpacingShareOneRevision() {
        Scene scene = scenes.append(Scene.titled(storyId, "s"));

        scenes.saveProse(scene.id(), Prose.plain("one"));
        scenes.saveProse(scene.id(), Prose.plain("one two"));
        scenes.saveProse(scene.id(), Prose.plain("one two three"));

        List<SceneRevision> revisions = scenes.revisions(scene.id());
        assertEquals(1, revisions.size());
        assertEquals("one", revisions.get(0).prose().text());
        assertEquals("one two three", scenes.get(scene.id()).orElseThrow().prose().text());
    }

    @Test
    void saveAfterTheRevisionSpacingKeepsAnotherRevision() {
        Scene scene = scenes.append(Scene.titled(storyId, "s"));
        scenes.saveProse(scene.id(), Prose.plain("morning"));
        long longAgo = System.currentTimeMillis() - SceneRepository.REVISION_SPACING.toMillis() - 60_000;
        Jdbc.execute(file, "UPDATE scene_revision SET created_at = " + longAgo);

        scenes.saveProse(scene.id(), Prose.plain("afternoon"));
        scenes.saveProse(scene.id(), Prose.plain("afternoon tea"));

        assertEquals(List.of("afternoon", "morning"),
                scenes.revisions(scene.id()).stream().map(r -> r.prose().text()).toList());
    }

    @Test
    void keptRevisionIsListedNewestFirstWithItsKind() {
        Scene scene = scenes.append(Scene.titled(storyId, "s"));
        scenes.saveProse(scene.id(), Prose.plain("typed"));
        Prose stitched = new Prose.Builder().append("stitched", Provenance.variant("B", 3L), false, false).build();

        SceneRevision kept = scenes.keepRevision(scene.id(), SceneRevision.Kind.ACCEPT, stitched);

        List<SceneRevision> revisions = scenes.revisions(scene.id());
        assertEquals(2, revisions.size());
        assertEquals(kept, revisions.get(0));
        assertEquals(SceneRevision.Kind.ACCEPT, revisions.get(0).kind());
        assertEquals(stitched, revisions.get(0).prose());
        assertEquals(SceneRevision.Kind.AUTOSAVE, revisions.get(1).kind());
    }

    @Test
    void restoringARevisionKeepsTheReplacedTextAsABeforeRestoreRevision() {
        Scene scene = scenes.append(Scene.titled(storyId, "s"));
        scenes.saveProse(scene.id(), Prose.plain("the good version"));
        SceneRevision good = scenes.revisions(scene.id()).get(0);
        Prose mangled = new Prose.Builder().append("a ").append("worse", Provenance.WRITER, true, false)
                .append(" version").build();
        scenes.saveProse(scene.id(), mangled);

        scenes.restore(good);

        assertEquals(Prose.plain("the good version"), scenes.get(scene.id()).orElseThrow().prose());
        List<SceneRevision> revisions = scenes.revisions(scene.id());
        SceneRevision before = revisions.stream().filter(r -> r.kind() == SceneRevision.Kind.BEFORE_RESTORE)
                .findFirst().orElseThrow();
        assertEquals(mangled, before.prose());
        assertEquals(3, before.words());
        assertEquals(3, scenes.headers(storyId).get(0).words());
    }

    @Test
    void savingDetailsChangesTitleSummaryPovCharactersAndPinButNotText() {
        CharacterRepository characters = new CharacterRepository(db);
        long bert = characters.create(CharacterSheet.named(storyId, "Bert")).id();
        long odile = characters.create(CharacterSheet.named(storyId, "Odile")).id();
        Scene scene = scenes.append(new Scene(0, storyId, 0, "Old", Prose.plain("Keep this text."), "old summary",
                bert, List.of(bert), false, null));

        scenes.saveDetails(scene.withDetails("New", "new summary", odile, List.of(odile, odile), true)
                .withProse(Prose.plain("Not saved by saveDetails.")));

        Scene loaded = scenes.get(scene.id()).orElseThrow();
        assertEquals("New", loaded.title());
        assertEquals("new summary", loaded.summary());
        assertEquals(odile, loaded.povCharacterId());
        assertEquals(List.of(odile), loaded.characterIds());
        assertTrue(loaded.pinned());
        assertEquals("Keep this text.", loaded.prose().text());
    }

    @Test
    void savingDetailsOfADeletedSceneSaysItIsGone() {
        Scene scene = scenes.append(Scene.titled(storyId, "s"));
        scenes.delete(scene.id());

        PersistenceException e = assertThrows(PersistenceException.class, () -> scenes.saveDetails(scene));
        assertTrue(e.getMessage().contains("no longer in the library"), e.getMessage());
        assertThrows(PersistenceException.class, () -> scenes.saveProse(scene.id(), Prose.plain("lost?")));
    }

    @Test
    void addingASceneWithAnUnknownCharacterLeavesTheStoryUntouched() {
        appendAll("A", "B");

        PersistenceException e = assertThrows(PersistenceException.class,
                () -> scenes.insert(new Scene(0, storyId, 0, "X", Prose.plain("text"), "", null, List.of(9999L),
                        false, null), 0));

        assertTrue(e.getMessage().startsWith("Could not add the scene \"X\""), e.getMessage());
        assertEquals("AB", order());
        assertEquals(2, Jdbc.count(file, "scene"));
    }

    @Test
    void deletingACharacterClearsThePovAndPresenceButKeepsTheScene() {
        CharacterRepository characters = new CharacterRepository(db);
        long bert = characters.create(CharacterSheet.named(storyId, "Bert")).id();
        Scene scene = scenes.append(new Scene(0, storyId, 0, "s", Prose.plain("text"), "", bert, List.of(bert),
                false, null));

        characters.delete(bert);

        Scene loaded = scenes.get(scene.id()).orElseThrow();
        assertNull(loaded.povCharacterId());
        assertEquals(List.of(), loaded.characterIds());
        assertEquals("text", loaded.prose().text());
    }

    @Test
    void deletingASceneRemovesItsRevisionsButKeepsItsGenerationsAndVariants() {
        Scene scene = scenes.append(Scene.titled(storyId, "s"));
        scenes.saveProse(scene.id(), Prose.plain("draft"));
        GenerationRepository generations = new GenerationRepository(db);
        Generation g = generations.create(new Generation(0, storyId, scene.id(), null, "scene", "openai", "gpt",
                "[]", null, null, 3, null, null, null, Generation.Status.STREAMING, null));
        generations.saveVariant(g.id(), 1, "A variant that already arrived.", dev.quire.model.Variant.Status.COMPLETE,
                "stop", null);

        scenes.delete(scene.id());

        assertEquals(0, Jdbc.count(file, "scene_revision"));
        Generation kept = generations.get(g.id()).orElseThrow();
        assertNull(kept.sceneId());
        assertEquals("A variant that already arrived.", generations.variants(g.id()).get(1).text());
        assertEquals(Arrays.asList(0, 1, 2), generations.variants(g.id()).stream().map(v -> v.index()).toList());
    }

    /** Three scenes of the story, out of insertion order, with text from variants, POVs, casts and a pin. */
    private void storyWithCastAndProvenance() {
        CharacterRepository characters = new CharacterRepository(db);
        long maud = characters.create(CharacterSheet.named(storyId, "Maud")).id();
        long ned = characters.create(CharacterSheet.named(storyId, "Ned")).id();
        long[] ids = appendAll("A", "B", "C").stream().mapToLong(Long::longValue).toArray();
        scenes.saveProse(ids[0], new Prose.Builder().append("Plain, ")
                .append("from A", Provenance.variant("A", 41L), true, false)
                .append(" and B.", Provenance.variant("B", null), false, true).build());
        Scene a = scenes.get(ids[0]).orElseThrow();
        scenes.saveDetails(a.withDetails("A", "The fair", maud, List.of(ned, maud), true));
        Scene c = scenes.get(ids[2]).orElseThrow();
        scenes.saveDetails(c.withDetails("C", "", null, List.of(ned), false));
        scenes.saveProse(ids[2], Prose.plain("Only the writer here."));
        scenes.move(ids[2], 0);
        long other = new StoryRepository(db).create(Story.titled("Other")).id();
        scenes.append(Scene.titled(other, "Elsewhere"));
    }

    @Test
    void allGivesEachSceneExactlyAsLoadingItAloneDoes() {
        storyWithCastAndProvenance();

        List<Scene> one = scenes.headers(storyId).stream().map(h -> scenes.get(h.id()).orElseThrow()).toList();
        List<Scene> all = scenes.all(storyId);

        assertEquals(one, all);
        assertEquals(List.of("C", "A", "B"), all.stream().map(Scene::title).toList());
        assertEquals(Provenance.variant("A", 41L), all.get(1).prose().spans().get(1).provenance());
        assertEquals(2, all.get(1).characterIds().size());
    }

    @ParameterizedTest
    @CsvSource({"3", "40", "120"})
    void allRunsTwoStatementsHoweverManyScenesTheStoryHas(int count) {
        storyWithCastAndProvenance();
        for (int i = 3; i < count; i++) {
            scenes.append(Scene.titled(storyId, "Scene " + i));
        }
        AtomicInteger statements = new AtomicInteger();

        List<Scene> all = db.read("count", c -> SceneRepository.all(counting(c, statements), storyId));

        assertEquals(count, all.size());
        assertEquals(2, statements.get());
    }

    /** The connection, counting every statement prepared or created on it. */
    private static Connection counting(Connection c, AtomicInteger statements) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
