package dev.quire.studio.lorebooks;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading a lorebook's fields, refusing wrong kinds with a message that says which entry and field. */
final class Json {

    private Json() {
    }

    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "nothing";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "true or false";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "text";
    }

    static String text(JsonNode entry, String field, Path file, String where) {
        JsonNode n = entry.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw new LorebookException(file, file + ": " + where + " has " + kind(n) + " where the text of \""
                    + field + "\" belongs. Nothing was imported.");
        }
        return n.asText();
    }

    static List<String> strings(JsonNode entry, String field, Path file, String where) {
        JsonNode n = entry.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isTextual()) { // a single key written without a list
            for (String k : n.asText().split(",")) {
                if (!k.isBlank()) {
                    out.add(k.strip());
                }
            }
            return out;
        }
        if (!n.isArray()) {
            throw new LorebookException(file, file + ": " + where + " has " + kind(n) + " where the list \""
                    + field + "\" belongs. Nothing was imported.");
        }
        for (JsonNode k : n) {
            if (!k.isTextual() && !k.isNumber()) {
                throw new LorebookException(file, file + ": " + where + " has " + kind(k) + " in \"" + field
                        + "\", where only keywords belong. Nothing was imported.");
            }
            if (!k.asText().isBlank()) {
                out.add(k.asText());
            }
        }
        return out;
    }
}
