package dev.quire.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A library that is slow to open: the window is up at once and says so, then becomes the studio. */
class OpeningWindowTest extends FxRobot {

    @TempDir
    Path dataDir;

    private QuireApp app;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theWindowSaysTheLibraryIsOpeningUntilItIsOpenThenShowsTheStudio() throws Exception {
        CompletableFuture<Void> disk = new CompletableFuture<>();
        QuireApp.openAfter(disk, dataDir, false);
        app = (QuireApp) FxToolkit.setupApplication(QuireApp.class);

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> lookup(".label").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && "Opening library…".equals(l.getText())
                        && l.getScene().getWindow().isShowing()));
        assertEquals(null, app.mainView(), "the studio waits for its library");
        assertFalse(Files.exists(dataDir.resolve("quire.db")), "nothing is opened yet");

        disk.complete(null);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.mainView() != null
                && app.mainView().view().getScene() != null
                && app.mainView().view().getScene().getWindow().isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        Window window = app.mainView().view().getScene().getWindow();
        assertTrue(((Stage) window).getTitle().startsWith("Quire — "), ((Stage) window).getTitle());
        assertTrue(lookup(".label").queryAll().stream().map(Node.class::cast)
                .noneMatch(n -> n instanceof Label l && "Opening library…".equals(l.getText())),
                "the placeholder is gone");
        assertTrue(Files.exists(dataDir.resolve("quire.db")), "the library was made");

        // and it is the studio a first launch shows: the sample story, its first scene in a tab
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                app.mainView().tabs().getTabs().size() == 1
                        && "Nine O’Clock, Greenwich Time".equals(app.mainView().tabs().getTabs().get(0).getText()))
                .get());
    }

    @Test
    void onAMachineSlowToStartTheWindowShowsItsFrameFirstThenBuildsTheStudio() throws Exception {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        List<String> frames = new CopyOnWriteArrayList<>();
        javafx.beans.value.ChangeListener<javafx.scene.Scene> watch = (o, was, scene) -> {
            if (scene != null) {
                scene.addPostLayoutPulseListener(() -> {
                    String shows = scene.getRoot().getStyleClass().contains("quire-root") ? "studio"
                            : scene.getRoot().lookupAll(".label").stream().anyMatch(n -> n instanceof Label l
                            && "Opening library…".equals(l.getText())) ? "opening" : "other";
                    if (frames.isEmpty() || !frames.get(frames.size() - 1).equals(shows)) {
                        frames.add(shows);
                    }
                });
            }
        };
        WaitForAsyncUtils.asyncFx(() -> stage.sceneProperty().addListener(watch)).get(15, TimeUnit.SECONDS);
        try {
            QuireApp.openOnSlowMachine(dataDir, false);
            app = (QuireApp) FxToolkit.setupApplication(QuireApp.class);
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> frames.contains("studio"));
        } finally {
            WaitForAsyncUtils.asyncFx(() -> stage.sceneProperty().removeListener(watch)).get(15, TimeUnit.SECONDS);
        }
        assertEquals(List.of("opening", "studio"), frames,
                "the frame with \"Opening library…\" was on screen before the studio, and nothing else");
    }
}
