package dev.quire.ui.sheets;

import dev.quire.store.Jdbc;
import dev.quire.studio.LibraryLocation;
import dev.quire.ui.StudioWindow;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The story's Bible page keeps who the story is by, for exports, as the writer types it. */
class StoryMetadataWindowTest extends StudioWindow {

    private TextInputControl field(String label) {
        return fx(() -> lookup(".field-label").queryAll().stream().map(n -> (Label) n)
                .filter(l -> l.getText().equals(label) && l.isVisible())
                .map(l -> (TextInputControl) l.getLabelFor()).findFirst().orElseThrow());
    }

    @Test
    void theAuthorAndAddressTypedOnTheBiblePageAreKeptAndShownTheNextDay() throws Exception {
        start();
        waitForOpenScene();
        doubleClickOn("Bible");
        waitUntil("the Bible page shows its export fields", () -> lookup(".field-label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("Pen name") && n.isVisible()));

        TextInputControl author = field("Author");
        // below the fold of the page: focused as a Tab would, then typed into
        onFx(author::requestFocus);
        write("Ada Marsh");
        TextInputControl address = field("Address");
        onFx(address::requestFocus);
        write("12 Ferry Lane");
        ChoiceBox<?> rounding = fx(() -> (ChoiceBox<?>) lookup(".field-label").queryAll().stream()
                .map(n -> (Label) n).filter(l -> l.getText().equals("Word count on a manuscript"))
                .findFirst().orElseThrow().getLabelFor());
        onFx(() -> rounding.getSelectionModel().select(3));
        TextInputControl penName = field("Pen name");
        onFx(penName::requestFocus);

        waitUntil("the library keeps them", () -> {
            String kept = Jdbc.queryString(LibraryLocation.libraryFile(dataDir),
                    "SELECT coalesce(max(value), '') FROM setting WHERE key LIKE 'story.%.metadata'");
            return kept.contains("\"author\":\"Ada Marsh\"") && kept.contains("\"contact\":\"12 Ferry Lane\"")
                    && kept.contains("\"rounding\":\"1000\"");
        });

        restart();
        waitForOpenScene();
        doubleClickOn("Bible");
        waitUntil("the author is shown again", () -> field("Author").getText().equals("Ada Marsh"));
        assertEquals("12 Ferry Lane", fx(() -> field("Address").getText()));
        assertEquals("Nearest 1,000", fx(() -> lookup(".field-label").queryAll().stream().map(n -> (Label) n)
                .filter(l -> l.getText().equals("Word count on a manuscript") && l.isVisible()).findFirst()
                .map(l -> ((ChoiceBox<?>) l.getLabelFor()).getConverter() == null ? ""
                        : String.valueOf(((ChoiceBox<Object>) l.getLabelFor()).getConverter()
                        .toString(((ChoiceBox<?>) l.getLabelFor()).getValue()))).orElseThrow()));
    }
}
