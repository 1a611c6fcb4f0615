package dev.quire.ui;

import dev.quire.model.Prose;
import dev.quire.studio.Studio;
import dev.quire.ui.prose.ProseArea;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstLaunchWindowTest extends StudioWindow {

    private static final List<String> SAMPLE_ROWS = List.of("1  Nine O’Clock, Greenwich Time",
            "2  The Crossed Sevens", "3  Across the Hard", "4  Don’t Round");

    @Test
    void aNewLibraryOpensOnTheSampleStoryWithItsFirstSceneInATab() throws TimeoutException {
        start();

        assertTrue(windowTitle().startsWith("Quire"), windowTitle());
        waitUntil("the binder lists the sample scenes", () -> binderSceneRows().size() == 4);
        assertEquals(SAMPLE_ROWS, binderSceneRows());

        waitForOpenScene();
        assertEquals(1, fx(() -> main().tabs().getTabs().size()));
        Tab tab = selectedTab();
        assertEquals("Nine O’Clock, Greenwich Time", fx(tab::getText));
        ProseArea area = proseArea();
        Prose shown = fx(area::prose);
        assertTrue(shown.text().startsWith("The kitchen clock said ten"), shown.text());

        stop();
        try (Studio studio = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            long storyId = studio.stories().list().get(0).id();
            long firstScene = studio.scenes().headers(storyId).get(0).id();
            assertEquals(studio.scenes().get(firstScene).orElseThrow().prose(), shown,
                    "the editor shows the scene's text with its italics exactly as stored");
        }
    }
}
