package dev.quire.studio;

import dev.quire.model.Composition;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.SceneRevision;
import dev.quire.model.Variant;
import dev.quire.store.CompositionRepository;
import dev.quire.store.PersistenceException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scene's stitching pane, kept in the library: its variant columns, the composition being stitched,
 * and accepting that composition into the scene. Every change is one transaction.
 */
public final class Stitching {

    /** The provider name recorded on a generation that holds a pasted variant. */
    public static final String PASTED = "pasted";

    /** The frame recorded on a pasted variant's generation. */
    public static final String PASTE_FRAME = "paste";

    /** The most text one pasted column takes: about 150,000 words, far more than any scene. */
    public static final int MAX_PASTE = 1_000_000;

    private final Studio studio;
    private final CompositionRepository compositions;

    Stitching(Studio studio) {
        this.studio = Objects.requireNonNull(studio, "studio");
        this.compositions = new CompositionRepository(studio.database());
    }

    /**
     * One column as the pane shows it.
     *
     * @param label        "A", "B", "C"… by position in the pane
     * @param source       who wrote it: "Pasted", or the provider profile and model
     * @param outputTokens the provider's count when it reported one for this variant alone, else null
     * @param elapsed      how long its generation ran, null while unknown
     */
    public record Column(Variant variant, String label, Generation generation, String source, Integer outputTokens,
                         Duration elapsed) {
        public boolean pasted() {
            return PASTED.equals(generation.provider());
        }

        /** The output limit the variant was asked with, in tokens; null when the generation did not record one. */
        public Integer outputLimit() {
            try {
                com.fasterxml.jackson.databind.JsonNode p = JSON.readTree(generation.parametersJson());
                return p.path("maxOutputTokens").isInt() ? Integer.valueOf(p.path("maxOutputTokens").intValue())
                        : null;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return null;
            }
        }

        /**
         * What the column's variant was asked for: the mode and its anchors as recorded on the generation; empty
         * for a pasted variant, which nothing can ask for again.
         */
        public java.util.Optional<Asked> asked() {
            if (pasted()) {
                return java.util.Optional.empty();
            }
            try {
                com.fasterxml.jackson.databind.JsonNode p = JSON.readTree(generation.parametersJson());
                Generator.Mode mode = p.hasNonNull("mode") ? Generator.Mode.valueOf(p.get("mode").asText())
                        : Generator.Mode.SCENE;
                return java.util.Optional.of(new Asked(mode, p.path("anchorStart").asInt(0),
                        p.path("anchorEnd").asInt(p.path("anchorStart").asInt(0))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                return java.util.Optional.of(new Asked(Generator.Mode.SCENE, 0, 0));
            }
        }
    }

    /** A generation's mode and where in the scene it was asked for. */
    public record Asked(Generator.Mode mode, int anchorStart, int anchorEnd) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** What the pane shows for a scene: the columns left to right, and the composition. */
    public record Pane(long sceneId, List<Column> columns, Composition composition) {
        public Pane {
            columns = List.copyOf(columns);
        }
    }

    /** The scene's pane as stored; an empty composition and no columns when it has none. */
    public Pane pane(long sceneId) {
        return studio.database().consistentRead("load the stitching pane", () -> {
            Composition composition = compositions.get(sceneId).orElse(Composition.empty(sceneId));
            return new Pane(sceneId, columns(composition.columns()), composition);
        });
    }

    /**
     * Keeps text written anywhere as one more variant (a generation with provider {@value #PASTED}, status
     * COMPLETE) and adds it as the last column. Line endings become plain newlines, as in scene text.
     *
     * @throws IllegalArgumentException when the text is blank
     * @throws PersistenceException     when the scene is not in the library
     */
    public Pane paste(long sceneId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("There is no text to paste.");
        }
        if (text.length() > MAX_PASTE) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "That is %,d words of text, more"
                    + " than a column holds (%,d characters at most). Paste one scene's versions at a time, or bring"
                    + " a whole draft in with Import.", dev.quire.model.Words.count(text), MAX_PASTE));
        }
        String pasted = text.replace("\r\n", "\n").replace('\r', '\n');
        return studio.database().transaction("keep the pasted text", () -> {
            Scene scene = scene(sceneId);
            Instant now = Instant.now();
            Generation g = studio.generations().create(new Generation(0, scene.storyId(), sceneId, null, PASTE_FRAME,
                    PASTED, "", "{}", null, null, 1, Generation.Usage.NONE, now, now, Generation.Status.COMPLETE,
                    null));
            studio.generations().saveVariant(g.id(), 0, pasted, Variant.Status.COMPLETE, null, null);
            long variantId = studio.generations().variants(g.id()).get(0).id();
            List<Long> columns = new ArrayList<>(liveColumns(sceneId));
            columns.add(variantId);
            compositions.save(stored(sceneId).withColumns(columns));
            return pane(sceneId);
        });
    }

    /**
     * Replaces the columns with these variants, in order (after a new generation). Keeps the composition. Ids of
     * variants not in the library are left out.
     */
    public Pane showColumns(long sceneId, List<Long> variantIds) {
        Objects.requireNonNull(variantIds, "variantIds");
        return studio.database().transaction("show the variants", () -> {
            List<Long> live = studio.generations().variantsByIds(variantIds).stream().map(Variant::id).toList();
            compositions.save(stored(sceneId).withColumns(live));
            return pane(sceneId);
        });
    }

    /**
     * Puts {@code variantId} in place of the column at {@code index} (after "regenerate this one").
     *
     * @throws IndexOutOfBoundsException when the pane has no column at {@code index}
     * @throws IllegalArgumentException  when there is no variant {@code variantId}
     */
    public Pane replaceColumn(long sceneId, int index, long variantId) {
        return studio.database().transaction("replace the column", () -> {
            List<Long> columns = new ArrayList<>(liveColumns(sceneId));
            Objects.checkIndex(index, columns.size());
            if (studio.generations().variant(variantId).isEmpty()) {
                throw new IllegalArgumentException("Variant " + variantId + " is not in the library.");
            }
            columns.set(index, variantId);
            compositions.save(stored(sceneId).withColumns(columns));
            return pane(sceneId);
        });
    }

    /**
     * Removes the column at {@code index}; the variant stays in the library.
     *
     * @throws IndexOutOfBoundsException when the pane has no column at {@code index}
     */
    public Pane removeColumn(long sceneId, int index) {
        return studio.database().transaction("remove the column", () -> {
            List<Long> columns = new ArrayList<>(liveColumns(sceneId));
            Objects.checkIndex(index, columns.size());
            columns.remove(index);
            compositions.save(stored(sceneId).withColumns(columns));
            return pane(sceneId);
        });
    }

    /**
     * Saves the composition's text and provenance, and where Accept will put it. Columns are untouched. Anchors
     * a placement does not use are stored as the model describes: 0 for {@link Composition.Placement#REPLACE_SCENE},
     * an empty range at the cursor for {@link Composition.Placement#AT_CURSOR}.
     *
     * @throws IllegalArgumentException when an anchor is negative or the selection ends before it starts
     */
    public void saveComposition(long sceneId, Prose prose, Composition.Placement placement, int anchorStart,
                                int anchorEnd) {
        Objects.requireNonNull(prose, "prose");
        Composition.Placement where = placement == null ? Composition.Placement.REPLACE_SCENE : placement;
        int start = where == Composition.Placement.REPLACE_SCENE ? 0 : anchorStart;
        int end = where == Composition.Placement.REPLACE_SELECTION ? anchorEnd : start;
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad anchor " + anchorStart + ".." + anchorEnd);
        }
        studio.database().transaction("save the composition", () -> {
            compositions.save(stored(sceneId).withProse(prose).placed(where, start, end));
            return null;
        });
    }

    /**
     * A variant's rating (1–5, null for none) and the writer's note on it.
     *
     * @throws IllegalArgumentException when the rating is outside 1–5
     */
    public void rate(long variantId, Integer rating, String note) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("A rating is 1 to 5, not " + rating + ".");
        }
        studio.generations().rate(variantId, rating, note);
    }

    /**
     * Puts the composition into the scene where its placement says (anchors are clamped to the scene's current
     * length), keeps the result as an ACCEPT revision, and clears the composition, all in one transaction.
     * The columns stay; the cleared composition's placement goes back to {@link Composition.Placement#REPLACE_SCENE},
     * since its anchors pointed into the text just replaced. The scene's text before the accept stays recoverable
     * as a revision.
     *
     * @return the scene with its new text
     * @throws IllegalArgumentException when an anchor the placement uses is negative, or a selection ends before it
     *                                  starts
     * @throws PersistenceException     when the scene is not in the library
     */
    public Scene accept(long sceneId, Prose composition, Composition.Placement placement, int anchorStart,
                        int anchorEnd) {
        Objects.requireNonNull(composition, "composition");
        Composition.Placement where = placement == null ? Composition.Placement.REPLACE_SCENE : placement;
        if (where != Composition.Placement.REPLACE_SCENE && (anchorStart < 0
                || where == Composition.Placement.REPLACE_SELECTION && anchorEnd < anchorStart)) {
            throw new IllegalArgumentException("bad anchor " + anchorStart + ".." + anchorEnd);
        }
        return studio.database().transaction("accept the composition", () -> {
            Prose current = scene(sceneId).prose();
            Prose result = placed(current, composition, where, anchorStart, anchorEnd);
            Scene accepted = studio.scenes().replaceProse(sceneId, result, SceneRevision.Kind.ACCEPT);
            compositions.save(Composition.empty(sceneId).withColumns(liveColumns(sceneId)));
            return accepted;
        });
    }

    /** {@code scene} with {@code piece} put where {@code placement} says; anchors clamped to the scene. */
    static Prose placed(Prose scene, Prose piece, Composition.Placement placement, int anchorStart, int anchorEnd) {
        int length = scene.text().length();
        int start = Math.max(0, Math.min(anchorStart, length));
        int end = Math.max(start, Math.min(anchorEnd, length));
        return switch (placement) {
            case AT_CURSOR -> scene.replace(start, start, piece);
            case REPLACE_SELECTION -> scene.replace(start, end, piece);
            case REPLACE_SCENE -> piece;
        };
    }

    private Composition stored(long sceneId) {
        return compositions.get(sceneId).orElse(Composition.empty(sceneId));
    }

    /** The stored columns whose variants are still in the library: the pane's columns, by position. */
    private List<Long> liveColumns(long sceneId) {
        List<Long> ids = stored(sceneId).columns();
        return ids.isEmpty() ? List.of()
                : studio.generations().variantsByIds(ids).stream().map(Variant::id).toList();
    }

    private List<Column> columns(List<Long> variantIds) {
        List<Column> out = new ArrayList<>();
        Map<Long, Generation> generations = new HashMap<>();
        for (Variant v : studio.generations().variantsByIds(variantIds)) {
            Generation g = generations.computeIfAbsent(v.generationId(),
                    id -> studio.generations().get(id).orElse(null));
            if (g == null) {
                continue;
            }
            // a mixed set's variant names its own column's provider and model
            g = Mix.asAsked(g, studio.generations().requests(g.id()), v.index());
            out.add(new Column(v, Variant.labelFor(out.size()), g, source(g), outputTokens(g), elapsed(g)));
        }
        return out;
    }

    private static String source(Generation g) {
        return PASTED.equals(g.provider()) ? "Pasted" : g.provider() + " · " + g.model();
    }

    /** The provider counts output for a whole request, so it belongs to one variant only when there is one. */
    private static Integer outputTokens(Generation g) {
        return g.variantCount() == 1 ? g.usage().outputTokens() : null;
    }

    private static Duration elapsed(Generation g) {
        return g.started() == null || g.finished() == null ? null : Duration.between(g.started(), g.finished());
    }

    private Scene scene(long sceneId) {
        return studio.scenes().get(sceneId).orElseThrow(() -> new PersistenceException(
                "Scene " + sceneId + " is no longer in the library; it may have been deleted."));
    }
}
