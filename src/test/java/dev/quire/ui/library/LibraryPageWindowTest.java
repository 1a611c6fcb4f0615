package dev.quire.ui.library;

import dev.quire.model.StorySummary;
import dev.quire.ui.StudioWindow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibraryPageWindowTest extends StudioWindow {

    private List<String> listedTitles() {
        return fx(() -> main().library().list().getItems().stream().map(StorySummary::title).toList());
    }

    private void showLibrary() {
        shortcut(KeyCode.L);
        waitUntil("the library page is shown", () -> main().library().view().getScene() != null
                && main().binder() == null);
    }

    @Test
    void ctrlLShowsTheLibraryWithTheSampleStory() throws TimeoutException {
        start();
        waitForOpenScene();

        showLibrary();

        waitUntil("the sample story is listed", () -> !main().library().list().getItems().isEmpty());
        assertEquals(List.of("The Remarks Column"), listedTitles());
        assertEquals("", fx(() -> lookup(".story-heading").queryLabeled().getText()), "no story is open");
    }

    @Test
    void aNewStoryOpensWithAnEmptyBinderAndIsListedBesideTheSample() throws TimeoutException {
        start();
        waitForOpenScene();
        showLibrary();

        clickOn("New story");
        clickOn(".text-input-dialog .text-field");
        write("Fog Signals");
        push(KeyCode.ENTER);

        waitUntil("the new story is open", () -> main().binder() != null
                && "Fog Signals".equals(lookup(".story-heading").queryLabeled().getText()));
        assertEquals(List.of(), binderSceneRows(), "a new story has no scenes");
        assertTrue(fx(() -> main().tabs().getTabs().isEmpty()), "and nothing open in a tab");
        assertNull(openScene());

        showLibrary();
        waitUntil("both stories are listed", () -> main().library().list().getItems().size() == 2);
        assertEquals(List.of("Fog Signals", "The Remarks Column"), listedTitles(), "the newest first");
    }
}
