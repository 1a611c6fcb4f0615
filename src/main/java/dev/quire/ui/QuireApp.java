package dev.quire.ui;

import dev.quire.store.LibraryLock;
import dev.quire.store.PersistenceException;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.Fx;
import dev.quire.ui.shell.MainView;
import dev.quire.ui.shell.MainViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The studio application. The library is opened in {@link #init()}, off the FX thread, while the
 * toolkit starts; a library that cannot be opened is explained in a dialog and left untouched.
 */
public final class QuireApp extends Application {

    /** Printed on standard error once the window is up, for start-up measurements. */
    public static final String READY_MARK = "quire: studio ready";

    private static volatile Path dataDir;
    private static volatile boolean noSample;

    private LibraryLock lock;
    private Studio studio;
    private Background background;
    private MainView view;
    private PersistenceException openFailure;

    /** Opens the studio window on {@code dir}; returns when the window closes. */
    public static void launchStudio(Path dir, boolean withoutSample) {
        dataDir = dir;
        noSample = withoutSample;
        Application.launch(QuireApp.class);
    }

    /** For tests that start the application themselves. */
    public static void useLibrary(Path dir, boolean withoutSample) {
        dataDir = dir;
        noSample = withoutSample;
    }

    @Override
    public void init() {
        Path dir = dataDir != null ? dataDir : LibraryLocation.dataDir(null);
        try {
            Files.createDirectories(dir);
            lock = LibraryLock.acquire(LibraryLocation.libraryFile(dir));
            studio = Studio.open(dir, noSample ? Studio.NewLibrary.EMPTY : Studio.NewLibrary.WITH_SAMPLE);
        } catch (PersistenceException e) {
            openFailure = e;
            releaseLock();
        } catch (IOException e) {
            openFailure = new PersistenceException("Quire could not create its folder " + dir + ": " + e.getMessage()
                    + ". Check that it can be written, or start Quire with --data-dir pointing to another folder.", e);
        }
    }

    @Override
    public void start(Stage stage) {
        if (openFailure != null) {
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            Alert alert = new Alert(Alert.AlertType.ERROR, "", javafx.scene.control.ButtonType.CLOSE);
            alert.setTitle("Quire");
            alert.setHeaderText("Quire cannot open this library");
            Label text = new Label(openFailure.getMessage());
            text.setWrapText(true);
            text.setPrefWidth(520);
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            alert.getDialogPane().setContent(text);
            alert.getDialogPane().setPrefWidth(580);
            alert.showAndWait();
            Platform.exit();
            return;
        }
        background = Background.create();
        MainViewModel model = new MainViewModel(studio, background);
        view = new MainView(model);
        Scene scene = new Scene((javafx.scene.Parent) view.view(), 1280, 800);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.setTitle("Quire — " + studio.dataDir());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                view.flushAll();
            }
        });
        stage.setOnCloseRequest(e -> view.flushAll());
        background.read(model::storyToResume).onSuccess(story -> story.ifPresent(model::open)).start();
        stage.show();
        stage.toFront();
        Fx.later(() -> System.err.println(READY_MARK));
    }

    public MainView mainView() {
        return view;
    }

    @Override
    public void stop() {
        if (view != null) {
            view.flushAll();
        }
        if (background != null) {
            background.close();
        }
        if (studio != null) {
            studio.close();
        }
        releaseLock();
    }

    private void releaseLock() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
