package dev.quire.ui;

import dev.quire.store.LibraryLock;
import dev.quire.store.PersistenceException;
import dev.quire.studio.Backups;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The studio application. The library is opened in {@link #init()}, off the FX thread, while the
 * toolkit starts; a library that cannot be opened is explained in a dialog and left untouched.
 */
public final class QuireApp extends Application {

    /**
     * Printed on standard error once the writer can work: the first frame with the resumed scene in its editor, or
     * the library page, has been laid out. Start-up measurements wait for it.
     */
    public static final String READY_MARK = "quire: studio ready";

    /**
     * Closes the studio this many milliseconds after it is ready: the app image's class-data-sharing
     * archive is recorded from such a run of the real start-up (src/package/train-cds).
     */
    static final String EXIT_AFTER_READY = "quire.exitAfterReadyMs";

    private static volatile Path dataDir;
    private static volatile boolean noSample;
    /** The library, being opened while the toolkit starts; set by {@link #launchStudio}. */
    private static volatile CompletableFuture<Opened> opening;

    /**
     * An open library and the lock that keeps a second studio off it, with the story to reopen read already (null
     * when there is none, or it could not be read: the window then reads it again and says why).
     */
    private record Opened(LibraryLock lock, Studio studio, MainViewModel.Resume resume) {
    }

    /**
     * How long the toolkit, once started, waits for the library before it shows the window's frame saying "Opening
     * library…": a library that opens within it is shown whole in the first frame, without a frame in between.
     */
    static final long OPENING_GRACE_MS = 400;

    /**
     * When the toolkit is up this long after the launch, the machine is slow (or very busy): the window shows its
     * frame with "Opening library…" at once, rather than nothing until the studio is built.
     */
    static final long SLOW_START_MS = 700;

    /** When {@link #launchStudio} was called, by {@link System#nanoTime()}; far in the past for tests. */
    private static volatile long launchedAt = System.nanoTime();

    /** Whether this process opened the studio through {@link #launchStudio}, which holds work for the first frame. */
    private static volatile boolean launched;

    private LibraryLock lock;
    private Studio studio;
    /** Story packages double-clicked while this studio has the library open, handed over by their process. */
    private dev.quire.studio.OpenRequests requests;
    private MainViewModel.Resume resumed;
    private Background background;
    private MainView view;
    private PersistenceException openFailure;

    /** A story package the studio was opened with (a double-click on a .quire file); null for none. */
    private static volatile Path packageToOpen;

    /**
     * Opens the studio window on {@code dir} and, once it is up, offers to import {@code storyPackage} (null for
     * none); returns when the window closes.
     */
    public static void launchStudio(Path dir, boolean withoutSample, Path storyPackage) {
        if (storyPackage != null && handedToOpenStudio(dir, storyPackage)) {
            return;
        }
        packageToOpen = storyPackage;
        launchStudio(dir, withoutSample);
    }

    /**
     * A story package double-clicked while Quire already has the library open goes to that window, which offers it:
     * a second window could not open the library anyway. False when no studio has the library open (or the request
     * could not be left), and this process opens it.
     */
    private static boolean handedToOpenStudio(Path dir, Path storyPackage) {
        try (LibraryLock free = LibraryLock.acquire(LibraryLocation.libraryFile(dir))) {
            return false;
        } catch (dev.quire.store.LibraryOpenException e) {
            if (e.problem() != dev.quire.store.LibraryOpenException.Problem.IN_USE) {
                return false;
            }
        } catch (RuntimeException e) {
            return false;
        }
        try {
            dev.quire.studio.OpenRequests.send(dir, storyPackage);
            System.err.println("Quire is already open on " + dir + ": " + storyPackage.getFileName()
                    + " is offered for import there.");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens the studio window on {@code dir}; returns when the window closes. */
    public static void launchStudio(Path dir, boolean withoutSample) {
        dataDir = dir;
        noSample = withoutSample;
        launchedAt = System.nanoTime();
        launched = true;
        // what the first frame does not show waits until it is up
        dev.quire.ui.common.Startup.hold();
        // opening the library (SQLite's native library, the checks) overlaps the toolkit's start-up
        opening = CompletableFuture.supplyAsync(() -> openLibrary(dir, withoutSample));
        Application.launch(QuireApp.class);
    }

    /** For tests: the library opens in the background once {@code gate} completes, as a slow disk would have it. */
    static void openAfter(CompletableFuture<Void> gate, Path dir, boolean withoutSample) {
        dataDir = dir;
        noSample = withoutSample;
        launchedAt = System.nanoTime();
        opening = gate.thenApplyAsync(v -> openLibrary(dir, withoutSample));
    }

    /** For tests: a library that opens at once, on a machine that was slow to start the toolkit. */
    static void openOnSlowMachine(Path dir, boolean withoutSample) {
        dataDir = dir;
        noSample = withoutSample;
        opening = CompletableFuture.completedFuture(null).thenApply(v -> openLibrary(dir, withoutSample));
        launchedAt = System.nanoTime() - java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    }

    /** For tests that start the application themselves. */
    public static void useLibrary(Path dir, boolean withoutSample) {
        dataDir = dir;
        noSample = withoutSample;
        opening = null;
    }

    private static Opened openLibrary(Path dir, boolean withoutSample) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new PersistenceException("Quire could not create its folder " + dir + ": " + e.getMessage()
                    + ". Check that it can be written, or start Quire with --data-dir pointing to another folder.", e);
        }
        LibraryLock lock = LibraryLock.acquire(LibraryLocation.libraryFile(dir));
        Studio studio;
        try {
            studio = Studio.open(dir, withoutSample ? Studio.NewLibrary.EMPTY : Studio.NewLibrary.WITH_SAMPLE);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new Opened(lock, studio, resumeOf(studio));
    }

    /** The story to reopen, read with the library so the first frame shows it; null when it cannot be read. */
    private static MainViewModel.Resume resumeOf(Studio studio) {
        try {
            return MainViewModel.readResume(studio).orElse(null);
        } catch (RuntimeException e) {
            // the window reads it again, the usual way, and says what went wrong
            return null;
        }
    }

    @Override
    public void init() {
        if (opening == null) {
            take(() -> openLibrary(dataDir != null ? dataDir : LibraryLocation.dataDir(null), noSample));
        }
        // otherwise the library is still opening beside the toolkit: start() shows the window at once
    }

    /** Keeps the open library, or the reason it could not be opened. */
    private void take(java.util.function.Supplier<Opened> open) {
        Path dir = dataDir != null ? dataDir : LibraryLocation.dataDir(null);
        try {
            Opened opened = open.get();
            lock = opened.lock();
            studio = opened.studio();
            resumed = opened.resume();
        } catch (CompletionException e) {
            openFailure = e.getCause() instanceof PersistenceException p ? p
                    : new PersistenceException("Quire could not open the library in " + dir + ": " + e.getCause(),
                    e.getCause());
        } catch (PersistenceException e) {
            openFailure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        if (launched) {
            // whatever happens to the first frame, what waits for it is not held for ever
            javafx.animation.PauseTransition failsafe = new javafx.animation.PauseTransition(
                    javafx.util.Duration.seconds(15));
            failsafe.setOnFinished(e -> dev.quire.ui.common.Startup.release());
            failsafe.play();
        }
        CompletableFuture<Opened> pending = opening;
        if (pending != null && studio == null && openFailure == null) {
            // a machine this slow to start the toolkit will be slow to build the window too: its frame first
            boolean slow = (System.nanoTime() - launchedAt) / 1_000_000 > SLOW_START_MS;
            if (!pending.isDone() && !slow) {
                try {
                    // nothing is on screen yet: a short wait spares a frame in between
                    pending.get(OPENING_GRACE_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    // still opening, or failed: below, as before
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!pending.isDone() || slow) {
                // a slow disk, a large library or a slow machine: the window says what it is doing instead of
                // staying away, and the studio is built once that frame is on screen
                showOpening(stage);
                pending.whenComplete((opened, e) -> dev.quire.ui.common.Fx.run(() ->
                        afterNextFrame(stage.getScene(), () -> dev.quire.ui.common.Fx.later(() -> {
                            take(pending::join);
                            begin(stage);
                        }))));
                return;
            }
            take(pending::join);
        }
        begin(stage);
    }


    /** The window's frame, quiet, while the library opens. */
    private void showOpening(Stage stage) {
        Label opening = new Label("Opening library…");
        opening.setStyle("-fx-text-fill: #6a737d; -fx-font-size: 14px;");
        javafx.scene.layout.StackPane placeholder = new javafx.scene.layout.StackPane(opening);
        placeholder.setStyle("-fx-background-color: #ffffff;");
        stage.setTitle("Quire");
        stage.setScene(new Scene(placeholder, 1280, 800));
        stage.show();
    }

    private void begin(Stage stage) {
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
            if (stage.isShowing()) {
                stage.hide();
            }
            dev.quire.ui.common.Startup.release();
            alert.showAndWait();
            Platform.exit();
            return;
        }
        stage.setTitle("Quire — " + studio.dataDir());
        for (int size : new int[] {16, 32, 64, 128}) {
            stage.getIcons().add(new javafx.scene.image.Image(
                    QuireApp.class.getResource("quire-" + size + ".png").toExternalForm()));
        }
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && view != null) {
                view.flushAll();
            }
        });
        stage.setOnCloseRequest(e -> {
            view.flushAll();
            rememberLayout();
        });
        MainViewModel model = showMain();
        placement = dev.quire.ui.shell.WindowPlacement.restore(stage, model.layout());
        view.whenSettled(() -> afterNextFrame(stage.getScene(), () -> {
            view.shown();
            System.err.println(READY_MARK);
            dev.quire.ui.common.Startup.release();
            closeLaterIfTraining();
            Path storyPackage = packageToOpen;
            packageToOpen = null;
            if (storyPackage != null) {
                view.openPackage(storyPackage);
            }
            requests = dev.quire.studio.OpenRequests.watch(studio.dataDir(),
                    file -> dev.quire.ui.common.Fx.run(() -> {
                        stage.toFront();
                        view.openPackage(file);
                    }));
            // the daily copy waits until the writer can work: it holds the library while it copies
            background.write(() -> Backups.rolling(studio))
                    .describedAs("Quire could not take today's backup of the library").start();
        }));
        resume(model, resumed);
        resumed = null;
        stage.show();
        stage.toFront();
    }

    private Stage stage;
    private dev.quire.ui.shell.WindowPlacement placement;

    /** Runs {@code action} once the next frame is laid out: what it follows is then on screen. */
    private static void afterNextFrame(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private void closeLaterIfTraining() {
        Long after = Long.getLong(EXIT_AFTER_READY);
        if (after == null) {
            return;
        }
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.millis(after));
        wait.setOnFinished(e -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        wait.play();
    }

    /** Builds the window's contents on the open library. */
    private MainViewModel showMain() {
        background = Background.create();
        MainViewModel model = new MainViewModel(studio, background);
        MainView.useTheme(model.darkProperty().get());
        view = new MainView(model);
        view.onRestore(this::restore);
        if (stage.getScene() == null) {
            stage.setScene(new Scene((javafx.scene.Parent) view.view(), 1280, 800));
        } else {
            stage.getScene().setRoot((javafx.scene.Parent) view.view());
        }
        view.installShortcuts(stage.getScene());
        return model;
    }

    /**
     * Puts a backup in place of the library: everything is saved and closed (the restore refuses
     * while the library is locked), the backup replaces the file, keeping the old one, and the
     * library opens again.
     */
    private void restore(Path backup) {
        Path dir = studio.dataDir();
        rememberLayout();
        view.closeAll();
        background.close();
        studio.close();
        releaseLock();
        String outcome;
        try {
            Backups.Restored restored = Backups.restore(backup, dir);
            outcome = "Restored the library from " + backup.getFileName() + "."
                    + (restored.previous() == null ? "" : " The library as it was is kept as "
                    + restored.previous().getFileName() + " in the backups folder.");
        } catch (RuntimeException e) {
            outcome = e.getMessage();
        }
        MainViewModel.Resume again;
        try {
            Opened opened = openLibrary(dir, true);
            lock = opened.lock();
            studio = opened.studio();
            again = opened.resume();
        } catch (PersistenceException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage(), javafx.scene.control.ButtonType.CLOSE);
            alert.setHeaderText("Quire cannot open the library after the restore");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        MainViewModel model = showMain();
        model.noticeProperty().set(outcome);
        resume(model, again);
    }

    /**
     * Reopens the story last worked on, at once when it was read with the library; the library page if there is none
     * or it cannot be read.
     */
    private void resume(MainViewModel model, MainViewModel.Resume read) {
        if (read != null) {
            model.open(read);
            return;
        }
        background.read(model::storyToResume)
                .onSuccess(story -> story.ifPresentOrElse(model::open, view::settled))
                .onError(e -> {
                    model.problemProperty().set("Quire could not find the story to reopen: " + e.getMessage());
                    view.settled();
                }).start();
    }

    public MainView mainView() {
        return view;
    }

    /** Queues the window's place and dividers for writing; the background's close waits for it. */
    private void rememberLayout() {
        if (view == null) {
            return;
        }
        if (placement != null) {
            placement.record(view.model().layout());
        }
        view.rememberLayout();
        view.model().layout().save();
    }

    @Override
    public void stop() {
        dev.quire.ui.common.Startup.release();
        if (requests != null) {
            requests.close();
        }
        rememberLayout();
        if (view != null) {
            view.closeAll();
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
