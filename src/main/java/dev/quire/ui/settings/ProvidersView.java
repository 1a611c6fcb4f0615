package dev.quire.ui.settings;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.ui.settings.ProvidersViewModel.TestState;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Providers page: a list of profiles beside the form of the one being edited. */
public final class ProvidersView {

    private final ProvidersViewModel model;
    private final BorderPane root = new BorderPane();

    public ProvidersView(ProvidersViewModel model) {
        this.model = model;
        root.getStyleClass().add("settings-page");

        Label heading = new Label("Providers");
        heading.getStyleClass().add("page-heading");
        Label intro = new Label("Where Quire sends the prompts you ask it to send. Keys never go into the library,"
                + " its backups or its exports. Without a provider, Quire does everything except generate.");
        intro.setWrapText(true);
        intro.getStyleClass().add("page-message");

        MenuButton add = new MenuButton("Add provider");
        add.getStyleClass().add("accent");
        for (ProviderProfile preset : ProviderProfile.presets()) {
            MenuItem item = new MenuItem(preset.name() + "  ·  " + preset.baseUrl());
            item.setOnAction(e -> model.startNew(preset));
            add.getItems().add(item);
        }

        Label ollama = new Label("Ollama is running on this machine.");
        Button addOllama = new Button("Add Ollama");
        addOllama.setOnAction(e -> model.addOllama());
        HBox ollamaBanner = new HBox(10, ollama, addOllama);
        ollamaBanner.setAlignment(Pos.CENTER_LEFT);
        ollamaBanner.getStyleClass().add("notice");
        ollamaBanner.visibleProperty().bind(model.ollamaOfferProperty());
        ollamaBanner.managedProperty().bind(model.ollamaOfferProperty());

        ListView<ProviderProfile> list = new ListView<>(model.profiles());
        list.getStyleClass().add("provider-list");
        list.setPrefWidth(270);
        list.setMinWidth(270);
        list.setCellFactory(v -> new ListCell<>() {
            private final Label title = new Label();
            private final Label detail = new Label();
            private final VBox box = new VBox(2, title, detail);

            {
                title.getStyleClass().add("provider-name");
                detail.getStyleClass().add("field-hint");
                setPrefWidth(0); // let the list's width decide; long names end in an ellipsis
            }

            @Override
            protected void updateItem(ProviderProfile p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setGraphic(null);
                    return;
                }
                boolean isDefault = p.name().equals(model.defaultProfileProperty().get());
                title.setText(p.name() + (isDefault ? "  · default" : ""));
                detail.setText(p.kind().displayName() + " · " + p.defaultModel());
                setGraphic(box);
            }
        });
        model.defaultProfileProperty().addListener((o, a, b) -> list.refresh());
        Label none = new Label("No providers yet.");
        none.getStyleClass().add("empty-hint");
        list.setPlaceholder(none);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(now);
            }
        });

        Node form = form();
        form.visibleProperty().bind(model.editingProperty());
        Label pick = new Label();
        pick.textProperty().bind(Bindings.when(Bindings.isEmpty(model.profiles()))
                .then("No providers yet. With “Add provider”, choose Anthropic, OpenAI, an OpenAI-compatible server\n"
                        + "(OpenRouter, DeepSeek, llama.cpp, LM Studio, vLLM, KoboldCpp) or Ollama.\n"
                        + "Until then Quire does everything except generate.")
                .otherwise("Choose a provider on the left, or add one."));
        pick.setWrapText(true);
        pick.getStyleClass().add("empty-hint");
        pick.visibleProperty().bind(model.editingProperty().not());
        javafx.scene.layout.StackPane formArea = new javafx.scene.layout.StackPane(pick, form);
        HBox.setHgrow(formArea, Priority.ALWAYS);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, heading, spacer, add);
        top.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.textProperty().bind(dev.quire.ui.common.WriterText.of(model.messageProperty()));
        message.getStyleClass().add("page-message");
        message.managedProperty().bind(Bindings.isNotEmpty(model.messageProperty()));

        HBox body = new HBox(16, list, formArea);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox column = new VBox(10, top, intro, ollamaBanner, message, body);
        column.setPadding(new Insets(24, 28, 24, 28));
        column.setMaxWidth(1100);
        root.setCenter(column);
    }

    private Node form() {
        TextField name = field(model.nameProperty(), "A name you will recognise");
        ComboBox<ProviderKind> kind = new ComboBox<>();
        kind.getItems().setAll(ProviderKind.values());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProviderKind k) {
                return k == null ? "" : k.displayName();
            }

            @Override
            public ProviderKind fromString(String s) {
                return null;
            }
        });
        TextField baseUrl = field(model.baseUrlProperty(), "https://…");
        ComboBox<String> modelBox = new ComboBox<>(model.models());
        modelBox.setEditable(true);
        modelBox.setMaxWidth(Double.MAX_VALUE);
        modelBox.getEditor().textProperty().bindBidirectional(model.modelProperty());
        TextField context = field(model.contextWindowProperty(), "200000");
        TextField maxTokens = field(model.maxOutputTokensProperty(), "4096");

        Label keyStatus = new Label();
        keyStatus.textProperty().bind(dev.quire.ui.common.WriterText.of(model.keyStatusProperty()));
        keyStatus.setWrapText(true);
        keyStatus.getStyleClass().add("field-hint");
        PasswordField key = new PasswordField();
        key.setPromptText("Paste a new key to store it with Save");
        key.textProperty().bindBidirectional(model.newKeyProperty());
        Button forget = new Button("Forget stored key");
        forget.getStyleClass().add("flat");
        forget.setOnAction(e -> model.forgetKey());
        forget.disableProperty().bind(model.keyStoredProperty().not());
        HBox keyRow = new HBox(8, key, forget);
        HBox.setHgrow(key, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        int row = 0;
        grid.addRow(row++, label("Name"), name);
        grid.addRow(row++, label("Kind"), kind);
        grid.addRow(row++, label("Base URL"), baseUrl);
        grid.addRow(row++, label("Default model"), modelBox);
        grid.addRow(row++, label("Context window"), context);
        grid.addRow(row++, label("Max output tokens"), maxTokens);
        row = ReasoningFields.addTo(grid, row, model.reasoning(), model.kindProperty());
        row = BansField.addTo(grid, row, model.bansSetting(), model.kindProperty());
        grid.addRow(row++, label("API key"), keyRow);
        grid.add(keyStatus, 1, row++);
        Label urlHint = new Label("Anthropic and Ollama: the server root. OpenAI and compatible servers: the API root"
                + " with /v1, e.g. https://openrouter.ai/api/v1 or http://localhost:8080/v1.");
        urlHint.setWrapText(true);
        urlHint.getStyleClass().add("field-hint");
        grid.add(urlHint, 1, row++);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints inputs = new javafx.scene.layout.ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, inputs);
        for (Node n : new Node[] {name, kind, baseUrl, context, maxTokens}) {
            GridPane.setFillWidth(n, true);
            if (n instanceof Region r) {
                r.setMaxWidth(Double.MAX_VALUE);
            }
        }

        Label problems = new Label();
        problems.textProperty().bind(dev.quire.ui.common.WriterText.of(model.problemsProperty()));
        problems.setWrapText(true);
        problems.getStyleClass().add("form-problems");
        problems.managedProperty().bind(Bindings.isNotEmpty(model.problemsProperty()));

        Button save = new Button("Save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save());
        Button test = new Button("Test connection");
        test.setOnAction(e -> model.testConnection());
        test.disableProperty().bind(model.testStateProperty().isEqualTo(TestState.RUNNING));
        Button makeDefault = new Button("Make default");
        makeDefault.setOnAction(e -> model.makeDefault());
        makeDefault.disableProperty().bind(model.storedBinding().not());
        Button delete = new Button();
        delete.textProperty().bind(Bindings.when(model.storedBinding()).then("Remove").otherwise("Discard"));
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> model.delete());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, save, test, makeDefault, gap, delete);
        buttons.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(model.testStateProperty().isEqualTo(TestState.RUNNING));
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label result = new Label();
        result.setWrapText(true);
        result.textProperty().bind(dev.quire.ui.common.WriterText.of(model.testResultProperty()));
        model.testStateProperty().addListener((o, was, state) -> {
            result.getStyleClass().removeAll("test-passed", "test-failed");
            if (state == TestState.PASSED) {
                result.getStyleClass().add("test-passed");
            } else if (state == TestState.FAILED) {
                result.getStyleClass().add("test-failed");
            }
        });
        HBox testLine = new HBox(8, spinner, result);
        testLine.setAlignment(Pos.CENTER_LEFT);
        testLine.getStyleClass().add("test-result");

        VBox form = new VBox(14, grid, problems, buttons, testLine);
        form.getStyleClass().add("provider-form");
        form.setPadding(new Insets(4, 4, 4, 4));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("form-scroll");
        return scroll;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(javafx.beans.property.StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    public Node view() {
        return root;
    }
}
