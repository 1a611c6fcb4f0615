package dev.quire.ui;

import dev.quire.ui.binder.BinderView;
import dev.quire.ui.editor.SceneEditorView;
import dev.quire.ui.prose.ProseArea;
import dev.quire.ui.shell.MainView;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real studio window under headless Monocle, on a library of its own in a temporary folder.
 * {@link #start()} runs {@link QuireApp} as the launcher would (init opens the library and takes
 * its lock, start builds the window); {@link #stop()} runs its {@code stop()}, which saves what is
 * open and releases the lock, so {@link #restart()} shows what a writer sees the next day.
 */
public abstract class StudioWindow extends FxRobot {

    /** Generous: the machines are shared and software rendering is slow; conditions usually hold at once. */
    protected static final long TIMEOUT_SECONDS = 15;

    @TempDir
    protected Path dataDir;

    private QuireApp app;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    protected QuireApp start() throws TimeoutException {
        QuireApp.useLibrary(dataDir, false);
        app = (QuireApp) FxToolkit.setupApplication(QuireApp.class);
        waitUntil("the window shows the main view", () -> app.mainView() != null
                && app.mainView().view().getScene() != null && app.mainView().view().getScene().getWindow().isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    @AfterEach
    protected void stop() throws TimeoutException {
        if (app != null) {
            QuireApp running = app;
            app = null;
            FxToolkit.cleanupApplication(running);
        }
        // a dialog a failed test left open must not sit over the next test's window
        FxToolkit.cleanupStages();
    }

    protected QuireApp restart() throws TimeoutException {
        stop();
        return start();
    }

    protected MainView main() {
        return app.mainView();
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    protected void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(fx(condition)));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + TIMEOUT_SECONDS + " s waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Reads UI state on the FX thread. */
    protected static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    protected static void onFx(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected void shortcut(KeyCode key, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] modifiers = new KeyCombination.Modifier[more.length + 1];
        modifiers[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, modifiers, 1, more.length);
        push(new KeyCodeCombination(key, modifiers));
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected String windowTitle() {
        return fx(() -> ((javafx.stage.Stage) main().view().getScene().getWindow()).getTitle());
    }

    protected BinderView binder() {
        return fx(() -> main().binder());
    }

    /** The scene rows of the binder as the writer reads them, top to bottom: "1  Title". */
    protected List<String> binderSceneRows() {
        return fx(() -> lookup(".binder-scene").queryAll().stream()
                .filter(n -> n instanceof TreeCell<?> c && c.isVisible() && c.getItem() != null
                        && c.getTreeView() == main().binder().tree())
                .map(n -> (TreeCell<?>) n)
                .sorted(Comparator.comparingInt(TreeCell::getIndex))
                .map(TreeCell::getText).toList());
    }

    protected Tab selectedTab() {
        return fx(() -> main().tabs().getSelectionModel().getSelectedItem());
    }

    protected SceneEditorView openScene() {
        return fx(() -> {
            Tab tab = main().tabs().getSelectionModel().getSelectedItem();
            return tab != null && tab.getUserData() instanceof SceneEditorView editor ? editor : null;
        });
    }

    protected ProseArea proseArea() {
        SceneEditorView editor = openScene();
        if (editor == null) {
            throw new AssertionError("no scene is open in the selected tab");
        }
        return editor.area();
    }

    /** Waits for the scene to resume in a tab with its text loaded. */
    protected SceneEditorView waitForOpenScene() {
        waitUntil("a scene is open with its text", () -> {
            Tab tab = main().tabs().getSelectionModel().getSelectedItem();
            return tab != null && tab.getUserData() instanceof SceneEditorView editor
                    && editor.model().stateProperty().get() == dev.quire.ui.editor.SceneEditorViewModel.State.READY;
        });
        return openScene();
    }
}
