package dev.quire.studio;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.quire.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the model's answer to a continuity check, and finds each quote in the scene's text.
 *
 * <p>Models asked for JSON only still wrap it in a code fence or a sentence of prose, so the answer is searched:
 * each fenced block, then the whole answer, then each bracketed stretch in it, until one reads as findings (an array
 * of objects, or an object holding one under {@code findings}).
 */
final class ContinuityAnswer {

    /** Tolerates what models add to JSON by habit: comments and trailing commas. Never single quotes: prose has them. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_-]*[ \\t]*\\R?(.*?)```", Pattern.DOTALL);
    /** How many bracketed stretches are tried before giving up; a real answer has its JSON in the first few. */
    private static final int MOST_TRIES = 200;

    private ContinuityAnswer() {
    }

    /** The findings in {@code answer}, each located in {@code sceneText}; empty when the JSON cannot be found. */
    static Optional<List<Finding>> read(String answer, String sceneText) {
        return json(answer).map(items -> {
            List<Finding> out = new ArrayList<>();
            for (JsonNode item : items) {
                String quote = text(item, "quote");
                String conflict = text(item, "conflict");
                if (quote.isBlank() && conflict.isBlank()) {
                    continue;
                }
                int[] at = locate(sceneText, quote);
                out.add(new Finding(quote, conflict, text(item, "source"), at == null ? null : at[0],
                        at == null ? null : at[1]));
            }
            return out;
        });
    }

    /** The array of findings the answer holds, if one can be read from it. */
    static Optional<List<JsonNode>> json(String answer) {
        List<String> candidates = new ArrayList<>();
        Matcher fenced = FENCE.matcher(answer);
        while (fenced.find()) {
            candidates.add(fenced.group(1));
        }
        candidates.add(answer);
        for (String candidate : candidates) {
            Optional<List<JsonNode>> items = findings(candidate.strip());
            if (items.isPresent()) {
                return items;
            }
        }
        int tries = 0;
        for (int i = 0; i < answer.length() && tries < MOST_TRIES; i++) {
            char c = answer.charAt(i);
            if (c == '[' || c == '{') {
                tries++;
                int end = closing(answer, i);
                if (end > i) {
                    Optional<List<JsonNode>> items = findings(answer.substring(i, end + 1));
                    if (items.isPresent()) {
                        return items;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<List<JsonNode>> findings(String candidate) {
        if (candidate.isEmpty() || candidate.charAt(0) != '[' && candidate.charAt(0) != '{') {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = LENIENT.readTree(candidate);
        } catch (Exception e) {
            return Optional.empty();
        }
        JsonNode array = root;
        if (root != null && root.isObject()) {
            array = root.has("findings") ? root.get("findings") : root.has("contradictions")
                    ? root.get("contradictions") : root.has("quote") ? LENIENT.createArrayNode().add(root) : null;
        }
        if (array == null || !array.isArray()) {
            return Optional.empty();
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : array) {
            // an array of anything else is some other bracket in the prose ("[3]"), not the answer
            if (!item.isObject()) {
                return Optional.empty();
            }
            items.add(item);
        }
        return Optional.of(items);
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }

    /** The index of the bracket that closes the one at {@code open}, skipping strings; -1 when none does. */
    private static int closing(String s, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    // ---- finding the quote ----

    /**
     * Where {@code quote} is in {@code text}: exactly, else with spacing, quotation marks, dashes and case ignored
     * (models retype curly quotes as straight ones and fold line breaks), else without quotation marks or an
     * ellipsis around it. {start, end} in UTF-16 code units, or null when it is not there.
     */
    static int[] locate(String text, String quote) {
        if (quote.isBlank()) {
            return null;
        }
        int exact = text.indexOf(quote);
        if (exact >= 0) {
            return new int[] {exact, exact + quote.length()};
        }
        Loose hay = Loose.of(text);
        String needle = Loose.of(quote).text.strip();
        int[] found = hay.find(needle);
        if (found == null) {
            String trimmed = needle.replaceAll("^[\\s\"'.]+|[\\s\"'.]+$", "");
            if (trimmed.length() >= 3 && !trimmed.equals(needle)) {
                found = hay.find(trimmed);
            }
        }
        return found;
    }

    /** A text folded for matching, with where each of its characters came from in the original. */
    private record Loose(String text, int[] from, int[] to) {

        static Loose of(String s) {
            StringBuilder out = new StringBuilder(s.length());
            int[] from = new int[s.length() * 3 + 1];
            int[] to = new int[s.length() * 3 + 1];
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\u200B' || c == '\u00AD' || c == '\uFEFF') {
                    continue; // zero-width: in the text, never in what the model retypes
                }
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    if (n > 0 && out.charAt(n - 1) == ' ') {
                        to[n - 1] = i + 1; // a run of spacing is one space
                        continue;
                    }
                    c = ' ';
                }
                String folded = switch (c) {
                    case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`' -> "'";
                    case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> "\"";
                    case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> "-";
                    case '\u2026' -> "...";
                    default -> String.valueOf(Character.toLowerCase(c));
                };
                for (int k = 0; k < folded.length(); k++) {
                    out.append(folded.charAt(k));
                    from[n] = i;
                    to[n] = i + 1;
                    n++;
                }
            }
            return new Loose(out.toString(), from, to);
        }

        int[] find(String needle) {
            if (needle.isEmpty()) {
                return null;
            }
            int at = text.indexOf(needle);
            return at < 0 ? null : new int[] {from[at], to[at + needle.length() - 1]};
        }
    }
}
