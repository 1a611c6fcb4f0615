package dev.quire.ui.binder;

import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
import dev.quire.model.SceneHeader;
import dev.quire.ui.SampleLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinderViewModelTest {

    private static final List<String> SAMPLE_SCENES = List.of(
            "Nine O’Clock, Greenwich Time", "The Crossed Sevens", "Across the Hard", "Don’t Round");

    @TempDir
    Path dir;

    private SampleLibrary library;
    private BinderViewModel binder;

    @BeforeEach
    void openSampleStory() {
        library = SampleLibrary.open(dir);
        binder = new BinderViewModel(library.studio(), library.background(), library.storyId());
        binder.reload();
    }

    @AfterEach
    void close() {
        library.close();
    }

    private static List<String> titles(List<SceneHeader> headers) {
        return headers.stream().map(SceneHeader::title).toList();
    }

    private static List<Long> ids(List<SceneHeader> headers) {
        return headers.stream().map(SceneHeader::id).toList();
    }

    @Test
    void reloadListsTheSampleStorysScenesInOrderWithItsCharactersAndLore() {
        assertEquals(SAMPLE_SCENES, titles(binder.scenes()));
        assertEquals(List.of("Odile Farrant", "Bertram Yeo", "Maud Iredale"),
                binder.characters().stream().map(CharacterSheet::name).toList());
        assertEquals(5, binder.lore().size());
        assertTrue(binder.lore().stream().map(LoreEntry::title).noneMatch(String::isBlank));
        assertEquals("", binder.problemProperty().get());
    }

    @Test
    void movingASceneReordersTheBinderAtOnceAndTheLibraryAfterwards() {
        List<Long> before = ids(binder.scenes());
        long first = before.get(0);

        binder.moveScene(first, 2);
        List<Long> expected = List.of(before.get(1), before.get(2), first, before.get(3));
        assertEquals(expected, ids(binder.scenes()), "the binder shows the new order before the write lands");

        library.settle();
        assertEquals(expected, ids(library.headers()));
        assertEquals(expected, ids(binder.scenes()));
        assertEquals(List.of(0, 1, 2, 3), binder.scenes().stream().map(SceneHeader::position).toList(),
                "after the reload the positions (the binder's numbering) follow the order");
    }

    @Test
    void movingASceneBeyondTheEndStopsAtTheLastPlace() {
        List<Long> before = ids(binder.scenes());

        binder.moveScene(before.get(2), 99);
        library.settle();

        assertEquals(List.of(before.get(0), before.get(1), before.get(3), before.get(2)), ids(library.headers()));
    }

    @Test
    void deletingASceneRemovesItFromTheBinderAndTheLibrary() {
        SceneHeader second = binder.scenes().get(1);

        binder.deleteScene(second.id());
        library.settle();

        assertEquals(3, binder.scenes().size());
        assertTrue(binder.scenes().stream().noneMatch(h -> h.id() == second.id()));
        assertTrue(library.studio().scenes().get(second.id()).isEmpty());
        assertEquals(List.of(0, 1, 2), library.headers().stream().map(SceneHeader::position).toList());
    }

    @Test
    void addingASceneAfterAPositionInsertsItThereAndOpensIt() {
        AtomicLong opened = new AtomicLong(-1);

        binder.addScene(0, opened::set);
        library.settle();

        assertEquals(5, binder.scenes().size());
        assertEquals(binder.scenes().get(1).id(), opened.get(), "the new scene comes right after the first");
        assertEquals(opened.get(), library.headers().get(1).id());
        assertEquals(SAMPLE_SCENES.get(1), binder.scenes().get(2).title());
    }

    @Test
    void addingASceneWithNothingSelectedPutsItAtTheEnd() {
        AtomicLong opened = new AtomicLong(-1);

        binder.addScene(-1, opened::set);
        library.settle();

        assertEquals(opened.get(), binder.scenes().get(4).id());
        assertEquals(opened.get(), library.headers().get(4).id());
    }

    @Test
    void aSavedSceneUpdatesItsTitleAndWordsAndTheStoryTotal() {
        SceneHeader third = binder.scenes().get(2);
        int totalBefore = binder.storyWords().get();

        binder.sceneSaved(third.id(), "Low Water", 12);

        SceneHeader now = binder.scenes().get(2);
        assertEquals(third.id(), now.id());
        assertEquals("Low Water", now.title());
        assertEquals(12, now.words());
        assertEquals(totalBefore - third.words() + 12, binder.storyWords().get());
    }
}
