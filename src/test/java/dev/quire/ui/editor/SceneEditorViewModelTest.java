package dev.quire.ui.editor;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.ui.SampleLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneEditorViewModelTest {

    @TempDir
    Path dir;

    private SampleLibrary library;
    private Scene original;
    private SceneEditorViewModel editor;
    /** Stands in for the editor control's document. */
    private final AtomicReference<Prose> document = new AtomicReference<>();
    private final List<String> savedTitles = new ArrayList<>();

    @BeforeEach
    void openFirstScene() {
        library = SampleLibrary.open(dir);
        original = library.studio().scenes().get(library.headers().get(0).id()).orElseThrow();
        editor = new SceneEditorViewModel(library.studio(), library.background(), library.status(), original.id(),
                (id, title, words) -> savedTitles.add(title + ":" + words));
        editor.readTextFrom(document::get);
        editor.load(library.background(), document::set);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private Scene stored() {
        return library.studio().scenes().get(original.id()).orElseThrow();
    }

    @Test
    void loadingShowsTheSceneAndIsNotAnEdit() {
        assertEquals(SceneEditorViewModel.State.READY, editor.stateProperty().get());
        assertEquals(original.prose(), document.get());
        assertEquals(original.title(), editor.titleProperty().get());
        assertEquals(original.wordCount(), editor.wordsProperty().get());
        assertEquals(original.characterIds(), List.copyOf(editor.present()));
        assertEquals(original.povCharacterId(), editor.povProperty().get().id());
        assertFalse(editor.hasUnsavedChanges());
    }

    @Test
    void restoringARevisionPutsItsTextBackAndKeepsTheReplacedText() throws Exception {
        Prose rewritten = Prose.plain("A shorter morning: the clock, the watch, the door.");
        document.set(rewritten);
        editor.textChanged(rewritten.wordCount());
        editor.flush();
        List<dev.quire.model.SceneRevision> before = new ArrayList<>();
        editor.revisions(before::addAll);
        dev.quire.model.SceneRevision sampleText = before.stream()
                .filter(r -> r.prose().equals(original.prose())).findFirst().orElseThrow();

        editor.restore(sampleText, document::set);
        library.settle();

        assertEquals(original.prose(), stored().prose());
        assertEquals(original.prose(), document.get(), "the editor shows the restored text");
        assertFalse(editor.hasUnsavedChanges(), "restoring is not an edit to save again");
        List<dev.quire.model.SceneRevision> after = library.studio().scenes().revisions(original.id());
        assertTrue(after.stream().anyMatch(r -> r.kind() == dev.quire.model.SceneRevision.Kind.BEFORE_RESTORE
                && r.prose().equals(rewritten)), "the rewritten text is kept");
    }

    @Test
    void editedTextIsStoredOnFlush() {
        Prose edited = new Prose.Builder().append("The kitchen clock said ten. ")
                .append("Nine", Provenance.WRITER, true, false).append(", said the watch.").build();
        document.set(edited);
        editor.textChanged(edited.wordCount());

        editor.flush();

        assertEquals(edited, stored().prose());
        assertEquals(edited.wordCount(), stored().wordCount());
        assertEquals(List.of(original.title() + ":" + edited.wordCount()), savedTitles,
                "the binder hears the new word count");
    }

    @Test
    void titleAndSummaryAreStoredOnFlush() {
        editor.titleProperty().set("Greenwich Time");
        editor.summaryProperty().set("Odile finds the watch an hour behind.");

        editor.flush();

        assertEquals("Greenwich Time", stored().title());
        assertEquals("Odile finds the watch an hour behind.", stored().summary());
        assertEquals(original.prose(), stored().prose(), "the untouched text is kept");
    }

    @Test
    void pinIsStoredOnFlush() {
        editor.pinnedProperty().set(true);

        editor.flush();

        assertTrue(stored().pinned());
    }

    @Test
    void pointOfViewIsStoredOnFlush() {
        CharacterSheet maud = editor.characters().stream().filter(c -> c.name().equals("Maud Iredale"))
                .findFirst().orElseThrow();
        editor.povProperty().set(maud);

        editor.flush();
        assertEquals(maud.id(), stored().povCharacterId());

        editor.povProperty().set(null);
        editor.flush();
        assertNull(stored().povCharacterId());
    }

    @Test
    void charactersPresentAreStoredOnFlush() {
        CharacterSheet bert = editor.characters().stream().filter(c -> c.name().equals("Bertram Yeo"))
                .findFirst().orElseThrow();
        long removed = editor.present().get(0);
        editor.present().add(bert.id());
        editor.present().remove(removed);

        editor.flush();

        assertTrue(stored().characterIds().contains(bert.id()));
        assertFalse(stored().characterIds().contains(removed));
        assertEquals(original.characterIds().size(), stored().characterIds().size());
    }

    @Test
    void aDiscardedSceneIsNotSavedAgain() {
        editor.titleProperty().set("Edited before the scene was deleted");
        editor.discard();

        editor.titleProperty().set("Edited after");
        document.set(Prose.plain("Typed after the delete."));
        editor.textChanged(4);
        editor.flush();
        library.settle();

        assertFalse(editor.hasUnsavedChanges());
        assertEquals(original.title(), stored().title());
        assertEquals(original.prose(), stored().prose());
        assertTrue(savedTitles.isEmpty());
    }

    @Test
    void aSceneDeletedBeforeLoadingSaysSo() {
        library.studio().scenes().delete(original.id());
        SceneEditorViewModel gone = new SceneEditorViewModel(library.studio(), library.background(),
                library.status(), original.id(), (id, title, words) -> { });

        gone.load(library.background(), p -> { });

        assertEquals(SceneEditorViewModel.State.MISSING, gone.stateProperty().get());
        assertEquals("This scene is no longer in the library.", gone.problemProperty().get());
    }
}
