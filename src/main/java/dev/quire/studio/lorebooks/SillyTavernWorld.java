package dev.quire.studio.lorebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.LoreEntry;
import dev.quire.model.LoreEntry.SecondaryLogic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SillyTavern World Info: {@code {"entries": {"0": {uid, key, keysecondary, selective, selectiveLogic, constant,
 * disable, order, comment, content, scanDepth, …}}}}. {@code selectiveLogic} counts 0 AND ANY, 1 NOT ALL, 2 NOT ANY,
 * 3 AND ALL.
 */
final class SillyTavernWorld {

    /** Taken out of the kept fields; selective, selectiveLogic and scanDepth stay, so an export writes them only
     * where the file had them or the entry needs them. */
    private static final Set<String> MODELLED = Set.of("key", "constant", "disable", "order", "comment", "content");
    private static final SecondaryLogic[] LOGIC = {SecondaryLogic.AND_ANY, SecondaryLogic.NOT_ALL,
            SecondaryLogic.NOT_ANY, SecondaryLogic.AND_ALL};

    private SillyTavernWorld() {
    }

    static boolean looksLike(JsonNode root) {
        return root.isObject() && root.path("entries").isObject() && !root.has("lorebookVersion");
    }

    static List<LoreEntry> read(JsonNode root, Path file, List<String> warnings) {
        List<LoreEntry> out = new ArrayList<>();
        ObjectNode book = Extensions.JSON.createObjectNode();
        root.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("entries")) {
                book.set(f.getKey(), f.getValue());
            }
        });
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("entries").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode e = f.getValue();
            String where = "Entry " + f.getKey();
            if (!e.isObject()) {
                throw new LorebookException(file, file + " is not SillyTavern World Info Quire can read: " + where
                        + " is " + Json.kind(e) + " where an entry belongs. Nothing was imported.");
            }
            List<String> keys = Json.strings(e, "key", file, where);
            List<String> secondary = Json.strings(e, "keysecondary", file, where);
            boolean selective = e.path("selective").asBoolean(!secondary.isEmpty());
            int logic = e.path("selectiveLogic").asInt(0);
            if (logic < 0 || logic >= LOGIC.length) {
                warnings.add(where + " has a secondary-key logic (" + logic + ") Quire does not know; it reads as"
                        + " AND ANY.");
                logic = 0;
            }
            ObjectNode kept = e.deepCopy();
            if (!selective) {
                secondary = List.of(); // SillyTavern ignores them; kept so an export gives them back
            } else {
                kept.remove("keysecondary");
            }
            out.add(new LoreEntry(0, 0, Json.text(e, "comment", file, where), keys,
                    Json.text(e, "content", file, where), e.path("constant").asBoolean(false),
                    !e.path("disable").asBoolean(false), secondary, LOGIC[logic], e.path("order").asInt(100),
                    Math.max(0, e.path("scanDepth").asInt(0)),
                    Extensions.of(LorebookFormat.SILLYTAVERN, kept, MODELLED, out.isEmpty() ? book : null)));
        }
        return out;
    }

    static ObjectNode write(List<LoreEntry> entries) {
        ObjectNode root = Extensions.book(entries, LorebookFormat.SILLYTAVERN);
        root.remove("entries");
        ObjectNode all = root.putObject("entries");
        int next = 0;
        for (LoreEntry e : entries) {
            ObjectNode kept = Extensions.entry(e, LorebookFormat.SILLYTAVERN);
            next = Math.max(next, kept.path("uid").asInt(-1) + 1);
        }
        for (LoreEntry e : entries) {
            ObjectNode kept = Extensions.entry(e, LorebookFormat.SILLYTAVERN);
            int uid = kept.has("uid") && kept.get("uid").canConvertToInt() ? kept.get("uid").asInt() : next++;
            ObjectNode out = all.putObject(Integer.toString(uid));
            out.put("uid", uid);
            ArrayNode key = out.putArray("key");
            e.keywords().forEach(key::add);
            if (e.secondaryKeywords().isEmpty() && kept.has("keysecondary")) {
                out.set("keysecondary", kept.get("keysecondary"));
            } else {
                ArrayNode secondary = out.putArray("keysecondary");
                e.secondaryKeywords().forEach(secondary::add);
            }
            out.put("comment", e.title());
            out.put("content", e.content());
            out.put("constant", e.alwaysOn());
            out.put("selective", e.secondaryKeywords().isEmpty() ? kept.path("selective").asBoolean(true) : true);
            if (kept.has("selectiveLogic") || e.secondaryLogic() != SecondaryLogic.AND_ANY || !kept.has("uid")) {
                out.put("selectiveLogic", e.secondaryLogic().ordinal());
            }
            out.put("order", e.priority());
            if (!kept.has("position")) {
                out.put("position", 0);
            }
            out.put("disable", !e.enabled());
            if (e.scanDepth() > 0) {
                out.put("scanDepth", e.scanDepth());
            } else if (kept.has("scanDepth")) {
                out.set("scanDepth", kept.get("scanDepth"));
            }
            kept.fields().forEachRemaining(f -> {
                if (!out.has(f.getKey())) {
                    out.set(f.getKey(), f.getValue());
                }
            });
        }
        return root;
    }
}
