package dev.quire.studio;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Span;
import dev.quire.stitch.Shares;
import dev.quire.store.GenerationRepository.VariantOrigin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the writer keeps, by model: from the provenance of the scenes' current text (what survived every later edit),
 * the writer's share, each provider and model's share, and for each model how many variants it produced and how many
 * of those still have a passage in the text. Characters are counted as the composition bar counts them: code points
 * that are not white space, so paragraph breaks (the writer's, as the editor keeps them) weigh nothing. Text pasted
 * from outside, text from a variant the library no longer knows, and text of unknown origin count as unknown, never
 * as the writer's. The shares of the writer, the models and unknown sum to 1 (all 0 for an empty text).
 */
public final class Kept {

    /** Which model wrote a passage. */
    public record Model(String provider, String model) {
        public Model {
            provider = provider == null ? "" : provider;
            model = model == null ? "" : model;
        }
    }

    /** One model's part of the text. */
    public record ByModel(String provider, String model, int variants, int variantsKept, int chars, double share) {
    }

    /** The whole figure, for a story or a scene. */
    public record Result(int writerChars, int unknownChars, List<ByModel> byModel, int chars) {
        public Result {
            byModel = List.copyOf(byModel);
        }

        public double writer() {
            return share(writerChars, chars);
        }

        public double unknown() {
            return share(unknownChars, chars);
        }

        /**
         * "yours 41% · claude-opus 38% · deepseek-chat 14% · unknown 7%": whole percents that add up to 100, a source
         * with none left out, and "<1%" for one too small to round to 1.
         */
        public String describe() {
            if (chars == 0) {
                return "";
            }
            List<String> names = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            names.add("yours");
            counts.add(writerChars);
            for (ByModel m : byModel) {
                names.add(m.model().isEmpty() ? m.provider() : m.model());
                counts.add(m.chars());
            }
            names.add("unknown");
            counts.add(unknownChars);
            int[] percents = percents(counts);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (counts.get(i) > 0) {
                    parts.add(names.get(i) + " " + (percents[i] == 0 ? "<1" : String.valueOf(percents[i])) + "%");
                }
            }
            return String.join(" · ", parts);
        }
    }

    private Kept() {
    }

    /** The figure for a story, or for one of its scenes when {@code sceneId} is not null, as the library holds it now. */
    public static Result of(Studio studio, long storyId, Long sceneId) {
        return studio.database().consistentRead("work out what the writer keeps", () -> {
            List<Scene> scenes = sceneId == null ? studio.scenes().all(storyId)
                    : studio.scenes().get(sceneId).map(List::of).orElse(List.of());
            return of(scenes.stream().map(Scene::prose).toList(), studio.generations().origins(storyId), sceneId);
        });
    }

    /**
     * The figure for these texts. {@code origins} tell which model wrote each variant of the story; a passage from a
     * variant not among them (pasted, or no longer in the library) is unknown. A model's variants produced are those
     * asked for scene {@code sceneId}, or for the whole story when it is null; a passage taken from a variant asked
     * for another scene still counts for its model.
     */
    public static Result of(List<Prose> texts, List<VariantOrigin> origins, Long sceneId) {
        Objects.requireNonNull(texts, "texts");
        Map<Long, Model> modelOf = new HashMap<>();
        Map<Model, Integer> produced = new LinkedHashMap<>();
        for (VariantOrigin o : origins) {
            if (Stitching.PASTED.equals(o.provider())) {
                continue;
            }
            Model m = new Model(o.provider(), o.model());
            modelOf.put(o.variantId(), m);
            if (sceneId != null && !sceneId.equals(o.sceneId())) {
                continue;
            }
            if (o.hasText()) {
                produced.merge(m, 1, Integer::sum);
            } else {
                produced.putIfAbsent(m, 0);
            }
        }
        int writer = 0;
        int unknown = 0;
        Map<Model, Integer> chars = new HashMap<>();
        Map<Model, Set<Long>> kept = new HashMap<>();
        for (Prose prose : texts) {
            String text = prose.text();
            int pos = 0;
            for (Span span : prose.spans()) {
                int n = Shares.nonWhitespace(text, pos, pos + span.length());
                pos += span.length();
                if (n == 0) {
                    continue;
                }
                Provenance p = span.provenance();
                Model m = p.isVariant() && p.variantId() != null ? modelOf.get(p.variantId()) : null;
                if (p.isWriter()) {
                    writer += n;
                } else if (m == null) {
                    unknown += n;
                } else {
                    chars.merge(m, n, Integer::sum);
                    kept.computeIfAbsent(m, k -> new HashSet<>()).add(p.variantId());
                    produced.putIfAbsent(m, 0);
                }
            }
        }
        int total = writer + unknown + chars.values().stream().mapToInt(Integer::intValue).sum();
        List<ByModel> byModel = new ArrayList<>();
        for (Map.Entry<Model, Integer> e : produced.entrySet()) {
            Model m = e.getKey();
            int c = chars.getOrDefault(m, 0);
            int keptCount = kept.getOrDefault(m, Set.of()).size();
            byModel.add(new ByModel(m.provider(), m.model(), Math.max(e.getValue(), keptCount), keptCount, c,
                    share(c, total)));
        }
        byModel.sort(Comparator.comparingInt(ByModel::chars).reversed()
                .thenComparing(ByModel::provider).thenComparing(ByModel::model));
        return new Result(writer, unknown, byModel, total);
    }

    private static double share(int part, int total) {
        return total == 0 ? 0 : (double) part / total;
    }

    /** Whole percents that add up to 100 (largest remainder), as the composition bar gives them. */
    static int[] percents(List<Integer> counts) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        int[] out = new int[counts.size()];
        if (total == 0) {
            return out;
        }
        long[] rest = new long[counts.size()];
        int given = 0;
        for (int i = 0; i < out.length; i++) {
            long scaled = 100L * counts.get(i);
            out[i] = (int) (scaled / total);
            rest[i] = scaled % total;
            given += out[i];
        }
        for (int left = 100 - given; left > 0; left--) {
            int most = 0;
            for (int i = 1; i < out.length; i++) {
                if (rest[i] > rest[most]) {
                    most = i;
                }
            }
            out[most]++;
            rest[most] = -1;
        }
        return out;
    }
}
