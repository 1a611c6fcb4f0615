package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.TokenUsage;
import dev.quire.studio.Spending;
import dev.quire.studio.Studio;

/** Usage and cost as {@code --json} prints them. */
final class UsageJson {

    private UsageJson() {
    }

    /**
     * Adds to a generation's JSON (from {@link VariantOutcomes#node}) each variant's cost and the generation's total
     * cost and currency; a cost is null where its model has no price.
     */
    static ObjectNode withCosts(ObjectNode root, Studio studio) {
        Spending.GenerationCost cost = studio.spending().generation(root.path("generation").asLong());
        for (JsonNode v : root.path("variants")) {
            ObjectNode usage = (ObjectNode) v.path("usage");
            int index = v.path("index").asInt();
            usage.put("cost", cost.cost().get(index));
            usage.put("currency", cost.currency());
        }
        ObjectNode usage = (ObjectNode) root.path("usage");
        usage.put("cost", cost.total());
        usage.put("currency", cost.currency());
        return root;
    }

    /** One line of a usage report, in the shape {@code quire usage --json} prints. */
    static void line(ObjectNode node, Spending.Line line) {
        TokenUsage t = line.tokens();
        node.put("requests", t.requests());
        node.put("input", t.input());
        node.put("output", t.output());
        node.put("cache_read", t.cacheRead());
        node.put("cache_write", t.cacheWrite());
        node.put("cost", line.cost());
        node.put("currency", line.currency());
    }
}
