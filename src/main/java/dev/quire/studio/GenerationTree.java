package dev.quire.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A scene's generations as branches, as Loom shows them: a continuation or rewrite hangs under the generation whose
 * variant wrote the text it continued or rewrote. Which variant that was is read from the scene's provenance when the
 * request is recorded ({@link #fromVariant}) and kept in the generation's parameters as {@code "fromVariant"}.
 */
public final class GenerationTree {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One generation in the tree, at {@code depth} 0 for a root. */
    public record Entry(Generation generation, int depth) {
    }

    private GenerationTree() {
    }

    /**
     * The variant whose text a continuation from {@code start} (the text just before the cursor) or a rewrite of
     * {@code start}..{@code end} (the first variant text in the passage) came from; null when that text is the
     * writer's own.
     */
    static Long fromVariant(Prose scene, Generator.Mode mode, int start, int end) {
        int from = mode == Generator.Mode.CONTINUE ? lastWordBefore(scene.text(), start) : start;
        int to = mode == Generator.Mode.CONTINUE ? from + 1 : end;
        int pos = 0;
        for (Span s : scene.spans()) {
            int spanEnd = pos + s.length();
            if (spanEnd > from && pos < to && !s.provenance().isWriter() && s.provenance().variantId() != null) {
                return s.provenance().variantId();
            }
            pos = spanEnd;
            if (pos >= to) {
                break;
            }
        }
        return null;
    }

    private static int lastWordBefore(String text, int cursor) {
        int i = Math.min(cursor, text.length()) - 1;
        while (i > 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return Math.max(0, i);
    }

    /** The variant a generation's request came from, as recorded; null for none. */
    public static Long recordedFromVariant(Generation g) {
        try {
            JsonNode p = JSON.readTree(g.parametersJson() == null ? "{}" : g.parametersJson());
            return p.hasNonNull("fromVariant") ? p.get("fromVariant").asLong() : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The generations in tree order: each root newest first, and under it the generations that came from it, newest
     * first, one level deeper. A generation whose origin is not among them is a root.
     *
     * @param newestFirst        a scene's generations, newest first
     * @param generationOfVariant the generation a variant belongs to, null when it is not in the library
     */
    public static List<Entry> of(List<Generation> newestFirst, LongFunction<Long> generationOfVariant) {
        Map<Long, Generation> byId = new LinkedHashMap<>();
        newestFirst.forEach(g -> byId.put(g.id(), g));
        Map<Long, List<Generation>> children = new HashMap<>();
        List<Generation> roots = new ArrayList<>();
        for (Generation g : newestFirst) {
            Long variant = recordedFromVariant(g);
            Long parent = variant == null ? null : generationOfVariant.apply(variant);
            if (parent != null && parent != g.id() && byId.containsKey(parent)) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(g);
            } else {
                roots.add(g);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Generation r : roots) {
            add(out, r, 0, children);
        }
        // origins that point at each other (a damaged library) leave none of them a root: they are roots then
        for (Generation g : newestFirst) {
            if (out.stream().noneMatch(e -> e.generation().id() == g.id())) {
                add(out, g, 0, children);
            }
        }
        return out;
    }

    private static void add(List<Entry> out, Generation g, int depth, Map<Long, List<Generation>> children) {
        out.add(new Entry(g, depth));
        for (Generation c : children.getOrDefault(g.id(), List.of())) {
            // a parent is always older than its child, so the walk cannot come back round
            if (out.stream().noneMatch(e -> e.generation().id() == c.id())) {
                add(out, c, depth + 1, children);
            }
        }
    }
}
