package dev.quire.ui.shell;

import dev.quire.ui.common.Tips;
import dev.quire.ui.common.KeyText;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.quire.ui.binder.BinderView;
import dev.quire.ui.common.Dialogs;
import dev.quire.ui.common.FrameExecutor;
import dev.quire.ui.common.Fx;
import dev.quire.ui.editor.SceneEditorView;
import dev.quire.ui.library.LibraryView;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import dev.quire.ui.stitch.GeneratePanel;
import dev.quire.ui.stitch.StitchView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The main window's shell: a top bar, the library page or the open story (binder beside tabs), and a status bar.
 * It lays the window out and routes; the flows (import, export, restore, cards, pins) and the open story's desk
 * do the work.
 */
public final class MainView {

    private final MainViewModel model;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final SplitPane workspace = new SplitPane();
    private final Label storyTitle = new Label();
    private final EditorTabs tabs = new EditorTabs();
    private final StatusBar status;
    private final Shell shell;
    private final LibraryView library;
    private final ProvidersPage settings;
    private final UsagePage usage;
    private BinderView binder;
    private StoryDesk desk;
    private final dev.quire.ui.focus.FocusMode focus = new dev.quire.ui.focus.FocusMode();
    private Node topBar;
    private dev.quire.ui.targets.TargetsBar targets;
    private FrameExecutor frameExecutor;
    private Runnable whenSettled;
    private Consumer<Path> restorer = p -> { };
    private Shortcuts shortcuts;
    private final StoryPackageFlow packages;
    /** Search the story, and replace across it. */
    public static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** Focus mode: the scene's text alone, full screen. */
    public static final KeyCombination FOCUS = new KeyCodeCombination(KeyCode.F11);
    /** Help › Keyboard shortcuts. */
    public static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    /** Show or fold away the binder. */
    public static final KeyCombination BINDER_TOGGLE = new KeyCodeCombination(KeyCode.BACK_SLASH,
            KeyCombination.SHORTCUT_DOWN);

    public MainView(MainViewModel model) {
        this(model, null);
    }

    /** With the writer's dialogs answered by {@code dialogs} (null for the window's own). */
    public MainView(MainViewModel model, Dialogs dialogs) {
        this.model = model;
        this.shell = new Shell(model, dialogs != null ? dialogs : new dev.quire.ui.common.FxDialogs(this::window),
                this::window, tabs);
        this.status = new StatusBar(model);
        this.settings = new ProvidersPage(shell, centre);
        this.usage = new UsagePage(shell, centre);
        this.library = new LibraryView(model.library(), model::open, shell.dialogs());
        library.onImport(this::importManuscript);
        library.onRestore(this::restoreFromBackup);
        this.packages = new StoryPackageFlow(shell);
        library.onPackages(packages::importPackage, packages::exportPackage);
        root.getStyleClass().add("quire-root");
        workspace.getItems().add(tabs.view());
        workspace.getStyleClass().add("workspace");
        tabs.pane().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> status.showScene(
                tabs.selected().filter(SceneEditorView.class::isInstance).map(SceneEditorView.class::cast)
                        .orElse(null)));
        // nothing a background task does fails without a word: what no handler took is said in the status bar
        model.background().onUnhandled(f -> model.problemProperty().set(f.message()));
        topBar = topBar();
        root.setTop(topBar);
        root.setCenter(centre);
        root.setBottom(status.view());
        model.openStoryProperty().addListener((o, was, now) -> showStory(now));
        model.layout().binderShownProperty().addListener((o, was, shown) -> showBinder(shown));
        model.providersShownProperty().addListener((o, was, shown) -> {
            if (shown) {
                settings.open();
            } else {
                settings.close();
            }
        });
        showStory(model.openStoryProperty().get());
        model.library().reload();
    }

    private Node topBar() {
        Button libraryButton = new Button("Library");
        Tips.set(libraryButton, "All stories (" + key(KeyCode.L) + ")");
        libraryButton.setOnAction(e -> showLibrary());
        storyTitle.getStyleClass().add("story-heading");
        Button theme = flat("", "Switch between light and dark (Ctrl+Shift+D)", this::toggleTheme);
        theme.textProperty().bind(Bindings.when(model.darkProperty()).then("Light theme").otherwise("Dark theme"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label brand = new Label("Quire");
        brand.getStyleClass().add("brand");
        Button settings = flat("Providers", "Where prompts are sent: Anthropic, OpenAI, compatible servers, Ollama"
                + " (Ctrl+,)", this::toggleSettings);
        Button usageButton = flat("Usage", "What your requests used and cost, per day, story and model; the budget",
                this::toggleUsage);
        Button export = flat("Export…", "Export the story as Markdown, text, Word or EPUB (Ctrl+E)",
                this::exportStory);
        export.visibleProperty().bind(model.openStoryProperty().isNotNull());
        export.managedProperty().bind(export.visibleProperty());
        Button focusButton = flat("Focus", "Write with nothing but the scene's text, full screen (" + KeyText.of(FOCUS)
                + "; Esc leaves)", this::toggleFocus);
        focusButton.visibleProperty().bind(model.openStoryProperty().isNotNull());
        focusButton.managedProperty().bind(focusButton.visibleProperty());
        Button search = flat("Search", "Search the whole story, and replace across it (" + KeyText.of(SEARCH) + ")",
                this::openSearch);
        search.visibleProperty().bind(model.openStoryProperty().isNotNull());
        search.managedProperty().bind(search.visibleProperty());
        MenuItem sheet = new MenuItem("Keyboard shortcuts\t" + KeyText.of(HELP));
        sheet.setOnAction(e -> showShortcuts());
        MenuButton help = new MenuButton("Help", null, sheet);
        ToggleButton binderToggle = new ToggleButton("Binder");
        binderToggle.getStyleClass().add("flat");
        Tips.set(binderToggle, "Show or fold away the binder, for more room to write ("
                + KeyText.of(BINDER_TOGGLE) + ")");
        binderToggle.selectedProperty().bindBidirectional(model.layout().binderShownProperty());
        binderToggle.visibleProperty().bind(model.openStoryProperty().isNotNull());
        binderToggle.managedProperty().bind(binderToggle.visibleProperty());
        help.getStyleClass().addAll("flat", "help-menu");
        HBox bar = new HBox(12, brand, libraryButton, storyTitle, spacer, binderToggle, focusButton, search, export,
                usageButton, settings, theme, help);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private static String key(KeyCode code) {
        return KeyText.of(new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN));
    }

    private static Button flat(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("flat");
        Tips.set(b, tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void showStory(MainViewModel.OpenStory open) {
        focus.leave();
        rememberLayout();
        closeAll();
        tabs.clear();
        workspace.getItems().removeIf(n -> binder != null && n == binder.view());
        status.showStory(null);
        status.showTargets(null);
        if (targets != null) {
            targets.close();
            targets = null;
        }
        settings.close();
        usage.close();
        if (open == null) {
            binder = null;
            desk = null;
            storyTitle.textProperty().unbind();
            storyTitle.setText("");
            centre.getChildren().setAll(library.view());
            library.focus();
            return;
        }
        StoryDesk desk = new StoryDesk(shell, open, this::frames, this::settled);
        this.desk = desk;
        // a failed add, move or delete in the binder is said in the status bar
        open.binder().problemProperty().addListener((o, was, problem) -> model.problemProperty().set(problem));
        binder = new BinderView(open.binder(), desk);
        // the scene to resume loads alongside the binder, not after it
        if (open.resumeScene() != null) {
            desk.openScene(open.resumeScene(), open.resumeRead());
        } else {
            settled();
        }
        SplitPane.setResizableWithParent(binder.view(), false);
        showBinder(model.layout().binderShownProperty().get());
        storyTitle.textProperty().bind(open.bible().titleProperty());
        status.showStory(open.binder().storyWords());
        // the word targets join the status bar once the window is up (at start-up, a frame later)
        dev.quire.ui.common.Startup.afterFirstFrame(() -> {
            if (model.openStoryProperty().get() == open && targets == null) {
                targets = new dev.quire.ui.targets.TargetsBar(new dev.quire.ui.targets.TargetsViewModel(
                        model.studio(), model.background(), open.story().id(), open.binder().storyWords()),
                        this::window);
                status.showTargets(targets.view());
            }
        });
        centre.getChildren().setAll(workspace);
        binder.tree().requestFocus();
    }

    /** Puts the binder beside the tabs, where its divider was, or folds it away. */
    private void showBinder(boolean shown) {
        if (binder == null) {
            return;
        }
        boolean showing = workspace.getItems().contains(binder.view());
        if (shown && !showing) {
            workspace.getItems().add(0, binder.view());
            workspace.setDividerPositions(model.layout().binderDividerProperty().get());
        } else if (!shown && showing) {
            rememberLayout();
            workspace.getItems().remove(binder.view());
        }
    }

    /**
     * The window's first frame is up, at the window's remembered size: the binder's divider goes where the writer
     * left it once more. At start-up the story is built before the window takes that size, and the binder keeps its
     * width in pixels through a resize, which would have moved its divider.
     */
    public void shown() {
        if (binder != null && workspace.getItems().contains(binder.view())) {
            workspace.setDividerPositions(model.layout().binderDividerProperty().get());
        }
    }

    /** A story package opened from outside the studio (a double-click on a .quire file): offered for import. */
    public void openPackage(Path file) {
        packages.openFile(file);
    }

    /** Notes the binder's divider where the writer left it, for the layout memory to keep. */
    public void rememberLayout() {
        if (binder != null && workspace.getItems().size() > 1 && !workspace.getDividers().isEmpty()) {
            model.layout().binderDividerProperty().set(workspace.getDividers().get(0).getPosition());
        }
    }

    /** Runs {@code action} once, when the writer can first work: a scene is in its editor, or a page is up. */
    public void whenSettled(Runnable action) {
        whenSettled = action;
    }

    /** The window has its first content; after the next pulse, so it is laid out too. */
    public void settled() {
        Runnable action = whenSettled;
        whenSettled = null;
        if (action != null) {
            Fx.later(action);
        }
    }

    /** Saves every open editor and stops what runs for them: before the library closes or the story changes. */
    public void closeAll() {
        tabs.closeAll();
        MainViewModel.OpenStory open = model.openStoryProperty().get();
        if (open != null) {
            open.bible().flush();
        }
    }

    /** Closes the window as its close button does, so everything is saved on the way out. */
    private void quit() {
        Window window = root.getScene().getWindow();
        window.fireEvent(new javafx.stage.WindowEvent(window, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    /** Saves every open editor now: on focus loss, close, and switching stories. */
    public void flushAll() {
        shell.flushAll();
    }

    private void showLibrary() {
        settings.close();
        usage.close();
        flushAll();
        model.showLibrary();
    }

    /** How a chosen backup is put in place: the application closes and reopens the library around it. */
    public void onRestore(Consumer<Path> restore) {
        this.restorer = restore;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public void importManuscript() {
        new ManuscriptImportFlow(shell).run();
    }

    /** Focus mode on the scene in the selected tab, or off again; without an open scene, says how to start. */
    public void toggleFocus() {
        if (focus.activeProperty().get()) {
            focus.leave();
            return;
        }
        var editor = tabs.selected().filter(SceneEditorView.class::isInstance).map(SceneEditorView.class::cast);
        if (editor.isEmpty() || editor.get().model().stateProperty().get()
                != dev.quire.ui.editor.SceneEditorViewModel.State.READY) {
            shell.notice("Open a scene first: focus mode shows the scene you are writing.");
            return;
        }
        Window window = window();
        focus.enter(editor.get().area(), window instanceof javafx.stage.Stage stage ? stage : null, layer -> {
            root.setTop(null);
            root.setBottom(null);
            root.setCenter(layer);
        }, () -> {
            root.setTop(topBar);
            root.setCenter(centre);
            root.setBottom(status.view());
        });
    }

    /** Focus mode's options and state. */
    public dev.quire.ui.focus.FocusMode focus() {
        return focus;
    }

    /** The open story's Search tab; nothing on the library page. */
    public void openSearch() {
        if (desk != null) {
            settings.close();
            desk.openSearch();
        }
    }

    public void exportStory() {
        new StoryExportFlow(shell).run();
    }

    public void restoreFromBackup() {
        new RestoreFlow(shell, restorer).run();
    }

    /** Streamed text reaches the window through this, once per frame. */
    private FrameExecutor frames() {
        if (frameExecutor == null) {
            frameExecutor = new FrameExecutor();
        }
        return frameExecutor;
    }

    /** The Providers page, over whatever the centre shows; Done or Esc goes back to it. */
    public void toggleSettings() {
        settings.toggle();
    }

    /** The Usage page, over whatever the centre shows; Done or Esc goes back to it. */
    public void toggleUsage() {
        settings.close();
        usage.toggle();
    }

    /** Keyboard shortcuts and the theme; installed once the view is in a scene. */
    public void installShortcuts(Scene scene) {
        shortcuts = new Shortcuts(scene)
                .ctrl(KeyCode.L, "All stories: the library page", this::showLibrary)
                .ctrl(KeyCode.N, "New scene (the library page: new story)", () -> {
                    if (binder != null) {
                        binder.newScene();
                    } else {
                        library.newStory();
                    }
                })
                .ctrlShift(KeyCode.N, "New story", library::newStory)
                .ctrl(KeyCode.W, "Close the tab", tabs::closeSelected)
                .ctrl(KeyCode.S, "Save now (Quire saves as you type)", this::flushAll)
                .ctrl(KeyCode.Q, "Quit Quire (everything is saved first)", this::quit)
                .ctrl(KeyCode.COMMA, "Providers", this::toggleSettings)
                .ctrl(KeyCode.E, "Export the story", this::exportStory)
                .on(GeneratePanel.PROMPT, "Prompt Preview of the open scene", () -> tabs.selected()
                        .filter(SceneEditorView.class::isInstance)
                        .ifPresent(e -> ((SceneEditorView) e).openPromptPreview()))
                .ctrl(KeyCode.O, "Import a manuscript", this::importManuscript)
                .on(SEARCH, "Search the story, and replace across it", this::openSearch)
                .on(FOCUS, "Focus mode: the scene's text alone, full screen (Esc leaves)", this::toggleFocus)
                .ctrlShift(KeyCode.D, "Light or dark theme", this::toggleTheme)
                .ctrlShift(KeyCode.B, "Go to the binder", () -> {
                    if (binder != null) {
                        model.layout().binderShownProperty().set(true);
                        binder.tree().requestFocus();
                    }
                })
                .on(BINDER_TOGGLE, "Show or fold away the binder", () -> model.layout().binderShownProperty()
                        .set(!model.layout().binderShownProperty().get()))
                .on(HELP, "Keyboard shortcuts (this sheet)", this::showShortcuts)
                .in(Shortcuts.SCENE, GeneratePanel.GENERATE, "Generate variants")
                .in(Shortcuts.SCENE, "Esc", "Stop generating; what arrived is kept")
                .in(Shortcuts.SCENE, SceneEditorView.SHOW_SCENE, "Show the scene's text")
                .in(Shortcuts.SCENE, SceneEditorView.SHOW_VARIANTS, "Show the variants and the composition")
                .in(Shortcuts.SCENE, StitchView.TAKE, "Take the selected passage into the composition")
                .in(Shortcuts.SCENE, SceneEditorView.FIND, "Find in the scene")
                .in(Shortcuts.SCENE, SceneEditorView.REPLACE, "Find and replace in the scene")
                .in(Shortcuts.SCENE, new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), "Undo")
                .in(Shortcuts.BINDER, "Click, Enter", "Open the entry")
                .in(Shortcuts.BINDER, "Alt+Up, Alt+Down", "Move the scene or chapter")
                .in(Shortcuts.BINDER, "F2", "Rename the chapter")
                .in(Shortcuts.BINDER, "Delete", "Delete the entry (asks first)");
        applyTheme(model.darkProperty().get());
        model.darkProperty().addListener((o, was, dark) -> applyTheme(dark));
        String css = MainView.class.getResource("/dev/quire/ui/quire.css").toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }

    /** Help › Keyboard shortcuts: the sheet, made from the shortcuts the window installed. */
    public void showShortcuts() {
        if (shortcuts != null) {
            ShortcutSheet.of(window(), shortcuts.all()).show();
        }
    }

    /** Every shortcut the window knows, as the sheet lists them. */
    public java.util.List<Shortcuts.Shortcut> shortcuts() {
        return shortcuts == null ? java.util.List.of() : shortcuts.all();
    }

    private void toggleTheme() {
        model.darkProperty().set(!model.darkProperty().get());
    }

    private void applyTheme(boolean dark) {
        useTheme(dark);
        root.getStyleClass().removeAll("theme-dark", "theme-light");
        root.getStyleClass().add(dark ? "theme-dark" : "theme-light");
    }

    /**
     * Makes the light or the dark theme the window's stylesheet. Called before the first control is made, it also
     * spares loading JavaFX's own default stylesheet, which the first control would load otherwise.
     */
    public static void useTheme(boolean dark) {
        String sheet = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        if (!sheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(sheet);
        }
    }

    public Node view() {
        return root;
    }

    public MainViewModel model() {
        return model;
    }

    public TabPane tabs() {
        return tabs.pane();
    }

    public LibraryView library() {
        return library;
    }

    public BinderView binder() {
        return binder;
    }
}
