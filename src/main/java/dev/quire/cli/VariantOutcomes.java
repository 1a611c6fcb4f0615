package dev.quire.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.studio.Generator;

import java.util.List;
import java.util.Locale;

/** How variants ended, as {@code generate} and {@code extend} say it: in words on stderr, and as JSON. */
final class VariantOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VariantOutcomes() {
    }

    /** What to tell the writer about a variant cut off, refused or filtered; null for any other ending. */
    static String problem(VariantResult r, Generator.Prepared prepared, long generationId) {
        return switch (r.status()) {
            case CUT_OFF -> "cut off at the output limit" + limit(prepared) + " (" + r.stopReason() + "); "
                    + "`quire extend --generation " + generationId + " --variant " + Variant.labelFor(r.index())
                    + "` continues it.";
            case REFUSED -> "the model declined" + (r.refusal() == null ? "." : ": " + r.refusal());
            case FILTERED -> "the provider's content filter stopped it" + (r.filter() == null ? "."
                    : " (" + r.filter() + ").");
            default -> null;
        };
    }

    private static String limit(Generator.Prepared prepared) {
        Integer tokens = prepared.request().maxOutputTokens() != null ? prepared.request().maxOutputTokens()
                : Integer.valueOf(prepared.profile().maxOutputTokens());
        return String.format(Locale.ROOT, " of %,d tokens", tokens);
    }

    /** The generation and its variants, as stored, with how each ended. */
    static String json(Generator.Outcome outcome, List<Variant> stored) throws JsonProcessingException {
        return pretty(node(outcome, stored));
    }

    /** A tree from {@link #node} (with whatever a command added), as printed. */
    static String pretty(ObjectNode root) throws JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** The same as a tree, for a command that adds to each variant. */
    static ObjectNode node(Generator.Outcome outcome, List<Variant> stored) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generation", outcome.generationId());
        // the writer stopped it: said as the variants say it
        root.put("status", outcome.status() == Generation.Status.CANCELLED ? "STOPPED" : outcome.status().name());
        usage(root.putObject("usage"), outcome.usage());
        ArrayNode array = root.putArray("variants");
        for (VariantResult r : outcome.variants()) {
            ObjectNode v = array.addObject();
            Variant kept = r.index() < stored.size() ? stored.get(r.index()) : null;
            v.put("id", kept == null ? null : kept.id());
            v.put("index", r.index());
            v.put("label", Variant.labelFor(r.index()));
            v.put("text", r.text());
            v.put("status", r.status().writerName());
            v.put("stopReason", r.stopReason());
            v.put("refusal", r.refusal());
            if (r.filter() != null) {
                v.put("filter", r.filter());
            }
            usage(v.putObject("usage"), r.usage());
            v.put("error", r.error() == null ? null : r.error().message());
        }
        return root;
    }

    /** One variant as the library holds it, with the usage of the request that last added to it. */
    static String json(Variant v, Usage lastRequest) throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", v.id());
        root.put("generation", v.generationId());
        root.put("index", v.index());
        root.put("label", v.label());
        root.put("text", v.text());
        root.put("status", v.status().name());
        root.put("stopReason", v.stopReason());
        root.put("refusal", v.refusal());
        root.put("outputTokens", v.outputTokens());
        usage(root.putObject("usage"), lastRequest);
        root.put("error", v.error());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void usage(ObjectNode node, Usage u) {
        node.put("input", u.input());
        node.put("output", u.output());
        node.put("cachedInput", u.cachedInput());
        node.put("cacheWrite", u.cacheCreation());
    }
}
