package dev.quire.studio.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A card read from a file and checked against its spec: the JSON exactly as the file had it
 * (unknown fields and {@code extensions} included), the portrait it came with, and what the writer
 * should know about it.
 *
 * @param image    the card's PNG without its card chunks, or null when there is none to keep
 * @param warnings things the writer should hear about that do not stop the import
 */
record Card(ObjectNode json, CardSpec spec, CardFormat format, byte[] image, List<String> warnings) {

    private static final String[] TEXT_FIELDS = {"name", "description", "personality", "scenario", "first_mes",
            "mes_example", "creator_notes", "system_prompt", "post_history_instructions", "creator",
            "character_version", "nickname"};
    private static final String[] TEXT_LISTS = {"tags", "alternate_greetings", "group_only_greetings", "source"};
    private static final String[] V1_FIELDS = {"name", "description", "personality", "scenario", "first_mes",
            "mes_example"};

    Card {
        warnings = List.copyOf(warnings);
    }

    ObjectNode data() {
        return (ObjectNode) json.get("data");
    }

    String name() {
        return data().get("name").asText().strip();
    }

    /**
     * Checks that {@code root} is a V2 or V3 card (or an old V1 TavernAI card, read as V2) whose
     * fields have the types the specs give them.
     */
    static Card check(JsonNode root, Path file, CardFormat format, byte[] image, List<String> warnings) {
        List<String> notes = new ArrayList<>(warnings);
        if (root == null || root.isMissingNode()) {
            throw CardReader.bad(file, "it holds no JSON at all");
        }
        if (!root.isObject()) {
            throw CardReader.bad(file, "it is a JSON " + kind(root) + ", not a character card (a JSON object)");
        }
        ObjectNode card = ((ObjectNode) root).deepCopy();
        JsonNode specNode = card.get("spec");
        CardSpec spec;
        if (specNode == null) {
            if (!looksLikeV1(card)) {
                throw CardReader.bad(file, "it has no \"spec\" field, so it is not a character card (Quire reads"
                        + " chara_card_v2 and chara_card_v3)");
            }
            card = fromV1(card);
            spec = CardSpec.V2;
            notes.add("This is an old TavernAI (V1) card; Quire read it as a V2 card.");
        } else {
            String value = specNode.isTextual() ? specNode.asText() : specNode.toString();
            if (value.equals("lorebook_v3")) {
                throw CardReader.bad(file, "it is a lorebook (spec \"lorebook_v3\"), not a character card");
            }
            spec = CardSpec.ofSpec(value).orElseThrow(() -> CardReader.bad(file, "its spec is \"" + clip(value)
                    + "\", not one Quire reads (chara_card_v2 or chara_card_v3)"));
        }
        JsonNode data = card.get("data");
        if (data == null || !data.isObject()) {
            throw CardReader.bad(file, "it has no \"data\" object, which a " + spec.spec() + " card must have");
        }
        requireText(file, data, "name", "data.name");
        JsonNode name = data.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw CardReader.bad(file, "its data.name is missing or blank: a character card must name its"
                    + " character");
        }
        for (String field : TEXT_FIELDS) {
            requireText(file, data, field, "data." + field);
        }
        for (String field : TEXT_LISTS) {
            requireTextList(file, data, field, "data." + field);
        }
        requireObject(file, data, "extensions", "data.extensions");
        checkBook(file, data.get("character_book"));
        if (spec == CardSpec.V3) {
            newerVersion(card.get("spec_version")).ifPresent(notes::add);
        }
        return new Card(card, spec, format, image, notes);
    }

    private static void checkBook(Path file, JsonNode book) {
        if (book == null || book.isNull()) {
            return;
        }
        if (!book.isObject()) {
            throw CardReader.bad(file, "its data.character_book is a " + kind(book) + ", not an object");
        }
        requireObject(file, book, "extensions", "data.character_book.extensions");
        JsonNode entries = book.get("entries");
        if (entries == null || entries.isNull()) {
            return;
        }
        if (!entries.isArray()) {
            throw CardReader.bad(file, "its data.character_book.entries is a " + kind(entries) + ", not a list");
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String where = "data.character_book.entries[" + i + "]";
            if (!entry.isObject()) {
                throw CardReader.bad(file, "its " + where + " is a " + kind(entry) + ", not a lore entry object");
            }
            requireTextList(file, entry, "keys", where + ".keys");
            requireText(file, entry, "content", where + ".content");
            requireText(file, entry, "name", where + ".name");
            requireText(file, entry, "comment", where + ".comment");
            requireBoolean(file, entry, "enabled", where + ".enabled");
            requireBoolean(file, entry, "constant", where + ".constant");
        }
    }

    private static void requireText(Path file, JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v != null && !v.isNull() && !v.isTextual()) {
            throw CardReader.bad(file, "its " + where + " is a " + kind(v) + " where text belongs");
        }
    }

    private static void requireTextList(Path file, JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        if (!v.isArray()) {
            throw CardReader.bad(file, "its " + where + " is a " + kind(v) + " where the spec has a list of text");
        }
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw CardReader.bad(file, "its " + where + " holds a " + kind(item) + " where the spec has text");
            }
        }
    }

    private static void requireObject(Path file, JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v != null && !v.isNull() && !v.isObject()) {
            throw CardReader.bad(file, "its " + where + " is a " + kind(v) + " where the spec has an object");
        }
    }

    private static void requireBoolean(Path file, JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v != null && !v.isNull() && !v.isBoolean()) {
            throw CardReader.bad(file, "its " + where + " is a " + kind(v) + " where the spec has true or false");
        }
    }

    private static boolean looksLikeV1(ObjectNode card) {
        JsonNode name = card.get("name");
        return name != null && name.isTextual() && (card.has("first_mes") || card.has("description")
                || card.has("personality"));
    }

    /** A V1 card keeps its top-level fields and gains the V2 {@code data} object they map to. */
    private static ObjectNode fromV1(ObjectNode v1) {
        ObjectNode card = v1.objectNode();
        card.put("spec", CardSpec.V2.spec());
        card.put("spec_version", CardSpec.V2.version());
        ObjectNode data = card.putObject("data");
        for (String field : V1_FIELDS) {
            JsonNode v = v1.get(field);
            data.put(field, v != null && v.isTextual() ? v.asText() : "");
        }
        data.put("creator_notes", "");
        data.put("system_prompt", "");
        data.put("post_history_instructions", "");
        data.putArray("alternate_greetings");
        data.putArray("tags");
        data.put("creator", "");
        data.put("character_version", "");
        data.putObject("extensions");
        for (Map.Entry<String, JsonNode> e : v1.properties()) {
            if (!card.has(e.getKey())) {
                card.set(e.getKey(), e.getValue());
            }
        }
        return card;
    }

    private static java.util.Optional<String> newerVersion(JsonNode version) {
        if (version == null || !version.isValueNode()) {
            return java.util.Optional.empty();
        }
        try {
            double v = Double.parseDouble(version.asText());
            if (v > 3.0) {
                return java.util.Optional.of("This card was written for Character Card V3 version " + version.asText()
                        + "; Quire knows 3.0. Fields it does not know are kept as they are.");
            }
        } catch (NumberFormatException ignored) {
            // a spec_version that is not a number is not worth refusing a card over
        }
        return java.util.Optional.empty();
    }

    static String kind(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "list";
        }
        if (node.isTextual()) {
            return "text";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "true/false value";
        }
        return node.isNull() ? "null" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
