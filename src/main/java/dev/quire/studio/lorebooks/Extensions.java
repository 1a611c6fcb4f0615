package dev.quire.studio.lorebooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.LoreEntry;

import java.util.Set;

/**
 * An entry's extensions: {@code {"format": …, "entry": {fields of the entry Quire does not model}, "book": {fields
 * of the whole lorebook}}}. The book's fields ride on the first entry only.
 */
final class Extensions {

    static final ObjectMapper JSON = new ObjectMapper();

    private Extensions() {
    }

    static String of(LorebookFormat format, JsonNode entry, Set<String> modelled, JsonNode book) {
        ObjectNode out = JSON.createObjectNode().put("format", format.name());
        ObjectNode rest = out.putObject("entry");
        entry.fields().forEachRemaining(f -> {
            if (!modelled.contains(f.getKey())) {
                rest.set(f.getKey(), f.getValue());
            }
        });
        if (book != null && !book.isEmpty()) {
            out.set("book", book);
        }
        return out.toString();
    }

    /** The entry's kept fields when they came from {@code format}; an empty object otherwise. */
    static ObjectNode entry(LoreEntry e, LorebookFormat format) {
        JsonNode node = parse(e);
        if (format.name().equals(node.path("format").asText()) && node.path("entry").isObject()) {
            return ((ObjectNode) node.get("entry")).deepCopy();
        }
        return JSON.createObjectNode();
    }

    /** The lorebook's kept fields when an entry came from {@code format}; an empty object otherwise. */
    static ObjectNode book(Iterable<LoreEntry> entries, LorebookFormat format) {
        for (LoreEntry e : entries) {
            JsonNode node = parse(e);
            if (format.name().equals(node.path("format").asText()) && node.path("book").isObject()) {
                return ((ObjectNode) node.get("book")).deepCopy();
            }
        }
        return JSON.createObjectNode();
    }

    private static JsonNode parse(LoreEntry e) {
        try {
            JsonNode node = JSON.readTree(e.extensions());
            return node == null || !node.isObject() ? JSON.createObjectNode() : node;
        } catch (JsonProcessingException ex) {
            return JSON.createObjectNode();
        }
    }

    static JsonNode parseObject(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (JsonProcessingException ex) {
            return JSON.createObjectNode();
        }
    }
}
