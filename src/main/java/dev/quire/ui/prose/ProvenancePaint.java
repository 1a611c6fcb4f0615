package dev.quire.ui.prose;

import dev.quire.model.Provenance;
import dev.quire.model.ProvenancePalette;
import javafx.collections.ObservableList;

/**
 * Where text came from, as colour: one CSS class per source, which quire.css colours only inside a node that
 * carries {@link #SHOWN}. Prose areas, the composition bar, its legend and the column badges all paint with it,
 * so a variant has the same colour everywhere.
 */
public final class ProvenancePaint {

    /** On an area (or a parent of it): its text shows its provenance colours. */
    public static final String SHOWN = "show-provenance";

    private static final String PREFIX = "prov-";

    private ProvenancePaint() {
    }

    /** The {@link ProvenancePalette}'s colours for A–F, repeating after that; the writer's own text has its own. */
    public static String classOf(Provenance provenance) {
        if (provenance.isUnknown()) {
            return PREFIX + "unknown";
        }
        int index = ProvenancePalette.indexOf(provenance);
        return index < 0 ? PREFIX + "writer" : PREFIX + (char) ('a' + index);
    }

    /** Gives a node the colour of {@code provenance} in place of any it had. */
    public static void paint(ObservableList<String> styleClasses, Provenance provenance) {
        styleClasses.removeIf(c -> c.startsWith(PREFIX));
        styleClasses.add(classOf(provenance));
    }

    /** Turns the provenance colours of an area's text on or off. */
    public static void show(ObservableList<String> styleClasses, boolean on) {
        if (on) {
            if (!styleClasses.contains(SHOWN)) {
                styleClasses.add(SHOWN);
            }
        } else {
            styleClasses.remove(SHOWN);
        }
    }
}
