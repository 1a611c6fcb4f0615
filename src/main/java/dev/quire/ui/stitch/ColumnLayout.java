package dev.quire.ui.stitch;

import dev.quire.model.Variant;
import dev.quire.studio.Generator.Mode;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns a generation streams into, and the rewrite's "Original" column: the passage as the scene holds it,
 * first among the columns, to compare with and to keep.
 */
final class ColumnLayout {

    private ColumnLayout() {
    }

    /**
     * Lays the columns out for {@code count} new variants asked in mode {@code m}.
     *
     * @param anchors {start, end} of the passage a rewrite is for
     * @return the columns the variants stream into, in order
     */
    static List<VariantColumn> forAsk(ObservableList<VariantColumn> columns, Mode m, int count, String sceneText,
                                      int[] anchors) {
        List<VariantColumn> fresh = new ArrayList<>();
        columns.removeIf(VariantColumn::isOriginal);
        if (m == Mode.REWRITE) {
            fresh.addAll(VariantColumn.fresh(count));
            columns.setAll(VariantColumn.original(sceneText, anchors[0], anchors[1]));
            columns.addAll(fresh);
        } else if (columns.size() == count) {
            // the same number of columns: they start over in place, and the views stay (rebuilding them is the one
            // slow frame of a Generate)
            fresh.addAll(columns);
        } else {
            for (int i = 0; i < count; i++) {
                fresh.add(new VariantColumn(Variant.labelFor(i)));
            }
            columns.setAll(fresh);
        }
        return fresh;
    }

    /**
     * Puts the passage a rewrite is for, as the scene holds it now, first among the columns: when the pane will
     * replace a selection and its columns were asked to rewrite it.
     *
     * @return whether it was put there (the columns then need aligning again)
     */
    static boolean showOriginal(ObservableList<VariantColumn> columns, AcceptPlace place, String sceneText) {
        boolean rewrites = columns.stream().anyMatch(c -> c.askedProperty().get() != null
                && c.askedProperty().get().mode() == Mode.REWRITE);
        if (rewrites && place.replacesSelectionWithin(sceneText.length())
                && columns.stream().noneMatch(VariantColumn::isOriginal)) {
            columns.add(0, VariantColumn.original(sceneText, place.start(), place.end()));
            return true;
        }
        return false;
    }
}
