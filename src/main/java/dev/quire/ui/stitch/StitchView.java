package dev.quire.ui.stitch;

import dev.quire.model.Prose;
import dev.quire.stitch.Shares;
import dev.quire.ui.prose.ProseArea;
import dev.quire.ui.prose.ProseStyle;
import dev.quire.ui.prose.ProvenancePaint;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * The stitching pane: variant columns side by side above, the composition below with its provenance
 * colours, legend and composition bar, and Accept.
 */
public final class StitchView extends BorderPane {

    public static final KeyCombination TAKE = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);

    private final StitchViewModel model;
    private final HBox columnsBox = new HBox(6);
    private final List<VariantColumnView> columnViews = new ArrayList<>();
    private final ProseArea composition = new ProseArea();
    private final ToggleButton syncScroll = new ToggleButton("Scroll together");
    private final ToggleButton clicheToggle = new ToggleButton("Clichés");
    private final dev.quire.ui.cliche.ProseCliches compositionCliches;
    private final dev.quire.ui.spell.ProseSpelling compositionSpelling;
    private final GenerationHistory generationHistory;
    private final SplitMenuButton acceptButton;
    private boolean syncing;

    public StitchView(StitchViewModel model) {
        this.model = model;
        getStyleClass().add("stitch-view");

        // ---- the columns ----
        Button paste = new Button("Paste a variant…");
        paste.setTooltip(new Tooltip("Add text written anywhere (a chat window, another tool, you) as one more column"));
        paste.setOnAction(e -> pasteDialog());
        syncScroll.setTooltip(new Tooltip("Scroll all columns together"));
        Label hint = new Label("Click a sentence to select it, double-click for its paragraph; Take (Ctrl+T) or drag"
                + " it into the composition.");
        hint.getStyleClass().add("stitch-hint");
        hint.setMinWidth(0);
        HBox.setHgrow(hint, Priority.ALWAYS);
        clicheToggle.getStyleClass().add("cliche-toggle");
        clicheToggle.setTooltip(new Tooltip("Underline stock phrases, over-used words and default names; hover one to"
                + " see why, right-click it to allow it or add it to the avoid list"));
        clicheToggle.selectedProperty().bindBidirectional(model.cliches().shownProperty());
        clicheToggle.setMinWidth(Region.USE_PREF_SIZE);
        HBox columnTools = new HBox(8, paste, syncScroll, clicheToggle, hint);
        columnTools.setAlignment(Pos.CENTER_LEFT);
        columnTools.setPadding(new Insets(6, 10, 4, 10));
        paste.setMinWidth(Region.USE_PREF_SIZE);
        syncScroll.setMinWidth(Region.USE_PREF_SIZE);

        Label empty = new Label("No variants yet. Write an instruction below and press Generate (Ctrl+Enter), or"
                + " paste a variant written anywhere.");
        empty.getStyleClass().add("empty-hint");
        empty.setWrapText(true);
        empty.setMaxWidth(460);
        empty.visibleProperty().bind(Bindings.isEmpty(model.columns()));
        empty.setMouseTransparent(true);
        columnsBox.setPadding(new Insets(0, 6, 0, 6));
        // columns share the width; when six do not fit, the row scrolls sideways
        javafx.scene.control.ScrollPane columnsScroll = new javafx.scene.control.ScrollPane(columnsBox);
        columnsScroll.setFitToWidth(true);
        columnsScroll.setFitToHeight(true);
        columnsScroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        columnsScroll.getStyleClass().add("edge-to-edge");
        // room for a column's header and a few lines of its text, however the divider is dragged
        columnsScroll.setMinHeight(140);
        StackPane columnsArea = new StackPane(columnsScroll, empty);
        generationHistory = new GenerationHistory(model);
        generationHistory.setPadding(new Insets(0, 10, 2, 10));
        VBox top = new VBox(columnTools, generationHistory, columnsArea);
        VBox.setVgrow(columnsArea, Priority.ALWAYS);
        model.columns().addListener((ListChangeListener<VariantColumn>) c -> rebuildColumns());
        rebuildColumns();

        // ---- the composition ----
        Label heading = new Label("Composition");
        heading.getStyleClass().add("section-heading");
        HBox legend = new HBox(8);
        legend.getStyleClass().add("legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        HBox bar = new HBox();
        bar.getStyleClass().add("composition-bar");
        bar.setPrefHeight(8);
        bar.setMinHeight(8);
        bar.setMaxHeight(8);
        Label shares = new Label();
        shares.getStyleClass().add("composition-shares");
        shares.textProperty().bind(model.sharesProperty());
        shares.setMinWidth(Region.USE_PREF_SIZE);
        model.shareListProperty().addListener((o, was, now) -> {
            fillBar(bar, now);
            fillLegend(legend, now);
        });
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox compositionHead = new HBox(10, heading, legend, bar, shares);
        compositionHead.setAlignment(Pos.CENTER_LEFT);
        compositionHead.setPadding(new Insets(6, 10, 4, 10));
        heading.setMinWidth(Region.USE_PREF_SIZE);

        composition.getStyleClass().addAll(ProvenancePaint.SHOWN, "composition");
        // a comfortable reading width, centred, as in the scene editor
        composition.widthProperty().addListener((o, was, width) -> {
            double side = Math.max(16, (width.doubleValue() - 760) / 2);
            composition.setPadding(new Insets(10, side, 20, side));
        });
        VirtualizedScrollPane<ProseArea> compositionScroll = new VirtualizedScrollPane<>(composition);
        Label compositionEmpty = new Label("Take passages from the columns into here, and write your own between"
                + " them. Each character remembers where it came from.");
        compositionEmpty.getStyleClass().add("empty-hint");
        compositionEmpty.setWrapText(true);
        compositionEmpty.setMaxWidth(460);
        compositionEmpty.setMouseTransparent(true);
        compositionEmpty.visibleProperty().bind(Bindings.createBooleanBinding(() -> composition.getLength() == 0,
                composition.lengthProperty()));
        StackPane compositionBody = new StackPane(compositionScroll, compositionEmpty);
        compositionCliches = dev.quire.ui.cliche.ProseCliches.attach(composition, compositionBody, model.cliches());
        javafx.scene.control.ContextMenu compositionMenu = new javafx.scene.control.ContextMenu();
        compositionCliches.decorate(compositionMenu);
        compositionSpelling = dev.quire.ui.spell.ProseSpelling.attach(composition, compositionBody, model.spelling());
        compositionSpelling.decorate(compositionMenu);
        composition.setContextMenu(compositionMenu);
        StackPane.setAlignment(compositionEmpty, Pos.TOP_CENTER);
        StackPane.setMargin(compositionEmpty, new Insets(30, 0, 0, 0));

        SplitMenuButton accept = AcceptChoice.button(model);
        this.acceptButton = accept;
        accept.disableProperty().bind(Bindings.createBooleanBinding(() -> composition.getLength() == 0
                || model.acceptingProperty().get(), composition.lengthProperty(), model.acceptingProperty()));
        Button clear = new Button("Clear");
        clear.setTooltip(new Tooltip("Empty the composition (Ctrl+Z brings it back)"));
        clear.setOnAction(e -> composition.replaceText(""));
        clear.disableProperty().bind(accept.disableProperty());
        Label problem = new Label();
        problem.getStyleClass().add("status-problem");
        problem.textProperty().bind(dev.quire.ui.common.WriterText.of(model.problemProperty()));
        problem.setWrapText(true);
        problem.setMinWidth(0);
        problem.setMinHeight(Region.USE_PREF_SIZE); // a refusal's figures and what to change are never cut off
        HBox.setHgrow(problem, Priority.ALWAYS);
        problem.setMaxWidth(Double.MAX_VALUE);
        HBox compositionFoot = new HBox(8, problem, clear, accept);
        compositionFoot.setAlignment(Pos.CENTER_RIGHT);
        compositionFoot.setPadding(new Insets(4, 10, 6, 10));
        accept.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);

        VBox bottom = new VBox(compositionHead, compositionBody, compositionFoot);
        VBox.setVgrow(compositionBody, Priority.ALWAYS);
        bottom.getStyleClass().add("composition-pane");

        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.getStyleClass().add("stitch-split");
        split.setDividerPositions(0.56);
        setCenter(split);

        // ---- taking ----
        composition.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(VariantColumnView.PASSAGE)) {
                e.acceptTransferModes(TransferMode.COPY);
                composition.moveTo(composition.hit(e.getX(), e.getY()).getInsertionIndex());
                e.consume();
            }
        });
        composition.setOnDragDropped(e -> {
            Object passage = e.getDragboard().getContent(VariantColumnView.PASSAGE);
            boolean done = false;
            if (passage instanceof String s) {
                String[] parts = s.split(":");
                int index = Integer.parseInt(parts[0]);
                if (index >= 0 && index < model.columns().size()) {
                    int at = composition.hit(e.getX(), e.getY()).getInsertionIndex();
                    model.take(model.columns().get(index), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), at);
                    done = true;
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (TAKE.match(e)) {
                for (VariantColumnView v : columnViews) {
                    if (v.area().isFocused()) {
                        v.takeSelection((c, r) -> model.take(c, r[0], r[1], composition.getCaretPosition()));
                    }
                }
                e.consume();
            }
        });

        model.composeIn(new CompositionText() {
            @Override
            public Prose prose() {
                return composition.prose();
            }

            @Override
            public String text() {
                return composition.getText();
            }

            @Override
            public void show(Prose prose) {
                composition.setProse(prose);
                composition.moveTo(composition.getLength());
            }

            @Override
            public void insert(int at, Prose piece) {
                StitchView.this.insert(at, piece);
            }
        });
        composition.richChanges().filter(ch -> !ch.isIdentity())
                .subscribe(ch -> model.compositionEdited(composition.prose()));
        composition.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                model.flush();
            }
        });
        // the column controls' first use loads classes and styles them (about 100 ms); done once, a moment
        // after the scene opens, that cost does not land in the first streaming frame
        if (!warmedUp) {
            warmedUp = true;
            javafx.animation.PauseTransition idle = new javafx.animation.PauseTransition(
                    javafx.util.Duration.seconds(1.5));
            idle.setOnFinished(e -> warmUp());
            idle.play();
        }
    }

    private static boolean warmedUp;

    /** Lays out one throwaway column off screen. */
    private void warmUp() {
        VariantColumn column = new VariantColumn("A");
        column.append("A first line to lay out.");
        VariantColumnView view = new VariantColumnView(column, model, (c, r) -> { }, c -> 0);
        javafx.scene.Scene offscreen = new javafx.scene.Scene(new StackPane(view), 400, 300);
        offscreen.getStylesheets().add(StitchView.class.getResource("/dev/quire/ui/quire.css").toExternalForm());
        view.applyCss();
        view.layout();
    }

    /** A passage taken into the composition: one edit the writer can undo, the cursor after it. */
    private void insert(int at, Prose piece) {
        ReadOnlyStyledDocument<String, String, ProseStyle> doc = null;
        int pos = 0;
        for (var s : piece.spans()) {
            String part = piece.text().substring(pos, pos + s.length());
            pos += s.length();
            ReadOnlyStyledDocument<String, String, ProseStyle> d = ReadOnlyStyledDocument.fromString(part, "",
                    new ProseStyle(s.italic(), s.bold(), s.provenance()), composition.getSegOps());
            doc = doc == null ? d : doc.concat(d);
        }
        if (doc == null) {
            return;
        }
        composition.getUndoManager().preventMerge();
        composition.replace(at, at, doc);
        composition.moveTo(at + piece.text().length());
        composition.requestFollowCaret();
    }

    /** Shows the columns in order, keeping the view of every column that stays (its listeners stay with it). */
    private void rebuildColumns() {
        java.util.Map<VariantColumn, VariantColumnView> kept = new java.util.IdentityHashMap<>();
        for (VariantColumnView v : columnViews) {
            kept.put(v.column(), v);
        }
        columnViews.clear();
        List<javafx.scene.Node> nodes = new ArrayList<>();
        for (VariantColumn c : model.columns()) {
            VariantColumnView v = kept.get(c);
            if (v == null) {
                v = new VariantColumnView(c, model, (col, r) -> model.take(col, r[0], r[1], composition.getCaretPosition()),
                        model.columns()::indexOf);
                HBox.setHgrow(v, Priority.ALWAYS);
                v.setPrefWidth(400);
                v.setMaxWidth(Double.MAX_VALUE);
                VariantColumnView view = v;
                ColumnCliches.attach(v, model.cliches());
                v.area().estimatedScrollYProperty().addListener((o, was, now) -> follow(view));
            }
            columnViews.add(v);
            nodes.add(v);
        }
        columnsBox.getChildren().setAll(nodes);
    }

    /** Synchronised scrolling: the other columns follow the one scrolled, by proportion of their length. */
    private void follow(VariantColumnView leader) {
        if (!syncScroll.isSelected() || syncing) {
            return;
        }
        syncing = true;
        try {
            double fraction = fraction(leader);
            for (VariantColumnView v : columnViews) {
                if (v != leader) {
                    double range = v.area().getTotalHeightEstimate() - v.area().getHeight();
                    if (range > 0) {
                        v.area().estimatedScrollYProperty().setValue(fraction * range);
                    }
                }
            }
        } finally {
            syncing = false;
        }
    }

    private static double fraction(VariantColumnView v) {
        double range = v.area().getTotalHeightEstimate() - v.area().getHeight();
        return range <= 0 ? 0 : Math.min(1, v.area().getEstimatedScrollY() / range);
    }

    private static void fillBar(HBox bar, List<Shares.Share> shares) {
        bar.getChildren().clear();
        for (Shares.Share s : shares) {
            Region part = new Region();
            part.getStyleClass().addAll("bar-part", ProvenancePaint.classOf(s.source()));
            part.setMinWidth(0);
            part.prefWidthProperty().bind(bar.widthProperty().multiply(s.percent() / 100.0));
            bar.getChildren().add(part);
        }
    }

    private static void fillLegend(HBox legend, List<Shares.Share> shares) {
        legend.getChildren().clear();
        for (Shares.Share s : shares) {
            legend.getChildren().add(dev.quire.ui.prose.ProvenanceLegend.chip(s.source()));
        }
    }

    /** Asks for a variant written anywhere and adds it as one more column. */
    public void pasteVariant() {
        pasteDialog();
    }

    private void pasteDialog() {
        TextArea text = new TextArea(Clipboard.getSystemClipboard().hasString()
                ? Clipboard.getSystemClipboard().getString() : "");
        text.setWrapText(true);
        text.setPrefRowCount(14);
        text.setPrefColumnCount(60);
        javafx.scene.control.Dialog<String> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle("Paste a variant");
        dialog.setHeaderText("Text from anywhere becomes one more column to stitch from.");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        javafx.scene.control.ButtonType add = new javafx.scene.control.ButtonType("Add column",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(add, javafx.scene.control.ButtonType.CANCEL);
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().lookupButton(add).disableProperty().bind(
                Bindings.createBooleanBinding(() -> text.getText().isBlank(), text.textProperty()));
        dialog.setResultConverter(b -> b == add ? text.getText() : null);
        dev.quire.ui.common.Fx.later(text::requestFocus);
        dialog.showAndWait().ifPresent(model::paste);
    }

    public ProseArea composition() {
        return composition;
    }

    /** The column views, left to right. */
    public List<VariantColumnView> columnViews() {
        return List.copyOf(columnViews);
    }

    /** Accept, saying what it will do; its menu holds the other choice. */
    public SplitMenuButton acceptButton() {
        return acceptButton;
    }

    /** What the columns were asked for, and the scene's earlier generations. */
    public GenerationHistory generationHistory() {
        return generationHistory;
    }

    /** Cliché watch over the composition. */
    public dev.quire.ui.spell.ProseSpelling compositionSpelling() {
        return compositionSpelling;
    }

    public dev.quire.ui.cliche.ProseCliches compositionCliches() {
        return compositionCliches;
    }

    /** Whether cliché watch underlines what it finds. */
    public ToggleButton clicheToggle() {
        return clicheToggle;
    }

    public StitchViewModel model() {
        return model;
    }
}
