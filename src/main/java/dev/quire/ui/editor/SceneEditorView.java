package dev.quire.ui.editor;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Words;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.AutosavingEditor;
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

/** A scene: its title and details above, its prose below in a rich-text area. */
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

    public SceneEditorView(SceneEditorViewModel model, Background background) {
        super("scene:" + model.sceneId(), model, model.titleProperty(), "Untitled scene");
        this.model = model;
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

        ToggleButton provenance = new ToggleButton("Provenance");
        provenance.setTooltip(new Tooltip("Colour text by where it came from: a variant, or your own hand"));
        provenance.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                area.getStyleClass().add("show-provenance");
            } else {
                area.getStyleClass().remove("show-provenance");
            }
        });

        javafx.scene.control.Button preview = new javafx.scene.control.Button("Prompt…");
        preview.setTooltip(new Tooltip("See exactly what the next request for this scene would send (Ctrl+Shift+P)"));
        preview.setOnAction(e -> openPromptPreview());
        HBox meterBox = new HBox();
        meterBox.setAlignment(Pos.CENTER_LEFT);
        model.promptProperty().addListener((o, was, vm) -> {
            dev.quire.ui.prompt.ContextMeter meter = new dev.quire.ui.prompt.ContextMeter(vm.reportProperty());
            meter.setOnMouseClicked(e -> openPromptPreview());
            meterBox.getChildren().setAll(meter);
        });
        javafx.scene.control.Button revisions = new javafx.scene.control.Button("Revisions…");
        revisions.setTooltip(new Tooltip("Earlier states of this scene, to read or restore"));
        revisions.setOnAction(e -> model.revisions(list -> new RevisionsDialog(root.getScene().getWindow(),
                model.titleProperty().get(), list).choose().ifPresent(r -> model.restore(r, area::setProse))));
        HBox header = new HBox(8, title, pov, present, pinned, provenance, revisions);
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {pov, present, pinned, provenance,
                preview, revisions}) {
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
        HBox context = new HBox(10, summaryPane, meterBox, preview);
        context.setAlignment(Pos.TOP_LEFT);
        VBox top = new VBox(6, header, context);
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
        root.setCenter(centre);
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
        model.load(background, area::setProse);
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
