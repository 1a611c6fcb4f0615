package dev.quire.ui.stitch;

import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;

/** Once a generation's usage is recorded, each of its columns shows what its request used and cost. */
final class ColumnCosts {

    private ColumnCosts() {
    }

    /** Reads the costs off the FX thread; a column another run took over meanwhile is left alone. */
    static void show(Studio studio, Background background, long generationId, VariantColumn[] columns, Object owner) {
        background.read(() -> studio.spending().generation(generationId))
                .describedAs("Quire could not read what the variants cost").onSuccess(cost -> {
                    for (int i = 0; i < columns.length; i++) {
                        if (columns[i].ownedBy(owner) && cost.tokens().containsKey(i)) {
                            columns[i].cost(cost.tokens().get(i), cost.cost().get(i));
                        }
                    }
                }).start();
    }
}
