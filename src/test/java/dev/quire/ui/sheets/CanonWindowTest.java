package dev.quire.ui.sheets;

import dev.quire.model.CanonFact;
import dev.quire.ui.StudioWindow;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The canon in the real window: typed in its tab, kept from a passage of a scene, removed; all in the library. */
class CanonWindowTest extends StudioWindow {

    private List<CanonFact> canonInLibrary() {
        return fx(() -> main().model().studio().canon().list(main().model().openStoryProperty().get().story().id()));
    }

    @SuppressWarnings("unchecked")
    private List<String> canonShown() {
        return fx(() -> ((ListView<CanonFact>) lookup(".canon-list").query()).getItems().stream()
                .map(CanonFact::text).toList());
    }

    @Test
    void aFactTypedInTheCanonTabIsKeptAndCanBeRemoved() throws TimeoutException {
        start();
        waitForOpenScene();
        doubleClickOn("Canon");
        waitUntil("the canon tab is open", () -> lookup(".canon-list").tryQuery().isPresent());

        clickOn(".text-field");
        write("The key is under the blue stone.");
        push(KeyCode.ENTER);

        waitUntil("the fact is listed", () -> canonShown().equals(List.of("The key is under the blue stone.")));
        assertEquals(CanonFact.Source.WRITER, canonInLibrary().get(0).source());

        restart();
        waitForOpenScene();
        doubleClickOn("Canon");
        waitUntil("the fact is still there", () -> lookup(".canon-list").tryQuery().isPresent()
                && canonShown().equals(List.of("The key is under the blue stone.")));
        clickOn("✕");
        waitUntil("the fact is gone", () -> canonShown().isEmpty() && canonInLibrary().isEmpty());
    }

    @Test
    void aPassageSelectedInASceneBecomesCanonWithTheSceneAsItsSource() throws TimeoutException {
        start();
        var editor = waitForOpenScene();
        long sceneId = fx(() -> editor.model().sceneId());
        onFx(() -> {
            proseArea().selectRange(0, 20);
            proseArea().getContextMenu().getItems().stream().filter(m -> "Add to canon".equals(m.getText()))
                    .findFirst().orElseThrow().fire();
        });
        String expected = fx(() -> proseArea().getText(0, 20)).strip();

        waitUntil("the passage is in the canon", () -> canonInLibrary().size() == 1);
        CanonFact fact = canonInLibrary().get(0);
        assertEquals(expected, fact.text());
        assertEquals(CanonFact.Source.SCENE, fact.source());
        assertEquals(sceneId, fact.sourceId());
        waitUntil("the editor says so", () -> editor.model().noticeProperty().get().startsWith("Added to the canon"));
    }
}
