package dev.quire.ui.prose;

import dev.quire.model.Provenance;
import dev.quire.model.Span;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the provenance colours mean: a chip per source of the text (A, B, C… and "yours"), coloured as the text is.
 * Over a prose area it shows only while the area shows its provenance, naming the sources its text has.
 */
public final class ProvenanceLegend {

    private final ProseArea area;
    private final HBox view = new HBox(6);
    private final HBox chips = new HBox(6);
    private boolean pending;

    public ProvenanceLegend(ProseArea area) {
        this.area = area;
        Label heading = new Label("Where the text came from:");
        heading.getStyleClass().add("legend-heading");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        chips.setAlignment(Pos.CENTER_LEFT);
        view.getChildren().addAll(heading, chips);
        view.setAlignment(Pos.CENTER_LEFT);
        view.setPadding(new Insets(4, 16, 4, 16));
        view.getStyleClass().addAll("provenance-legend", "legend", ProvenancePaint.SHOWN);
        view.setVisible(false);
        view.setManaged(false);
    }

    /** Fills {@code legend} with one chip per source, in the order given. */
    public static void fill(HBox legend, List<Provenance> sources) {
        legend.getChildren().clear();
        for (Provenance p : sources) {
            legend.getChildren().add(chip(p));
        }
    }

    /** A chip in the colour of {@code source}: its letter, or "yours". */
    public static Label chip(Provenance source) {
        Label chip = new Label(source.isWriter() ? "yours" : source.label());
        chip.getStyleClass().addAll("legend-chip", ProvenancePaint.classOf(source));
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    /** The sources of the area's text, variants by letter then the writer's own. */
    static List<Provenance> sources(List<Span> spans) {
        Map<String, Provenance> variants = new LinkedHashMap<>();
        boolean writer = false;
        for (Span s : spans) {
            if (s.length() == 0) {
                continue;
            }
            if (s.provenance().isWriter()) {
                writer = true;
            } else {
                variants.putIfAbsent(s.provenance().label().strip(), s.provenance());
            }
        }
        List<Provenance> out = new ArrayList<>(variants.values());
        out.sort(Comparator.comparing(Provenance::label));
        if (writer) {
            out.add(Provenance.WRITER);
        }
        return out;
    }

    /** Shows the legend if the area shows provenance, naming the sources its text has now. */
    public void refresh() {
        pending = false;
        boolean shown = area.getStyleClass().contains(ProvenancePaint.SHOWN);
        if (shown) {
            fill(chips, sources(area.prose().spans()));
        }
        view.setVisible(shown);
        view.setManaged(shown);
    }

    /** Refreshes after the current burst of edits, once per pulse, and only while the legend shows. */
    public void refreshSoon() {
        if (!view.isVisible() || pending) {
            return;
        }
        pending = true;
        dev.quire.ui.common.Fx.later(this::refresh);
    }

    /** The chips, for tests: their texts in order. */
    public List<String> labels() {
        return chips.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    public Node view() {
        return view;
    }
}
