package dev.quire.ui.editor;

import dev.quire.ui.common.Tips;
import dev.quire.ui.common.KeyText;
import dev.quire.model.CharacterSheet;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The scene's header: its title and the Scene/Variants switch on the first line; on the second its details (POV,
 * who is present, pinned), what to show (summary, provenance colours) and what to do with it (the prompt,
 * revisions, discussing it with the model, summarising, checking). At 1280 pixels every control fits; a narrower
 * window wraps the second line rather than cutting controls off.
 */
final class SceneToolbar {

    /** What the toolbar's buttons ask the editor to do. */
    interface Actions {
        void openPromptPreview();

        void openRevisions();

        void summarise();

        void checkContinuity();

        void checkStereotypes();

        /** A conversation about this scene with the critic, or an analysis of the characters with the analyst. */
        void discuss(boolean analyst);
    }

    private final SceneEditorViewModel model;
    private final VBox view = new VBox(6);
    private final TextField title = new TextField();
    final ToggleButton sceneToggle = new ToggleButton("Scene");
    final ToggleButton variantsToggle = new ToggleButton("Variants");
    final ToggleButton provenanceToggle = new ToggleButton("Provenance");
    final ToggleButton summaryToggle = new ToggleButton("Summary");
    private final FlowPane details;
    /** The scene's summary, made the first time the Summary toggle shows it. */
    private TextArea summary;

    SceneToolbar(SceneEditorViewModel model, Actions actions) {
        this.model = model;
        title.getStyleClass().add("scene-title");
        title.setPromptText("Scene title");
        title.textProperty().bindBidirectional(model.titleProperty());
        title.setMinWidth(160);
        HBox.setHgrow(title, Priority.ALWAYS);

        ToggleGroup view = new ToggleGroup();
        sceneToggle.setToggleGroup(view);
        variantsToggle.setToggleGroup(view);
        sceneToggle.setSelected(true);
        sceneToggle.getStyleClass().add("left-pill");
        variantsToggle.getStyleClass().add("right-pill");
        Tips.set(sceneToggle, "The scene's text (" + KeyText.of(SceneEditorView.SHOW_SCENE) + ")");
        Tips.set(variantsToggle, "The variants side by side and the composition stitched from them ("
                + KeyText.of(SceneEditorView.SHOW_VARIANTS) + ")");
        view.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            }
        });
        HBox switcher = new HBox(0, sceneToggle, variantsToggle);
        switcher.setMinWidth(Region.USE_PREF_SIZE);
        HBox first = new HBox(8, title, switcher);
        first.setAlignment(Pos.CENTER_LEFT);

        ComboBox<CharacterSheet> pov = new ComboBox<>(model.characters());
        pov.setPromptText("POV");
        Tips.set(pov, "Whose point of view the scene is told from");
        pov.setCellFactory(v -> new NameCell());
        pov.setButtonCell(new NameCell());
        pov.valueProperty().bindBidirectional(model.povProperty());
        pov.setMaxWidth(170);

        MenuButton present = new MenuButton("Present");
        Tips.set(present, "Characters present in the scene; their sheets go into its prompts");
        model.characters().addListener((ListChangeListener<CharacterSheet>) c -> fillPresent(present));
        model.present().addListener((ListChangeListener<Long>) c -> syncPresent(present));

        ToggleButton pinned = new ToggleButton("Pinned");
        Tips.set(pinned, "A pinned scene always goes into the prompt context");
        pinned.selectedProperty().bindBidirectional(model.pinnedProperty());

        Tips.set(summaryToggle, "Show or hide the scene's summary: what older scenes send the model");
        summaryToggle.getStyleClass().add("summary-toggle");
        Tips.set(provenanceToggle, "Colour text by where it came from: a variant, or your own hand");
        provenanceToggle.getStyleClass().add("provenance-toggle");

        Button prompt = new Button("Prompt…");
        Tips.set(prompt, "See exactly what the next request for this scene would send ("
                + KeyText.of(SceneEditorView.PROMPT_PREVIEW) + ")");
        prompt.setOnAction(e -> actions.openPromptPreview());
        Button revisions = new Button("Revisions…");
        Tips.set(revisions, "Earlier states of this scene, to read, compare with now, or restore");
        revisions.setOnAction(e -> actions.openRevisions());
        MenuItem critic = new MenuItem("Discuss this scene");
        critic.setOnAction(e -> actions.discuss(false));
        MenuItem analyst = new MenuItem("Analyse the characters (analyst)");
        analyst.setOnAction(e -> actions.discuss(true));
        MenuButton discuss = new MenuButton("Discuss", null, critic, analyst);
        discuss.getStyleClass().add("scene-discuss");
        Tips.set(discuss, "Talk the scene over with the model, or have it analyse the characters'"
                + " psychology: a conversation in a new tab");
        MenuButton sceneMenu = ProseMenu.sceneMenu(actions::summarise, actions::checkContinuity,
                actions::checkStereotypes);

        Node kept = new dev.quire.ui.prose.KeptBar(model.kept(), 0).compact().view();
        kept.getStyleClass().add("scene-kept");
        // the scene's figure as it stands: again when it has loaded and each time the writer comes back to the text
        model.stateProperty().addListener((o, was, now) -> {
            if (now == SceneEditorViewModel.State.READY) {
                model.kept().refresh();
            }
        });
        sceneToggle.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                model.kept().refresh();
            }
        });
        HBox left = new HBox(8, pov, present, pinned, summaryToggle, provenanceToggle, kept);
        HBox right = new HBox(8, prompt, revisions, discuss, sceneMenu);
        left.setAlignment(Pos.CENTER_LEFT);
        right.setAlignment(Pos.CENTER_LEFT);
        details = new FlowPane(12, 6, left, right);
        details.getStyleClass().add("scene-details");
        details.setAlignment(Pos.CENTER_LEFT);
        details.setMinWidth(0);
        // while stitching, the columns and the composition need the height more than the scene's details do
        details.visibleProperty().bind(sceneToggle.selectedProperty());
        details.managedProperty().bind(details.visibleProperty());
        for (Control c : new Control[] {pov, present, pinned, summaryToggle, provenanceToggle, prompt, revisions,
                discuss, sceneMenu, sceneToggle, variantsToggle}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }

        first.getStyleClass().add("editor-header");
        this.view.getChildren().addAll(first, details);
        summaryToggle.selectedProperty().addListener((o, was, on) -> {
            if (on && summary == null) {
                addSummary();
            }
        });
        this.view.disableProperty().bind(model.stateProperty().isNotEqualTo(SceneEditorViewModel.State.READY));
    }

    Node view() {
        return view;
    }

    private void addSummary() {
        summary = new TextArea();
        summary.setPromptText("What happens in this scene, in a sentence or two. Older scenes reach the model"
                + " through their summaries.");
        summary.setWrapText(true);
        summary.setPrefRowCount(2);
        summary.getStyleClass().add("scene-summary-text");
        summary.textProperty().bindBidirectional(model.summaryProperty());
        summary.visibleProperty().bind(summaryToggle.selectedProperty().and(sceneToggle.selectedProperty()));
        summary.managedProperty().bind(summary.visibleProperty());
        view.getChildren().add(summary);
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

    private static final class NameCell extends ListCell<CharacterSheet> {
        @Override
        protected void updateItem(CharacterSheet item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "POV" : item.name());
        }
    }
}
