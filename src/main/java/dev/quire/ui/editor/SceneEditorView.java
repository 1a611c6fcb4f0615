package dev.quire.ui.editor;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Words;
import dev.quire.ui.common.AutosavingEditor;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.LayoutMemory;
import dev.quire.ui.prose.ProseArea;
import dev.quire.ui.prose.ProvenanceLegend;
import dev.quire.ui.prose.ProvenancePaint;
import dev.quire.ui.stitch.GeneratePanel;
import dev.quire.ui.stitch.StitchView;
import dev.quire.ui.stitch.StitchViewModel;
import dev.quire.ui.stitch.VariantColumn;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * A scene: its title and details above, its prose below in a rich-text area, and beside it (Ctrl+2) the
 * stitching pane with the generate panel under both. The editor as the pane sees it, accepts and their undo
 * included, is {@link EditorSceneHost}; the meter and Prompt Preview follow the panel through {@link PreviewFollower}.
 */
public final class SceneEditorView extends AutosavingEditor {

    private final SceneEditorViewModel model;
    private final BorderPane root = new BorderPane();
    private final ProseArea area = new ProseArea();
    /** Made the first time it is asked for (Ctrl+F), above the text: most sessions never open it. */
    private FindBar findBar;
    private VBox centre;
    /** Find, and Find and replace, in the scene. */
    public static final javafx.scene.input.KeyCombination FIND = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    public static final javafx.scene.input.KeyCombination REPLACE = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.H, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    private final StitchViewModel stitch;
    private final ContinuityViewModel continuity;
    /** Made when the first check starts, under the toolbar. */
    private ContinuityPanel continuityPanel;
    private Runnable summarise = () -> { };
    private final StackPane centreSwitch = new StackPane();
    private final SceneToolbar toolbar;
    private final ToggleButton sceneToggle;
    private final ToggleButton variantsToggle;
    private final ToggleButton provenanceToggle;
    private final ProvenanceLegend legend = new ProvenanceLegend(area);
    private final EditorSceneHost host;
    private Conversations conversations = (sceneId, frameKey) -> { };
    private LayoutMemory layout;
    private Runnable addProvider = () -> { };
    private final javafx.beans.property.BooleanProperty providersShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "providersShown");

    /** Starts a conversation: about a scene (critic), or about the story's characters (analyst, no scene). */
    @FunctionalInterface
    public interface Conversations {
        void start(Long sceneId, String frameKey);
    }

    /** The Prompt Preview of the scene, from anywhere in the window. */
    public static final javafx.scene.input.KeyCombination PROMPT_PREVIEW = GeneratePanel.PROMPT;
    private StitchView stitchView;
    private final dev.quire.ui.cliche.ProseCliches cliches;
    private final dev.quire.ui.spell.ProseSpelling spelling;
    private GeneratePanel generatePanel;

    /**
     * @param stitch the scene's stitching pane, shown once the scene has loaded (its story is known then)
     */
    public SceneEditorView(SceneEditorViewModel model, StitchViewModel stitch, Background background) {
        super(new dev.quire.ui.common.EditorKey.Scene(model.sceneId()), model, model.titleProperty(), "Untitled scene");
        this.model = model;
        this.stitch = stitch;
        this.continuity = model.continuity();
        root.getStyleClass().add("scene-editor");

        toolbar = new SceneToolbar(model, new SceneToolbar.Actions() {
            @Override
            public void openPromptPreview() {
                SceneEditorView.this.openPromptPreview();
            }

            @Override
            public void openRevisions() {
                SceneEditorView.this.openRevisions();
            }

            @Override
            public void summarise() {
                summarise.run();
            }

            @Override
            public void checkContinuity() {
                model.saveSceneSoon();
                continuity.check();
            }

            @Override
            public void checkStereotypes() {
                model.saveSceneSoon();
                continuity.check(dev.quire.studio.ContinuityCheck.Lens.STEREOTYPE);
            }

            @Override
            public void discuss(boolean analyst) {
                model.flush();
                conversations.start(analyst ? null : model.sceneId(), analyst ? "analyst" : "critic");
            }
        });
        sceneToggle = toolbar.sceneToggle;
        variantsToggle = toolbar.variantsToggle;
        provenanceToggle = toolbar.provenanceToggle;
        sceneToggle.selectedProperty().addListener((o, was, scene) -> showVariants(!scene));
        provenanceToggle.selectedProperty().addListener((o, was, on) -> {
            ProvenancePaint.show(area.getStyleClass(), on);
            legend.refresh();
        });
        host = new EditorSceneHost(area, model, () -> root.getScene() != null, () -> {
            provenanceToggle.setSelected(true);
            sceneToggle.setSelected(true);
        });
        // a revision that cannot be listed or restored says so here; the scene's text stays as it is
        Label problem = new Label();
        problem.getStyleClass().add("status-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(dev.quire.ui.common.WriterText.of(model.problemProperty()));
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty()
                .and(model.stateProperty().isEqualTo(SceneEditorViewModel.State.READY)));
        problem.managedProperty().bind(problem.visibleProperty());
        Label notice = new Label();
        notice.getStyleClass().add("scene-notice");
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        VBox top = new VBox(6, toolbar.view(), problem, notice);
        top.setPadding(new Insets(10, 16, 6, 16));
        root.setTop(top);
        // the continuity panel and the find bar are made when first wanted: fewer controls to build and style
        // before the scene's first frame
        Runnable panel = () -> {
            if (continuityPanel == null && continuity.stateProperty().get() != ContinuityViewModel.State.IDLE) {
                continuityPanel = new ContinuityPanel(continuity, finding -> ContinuityPanel.select(area, continuity,
                        finding));
                top.getChildren().add(continuityPanel.view());
            }
        };
        continuity.stateProperty().addListener((o, was, now) -> panel.run());
        panel.run();

        VirtualizedScrollPane<ProseArea> scroll = new VirtualizedScrollPane<>(area);
        Label empty = new Label("This scene is empty. Start writing, or paste a draft.");
        empty.getStyleClass().add("empty-hint");
        empty.setMouseTransparent(true);
        empty.visibleProperty().bind(Bindings.createBooleanBinding(() -> area.getLength() == 0,
                area.lengthProperty()));
        StackPane body = new StackPane(scroll, empty);
        StackPane.setAlignment(empty, Pos.TOP_CENTER);
        StackPane.setMargin(empty, new Insets(40, 0, 0, 0));
        VBox centre = new VBox(legend.view(), body);
        this.centre = centre;
        VBox.setVgrow(body, Priority.ALWAYS);
        centreSwitch.getChildren().setAll(centre);
        root.setCenter(centreSwitch);
        area.setContextMenu(ProseMenu.of(area, () -> askFor(dev.quire.studio.Generator.Mode.CONTINUE),
                () -> askFor(dev.quire.studio.Generator.Mode.REWRITE), () -> stitchView != null, model::addToCanon));
        cliches = dev.quire.ui.cliche.ProseCliches.attach(area, body, stitch.cliches()).onRewrite(this::rewriteWithout);
        cliches.decorate(area.getContextMenu());
        spelling = dev.quire.ui.spell.ProseSpelling.attach(area, body, stitch.spelling());
        spelling.decorate(area.getContextMenu());
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e) || REPLACE.match(e)) {
                findBar().show();
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
                .subscribe(change -> {
                    model.textChanged(Words.count(area.getText()));
                    legend.refreshSoon();
                });
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
        model.stateProperty().addListener((o, was, state) -> {
            if (state == SceneEditorViewModel.State.READY && stitchView == null) {
                // at start-up the scene's text is on screen first, and the generate panel a frame after it
                dev.quire.ui.common.Startup.afterFirstFrame(() -> {
                    if (stitchView == null) {
                        buildStitching();
                    }
                });
            }
        });
        // at start-up the scene comes read already and is shown here, at once
        model.load(background, host::showProse);
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
                generatePanel.generate();
                e.consume();
            }
        });
    }

    /** The scene's text, and the stitching pane. */
    public static final javafx.scene.input.KeyCombination SHOW_SCENE = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.DIGIT1, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    public static final javafx.scene.input.KeyCombination SHOW_VARIANTS = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    /**
     * Takes the last accept back, when nothing was edited since; the text it replaced is saved again.
     *
     * @return whether it was taken back; when not, the editor says why
     */
    public boolean undoAccept() {
        return host.undoAccept();
    }

    /**
     * Who hears that a composition was accepted into this scene: what was done, and how to undo it (the window's
     * status bar).
     */
    public void onAccepted(java.util.function.BiConsumer<String, java.util.function.BooleanSupplier> listener) {
        host.onAccepted(listener);
    }

    /** The generate panel and the stitching pane, made once the scene has loaded and its story is known. */
    private void buildStitching() {
        stitch.attach(host);
        stitch.sceneWordsProperty().bind(model.wordsProperty());
        model.companion(stitch);
        host.followEdits(stitch);
        stitchView = new StitchView(stitch);
        if (layout != null) {
            followDivider();
        }
        stitch.load(model.storyId());
        generatePanel = new GeneratePanel(stitch, this::openPromptPreview, () -> addProvider.run(), () -> {
            variantsToggle.setSelected(true);
            stitchView.pasteVariant();
        });
        generatePanel.stitchShownProperty().bind(variantsToggle.selectedProperty());
        providersShown.addListener((o, was, shown) -> {
            if (!shown) {
                stitch.reloadProviders();
                // the meter follows the context window of the provider now chosen
                dev.quire.ui.prompt.PromptPreviewViewModel vm = model.promptProperty().get();
                if (vm != null) {
                    vm.refresh();
                }
            }
        });
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

    /** The context meter and Prompt Preview show what Generate would send. */
    private void followPanel(dev.quire.ui.prompt.PromptPreviewViewModel vm) {
        PreviewFollower.follow(vm, stitch, generatePanel, area);
    }

    private void showVariants(boolean variants) {
        if (variants && stitchView != null) {
            model.saveSceneSoon();
            centreSwitch.getChildren().setAll(stitchView);
        } else {
            centreSwitch.getChildren().setAll(centre);
        }
    }

    /**
     * What "Add a provider…" does (opens the Providers page), and the page's being up: when it goes, the panel
     * reads the profiles again.
     */
    public void onAddProvider(Runnable open, javafx.beans.value.ObservableBooleanValue shown) {
        this.addProvider = open;
        shown.addListener((o, was, now) -> providersShown.set(now));
    }

    /** Where the toolbar's Discuss starts its conversations: the window's. */
    public void onConversation(Conversations start) {
        this.conversations = start;
    }

    /**
     * Follows the window's layout memory: provenance colours on or off as the writer left them, and the stitching
     * pane's divider where it was last dragged.
     */
    public void useLayout(LayoutMemory memory) {
        this.layout = memory;
        provenanceToggle.setSelected(memory.provenanceShownProperty().get());
        provenanceToggle.selectedProperty().addListener((o, was, on) -> memory.provenanceShownProperty().set(on));
        memory.provenanceShownProperty().addListener((o, was, on) -> provenanceToggle.setSelected(on));
        stitch.cliches().shownProperty().bindBidirectional(memory.clichesShownProperty());
        if (stitchView != null) {
            followDivider();
        }
    }

    /** The composition's divider starts where the writer left it, and every drag is remembered. */
    private void followDivider() {
        if (stitchView.lookup(".stitch-split") instanceof javafx.scene.control.SplitPane split) {
            dev.quire.ui.common.RememberedDivider.follow(split, layout.compositionDividerProperty());
        }
    }

    private void openRevisions() {
        model.revisions(list -> new RevisionsDialog(root.getScene().getWindow(),
                model.titleProperty().get(), list, area.prose()).choose()
                .ifPresent(r -> model.restore(r, prose -> {
                    host.showProse(prose);
                    stitch.sceneRestored(prose.text().length());
                })));
    }

    /** What Scene › Summarise does: the window's summary flow. */
    public void onSummarise(Runnable action) {
        this.summarise = action;
    }

    /** Selects the finding's sentence and asks for it rewritten, the instruction naming what to leave out. */
    private void rewriteWithout(dev.quire.cliche.Finding f) {
        if (stitchView == null) {
            return;
        }
        dev.quire.stitch.Passages.Range r = dev.quire.stitch.Passages.sentenceAt(area.getText(), f.start());
        area.selectRange(r.start(), Math.max(r.end(), f.end()));
        stitch.modeProperty().set(dev.quire.studio.Generator.Mode.REWRITE);
        stitch.instructionProperty().set("Rewrite this without “" + f.text() + "” ("
                + dev.quire.ui.cliche.ClicheWatch.kind(f).toLowerCase(java.util.Locale.ROOT)
                + "): say the same thing in plain, specific words.");
        generatePanel.generate();
    }

    /** Selects a passage of the scene and shows it, now or once the scene's text has loaded. */
    public void selectPassage(int start, int end) {
        Runnable select = () -> {
            int length = area.getLength();
            area.selectRange(Math.min(start, length), Math.min(end, length));
            area.requestFollowCaret();
            sceneToggle.setSelected(true);
            area.requestFocus();
        };
        if (model.stateProperty().get() == SceneEditorViewModel.State.READY) {
            select.run();
        } else {
            model.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends SceneEditorViewModel.State> o,
                                    SceneEditorViewModel.State was, SceneEditorViewModel.State now) {
                    if (now == SceneEditorViewModel.State.READY) {
                        o.removeListener(this);
                        select.run();
                    }
                }
            });
        }
    }

    /** Spell check of the scene's text. */
    public dev.quire.ui.spell.ProseSpelling spelling() {
        return spelling;
    }

    /** Cliché watch over the scene's text. */
    public dev.quire.ui.cliche.ProseCliches cliches() {
        return cliches;
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

    /** The find bar above the scene's text, made the first time it is asked for. */
    public FindBar findBar() {
        if (findBar == null) {
            findBar = new FindBar(area);
            centre.getChildren().add(0, findBar);
        }
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
}
