package dev.quire.ui.stitch;

import dev.quire.model.Variant;
import dev.quire.stitch.Alignment;
import dev.quire.stitch.Passages;
import dev.quire.ui.prose.ProvenancePaint;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One variant column: its label, source and status above; its text, read-only, with the alignment's
 * highlights; a rating and a note below. A click selects a sentence, a double click its paragraph; the
 * selection is taken into the composition with Take, Ctrl+T or a drag.
 */
public final class VariantColumnView extends VBox {

    /** What a drag from a column carries: "columnIndex:start:end". */
    static final DataFormat PASSAGE = new DataFormat("application/x-quire-passage");

    // one tooltip of each kind for every column: each Tooltip is a popup window, costly to make by the dozen
    private static final Shared TAKE_TIP = new Shared("Put the selected passage into the composition at its cursor"
            + " (Ctrl+T), or the whole variant when nothing is selected. Click a sentence to select it, double-click"
            + " for its paragraph.");
    private static final Shared REGENERATE_TIP = new Shared("Regenerate this one: ask again for this column only");
    private static final Shared STOP_TIP = new Shared("Stop this stream (its text is kept), or take the column out"
            + " of the pane");
    private static final Shared STAR_TIP = new Shared("Rate this variant from 1 to 5 stars; click the same star"
            + " again to clear");

    /** A tooltip made on first use, on the FX thread. */
    private static final class Shared {
        private final String text;
        private Tooltip tooltip;

        Shared(String text) {
            this.text = text;
        }

        Tooltip get() {
            if (tooltip == null) {
                tooltip = new Tooltip(text);
            }
            return tooltip;
        }
    }

    private static final javafx.css.PseudoClass LIT = javafx.css.PseudoClass.getPseudoClass("lit");

    private final VariantColumn column;
    private final StyleClassedTextArea area = new StyleClassedTextArea(false);
    private final VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(area);
    private boolean pressedInSelection;
    private final VariantOutcome outcome;
    private final Label clicheCount = new Label();
    private List<dev.quire.cliche.Finding> findings = List.of();

    VariantColumnView(VariantColumn column, StitchViewModel model, BiConsumer<VariantColumn, int[]> take,
                      java.util.function.ToIntFunction<VariantColumn> indexOf) {
        this.column = column;
        getStyleClass().add("variant-column");
        setSpacing(4);
        setPadding(new Insets(6, 6, 6, 6));
        setMinWidth(220);

        Label badge = new Label();
        badge.textProperty().bind(column.labelProperty());
        badge.getStyleClass().add("variant-badge");
        column.labelProperty().addListener((o, was, now) -> colour(badge));
        colour(badge);
        Label source = new Label();
        // blind mode names no provider or model until Accept: the label alone tells the columns apart
        source.textProperty().bind(Bindings.when(model.modelsHidden()).then("")
                .otherwise(column.sourceProperty()));
        source.getStyleClass().add("variant-source");
        source.setMinWidth(0);
        HBox.setHgrow(source, Priority.ALWAYS);
        source.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.getStyleClass().add("variant-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(column.statusProperty().get()),
                column.statusProperty()));
        column.statusProperty().addListener((o, was, now) -> statusClass(status, now));
        statusClass(status, column.statusProperty().get());
        status.setMinWidth(Region.USE_PREF_SIZE);
        clicheCount.getStyleClass().add("variant-cliches");
        clicheCount.setMinWidth(Region.USE_PREF_SIZE);
        clicheCount.visibleProperty().bind(clicheCount.textProperty().isNotEmpty());
        clicheCount.managedProperty().bind(clicheCount.visibleProperty());
        HBox top = new HBox(6, badge, source, clicheCount, status);
        top.setAlignment(Pos.CENTER_LEFT);

        Label figures = new Label();
        figures.getStyleClass().add("variant-figures");
        figures.textProperty().bind(Bindings.createStringBinding(() -> (column.tokensExactProperty().get() ? "" : "≈")
                        + String.format(java.util.Locale.ROOT, "%,d", column.tokensProperty().get()) + " tokens" + (column.elapsedProperty().get().isEmpty() ? ""
                        : " · " + column.elapsedProperty().get()),
                column.tokensProperty(), column.tokensExactProperty(), column.elapsedProperty()));
        figures.setMinWidth(0);
        HBox.setHgrow(figures, Priority.ALWAYS);
        figures.setMaxWidth(Double.MAX_VALUE);
        Button takeButton = new Button("Take");
        takeButton.getStyleClass().add("small");
        takeButton.setTooltip(TAKE_TIP.get());
        takeButton.setOnAction(e -> takeSelection(take));
        Button regenerate = new Button("↻");
        regenerate.getStyleClass().add("small");
        regenerate.setTooltip(REGENERATE_TIP.get());
        regenerate.setOnAction(e -> model.regenerate(column));
        Button stop = new Button("✕");
        stop.getStyleClass().add("small");
        stop.setTooltip(STOP_TIP.get());
        stop.setOnAction(e -> {
            if (column.isStreaming()) {
                model.cancel(column);
            } else {
                model.remove(column);
            }
        });
        regenerate.disableProperty().bind(column.statusProperty().isEqualTo(Variant.Status.STREAMING)
                .or(column.askedProperty().isNull()));
        HBox tools = new HBox(4, figures, takeButton, regenerate, stop);
        tools.setAlignment(Pos.CENTER_LEFT);
        for (Region r : new Region[] {takeButton, regenerate, stop}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }

        Label error = new Label();
        error.getStyleClass().add("variant-error");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> dev.quire.ui.common.WriterText.of(
                !column.retryProperty().get().isEmpty() ? column.retryProperty().get() : column.errorProperty().get()), column.errorProperty(),
                column.retryProperty()));
        // up to four lines; the whole message is in its tooltip, and the text below keeps room to read
        error.setMinHeight(32);
        error.setMaxHeight(66);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(error.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(420);
        error.setTooltip(whole);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        area.getStyleClass().add("variant-text");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPadding(new Insets(8, 10, 8, 10));
        area.appendText(column.text());
        applyMarks(column.marksProperty().get());
        column.onAppended(piece -> area.appendText(piece));
        column.onReplaced(() -> area.clear());
        column.marksProperty().addListener((o, was, now) -> applyMarks(now));
        // a press inside the selection starts a drag of it, so the selection must survive the press
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            var sel = area.getSelection();
            int at = area.hit(e.getX(), e.getY()).getInsertionIndex();
            pressedInSelection = e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1
                    && sel.getLength() > 0 && at >= sel.getStart() && at <= sel.getEnd();
            if (pressedInSelection) {
                area.requestFocus();
                e.consume();
            }
        });
        area.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (pressedInSelection) {
                e.consume();
            }
        });
        area.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
                return;
            }
            String text = area.getText();
            int at = Math.min(area.hit(e.getX(), e.getY()).getInsertionIndex(), text.length());
            Passages.Range r = e.getClickCount() >= 2 ? Passages.paragraphAt(text, at)
                    : Passages.sentenceAt(text, at);
            if (r.length() > 0) {
                area.selectRange(r.start(), r.end());
            }
        });
        area.addEventFilter(MouseEvent.DRAG_DETECTED, e -> {
            var sel = area.getSelection();
            if (!pressedInSelection || sel.getLength() == 0) {
                return;
            }
            var dragboard = area.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.putString(area.getSelectedText());
            content.put(PASSAGE, indexOf.applyAsInt(column) + ":" + sel.getStart() + ":" + sel.getEnd());
            dragboard.setContent(content);
            e.consume();
        });
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scroll.setMinHeight(90);

        TextField note = new TextField();
        note.setPromptText("A note: why this one, or what's wrong with it");
        note.textProperty().bindBidirectional(column.noteProperty());
        note.setOnAction(e -> model.rate(column));
        note.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                model.rate(column);
            }
        });
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox stars = new HBox(0);
        stars.getStyleClass().add("rating");
        for (int i = 1; i <= 5; i++) {
            int value = i;
            Button star = new Button("★");
            star.getStyleClass().addAll("star", "flat");
            star.setTooltip(STAR_TIP.get());
            Runnable shine = () -> star.pseudoClassStateChanged(LIT, column.ratingProperty().get() != null
                    && column.ratingProperty().get() >= value);
            column.ratingProperty().addListener((o, was, now) -> shine.run());
            shine.run();
            star.setOnAction(e -> {
                Integer now = column.ratingProperty().get();
                column.ratingProperty().set(now != null && now == value ? null : value);
                model.rate(column);
            });
            stars.getChildren().add(star);
        }
        stars.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(6, stars, note);
        bottom.setAlignment(Pos.CENTER_LEFT);

        outcome = new VariantOutcome(column, () -> model.continueVariant(column));
        Label usage = new Label();
        usage.getStyleClass().add("variant-usage");
        usage.textProperty().bind(column.usageProperty());
        usage.visibleProperty().bind(usage.textProperty().isNotEmpty());
        usage.managedProperty().bind(usage.visibleProperty());
        usage.setMinWidth(0);
        getChildren().addAll(top, tools, usage, error, outcome, scroll, bottom);
    }

    /** Takes the selection, or the whole variant when nothing is selected. */
    void takeSelection(BiConsumer<VariantColumn, int[]> take) {
        var sel = area.getSelection();
        if (sel.getLength() > 0) {
            take.accept(column, new int[] {sel.getStart(), sel.getEnd()});
        } else if (area.getLength() > 0) {
            take.accept(column, new int[] {0, area.getLength()});
        }
    }

    public VariantColumn column() {
        return column;
    }

    VariantOutcome outcome() {
        return outcome;
    }

    public StyleClassedTextArea area() {
        return area;
    }

    VirtualizedScrollPane<StyleClassedTextArea> scroll() {
        return scroll;
    }

    /** Underlines these clichés (quietly) and counts them in the header; none clears them. */
    void showFindings(List<dev.quire.cliche.Finding> now) {
        findings = List.copyOf(now);
        clicheCount.setText(dev.quire.ui.cliche.ClicheWatch.count(findings.size()));
        applyMarks(column.marksProperty().get());
    }

    List<dev.quire.cliche.Finding> findings() {
        return findings;
    }

    Label clicheCount() {
        return clicheCount;
    }

    private void applyMarks(List<Alignment.Mark> marks) {
        paintMarks(marks);
        dev.quire.ui.cliche.ClicheMarks.underline(area, findings);
    }

    private void paintMarks(List<Alignment.Mark> marks) {
        int length = area.getLength();
        if (marks == null || marks.isEmpty() || length == 0) {
            if (length > 0) {
                area.clearStyle(0, length);
            }
            return;
        }
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>(marks.size());
        int covered = 0;
        for (Alignment.Mark m : marks) {
            if (m.start() >= length) {
                break;
            }
            int end = Math.min(m.end(), length);
            b.add(List.of(classOf(m.kind())), end - m.start());
            covered = end;
        }
        if (covered < length) {
            b.add(List.of(), length - covered);
        }
        area.setStyleSpans(0, b.create());
    }

    private static String classOf(Alignment.Kind kind) {
        return switch (kind) {
            case SHARED_BY_ALL -> "diff-common";
            case SHARED -> "diff-shared";
            case OWN -> "diff-own";
        };
    }

    private void colour(Label badge) {
        ProvenancePaint.paint(badge.getStyleClass(), column.provenance());
    }

    private static String statusText(Variant.Status s) {
        return switch (s) {
            case STREAMING -> "writing…";
            case COMPLETE -> "done";
            case INCOMPLETE -> "broke off";
            case CUT_OFF -> "cut off";
            case REFUSED -> "declined";
            case FILTERED -> "filtered";
            case STOPPED -> "stopped";
            case FAILED -> "failed";
        };
    }

    private static void statusClass(Label status, Variant.Status s) {
        status.getStyleClass().removeIf(c -> c.startsWith("status-"));
        status.getStyleClass().add("status-" + s.name().toLowerCase(java.util.Locale.ROOT));
    }
}
