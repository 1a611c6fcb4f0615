package dev.quire.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Conversation;
import dev.quire.model.LoreEntry;
import dev.quire.ui.binder.BinderView;
import dev.quire.ui.common.Editor;
import dev.quire.ui.editor.SceneEditorView;
import dev.quire.ui.editor.SceneEditorViewModel;
import dev.quire.ui.library.LibraryView;
import dev.quire.ui.sheets.BibleView;
import dev.quire.ui.sheets.CharacterSheetView;
import dev.quire.ui.sheets.CharacterSheetViewModel;
import dev.quire.ui.sheets.LoreEntryView;
import dev.quire.ui.sheets.LoreEntryViewModel;
import dev.quire.ui.sheets.NotesView;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The main window: a top bar, the library page or the open story (binder beside tabs), and a
 * status bar that says when the work was last saved.
 */
public final class MainView {

    private final MainViewModel model;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final LibraryView library;
    private final TabPane tabs = new TabPane();
    private final SplitPane workspace = new SplitPane();
    private final Label storyTitle = new Label();
    private final Label saveLabel = new Label();
    private final Label wordsLabel = new Label();
    private final Label sceneWordsLabel = new Label();
    private BinderView binder;

    public MainView(MainViewModel model) {
        this.model = model;
        this.library = new LibraryView(model.library(), model::open);
        library.onImport(this::importManuscript);
        library.onRestore(this::restoreFromBackup);
        root.getStyleClass().add("quire-root");

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getStyleClass().add("editor-tabs");
        Label noTabs = new Label("Open a scene, a character or the bible from the binder.\n"
                + "Ctrl+N adds a scene.");
        noTabs.getStyleClass().add("empty-hint");
        StackPane tabArea = new StackPane(noTabs, tabs);
        tabs.visibleProperty().bind(Bindings.isNotEmpty(tabs.getTabs()));
        workspace.getItems().add(tabArea);
        workspace.getStyleClass().add("workspace");

        root.setTop(topBar());
        root.setCenter(centre);
        root.setBottom(statusBar());
        model.openStoryProperty().addListener((o, was, now) -> showStory(now));
        showStory(model.openStoryProperty().get());
        model.library().reload();
    }

    private Node topBar() {
        Button libraryButton = new Button("Library");
        libraryButton.setTooltip(new Tooltip("All stories (Ctrl+L)"));
        libraryButton.setOnAction(e -> showLibrary());
        storyTitle.getStyleClass().add("story-heading");
        Button theme = new Button();
        theme.getStyleClass().add("flat");
        theme.textProperty().bind(Bindings.when(model.darkProperty()).then("Light theme").otherwise("Dark theme"));
        theme.setTooltip(new Tooltip("Switch between light and dark (Ctrl+Shift+D)"));
        theme.setOnAction(e -> model.darkProperty().set(!model.darkProperty().get()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label brand = new Label("Quire");
        brand.getStyleClass().add("brand");
        Button settings = new Button("Providers");
        settings.getStyleClass().add("flat");
        settings.setTooltip(new Tooltip("Where prompts are sent: Anthropic, OpenAI, compatible servers, Ollama"
                + " (Ctrl+,)"));
        settings.setOnAction(e -> toggleSettings());
        Button export = new Button("Export…");
        export.getStyleClass().add("flat");
        export.setTooltip(new Tooltip("Export the story as Markdown, text, Word or EPUB (Ctrl+E)"));
        export.setOnAction(e -> exportStory());
        export.visibleProperty().bind(model.openStoryProperty().isNotNull());
        export.managedProperty().bind(export.visibleProperty());
        HBox bar = new HBox(12, brand, libraryButton, storyTitle, spacer, export, settings, theme);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private Node statusBar() {
        saveLabel.getStyleClass().add("save-status");
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshSaveLabel()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        model.saveStatus().lastSavedProperty().addListener((o, a, b) -> refreshSaveLabel());
        model.saveStatus().problemProperty().addListener((o, a, b) -> refreshSaveLabel());
        refreshSaveLabel();
        Label problem = new Label();
        problem.getStyleClass().add("status-problem");
        problem.textProperty().bind(model.problemProperty());
        Label notice = new Label();
        notice.getStyleClass().add("status-notice");
        notice.textProperty().bind(model.noticeProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the counts and the save state keep their room; a long notice or problem gives way with an ellipsis
        for (Label fixed : new Label[] {saveLabel, sceneWordsLabel, wordsLabel}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        problem.setMinWidth(0);
        notice.setMinWidth(0);
        notice.setTooltip(new Tooltip());
        notice.getTooltip().textProperty().bind(notice.textProperty());
        HBox bar = new HBox(16, saveLabel, problem, notice, spacer, sceneWordsLabel, wordsLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("status-bar");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> refreshSceneWords());
        return bar;
    }

    private void refreshSaveLabel() {
        String problem = model.saveStatus().problemProperty().get();
        saveLabel.getStyleClass().remove("failing");
        if (!problem.isEmpty()) {
            saveLabel.setText(problem);
            saveLabel.getStyleClass().add("failing");
            return;
        }
        Instant last = model.saveStatus().lastSavedProperty().get();
        if (last == null) {
            saveLabel.setText("Everything is saved as you type");
        } else {
            long s = java.time.Duration.between(last, Instant.now()).getSeconds();
            saveLabel.setText(s < 2 ? "Autosaved just now" : s < 60 ? "Autosaved " + s + " s ago"
                    : "Autosaved " + LibraryView.ago(last));
        }
    }

    private void refreshSceneWords() {
        sceneWordsLabel.textProperty().unbind();
        sceneWordsLabel.setText("");
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.getUserData() instanceof SceneEditorView scene) {
            sceneWordsLabel.textProperty().bind(Bindings.createStringBinding(() -> "Scene "
                    + NumberFormat.getIntegerInstance().format(scene.model().wordsProperty().get()) + " words",
                    scene.model().wordsProperty()));
        }
    }

    private void showStory(MainViewModel.OpenStory open) {
        closeAll();
        tabs.getTabs().clear();
        workspace.getItems().removeIf(n -> binder != null && n == binder.view());
        wordsLabel.textProperty().unbind();
        wordsLabel.setText("");
        closeSettings();
        if (open == null) {
            binder = null;
            storyTitle.textProperty().unbind();
            storyTitle.setText("");
            centre.getChildren().setAll(library.view());
            library.focus();
            return;
        }
        Actions actions = new Actions(open);
        // a failed add, move or delete in the binder is said in the status bar
        open.binder().problemProperty().addListener((o, was, problem) -> model.problemProperty().set(problem));
        binder = new BinderView(open.binder(), actions);
        // the scene to resume loads alongside the binder, not after it
        if (open.resumeScene() != null) {
            actions.openScene(open.resumeScene());
        } else {
            settled();
        }
        workspace.getItems().add(0, binder.view());
        workspace.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(binder.view(), false);
        storyTitle.textProperty().bind(open.bible().titleProperty());
        wordsLabel.textProperty().bind(Bindings.createStringBinding(() -> "Story "
                + NumberFormat.getIntegerInstance().format(open.binder().storyWords().get()) + " words",
                open.binder().storyWords()));
        centre.getChildren().setAll(workspace);
        binder.tree().requestFocus();
    }

    private Runnable whenSettled;

    /** Runs {@code action} once, when the writer can first work: a scene is in its editor, or a page is up. */
    public void whenSettled(Runnable action) {
        whenSettled = action;
    }

    /** The window has its first content; after the next pulse, so it is laid out too. */
    public void settled() {
        Runnable action = whenSettled;
        whenSettled = null;
        if (action != null) {
            dev.quire.ui.common.Fx.later(action);
        }
    }

    /** Opens an editor in a tab, or selects its tab if it is open already. */
    void open(Editor editor) {
        for (Tab t : tabs.getTabs()) {
            if (t.getUserData() instanceof Editor e && e.key().equals(editor.key())) {
                tabs.getSelectionModel().select(t);
                e.focus();
                return;
            }
        }
        Tab tab = new Tab();
        tab.textProperty().bind(editor.title());
        tab.setContent(editor.view());
        tab.setUserData(editor);
        tab.setOnClosed(e -> editor.close());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        editor.focus();
    }

    /** Closes the tab of something deleted, without saving it again. */
    private void discardTab(String key) {
        tabs.getTabs().removeIf(t -> {
            if (t.getUserData() instanceof Editor e && e.key().equals(key)) {
                e.discard();
                return true;
            }
            return false;
        });
    }

    /** Saves every open editor and stops what runs for them: before the library closes or the story changes. */
    public void closeAll() {
        for (Tab t : tabs.getTabs()) {
            if (t.getUserData() instanceof Editor e) {
                e.close();
            }
        }
        MainViewModel.OpenStory open = model.openStoryProperty().get();
        if (open != null) {
            open.bible().flush();
        }
    }

    /** Saves every open editor now: on focus loss, close, and switching stories. */
    public void flushAll() {
        List<Editor> editors = new ArrayList<>();
        for (Tab t : tabs.getTabs()) {
            if (t.getUserData() instanceof Editor e) {
                editors.add(e);
            }
        }
        editors.forEach(Editor::flush);
        MainViewModel.OpenStory open = model.openStoryProperty().get();
        if (open != null) {
            open.bible().flush();
        }
    }

    private void showLibrary() {
        closeSettings();
        flushAll();
        model.showLibrary();
    }

    private java.util.function.Consumer<java.nio.file.Path> restorer = p -> { };

    /** How a chosen backup is put in place: the application closes and reopens the library around it. */
    public void onRestore(java.util.function.Consumer<java.nio.file.Path> restore) {
        this.restorer = restore;
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void showError(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(window());
        alert.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setPrefWidth(480);
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }

    /** Library → Import…: read a draft, preview and adjust its split, then import it as a new story. */
    public void importManuscript() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Import a manuscript");
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("Manuscripts (Markdown, text, Word)", "*.md",
                        "*.markdown", "*.txt", "*.text", "*.docx"),
                new javafx.stage.FileChooser.ExtensionFilter("All files", "*.*"));
        java.io.File file = chooser.showOpenDialog(window());
        if (file == null) {
            return;
        }
        java.nio.file.Path path = file.toPath();
        model.background().read(() -> dev.quire.studio.manuscript.ManuscriptReader.read(path))
                .onSuccess(manuscript -> {
                    dev.quire.ui.library.ImportPreviewViewModel vm = new dev.quire.ui.library.ImportPreviewViewModel(
                            model.studio(), model.background(), manuscript);
                    if (new dev.quire.ui.library.ImportPreviewDialog(vm, window(), path.getFileName().toString())
                            .showAndWait()) {
                        vm.commit(id -> {
                            model.noticeProperty().set("Imported “" + vm.titleProperty().get() + "”: "
                                    + vm.summaryProperty().get() + ".");
                            model.library().reload();
                            model.open(id);
                        });
                    }
                })
                .onError(e -> showError("Quire cannot import this file", e.getMessage()))
                .start();
    }

    /** Export…: format and options, then where; the file is written whole or not at all. */
    public void exportStory() {
        MainViewModel.OpenStory open = model.openStoryProperty().get();
        if (open == null) {
            return;
        }
        flushAll();
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle("Export");
        dialog.setHeaderText("Export “" + open.bible().titleProperty().get() + "”");
        javafx.scene.control.ChoiceBox<dev.quire.studio.manuscript.Format> format =
                new javafx.scene.control.ChoiceBox<>();
        format.getItems().setAll(dev.quire.studio.manuscript.Format.values());
        format.setValue(dev.quire.studio.manuscript.Format.DOCX);
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(dev.quire.studio.manuscript.Format f) {
                return f == null ? "" : f.displayName();
            }

            @Override
            public dev.quire.studio.manuscript.Format fromString(String s) {
                return null;
            }
        });
        javafx.scene.control.CheckBox provenance = new javafx.scene.control.CheckBox(
                "Mark where text came from (a colour per variant, with a legend)");
        javafx.scene.control.CheckBox unused = new javafx.scene.control.CheckBox(
                "Add an appendix of the variants not used");
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(10, new Label("Format"), format, provenance,
                unused);
        dialog.getDialogPane().setContent(content);
        javafx.scene.control.ButtonType next = new javafx.scene.control.ButtonType("Choose file…",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(javafx.scene.control.ButtonType.CANCEL, next);
        if (dialog.showAndWait().filter(b -> b == next).isEmpty()) {
            return;
        }
        dev.quire.studio.manuscript.Format chosen = format.getValue();
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export as " + chosen.displayName());
        chooser.setInitialFileName(open.bible().titleProperty().get().replaceAll("[\\\\/:*?\"<>|]", "") + "."
                + chosen.extension());
        java.io.File file = chooser.showSaveDialog(window());
        if (file == null) {
            return;
        }
        dev.quire.studio.manuscript.StoryExport.Options options = new dev.quire.studio.manuscript.StoryExport.Options(
                provenance.isSelected(), unused.isSelected());
        long storyId = open.story().id();
        model.background().read(() -> dev.quire.studio.manuscript.StoryExport.export(model.studio(), storyId, chosen,
                        options, file.toPath()))
                .onSuccess(r -> model.noticeProperty().set("Exported " + r.scenes() + " scenes ("
                        + String.format("%,d", r.words()) + " words) to " + r.file() + "."))
                .onError(e -> showError("Quire could not export the story", e.getMessage()))
                .start();
    }

    private record Restorable(java.util.List<dev.quire.studio.Backups.Backup> backups,
                              dev.quire.studio.Backups.Contents current) {
    }

    /** Library → Restore from backup…: shows what will be replaced, then hands the choice to the application. */
    public void restoreFromBackup() {
        flushAll();
        java.nio.file.Path dataDir = model.studio().dataDir();
        model.background().read(() -> new Restorable(dev.quire.studio.Backups.list(dataDir),
                        dev.quire.studio.Backups.describe(model.studio().database().file())))
                .onSuccess(r -> new dev.quire.ui.library.RestoreDialog(window(), r.backups(), r.current()).choose()
                        .ifPresent(restorer))
                .onError(e -> showError("Quire cannot list the backups", e.getMessage()))
                .start();
    }

    private dev.quire.ui.common.FrameExecutor frameExecutor;

    /** Streamed text reaches the window through this, once per frame. */
    private dev.quire.ui.common.FrameExecutor frames() {
        if (frameExecutor == null) {
            frameExecutor = new dev.quire.ui.common.FrameExecutor();
        }
        return frameExecutor;
    }

    private Node settingsPage;

    /** The Providers page, over whatever the centre shows; Done or Esc goes back to it. */
    public void toggleSettings() {
        if (settingsPage != null) {
            closeSettings();
            return;
        }
        flushAll();
        dev.quire.ui.settings.ProvidersViewModel vm = new dev.quire.ui.settings.ProvidersViewModel(model.studio(),
                model.background());
        dev.quire.ui.settings.ProvidersView providers = new dev.quire.ui.settings.ProvidersView(vm);
        Button done = new Button("Done");
        done.setCancelButton(true);
        done.setOnAction(e -> closeSettings());
        BorderPane page = new BorderPane(providers.view());
        HBox bottom = new HBox(done);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(0, 28, 20, 28));
        page.setBottom(bottom);
        page.getStyleClass().add("settings-overlay");
        settingsPage = page;
        centre.getChildren().add(page);
        vm.reload();
    }

    private void closeSettings() {
        if (settingsPage != null) {
            centre.getChildren().remove(settingsPage);
            settingsPage = null;
        }
    }

    /** Keyboard shortcuts for the common actions; installed once the view is in a scene. */
    public void installShortcuts(Scene scene) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::showLibrary);
        accelerators.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            if (binder != null) {
                binder.newScene();
            } else {
                library.newStory();
            }
        });
        accelerators.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                library::newStory);
        accelerators.put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), () -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            if (t != null) {
                tabs.getTabs().remove(t);
                if (t.getUserData() instanceof Editor e) {
                    e.close();
                }
            }
        });
        accelerators.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::flushAll);
        accelerators.put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), this::toggleSettings);
        accelerators.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::exportStory);
        accelerators.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> {
                    Tab t = tabs.getSelectionModel().getSelectedItem();
                    if (t != null && t.getUserData() instanceof SceneEditorView editor) {
                        editor.openPromptPreview();
                    }
                });
        accelerators.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::importManuscript);
        accelerators.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> model.darkProperty().set(!model.darkProperty().get()));
        accelerators.put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> {
                    if (binder != null) {
                        binder.tree().requestFocus();
                    }
                });
        applyTheme(model.darkProperty().get());
        model.darkProperty().addListener((o, was, dark) -> applyTheme(dark));
        String css = MainView.class.getResource("/dev/quire/ui/quire.css").toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().removeAll("theme-dark", "theme-light");
        root.getStyleClass().add(dark ? "theme-dark" : "theme-light");
    }

    public Node view() {
        return root;
    }

    public TabPane tabs() {
        return tabs;
    }

    public LibraryView library() {
        return library;
    }

    public BinderView binder() {
        return binder;
    }

    private final class Actions implements BinderView.Actions {
        private final MainViewModel.OpenStory open;

        Actions(MainViewModel.OpenStory open) {
            this.open = open;
        }

        @Override
        public void openBible() {
            open(new BibleView(open.bible()));
        }

        @Override
        public void openNotes() {
            open(new NotesView(open.bible()));
        }

        @Override
        public void openScene(long sceneId) {
            if (selectIfOpen("scene:" + sceneId)) {
                return;
            }
            model.rememberScene(open.story().id(), sceneId);
            SceneEditorViewModel vm = new SceneEditorViewModel(model.studio(), model.background(),
                    model.saveStatus(), sceneId, open.binder()::sceneSaved);
            vm.stateProperty().addListener((o, was, state) -> {
                if (state != SceneEditorViewModel.State.LOADING) {
                    settled();
                }
            });
            dev.quire.ui.stitch.StitchViewModel stitch = new dev.quire.ui.stitch.StitchViewModel(model.studio(),
                    new dev.quire.studio.Generator(model.studio()), model.background(), model.saveStatus(), frames(),
                    frames(), sceneId);
            open(new SceneEditorView(vm, stitch, model.background()));
            refreshSceneWords();
        }

        @Override
        public void openCharacter(CharacterSheet sheet) {
            if (selectIfOpen("character:" + sheet.id())) {
                return;
            }
            model.background().read(() -> model.studio().characters().get(sheet.id()).orElse(sheet))
                    .onSuccess(fresh -> {
                        CharacterSheetView sheetView = new CharacterSheetView(new CharacterSheetViewModel(
                                model.studio(), model.background(), model.saveStatus(), fresh,
                                open.binder()::characterRenamed));
                        sheetView.onGoToSource(this::goToMessage);
                        open(sheetView);
                    })
                    .start();
        }

        @Override
        public void openLore(LoreEntry entry) {
            if (selectIfOpen("lore:" + entry.id())) {
                return;
            }
            model.background().read(() -> model.studio().lore().get(entry.id()).orElse(entry))
                    .onSuccess(fresh -> open(new LoreEntryView(new LoreEntryViewModel(model.studio(),
                            model.background(), model.saveStatus(), fresh, open.binder()::loreRenamed))))
                    .start();
        }

        @Override
        public void openConversation(Conversation conversation) {
            if (selectIfOpen("conversation:" + conversation.id())) {
                return;
            }
            dev.quire.ui.chat.ChatViewModel vm = new dev.quire.ui.chat.ChatViewModel(model.studio(), model.background(),
                    frames(), conversation);
            dev.quire.ui.chat.ChatView chat = new dev.quire.ui.chat.ChatView(vm, (row, passage) -> pin(row, passage));
            chat.onNote(this::yesAnd);
            open(chat);
        }

        /** "Yes, and": keeps what the model said as a possible clue, sent to the model or kept private. */
        private void yesAnd(dev.quire.ui.chat.ChatViewModel.Row row, String passage) {
            String said = passage == null || passage.isBlank() ? row.textProperty().get() : passage;
            String quote = said.length() > 240 ? said.substring(0, 240).strip() + "…" : said.strip();
            javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
            dialog.initOwner(window());
            dialog.setTitle("“Yes, and” note");
            dialog.setHeaderText("Keep this as a possible clue");
            javafx.scene.control.TextArea text = new javafx.scene.control.TextArea("The model said: “" + quote
                    + "” Make it a clue?");
            text.setWrapText(true);
            text.setPrefRowCount(4);
            javafx.scene.control.CheckBox shared = new javafx.scene.control.CheckBox(
                    "Send it to the model with the story context (otherwise it stays private)");
            dialog.getDialogPane().setContent(new javafx.scene.layout.VBox(10, text, shared));
            javafx.scene.control.ButtonType keep = new javafx.scene.control.ButtonType("Keep note",
                    javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
            dialog.getDialogPane().getButtonTypes().setAll(javafx.scene.control.ButtonType.CANCEL, keep);
            if (dialog.showAndWait().filter(b -> b == keep).isPresent() && !text.getText().isBlank()) {
                open.bible().addClue(text.getText().strip(), shared.isSelected(), "message", row.message().id());
                model.noticeProperty().set("Kept a “yes, and” note" + (shared.isSelected()
                        ? ", sent to the model from now on." : ", private."));
            }
        }

        /** Opens the conversation a message belongs to, showing the branch that leads to that message. */
        private void goToMessage(long messageId) {
            model.background().read(() -> model.studio().conversations().message(messageId)
                            .flatMap(m -> model.studio().conversations().get(m.conversationId())))
                    .onSuccess(found -> found.ifPresentOrElse(conversation -> {
                        discardTab("conversation:" + conversation.id());
                        dev.quire.ui.chat.ChatViewModel vm = new dev.quire.ui.chat.ChatViewModel(model.studio(),
                                model.background(), frames(), conversation);
                        dev.quire.ui.chat.ChatView chat = new dev.quire.ui.chat.ChatView(vm,
                                (row, passage) -> pin(row, passage), messageId);
                        chat.onNote(this::yesAnd);
                        open(chat);
                    }, () -> model.problemProperty().set("The conversation this came from has been deleted.")))
                    .start();
        }

        @Override
        public void newConversation(Long sceneId, String frameKey) {
            long storyId = open.story().id();
            String title = sceneId == null
                    ? ("analyst".equals(frameKey) ? "Analysis " : "Brainstorm ") + (open.binder().conversations().size() + 1)
                    : "Discussion: " + open.binder().scenes().stream().filter(h -> h.id() == sceneId).findFirst()
                    .map(h -> h.title()).orElse("scene");
            model.background().write(() -> model.studio().threads().start(storyId, sceneId, title, frameKey))
                    .onSuccess(c -> {
                        open.binder().reload();
                        openConversation(c);
                    })
                    .onError(e -> showError("Quire could not start the conversation", e.getMessage()))
                    .start();
        }

        /** Keeps a passage from a message in a sheet, the lore or the notes, and refreshes what shows it. */
        private void pin(dev.quire.ui.chat.ChatViewModel.Row row, String passage) {
            if (passage == null || passage.isBlank()) {
                return;
            }
            flushAll();
            var choice = new dev.quire.ui.chat.PinDialog(window(), passage, List.copyOf(open.binder().characters()),
                    List.copyOf(open.binder().lore())).choose();
            if (choice.isEmpty()) {
                return;
            }
            var c = choice.get();
            long source = row.message().id();
            long storyId = open.story().id();
            var threads = model.studio().threads();
            model.background().write(() -> {
                if (c.character() != null && c.asFact()) {
                    threads.pinAsFact(c.character().id(), c.passage(), source);
                    return "character:" + c.character().id();
                } else if (c.character() != null) {
                    threads.pinToField(c.character().id(), c.field(), c.passage(), source);
                    return "character:" + c.character().id();
                } else if (c.toLore()) {
                    LoreEntry entry = threads.pinToLore(storyId, c.lore() == null ? null : c.lore().id(),
                            c.newLoreTitle(), c.passage(), source);
                    return "lore:" + entry.id();
                } else {
                    threads.pinToNotes(storyId, c.passage(), source);
                    return "notes:" + storyId;
                }
            }).onSuccess(key -> {
                model.noticeProperty().set("Pinned to " + (key.startsWith("character") ? c.character().name()
                        + (c.asFact() ? " as a fact" : "'s " + c.field().label().toLowerCase()) : key.startsWith("lore")
                        ? "the lore" : "the story notes") + ".");
                open.binder().reload();
                if (key.startsWith("notes")) {
                    model.background().read(() -> model.studio().stories().get(storyId))
                            .onSuccess(s -> s.ifPresent(st -> open.bible().notesChanged(st.notes()))).start();
                } else {
                    reopenFresh(key);
                }
            }).onError(e -> showError("Quire could not pin the passage", e.getMessage())).start();
        }

        /** An open sheet or lore tab would save its older copy over the pin: reopen it from the library. */
        private void reopenFresh(String key) {
            boolean wasOpen = tabs.getTabs().stream().anyMatch(t -> t.getUserData() instanceof Editor e && e.key().equals(key));
            discardTab(key);
            if (!wasOpen) {
                return;
            }
            long id = Long.parseLong(key.substring(key.indexOf(':') + 1));
            if (key.startsWith("character")) {
                model.background().read(() -> model.studio().characters().get(id))
                        .onSuccess(sheet -> sheet.ifPresent(this::openCharacter)).start();
            } else {
                model.background().read(() -> model.studio().lore().get(id))
                        .onSuccess(entry -> entry.ifPresent(this::openLore)).start();
            }
        }

        @Override
        public void importCard() {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Import a character card");
            chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter(
                    "Character cards (PNG, JSON, CHARX)", "*.png", "*.json", "*.charx"),
                    new javafx.stage.FileChooser.ExtensionFilter("All files", "*.*"));
            java.io.File file = chooser.showOpenDialog(window());
            if (file == null) {
                return;
            }
            long storyId = open.story().id();
            model.background().write(() -> new dev.quire.studio.cards.CharacterCards(model.studio())
                            .importCard(file.toPath(), storyId))
                    .onSuccess(imported -> {
                        open.binder().reload();
                        model.noticeProperty().set("Imported " + imported.character().name() + " with "
                                + imported.lore().size() + " lore " + (imported.lore().size() == 1 ? "entry" : "entries")
                                + (imported.warnings().isEmpty() ? "." : ". " + String.join(" ", imported.warnings())));
                        openCharacter(imported.character());
                    })
                    .onError(e -> showError("Quire cannot import this card", e.getMessage()))
                    .start();
        }

        @Override
        public void exportCard(CharacterSheet sheet) {
            flushAll();
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Export " + sheet.name() + " as a character card");
            chooser.getExtensionFilters().addAll(
                    new javafx.stage.FileChooser.ExtensionFilter("PNG card (SillyTavern, TavernAI)", "*.png"),
                    new javafx.stage.FileChooser.ExtensionFilter("JSON card", "*.json"));
            chooser.setInitialFileName(sheet.name().replaceAll("[\\\\/:*?\"<>|]", "") + ".png");
            java.io.File file = chooser.showSaveDialog(window());
            if (file == null) {
                return;
            }
            dev.quire.studio.cards.CardFormat format = file.getName().toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".json") ? dev.quire.studio.cards.CardFormat.JSON : dev.quire.studio.cards.CardFormat.PNG;
            model.background().read(() -> {
                dev.quire.studio.cards.CharacterCards cards = new dev.quire.studio.cards.CharacterCards(model.studio());
                return cards.exportTo(sheet.id(), cards.defaultSpec(sheet.id()), format, file.toPath());
            }).onSuccess(path -> model.noticeProperty().set("Exported " + sheet.name() + "'s card to " + path + "."))
                    .onError(e -> showError("Quire could not export the card", e.getMessage()))
                    .start();
        }

        @Override
        public void confirmDelete(String what, Runnable delete, String tabKey) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
            confirm.initOwner(root.getScene().getWindow());
            confirm.setTitle("Delete");
            confirm.setHeaderText("Delete " + what + "?");
            confirm.setContentText("This cannot be undone from the window.");
            ButtonType deleteButton = new ButtonType("Delete", ButtonType.OK.getButtonData());
            confirm.getButtonTypes().setAll(ButtonType.CANCEL, deleteButton);
            confirm.showAndWait().filter(b -> b == deleteButton).ifPresent(b -> {
                discardTab(tabKey);
                delete.run();
            });
        }

        private boolean selectIfOpen(String key) {
            for (Tab t : tabs.getTabs()) {
                if (t.getUserData() instanceof Editor e && e.key().equals(key)) {
                    tabs.getSelectionModel().select(t);
                    return true;
                }
            }
            return false;
        }
    }
}
