package dev.quire.ui.prose;

import dev.quire.studio.Kept;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the writer keeps, by model, as a bar and a line: "yours 41% · claude-opus 38% · deepseek-chat 14% ·
 * unknown 7%". The writer's part has the writer's colour, each model one of the variant colours, unknown text its
 * own; the tooltip says how many of each model's variants still have a passage in the text.
 */
public final class KeptBar {

    private final VBox view = new VBox(4);
    private final HBox bar = new HBox();
    private final Label line = new Label();
    private final double width;

    /** A bar {@code width} pixels wide, kept up to date with {@code model}. */
    public KeptBar(KeptViewModel model, double width) {
        this.width = width;
        bar.getStyleClass().add("kept-bar");
        bar.setPrefWidth(width);
        bar.setMaxWidth(width);
        bar.setMinHeight(10);
        bar.setPrefHeight(10);
        line.getStyleClass().add("kept-shares");
        line.setText("…");
        view.getStyleClass().add("kept");
        view.setAlignment(Pos.CENTER_LEFT);
        view.getChildren().addAll(bar, line);
        model.resultProperty().addListener((o, was, now) -> show(now));
        show(model.resultProperty().get());
    }

    public Node view() {
        return view;
    }

    /** Only the line, for a toolbar: no bar. */
    public KeptBar compact() {
        bar.setVisible(false);
        bar.setManaged(false);
        return this;
    }

    private void show(Kept.Result r) {
        bar.getChildren().clear();
        if (r == null) {
            return;
        }
        if (r.chars() == 0) {
            line.setText("No text yet.");
            Tooltip.install(line, null);
            return;
        }
        line.setText(r.describe());
        List<String> tips = new ArrayList<>();
        part(r.writer(), "prov-writer", "yours");
        int index = 0;
        for (Kept.ByModel m : r.byModel()) {
            part(m.share(), "prov-" + (char) ('a' + index++ % 6), m.model());
            tips.add(String.format(Locale.ROOT, "%s · %s: %d of %d variants kept", m.provider(), m.model(),
                    m.variantsKept(), m.variants()));
        }
        part(r.unknown(), "prov-unknown", "unknown");
        if (r.unknownChars() > 0) {
            tips.add("unknown: pasted from outside, or of no known origin");
        }
        line.setTooltip(tips.isEmpty() ? null : new Tooltip(String.join("\n", tips)));
    }

    private void part(double share, String colour, String name) {
        if (share <= 0) {
            return;
        }
        Region part = new Region();
        part.getStyleClass().addAll("bar-part", colour);
        part.setPrefWidth(share * width);
        part.setMinWidth(1);
        part.setAccessibleText(name);
        part.setUserData(name);
        bar.getChildren().add(part);
    }
}
