package dev.quire.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Span;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How model values map to columns: JSON arrays for lists and spans, epoch milliseconds for times. */
final class Columns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Long>> IDS = new TypeReference<>() { };

    private Columns() {
    }

    static String strings(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new PersistenceException("Could not encode a list of " + values.size() + " entries", e);
        }
    }

    static List<String> strings(String json) {
        try {
            return json == null || json.isEmpty() ? List.of() : JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new PersistenceException("A list in the library is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String ids(List<Long> ids) {
        try {
            return JSON.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new PersistenceException("Could not encode a list of " + ids.size() + " ids", e);
        }
    }

    static List<Long> ids(String json) {
        try {
            return json == null || json.isEmpty() ? List.of() : JSON.readValue(json, IDS);
        } catch (JsonProcessingException e) {
            throw new PersistenceException("A list of ids in the library is not valid JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * Spans as a compact array of arrays, {@code [length, flags, label, variantId]}, where flags has
     * bit 0 italic, bit 1 bold, bit 2 "from a variant" and bit 3 "of unknown origin". Compact because a long
     * scene has many.
     */
    static String spans(List<Span> spans) {
        StringBuilder sb = new StringBuilder(spans.size() * 16).append('[');
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            Provenance p = s.provenance();
            int flags = (s.italic() ? 1 : 0) | (s.bold() ? 2 : 0) | (p.isVariant() ? 4 : 0) | (p.isUnknown() ? 8 : 0);
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[').append(s.length()).append(',').append(flags);
            if (p.isVariant()) {
                try {
                    sb.append(',').append(JSON.writeValueAsString(p.label()))
                            .append(',').append(p.variantId() == null ? "null" : p.variantId().toString());
                } catch (JsonProcessingException e) {
                    throw new PersistenceException("Could not encode a provenance label", e);
                }
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /** The text exactly as stored, with its spans made to fit it ({@link #fitted}); spans that cannot be read at all leave the whole text unknown. */
    static Prose prose(String text, String spansJson) {
        return new Prose(text, fitted(readSpans(spansJson), text.length()));
    }

    /** Stored spans as written, or none when they are not the compact array {@link #spans} writes. */
    static List<Span> readSpans(String spansJson) {
        List<Span> spans = new ArrayList<>();
        try {
            for (var node : JSON.readTree(spansJson == null ? "[]" : spansJson)) {
                int length = node.get(0).asInt();
                int flags = node.get(1).asInt();
                Provenance provenance = (flags & 8) != 0 ? Provenance.UNKNOWN
                        : (flags & 4) == 0 ? Provenance.WRITER
                        : Provenance.variant(node.get(2).asText(),
                        node.get(3) == null || node.get(3).isNull() ? null : node.get(3).asLong());
                spans.add(new Span(length, provenance, (flags & 1) != 0, (flags & 2) != 0));
            }
            return spans;
        } catch (JsonProcessingException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * What is wrong with a scene's stored provenance for {@code text}, if anything: its spans' lengths must add up to
     * the text's, and each must be readable.
     */
    static Optional<String> stylesProblem(String text, String spansJson) {
        try {
            var array = JSON.readTree(spansJson == null ? "[]" : spansJson);
            if (!array.isArray()) {
                return Optional.of("its provenance is not a list of spans");
            }
            if (readSpans(spansJson).size() != array.size()) {
                return Optional.of("its provenance cannot be read");
            }
            int covered = 0;
            for (var node : array) {
                covered += node.get(0).asInt();
            }
            if (covered == text.length()) {
                return Optional.empty();
            }
            return Optional.of("its provenance covers " + covered + " of its " + text.length() + " characters");
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.of("its provenance is not valid JSON");
        }
    }

    /**
     * Styles that no longer match their text (the text was changed outside Quire, in the file itself) are made to
     * fit rather than refused: text past the styles (or all of it, when none were stored) is of unknown origin, never
     * silently the writer's; styles past the text are cut. The writer's words always load, exactly as stored.
     */
    static List<Span> fitted(List<Span> spans, int length) {
        int covered = 0;
        List<Span> out = new ArrayList<>(spans.size() + 1);
        for (Span span : spans) {
            if (covered >= length) {
                break;
            }
            int take = Math.min(span.length(), length - covered);
            out.add(take == span.length() ? span : new Span(take, span.provenance(), span.italic(), span.bold()));
            covered += take;
        }
        if (covered < length) {
            out.add(new Span(length - covered, Provenance.UNKNOWN, false, false));
        }
        return out;
    }

    static long now() {
        return System.currentTimeMillis();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
