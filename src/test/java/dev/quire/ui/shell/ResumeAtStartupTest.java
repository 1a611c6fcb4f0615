package dev.quire.ui.shell;

import dev.quire.model.Prose;
import dev.quire.model.SceneHeader;
import dev.quire.ui.SampleLibrary;
import dev.quire.ui.common.Background;
import dev.quire.ui.editor.SceneEditorViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What start-up reads beside the toolkit, so the first frame shows the story whole. */
class ResumeAtStartupTest {

    @TempDir
    Path dir;

    private SampleLibrary library;

    @BeforeEach
    void open() {
        library = SampleLibrary.open(dir);
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void theResumeIsTheStoryLastOpenItsBinderAndTheSceneLastWorkedOnAsItsEditorOpensIt() {
        List<SceneHeader> scenes = library.headers();
        SceneHeader third = scenes.get(2);
        library.studio().settings().put(MainViewModel.LAST_STORY_KEY, Long.toString(library.storyId()));
        library.studio().settings().put("ui.last-scene." + library.storyId(), Long.toString(third.id()));

        MainViewModel.Resume resume = MainViewModel.readResume(library.studio()).orElseThrow();

        assertEquals(library.storyId(), resume.story().id());
        assertEquals(scenes.stream().map(SceneHeader::id).toList(),
                resume.binder().scenes().stream().map(SceneHeader::id).toList());
        assertEquals(library.characters().size(), resume.binder().characters().size());
        assertEquals(third.id(), resume.scene().scene().id());
        assertEquals(library.studio().scenes().get(third.id()).orElseThrow().prose(), resume.scene().scene().prose());
    }

    @Test
    void openingTheResumeShowsTheStoryAtOnceWithItsSceneReadAlready() {
        MainViewModel model = new MainViewModel(library.studio(), library.background());
        MainViewModel.Resume resume = MainViewModel.readResume(library.studio()).orElseThrow();

        model.open(resume);

        MainViewModel.OpenStory open = model.openStoryProperty().get();
        assertNotNull(open, "no waiting for a read: the story is open when open returns");
        assertEquals(resume.story().id(), open.story().id());
        assertEquals(resume.scene().scene().id(), open.resumeScene());
        assertSame(resume.scene(), open.resumeRead());
        assertEquals(resume.binder().scenes(), List.copyOf(open.binder().scenes()), "the binder lists it already");
    }

    @Test
    void aSceneReadAlreadyIsShownWhenItsEditorLoadsWithoutReadingTheLibraryAgain() {
        MainViewModel.Resume resume = MainViewModel.readResume(library.studio()).orElseThrow();
        long sceneId = resume.scene().scene().id();
        // a background that is closed: its reads never run, so only a scene read already can be shown
        Background closed = Background.create();
        closed.close();
        SceneEditorViewModel editor = new SceneEditorViewModel(library.studio(), closed, library.status(), sceneId,
                (id, title, words) -> { });
        AtomicReference<Prose> shown = new AtomicReference<>();

        editor.preload(resume.scene());
        editor.load(closed, shown::set);

        assertEquals(SceneEditorViewModel.State.READY, editor.stateProperty().get());
        assertEquals(resume.scene().scene().prose(), shown.get());
    }

    @Test
    void anEmptyLibraryHasNothingToResume() {
        library.studio().stories().list().forEach(s -> library.studio().stories().delete(s.id()));
        assertTrue(MainViewModel.readResume(library.studio()).isEmpty());
    }
}
