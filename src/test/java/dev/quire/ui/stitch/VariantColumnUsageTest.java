package dev.quire.ui.stitch;

import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.TokenUsage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A column's usage line: the stream's end is applied once per frame and the library's price arrives from a read
 * off the FX thread, in either order; the priced line is the one that stays.
 */
class VariantColumnUsageTest {

    private static VariantResult ended() {
        return new VariantResult(0, "The lamp held.", VariantResult.Status.COMPLETE, "end_turn",
                new Usage(130, 15, 100, 5), null);
    }

    @Test
    void thePriceStaysWhenTheStreamsEndIsAppliedAfterIt() {
        VariantColumn column = new VariantColumn("A");
        column.restart(this, "claude");

        column.cost(new TokenUsage(1, 130, 15, 100, 5), 0.0004);
        column.ended(ended());

        assertTrue(column.usageProperty().get().contains("$"), column.usageProperty().get());
    }

    @Test
    void theStreamsEndShowsTheTokensUntilThePriceComes() {
        VariantColumn column = new VariantColumn("A");
        column.restart(this, "claude");

        column.ended(ended());
        assertFalse(column.usageProperty().get().contains("$"), column.usageProperty().get());
        column.cost(new TokenUsage(1, 130, 15, 100, 5), 0.0004);
        assertTrue(column.usageProperty().get().contains("$"), column.usageProperty().get());

        column.restart(this, "claude");
        assertEquals("", column.usageProperty().get(), "a new run starts with no figures");
        column.ended(ended());
        assertFalse(column.usageProperty().get().contains("$"), "the new run is not priced yet");
    }
}
