package dev.quire.ui.sheets;

import dev.quire.model.LoreEntry;
import dev.quire.model.LoreEntry.SecondaryLogic;
import dev.quire.ui.SampleLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lore entry form: pattern keys kept whole, secondary keys and their logic, and a clear word on a bad key. */
class LoreEntryViewModelTest {

    @TempDir
    Path dir;

    private SampleLibrary library;
    private LoreEntry loaded;
    private LoreEntryViewModel form;

    @BeforeEach
    void open() {
        library = SampleLibrary.open(dir);
        loaded = library.studio().lore().list(library.storyId()).get(0);
        form = new LoreEntryViewModel(library.studio(), library.background(), library.status(), loaded,
                (id, title) -> { });
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void aPatternWithACommaStaysOneKey() {
        assertEquals(List.of("causeway", "/ledg(er){1,2}s?/i", "the hard"),
                LoreEntryViewModel.keys("causeway, /ledg(er){1,2}s?/i, the hard"));
        assertEquals(List.of("/a,b/", "/c/"), LoreEntryViewModel.keys("/a,b/, /c/"));
        assertEquals(List.of("x", "/unfinished, y"), LoreEntryViewModel.keys("x, /unfinished, y"));
    }

    @Test
    void anInvalidPatternIsNamedOnTheEntryAndTheNewFieldsAreSaved() {
        assertEquals("", form.keyProblemProperty().get());
        form.keywordsProperty().set("causeway, /(?=tide)/");
        assertTrue(form.keyProblemProperty().get().contains("/(?=tide)/"), form.keyProblemProperty().get());
        form.keywordsProperty().set("causeway, /tides?/i");
        assertEquals("", form.keyProblemProperty().get());

        form.secondaryKeywordsProperty().set("flood, storm");
        form.secondaryLogicProperty().set(SecondaryLogic.NOT_ALL);
        form.priorityProperty().set(40);
        form.scanDepthProperty().set(5);
        form.flush();
        library.settle();

        LoreEntry stored = library.studio().lore().get(loaded.id()).orElseThrow();
        assertEquals(List.of("causeway", "/tides?/i"), stored.keywords());
        assertEquals(List.of("flood", "storm"), stored.secondaryKeywords());
        assertEquals(SecondaryLogic.NOT_ALL, stored.secondaryLogic());
        assertEquals(40, stored.priority());
        assertEquals(5, stored.scanDepth());
        assertEquals(loaded.content(), stored.content());
    }
}
