package dev.quire.ui.sheets;

import dev.quire.model.CharacterSheet;
import dev.quire.model.CharacterSheet.Field;
import dev.quire.model.Fact;
import dev.quire.ui.SampleLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharacterSheetViewModelTest {

    @TempDir
    Path dir;

    private SampleLibrary library;
    private CharacterSheet odile;
    private CharacterSheetViewModel sheet;
    private final List<String> renames = new ArrayList<>();

    @BeforeEach
    void openOdile() {
        library = SampleLibrary.open(dir);
        odile = library.characters().get(0);
        sheet = new CharacterSheetViewModel(library.studio(), library.background(), library.status(), odile,
                (id, name) -> renames.add(name));
    }

    @AfterEach
    void close() {
        library.close();
    }

    private CharacterSheet stored() {
        return library.studio().characters().get(odile.id()).orElseThrow();
    }

    private static List<String> texts(CharacterSheet sheet) {
        return sheet.facts().stream().map(Fact::text).toList();
    }

    @Test
    void loadingTheSheetIsNotAnEdit() {
        assertFalse(sheet.hasUnsavedChanges());
        assertEquals(odile.get(Field.ROLE), sheet.field(Field.ROLE).get());
        assertEquals(odile.facts().size(), sheet.facts().size());
    }

    @Test
    void anEditedFieldIsStoredOnFlush() {
        sheet.field(Field.FEARS).set("Being the last one who remembers.");
        assertTrue(sheet.hasUnsavedChanges());

        sheet.flush();

        assertFalse(sheet.hasUnsavedChanges());
        assertEquals("Being the last one who remembers.", stored().fears());
        assertEquals(odile.role(), stored().role(), "fields not edited are kept");
    }

    @Test
    void aRenamedCharacterIsStoredAndTheBinderIsTold() {
        sheet.nameProperty().set("Odile Farrant-Yeo");

        sheet.flush();

        assertEquals("Odile Farrant-Yeo", stored().name());
        assertEquals(List.of("Odile Farrant-Yeo"), renames);
    }

    @Test
    void aNewFactFlushedTwiceIsStoredOnce() {
        CharacterSheetViewModel.FactRow row = sheet.addFact();
        row.textProperty().set("Keeps a spare key under the rain gauge.");
        sheet.flush();

        // a second save of the same sheet must update the new fact, not insert it again
        row.textProperty().set("Keeps the spare key under the rain gauge.");
        sheet.flush();
        sheet.field(Field.VOICE).set("Short sentences.");
        sheet.flush();

        List<String> facts = texts(stored());
        assertEquals(odile.facts().size() + 1, facts.size(), facts::toString);
        assertEquals("Keeps the spare key under the rain gauge.", facts.get(facts.size() - 1));
    }

    @Test
    void aNewFactLeftBlankIsNotStored() {
        sheet.addFact();

        sheet.flush();

        assertEquals(texts(odile), texts(stored()));
    }

    @Test
    void aRemovedFactIsRemovedFromTheLibrary() {
        String removed = sheet.facts().get(1).textProperty().get();

        sheet.removeFact(sheet.facts().get(1));
        sheet.flush();

        List<String> facts = texts(stored());
        assertEquals(odile.facts().size() - 1, facts.size());
        assertFalse(facts.contains(removed));
        assertEquals(texts(odile).get(0), facts.get(0));
    }

    @Test
    void privateNotesAreStored() {
        sheet.field(Field.PRIVATE_NOTES).set("She finds the 1979 readings in the sewing box.");

        sheet.flush();

        assertEquals("She finds the 1979 readings in the sewing box.", stored().privateNotes());
    }
}
