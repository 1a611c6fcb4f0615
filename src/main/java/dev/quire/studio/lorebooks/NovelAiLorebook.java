package dev.quire.studio.lorebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.LoreEntry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * NovelAI's {@code .lorebook}: {@code {"lorebookVersion": 6, "entries": [{text, displayName, keys, enabled,
 * forceActivation, searchRange, category, contextConfig: {budgetPriority, …}, id, …}], "settings": {…},
 * "categories": [{id, name, enabled, …}]}}. An entry's category travels with it in its extensions, so the
 * categories come back on export.
 */
final class NovelAiLorebook {

    static final int VERSION = 6;
    /** NovelAI's default budget priority and search range (in characters). */
    private static final int DEFAULT_PRIORITY = 400;
    private static final int DEFAULT_SEARCH_RANGE = 1000;
    private static final Set<String> MODELLED = Set.of("text", "displayName", "keys", "enabled", "forceActivation");

    private NovelAiLorebook() {
    }

    static boolean looksLike(JsonNode root) {
        return root.isObject() && root.has("lorebookVersion") && root.path("entries").isArray();
    }

    static List<LoreEntry> read(JsonNode root, Path file, List<String> warnings) {
        int version = root.path("lorebookVersion").asInt(-1);
        if (version < 1) {
            throw new LorebookException(file, file + ": \"lorebookVersion\" is " + Json.kind(root.get("lorebookVersion"))
                    + " where a version number belongs. Nothing was imported.");
        }
        if (version > VERSION) {
            warnings.add("The lorebook is version " + version + "; Quire knows up to " + VERSION
                    + ". Fields it does not know are kept and given back on export.");
        }
        Map<String, JsonNode> categories = new LinkedHashMap<>();
        for (JsonNode c : root.path("categories")) {
            categories.put(c.path("id").asText(), c);
        }
        ObjectNode book = Extensions.JSON.createObjectNode();
        root.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("entries") && !f.getKey().equals("categories")) {
                book.set(f.getKey(), f.getValue());
            }
        });
        List<LoreEntry> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : root.get("entries")) {
            String where = "Entry " + (++i);
            if (!e.isObject()) {
                throw new LorebookException(file, file + ": " + where + " is " + Json.kind(e)
                        + " where an entry belongs. Nothing was imported.");
            }
            ObjectNode kept = e.deepCopy();
            JsonNode category = categories.get(e.path("category").asText(""));
            if (category != null) {
                kept.set("_category", category);
            } else if (e.hasNonNull("category") && !e.path("category").asText().isEmpty()) {
                warnings.add(where + " names a category the lorebook does not have; it is kept as it is.");
            }
            int priority = e.path("contextConfig").path("budgetPriority").asInt(DEFAULT_PRIORITY);
            boolean enabled = e.path("enabled").asBoolean(true);
            out.add(new LoreEntry(0, 0, Json.text(e, "displayName", file, where), Json.strings(e, "keys", file, where),
                    Json.text(e, "text", file, where), e.path("forceActivation").asBoolean(false), enabled,
                    List.of(), LoreEntry.SecondaryLogic.AND_ANY, priority, 0,
                    Extensions.of(LorebookFormat.NOVELAI, kept, MODELLED, out.isEmpty() ? book : null)));
        }
        // a whole lorebook's categories, even those no entry uses, ride on the first entry
        if (!out.isEmpty() && !categories.isEmpty()) {
            LoreEntry first = out.get(0);
            ObjectNode ext = (ObjectNode) Extensions.parseObject(first.extensions());
            ObjectNode b = ext.has("book") ? (ObjectNode) ext.get("book") : ext.putObject("book");
            b.set("categories", root.get("categories"));
            out.set(0, new LoreEntry(0, 0, first.title(), first.keywords(), first.content(), first.alwaysOn(),
                    first.enabled(), first.secondaryKeywords(), first.secondaryLogic(), first.priority(),
                    first.scanDepth(), ext.toString()));
        }
        return out;
    }

    static ObjectNode write(List<LoreEntry> entries) {
        ObjectNode root = Extensions.JSON.createObjectNode();
        ObjectNode book = Extensions.book(entries, LorebookFormat.NOVELAI);
        root.put("lorebookVersion", book.path("lorebookVersion").asInt(VERSION));
        ArrayNode out = root.putArray("entries");
        Map<String, JsonNode> categories = new LinkedHashMap<>();
        for (JsonNode c : book.path("categories")) {
            categories.put(c.path("id").asText(), c);
        }
        for (LoreEntry e : entries) {
            ObjectNode kept = Extensions.entry(e, LorebookFormat.NOVELAI);
            JsonNode category = kept.remove("_category");
            if (category != null) {
                categories.putIfAbsent(category.path("id").asText(), category);
            }
            ObjectNode n = out.addObject();
            n.put("text", e.content());
            ObjectNode config = kept.path("contextConfig").isObject()
                    ? (ObjectNode) kept.get("contextConfig") : Extensions.JSON.createObjectNode();
            config.put("budgetPriority", e.priority());
            n.set("contextConfig", config);
            n.put("displayName", e.title());
            n.put("id", kept.path("id").asText(UUID.randomUUID().toString()));
            ArrayNode keys = n.putArray("keys");
            e.keywords().forEach(keys::add);
            n.put("searchRange", kept.path("searchRange").asInt(DEFAULT_SEARCH_RANGE));
            n.put("enabled", e.enabled());
            n.put("forceActivation", e.alwaysOn());
            kept.fields().forEachRemaining(f -> {
                if (!n.has(f.getKey())) {
                    n.set(f.getKey(), f.getValue());
                }
            });
        }
        book.fields().forEachRemaining(f -> {
            if (!root.has(f.getKey()) && !f.getKey().equals("categories")) {
                root.set(f.getKey(), f.getValue());
            }
        });
        if (!root.has("settings")) {
            root.putObject("settings").put("orderByKeyLocations", false);
        }
        ArrayNode cats = root.putArray("categories");
        categories.values().forEach(cats::add);
        return root;
    }
}
