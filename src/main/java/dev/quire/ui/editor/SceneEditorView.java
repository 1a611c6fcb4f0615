package dev.quire.ui.editor;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Words;
import dev.quire.ui.common.AutosavingEditor;
import dev.quire.ui.common.Background;
import dev.quire.ui.prose.ProseArea;
import dev.quire.ui.prose.ProvenancePaint;
import dev.quire.ui.stitch.GeneratePanel;
import dev.quire.ui.stitch.SceneHost;
import dev.quire.ui.stitch.StitchView;
import dev.quire.ui.stitch.StitchViewModel;
import dev.quire.ui.stitch.VariantColumn;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * A scene: its title and details above, its prose below in a rich-text area, and beside it (Ctrl+2) the
 * stitching pane with the generate panel under both.
 */
public final class SceneEditorView extends AutosavingEditor {

    private final SceneEditorViewModel model;
    private final BorderPane root = new BorderPane();
    private final ProseArea area = new ProseArea();
    private final TextField title = new TextField();
    private FindBar findBar;
    private static final javafx.scene.input.KeyCombination FIND = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    private static final javafx.scene.input.KeyCombination REPLACE = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.H, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    private final StitchViewModel stitch;
    private final ContinuityViewModel continuity;
    private final ContinuityPanel continuityPanel;
    private Runnable summarise = () -> { };
    private final StackPane centreSwitch = new StackPane();
    private final ToggleButton sceneToggle = new ToggleButton("Scene");
    private final ToggleButton variantsToggle = new ToggleButton("Variants");
    private final ToggleButton provenanceToggle = new ToggleButton("Provenance");
    private StitchView stitchView;
    private GeneratePanel generatePanel;

    /**
     * @param stitch the scene's stitching pane, shown once the scene has loaded (its story is known then)
     */
    public SceneEditorView(SceneEditorViewModel model, StitchViewModel stitch, Background background) {
        super(new dev.quire.ui.common.EditorKey.Scene(model.sceneId()), model, model.titleProperty(), "Untitled scene");
        this.model = model;
        this.stitch = stitch;
        this.continuity = model.continuity();
        this.continuityPanel = new ContinuityPanel(continuity, finding -> ContinuityPanel.select(area, continuity,
                finding));
        root.getStyleClass().add("scene-editor");

        title.getStyleClass().add("scene-title");
        title.setPromptText("Scene title");
        title.textProperty().bindBidirectional(model.titleProperty());
        HBox.setHgrow(title, Priority.ALWAYS);

        ComboBox<CharacterSheet> pov = new ComboBox<>(model.characters());
        pov.setPromptText("POV");
        pov.setTooltip(new Tooltip("Whose point of view the scene is told from"));
        pov.setCellFactory(v -> new NameCell());
        pov.setButtonCell(new NameCell());
        pov.valueProperty().bindBidirectional(model.povProperty());

        MenuButton present = new MenuButton("Present");
        present.setTooltip(new Tooltip("Characters present in the scene; their sheets go into its prompts"));
        model.characters().addListener((ListChangeListener<CharacterSheet>) c -> fillPresent(present));
        model.present().addListener((ListChangeListener<Long>) c -> syncPresent(present));

        ToggleButton pinned = new ToggleButton("Pinned");
        pinned.setTooltip(new Tooltip("A pinned scene always goes into the prompt context"));
        pinned.selectedProperty().bindBidirectional(model.pinnedProperty());

        ToggleButton provenance = provenanceToggle;
        provenance.setTooltip(new Tooltip("Colour text by where it came from: a variant, or your own hand"));
        provenance.selectedProperty().addListener((o, was, on) -> ProvenancePaint.show(area.getStyleClass(), on));

        javafx.scene.control.Button preview = new javafx.scene.control.Button("Prompt…");
        preview.setTooltip(new Tooltip("See exactly what the next request for this scene would send (Ctrl+Shift+P)"));
        preview.setOnAction(e -> openPromptPreview());
        javafx.scene.control.Button revisions = new javafx.scene.control.Button("Revisions…");
        revisions.setTooltip(new Tooltip("Earlier states of this scene, to read, compare with now, or restore"));
        revisions.setOnAction(e -> model.revisions(list -> new RevisionsDialog(root.getScene().getWindow(),
                model.titleProperty().get(), list, area.prose()).choose()
                .ifPresent(r -> model.restore(r, prose -> {
                    showProse(prose);
                    stitch.sceneRestored(prose.text().length());
                }))));
        javafx.scene.control.ToggleGroup view = new javafx.scene.control.ToggleGroup();
        sceneToggle.setToggleGroup(view);
        variantsToggle.setToggleGroup(view);
        sceneToggle.setSelected(true);
        sceneToggle.getStyleClass().add("left-pill");
        variantsToggle.getStyleClass().add("right-pill");
        sceneToggle.setTooltip(new Tooltip("The scene's text (Ctrl+1)"));
        variantsToggle.setTooltip(new Tooltip("The variants side by side and the composition stitched from them"
                + " (Ctrl+2)"));
        view.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                showVariants(now == variantsToggle);
            }
        });
        HBox switcher = new HBox(0, sceneToggle, variantsToggle);
        switcher.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.control.MenuButton sceneMenu = ProseMenu.sceneMenu(() -> summarise.run(), () -> {
            model.saveSceneSoon();
            continuity.check();
        });
        HBox header = new HBox(8, title, switcher, pov, present, pinned, provenance, revisions, sceneMenu);
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {pov, present, pinned, provenance,
                preview, revisions, sceneMenu, sceneToggle, variantsToggle}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        title.setMinWidth(120);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("editor-header");

        TextArea summary = new TextArea();
        summary.setPromptText("What happens in this scene, in a sentence or two. Older scenes reach the model"
                + " through their summaries.");
        summary.setWrapText(true);
        summary.setPrefRowCount(2);
        summary.textProperty().bindBidirectional(model.summaryProperty());
        TitledPane summaryPane = new TitledPane("Summary", summary);
        summaryPane.setExpanded(false);
        summaryPane.getStyleClass().add("scene-summary");

        HBox.setHgrow(summaryPane, Priority.ALWAYS);
        HBox context = new HBox(10, summaryPane);
        context.setAlignment(Pos.TOP_LEFT);
        // while stitching the columns need the height more than the summary does
        context.visibleProperty().bind(sceneToggle.selectedProperty());
        context.managedProperty().bind(context.visibleProperty());
        // a revision that cannot be listed or restored says so here; the scene's text stays as it is
        Label problem = new Label();
        problem.getStyleClass().add("status-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty()
                .and(model.stateProperty().isEqualTo(SceneEditorViewModel.State.READY)));
        problem.managedProperty().bind(problem.visibleProperty());
        Label notice = new Label();
        notice.getStyleClass().add("scene-notice");
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        VBox top = new VBox(6, header, problem, notice, continuityPanel.view(), context);
        top.setPadding(new Insets(10, 16, 6, 16));
        root.setTop(top);

        VirtualizedScrollPane<ProseArea> scroll = new VirtualizedScrollPane<>(area);
        Label empty = new Label("This scene is empty. Start writing, or paste a draft.");
        empty.getStyleClass().add("empty-hint");
        empty.setMouseTransparent(true);
        empty.visibleProperty().bind(Bindings.createBooleanBinding(() -> area.getLength() == 0,
                area.lengthProperty()));
        StackPane body = new StackPane(scroll, empty);
        StackPane.setAlignment(empty, Pos.TOP_CENTER);
        StackPane.setMargin(empty, new Insets(40, 0, 0, 0));
        FindBar findBar = new FindBar(area);
        this.findBar = findBar;
        VBox centre = new VBox(findBar, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        centreSwitch.getChildren().setAll(centre);
        root.setCenter(centreSwitch);
        area.setContextMenu(ProseMenu.of(area, () -> askFor(dev.quire.studio.Generator.Mode.CONTINUE),
                () -> askFor(dev.quire.studio.Generator.Mode.REWRITE), () -> stitchView != null, model::addToCanon));
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e) || REPLACE.match(e)) {
                findBar.show();
                e.consume();
            }
        });

        Label missing = new Label();
        missing.textProperty().bind(model.problemProperty());
        model.stateProperty().addListener((o, was, state) -> {
            if (state == SceneEditorViewModel.State.MISSING) {
                root.setCenter(missing);
            }
        });

        model.readTextFrom(area::prose);
        // rich changes, not plain ones: Ctrl+I on a selection changes no text but must be saved
        area.richChanges().filter(change -> !change.isIdentity())
                .subscribe(change -> model.textChanged(Words.count(area.getText())));
        header.disableProperty().bind(model.stateProperty().isNotEqualTo(SceneEditorViewModel.State.READY));
        area.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                model.flush();
            }
        });
        // a column of comfortable reading width, centred in whatever room the tab has
        area.widthProperty().addListener((o, was, width) -> {
            double side = Math.max(28, (width.doubleValue() - 720) / 2);
            area.setPadding(new Insets(20, side, 60, side));
        });
        model.load(background, this::showProse);
        model.stateProperty().addListener((o, was, state) -> {
            if (state == SceneEditorViewModel.State.READY && stitchView == null) {
                buildStitching(preview);
            }
        });
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SHOW_SCENE.match(e)) {
                sceneToggle.setSelected(true);
                e.consume();
            } else if (SHOW_VARIANTS.match(e)) {
                variantsToggle.setSelected(true);
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && stitchView != null
                    && stitch.runningProperty().get()) {
                // Esc stops the streams from anywhere in the scene's tab, not only from the panel
                stitch.cancel();
                e.consume();
            } else if (GeneratePanel.GENERATE.match(e) && stitchView != null) {
                stitch.generate();
                e.consume();
            }
        });
    }

    private static final javafx.scene.input.KeyCombination SHOW_SCENE = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.DIGIT1, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    private static final javafx.scene.input.KeyCombination SHOW_VARIANTS = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    private boolean showingProse;

    /** Puts prose from the library into the editor: not an edit, so nothing follows it (anchors stay). */
    private void showProse(dev.quire.model.Prose prose) {
        showingProse = true;
        try {
            area.setProse(prose);
        } finally {
            showingProse = false;
        }
    }

    private java.util.function.BiConsumer<String, java.util.function.BooleanSupplier> accepted = (what, undo) -> { };

    /** An accepted composition, put into the editor as one edit that Ctrl+Z (or {@link #undoAccept}) takes back. */
    private void showAccepted(dev.quire.model.Prose prose) {
        showingProse = true;
        try {
            area.replaceAsOneEdit(prose);
        } finally {
            showingProse = false;
        }
    }

    /**
     * Takes the last accept back, when nothing was edited since; the text it replaced is saved again.
     *
     * @return whether it was taken back; when not, the editor says why
     */
    public boolean undoAccept() {
        var undo = area.getUndoManager();
        if (root.getScene() == null) {
            // the scene's tab was closed: its editor no longer holds the text
            return false;
        }
        if (undo.isAtMarkedPosition() && undo.isUndoAvailable()) {
            undo.undo();
            area.requestFocus();
            return true;
        } else {
            model.problemProperty().set("The scene has changed since that accept, so Undo would take back your"
                    + " later edits too: press Ctrl+Z in the text to step back, or find the earlier text in"
                    + " Revisions….");
            return false;
        }
    }

    /**
     * Who hears that a composition was accepted into this scene: what was done, and how to undo it (the window's
     * status bar).
     */
    public void onAccepted(java.util.function.BiConsumer<String, java.util.function.BooleanSupplier> listener) {
        this.accepted = listener;
    }

    /** The generate panel and the stitching pane, made once the scene has loaded and its story is known. */
    private void buildStitching(javafx.scene.control.Button preview) {
        stitch.attach(new SceneHost() {
            @Override
            public int caret() {
                return area.getCaretPosition();
            }

            @Override
            public int[] selection() {
                return new int[] {area.getSelection().getStart(), area.getSelection().getEnd()};
            }

            @Override
            public String text() {
                return area.getText();
            }

            @Override
            public void saveScene() {
                model.saveSceneSoon();
            }

            @Override
            public void sceneReplaced(dev.quire.model.Prose prose) {
                model.replaced(prose, SceneEditorView.this::showProse);
                provenanceToggle.setSelected(true);
                sceneToggle.setSelected(true);
            }

            @Override
            public void accepted(dev.quire.model.Prose prose, String what) {
                model.replaced(prose, SceneEditorView.this::showAccepted);
                provenanceToggle.setSelected(true);
                sceneToggle.setSelected(true);
                area.requestFocus();
                accepted.accept(what, SceneEditorView.this::undoAccept);
            }
        });
        stitch.sceneWordsProperty().bind(model.wordsProperty());
        model.companion(stitch);
        // where a continuation or rewrite goes moves with the writer's edits before it
        area.plainTextChanges().subscribe(change -> {
            if (!showingProse) {
                stitch.sceneEdited(change.getPosition(), change.getRemoved().length(), change.getInserted().length());
            }
        });
        stitchView = new StitchView(stitch);
        stitch.load(model.storyId());
        generatePanel = new GeneratePanel(stitch, this::openPromptPreview);
        root.setBottom(generatePanel);
        Runnable turns = () -> generatePanel.showTurns(model.characters().stream()
                .filter(c -> c.playedBy() == dev.quire.model.PlayedBy.WRITER && model.present().contains(c.id()))
                .map(CharacterSheet::name).toList());
        model.characters().addListener((ListChangeListener<CharacterSheet>) c -> turns.run());
        model.present().addListener((ListChangeListener<Long>) c -> turns.run());
        turns.run();
        stitch.runningProperty().addListener((o, was, running) -> {
            if (running) {
                variantsToggle.setSelected(true);
            }
        });
        stitch.columns().addListener((ListChangeListener<VariantColumn>) c -> {
            if (!stitch.columns().isEmpty() && stitch.loadedProperty().get() && stitch.runningProperty().get()) {
                variantsToggle.setSelected(true);
            }
        });
        dev.quire.ui.prompt.PromptPreviewViewModel vm = model.promptProperty().get();
        if (vm != null) {
            followPanel(vm);
        } else {
            model.promptProperty().addListener((o, was, now) -> followPanel(now));
        }
    }

    /** The context meter and Prompt Preview show what Generate would send: the panel's frame and instruction. */
    private void followPanel(dev.quire.ui.prompt.PromptPreviewViewModel vm) {
        generatePanel.showMeter(vm);
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
        settle.setOnFinished(e -> {
            try {
                vm.refresh();
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // the library closed while the timer waited: there is nothing left to preview
            }
        });
        stitch.options().instructionProperty().addListener((o, was, now) -> {
            vm.instructionProperty().set(now);
            settle.playFromStart();
        });
        stitch.options().frameProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.frameProperty().set(now.key());
                settle.playFromStart();
            }
        });
        // counted for the provider and model Generate will ask, so the meter shows the figure it records
        vm.providerProperty().bind(stitch.options().providerProperty());
        vm.modelProperty().bind(stitch.options().modelProperty());
        vm.providerProperty().addListener((o, was, now) -> settle.playFromStart());
        vm.modelProperty().addListener((o, was, now) -> settle.playFromStart());
        // continue and rewrite send part of the scene: the meter follows the cursor or the selection
        Runnable placement = () -> {
            dev.quire.studio.Generator.Mode m = stitch.modeProperty().get();
            var sel = area.getSelection();
            if (m == dev.quire.studio.Generator.Mode.CONTINUE) {
                vm.placement(m, area.getCaretPosition(), area.getCaretPosition());
            } else if (m == dev.quire.studio.Generator.Mode.REWRITE && sel.getLength() > 0) {
                vm.placement(m, sel.getStart(), sel.getEnd());
            } else {
                vm.placement(dev.quire.studio.Generator.Mode.SCENE, 0, 0);
            }
            settle.playFromStart();
        };
        stitch.modeProperty().addListener((o, was, now) -> placement.run());
        area.caretPositionProperty().addListener((o, was, now) -> {
            if (stitch.modeProperty().get() != dev.quire.studio.Generator.Mode.SCENE) {
                placement.run();
            }
        });
    }

    private void showVariants(boolean variants) {
        if (variants && stitchView != null) {
            model.saveSceneSoon();
            centreSwitch.getChildren().setAll(stitchView);
        } else {
            centreSwitch.getChildren().setAll(((VBox) findBar.getParent()));
        }
    }

    /** What Scene › Summarise does: the window's summary flow. */
    public void onSummarise(Runnable action) {
        this.summarise = action;
    }

    /** Sets the panel to continue or rewrite, and puts the keyboard in its instruction. */
    private void askFor(dev.quire.studio.Generator.Mode mode) {
        if (stitchView == null) {
            return;
        }
        stitch.modeProperty().set(mode);
        generatePanel.instruction().requestFocus();
    }

    /**
     * Saves, and stops the variants still streaming without waiting for them: their text so far is kept, marked as
     * stopped, once the library has recorded it.
     */
    @Override
    public void close() {
        stitch.close();
        flush();
    }

    public StitchView stitchView() {
        return stitchView;
    }

    public GeneratePanel generatePanel() {
        return generatePanel;
    }

    private void fillPresent(MenuButton menu) {
        menu.getItems().clear();
        for (CharacterSheet c : model.characters()) {
            CheckMenuItem item = new CheckMenuItem(c.name());
            item.setUserData(c.id());
            item.setSelected(model.present().contains(c.id()));
            item.selectedProperty().addListener((o, was, on) -> {
                if (on && !model.present().contains(c.id())) {
                    model.present().add(c.id());
                } else if (!on) {
                    model.present().remove(c.id());
                }
            });
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            CheckMenuItem none = new CheckMenuItem("No characters yet");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    private void syncPresent(MenuButton menu) {
        for (var item : menu.getItems()) {
            if (item instanceof CheckMenuItem check && check.getUserData() instanceof Long id) {
                check.setSelected(model.present().contains(id));
            }
        }
        int n = model.present().size();
        menu.setText(n == 0 ? "Present" : n + " present");
    }

    /** Opens the Prompt Preview for this scene. */
    public void openPromptPreview() {
        dev.quire.ui.prompt.PromptPreviewViewModel vm = model.promptProperty().get();
        if (vm == null || root.getScene() == null) {
            return;
        }
        model.flush();
        vm.refresh();
        new dev.quire.ui.prompt.PromptPreviewWindow(vm, root.getScene().getWindow(), model.titleProperty().get(),
                root.getScene()).show();
    }

    public FindBar findBar() {
        return findBar;
    }

    public ProseArea area() {
        return area;
    }

    public SceneEditorViewModel model() {
        return model;
    }



    @Override
    public Node view() {
        return root;
    }



    @Override
    public void focus() {
        area.requestFocus();
    }

    private static final class NameCell extends ListCell<CharacterSheet> {
        @Override
        protected void updateItem(CharacterSheet item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "POV" : item.name());
        }
    }
}
