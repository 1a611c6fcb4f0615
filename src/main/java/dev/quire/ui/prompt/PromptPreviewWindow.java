package dev.quire.ui.prompt;

import dev.quire.prompt.PromptReport;
import dev.quire.studio.Prompts;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.text.NumberFormat;
import java.util.List;
import java.util.Map;

/**
 * Prompt Preview: what the next request would send, exactly, with a bar of tokens by source, what
 * was left out and why, and "Copy prompt" for pasting into any chat window.
 */
public final class PromptPreviewWindow {

    private static final List<String> KINDS = List.of("frame", "instruction", "canon", "bible", "character", "lore",
            "scene", "summary", "chapter-summary");

    private final PromptPreviewViewModel model;
    private final Stage stage = new Stage();
    private final HBox bar = new HBox();
    private final FlowPane legend = new FlowPane(12, 4);
    private final TextArea messages = new TextArea();
    private final ListView<PromptReport.Dropped> dropped = new ListView<>();
    private final Label total = new Label();
    /** Which form each earlier scene took: "scenes 1–96 by summary (12 stale), 97–118 verbatim…". */
    private final Label coverage = new Label();
    /** With the panel's Mix on: each column's own fit, one line a column. */
    private final VBox columnFits = new VBox(2);

    public PromptPreviewWindow(PromptPreviewViewModel model, Window owner, String sceneTitle, Scene styleFrom) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle("Quire — Prompt preview: " + sceneTitle);

        ComboBox<String> frame = new ComboBox<>();
        model.frames().addListener((javafx.collections.ListChangeListener<Prompts.FrameInfo>) c -> {
            String chosen = model.frameProperty().get();
            frame.getItems().setAll(model.frames().stream().map(Prompts.FrameInfo::key).toList());
            // the names arrive with the frames: show the chosen one by name, not by key
            frame.setButtonCell(new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(String key, boolean empty) {
                    super.updateItem(key, empty);
                    setText(empty || key == null ? "" : frame.getConverter().toString(key));
                }
            });
            frame.setValue(chosen);
        });
        frame.valueProperty().bindBidirectional(model.frameProperty());
        frame.setConverter(new StringConverter<>() {
            @Override
            public String toString(String key) {
                return model.frames().stream().filter(f -> f.key().equals(key)).findFirst()
                        .map(Prompts.FrameInfo::name).orElse(key == null ? "" : key);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        TextField instruction = new TextField();
        instruction.setPromptText("The instruction, e.g. “a breakfast scene; he explains what he has just learned”");
        instruction.textProperty().bindBidirectional(model.instructionProperty());
        instruction.setOnAction(e -> model.refresh());
        Button update = new Button("Update");
        update.setOnAction(e -> model.refresh());
        Button editFrame = new Button("Frame…");
        editFrame.setTooltip(new Tooltip("Read the frame's template, or duplicate and edit it"));
        editFrame.setOnAction(e -> new FrameEditorDialog(model, stage).open());
        HBox.setHgrow(instruction, Priority.ALWAYS);
        HBox top = new HBox(8, new Label("Frame"), frame, editFrame, instruction, update);
        if (!model.choosesFrame()) {
            top.getChildren().removeAll(top.getChildren().get(0), frame, editFrame);
            instruction.setPromptText("What you would say next");
        }
        top.setAlignment(Pos.CENTER_LEFT);

        bar.getStyleClass().add("token-bar");
        bar.setPrefHeight(14);
        bar.setMinHeight(14);
        legend.getStyleClass().add("token-legend");

        messages.setEditable(false);
        messages.setWrapText(true);
        messages.getStyleClass().add("prompt-messages");
        dropped.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(PromptReport.Dropped d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.label() + " — " + d.reason() + " (" + d.kind() + ")");
            }
        });
        Label nothingDropped = new Label("Nothing was left out.");
        nothingDropped.getStyleClass().add("empty-hint");
        dropped.setPlaceholder(nothingDropped);
        VBox droppedBox = new VBox(6, heading("Left out, and why"), dropped);
        VBox.setVgrow(dropped, Priority.ALWAYS);
        VBox messagesBox = new VBox(6, heading("Exactly what will be sent"), messages);
        VBox.setVgrow(messages, Priority.ALWAYS);
        SplitPane split = new SplitPane(messagesBox, droppedBox);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);

        Button copy = new Button("Copy prompt");
        copy.getStyleClass().add("accent");
        copy.setTooltip(new Tooltip("Copy the whole prompt, to paste into any chat window"));
        copy.setOnAction(e -> {
            PromptReport r = model.reportProperty().get();
            if (r != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(r.text());
                Clipboard.getSystemClipboard().setContent(content);
                copy.setText("Copied");
            }
        });
        Label problem = new Label();
        problem.textProperty().bind(dev.quire.ui.common.WriterText.of(model.problemProperty()));
        problem.getStyleClass().add("form-problems");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(12, total, problem, gap, copy);
        bottom.setAlignment(Pos.CENTER_LEFT);

        coverage.getStyleClass().add("prompt-coverage");
        coverage.setWrapText(true);
        columnFits.getStyleClass().add("column-fits");
        columnFits.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.fits()));
        columnFits.managedProperty().bind(columnFits.visibleProperty());
        model.fits().addListener((javafx.collections.ListChangeListener<PromptPreviewViewModel.ColumnFit>) c ->
                showFits());
        showFits();
        VBox head = new VBox(10, top, bar, legend, coverage, columnFits);
        BorderPane root = new BorderPane(split, head, null, bottom, null);
        BorderPane.setMargin(split, new Insets(10, 0, 10, 0));
        root.setPadding(new Insets(14));
        root.getStyleClass().addAll("prompt-preview");
        if (styleFrom != null && styleFrom.getRoot() != null) {
            root.getStyleClass().addAll(styleFrom.getRoot().getStyleClass());
        }
        Scene scene = new Scene(root, 1040, 720);
        if (styleFrom != null) {
            scene.getStylesheets().setAll(styleFrom.getStylesheets());
        }
        stage.setScene(scene);
        dev.quire.ui.common.WindowSize.fit(stage, owner, 1040, 720);
        dev.quire.ui.common.WindowSize.closesOnEscape(stage);
        model.reportProperty().addListener((o, was, r) -> {
            copy.setText("Copy prompt");
            show(r);
        });
        model.tooSmallProperty().addListener((o, was, now) -> show(model.reportProperty().get()));
        show(model.reportProperty().get());
    }

    public void show() {
        stage.show();
        stage.toFront();
        model.loadFrames();
    }

    private void show(PromptReport r) {
        bar.getChildren().clear();
        legend.getChildren().clear();
        if (r == null) {
            messages.setText("");
            dropped.getItems().clear();
            total.setText(model.tooSmallProperty().get().isEmpty() ? "Building the prompt…"
                    : "Does not fit: nothing would be sent.");
            coverage.setText("");
            return;
        }
        NumberFormat n = NumberFormat.getIntegerInstance(java.util.Locale.ROOT);
        Map<String, Integer> byKind = r.tokensByKind();
        double scale = Math.max(r.budget(), r.tokens());
        for (Map.Entry<String, Integer> e : byKind.entrySet()) {
            Region part = new Region();
            part.getStyleClass().addAll("token-part", "kind-" + colourOf(e.getKey()));
            part.prefWidthProperty().bind(bar.widthProperty().multiply(e.getValue() / scale));
            part.setMinWidth(e.getValue() > 0 ? 2 : 0);
            Tooltip.install(part, new Tooltip(e.getKey() + ": " + n.format(e.getValue()) + " tokens"));
            bar.getChildren().add(part);
            Label key = new Label(e.getKey() + " " + n.format(e.getValue()));
            key.getStyleClass().addAll("legend-key", "kind-" + colourOf(e.getKey()));
            legend.getChildren().add(key);
        }
        StringBuilder text = new StringBuilder();
        for (PromptReport.Message m : r.messages()) {
            text.append("── ").append(m.role()).append(" ──\n\n").append(m.content()).append("\n\n");
        }
        messages.setText(text.toString().strip());
        messages.positionCaret(0);
        dropped.getItems().setAll(r.dropped());
        String line = r.coverage().line();
        coverage.setText(((line.isBlank() ? "" : "The story so far: " + line
                + (r.coverage().complete() ? "." : ". Some earlier scenes are not in it; see what was left out."))
                + stops(r)).strip());
        total.setText(r.tokensText() + " of " + n.format(r.budget()) + " tokens (" + (r.fits()
                ? Math.round(r.fill() * 100) + "%" : "does not fit") + (r.exact() ? "" : ", estimated") + ") · " + r.included().size() + " pieces in · " + r.dropped().size() + " left out");
    }

    private void showFits() {
        columnFits.getChildren().setAll(heading("Each column's fit, to its own model"));
        for (PromptPreviewViewModel.ColumnFit f : model.fits()) {
            Label line = new Label(f.line());
            line.getStyleClass().add("column-fit");
            if (f.report() == null || !f.report().fits()) {
                line.getStyleClass().add("form-problems");
            }
            line.setWrapText(true);
            columnFits.getChildren().add(line);
        }
    }

    /** Where the model is told to stop, in the writer's words; "" when the model plays everyone. */
    static String stops(PromptReport r) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String stop : r.stop()) {
            if (stop.startsWith("\n\n")) {
                names.add(stop.substring(2));
            }
        }
        return names.isEmpty() ? "" : " The model stops where " + String.join(" or ", names) + " would come in: a "
                + "new paragraph, or a line, opening with the name.";
    }

    private static String colourOf(String kind) {
        int i = KINDS.indexOf(kind);
        return i < 0 ? "other" : kind;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }
}
