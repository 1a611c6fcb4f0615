package dev.quire.ui.stitch;

import dev.quire.model.Generation;
import dev.quire.studio.Stitching;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Above the columns: what they were asked for (the instruction, the frame, the provider and model, when), and the
 * scene's earlier generations, newest first, any of which the writer can reopen as the columns.
 */
public final class GenerationHistory extends HBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT);

    private final Label asked = new Label();
    private final Label details = new Label();
    private final MenuButton history = new MenuButton("History");

    GenerationHistory(StitchViewModel model) {
        super(8);
        getStyleClass().add("generation-history");
        setAlignment(Pos.CENTER_LEFT);
        asked.getStyleClass().add("generation-instruction");
        asked.setMinWidth(0);
        asked.setTooltip(new Tooltip());
        asked.getTooltip().setWrapText(true);
        asked.getTooltip().setMaxWidth(520);
        asked.getTooltip().textProperty().bind(asked.textProperty());
        details.getStyleClass().add("generation-details");
        details.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(asked, Priority.ALWAYS);
        asked.setMaxWidth(Double.MAX_VALUE);
        history.getStyleClass().add("history-button");
        history.setTooltip(new Tooltip("The scene's earlier sets of variants, newest first: reopen one as the"
                + " columns (the composition stays)"));
        history.setMinWidth(Region.USE_PREF_SIZE);
        history.disableProperty().bind(Bindings.isEmpty(model.history()));
        getChildren().addAll(asked, details, history);
        model.shownGenerationProperty().addListener((o, was, now) -> show(now));
        show(model.shownGenerationProperty().get());
        model.history().addListener((ListChangeListener<Generation>) c -> fill(model));
        fill(model);
    }

    private void show(Generation g) {
        boolean any = g != null;
        asked.setText(!any ? "" : g.instruction().isBlank() ? (Stitching.PASTED.equals(g.provider())
                ? "Pasted text" : "No instruction (continued from the cursor)") : "“" + oneLine(g.instruction()) + "”");
        details.setText(any ? describe(g) : "");
        asked.setVisible(any);
        details.setVisible(any);
    }

    /** "rewrite · Claude · claude-opus · 14:02": the frame, provider and model, and when. */
    static String describe(Generation g) {
        // a mixed set names its models in its columns' headers (or, blind, nowhere until Accept)
        boolean mixed = g.parametersJson() != null && g.parametersJson().contains("\"mixed\":true");
        String source = Stitching.PASTED.equals(g.provider()) ? "pasted" : mixed ? "a mix of " + g.variantCount()
                : g.provider() + (g.model() == null || g.model().isBlank() ? "" : " · " + g.model());
        return g.frame() + " · " + source + (g.started() == null ? "" : " · " + when(g.started()));
    }

    /** One history entry: "“The keeper hears a knock.” · 3 variants (1 cut off) · 14:02". */
    static String entry(Generation g, String outcomes) {
        String what = g.instruction().isBlank() ? (Stitching.PASTED.equals(g.provider()) ? "Pasted text"
                : "(" + g.frame() + ", no instruction)") : "“" + shortened(oneLine(g.instruction()), 70) + "”";
        return what + " · " + g.variantCount() + (g.variantCount() == 1 ? " variant" : " variants")
                + (outcomes.isEmpty() ? "" : " (" + outcomes + ")")
                + (g.started() == null ? "" : " · " + when(g.started()));
    }

    private void fill(StitchViewModel model) {
        history.getItems().clear();
        for (Generation g : model.history()) {
            int depth = model.historyDepth(g);
            MenuItem item = new MenuItem((depth == 0 ? "" : "    ".repeat(depth - 1) + "    ↳ ") + entry(g, model.historyOutcomes(g)));
            item.setUserData(g.id());
            item.setOnAction(e -> model.reopen(g));
            history.getItems().add(item);
        }
        history.setText(model.history().isEmpty() ? "History" : "History (" + model.history().size() + ")");
    }

    private static String when(Instant t) {
        ZoneId zone = ZoneId.systemDefault();
        return LocalDate.ofInstant(t, zone).equals(LocalDate.now(zone)) ? TIME.withZone(zone).format(t)
                : DAY.withZone(zone).format(t);
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static String shortened(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The history's menu, for the window's tests. */
    public MenuButton historyButton() {
        return history;
    }

    /** The instruction the columns were asked with. */
    public Label askedLabel() {
        return asked;
    }

    /** Frame, provider and model, and time. */
    public Label detailsLabel() {
        return details;
    }
}
