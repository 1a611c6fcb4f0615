package dev.quire.ui.stitch;

import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.stitch.Alignment;
import dev.quire.studio.GenerationTree;
import dev.quire.studio.Generator;
import dev.quire.studio.Stitching;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A scene's generations as the pane shows them: its history, newest first, any of which the writer can reopen in the
 * columns, and the one the columns show now (what was asked, with which frame, provider and model, and when).
 */
final class SceneGenerations {

    private final Studio studio;
    private final Background background;
    private final long sceneId;
    private final VariantStreams streams;
    private final StringProperty problem;

    private final ObservableList<Generation> history = FXCollections.observableArrayList();
    private final ObjectProperty<Generation> shown = new SimpleObjectProperty<>(this, "shown");
    private final java.util.Map<Long, Integer> depths = new java.util.HashMap<>();
    private final java.util.Map<Long, String> outcomes = new java.util.HashMap<>();

    SceneGenerations(Studio studio, Background background, long sceneId, VariantStreams streams,
                     StringProperty problem) {
        this.studio = studio;
        this.background = background;
        this.sceneId = sceneId;
        this.streams = streams;
        this.problem = problem;
        // a finished generation joins the history
        streams.runningProperty().addListener((o, was, running) -> {
            if (!running) {
                reload(null);
            }
        });
    }

    private record Found(List<Generation> history, List<GenerationTree.Entry> tree, Generation shown,
                         java.util.Map<Long, String> outcomes) {
    }

    /**
     * Reads the history and which generation the stored columns came from; {@code lastInstruction} hears the newest
     * instruction the writer gave for this scene ("" when none), for the generate panel after a restart.
     */
    void reload(Consumer<String> lastInstruction) {
        background.read(() -> {
            List<Generation> all = studio.generations().forScene(sceneId);
            Generation columnsFrom = studio.stitching().pane(sceneId).columns().stream()
                    .filter(c -> !c.pasted()).map(Stitching.Column::generation)
                    .max(Comparator.comparing(Generation::started, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparingLong(Generation::id))
                    .orElse(null);
            List<GenerationTree.Entry> tree = GenerationTree.of(all, variant -> studio.generations().variant(variant)
                    .map(Variant::generationId).orElse(null));
            java.util.Map<Long, String> said = new java.util.HashMap<>();
            all.forEach(g -> said.put(g.id(), Variant.outcomesOf(studio.generations().variants(g.id()))));
            return new Found(all, tree, columnsFrom, said);
        }).onSuccess(found -> {
            depths.clear();
            found.tree().forEach(e -> depths.put(e.generation().id(), e.depth()));
            outcomes.clear();
            outcomes.putAll(found.outcomes());
            history.setAll(found.tree().stream().map(GenerationTree.Entry::generation).toList());
            if (shown.get() == null || shown.get().id() == 0 && found.shown() != null
                    && sameRequest(shown.get(), found.shown())) {
                shown.set(found.shown());
            }
            if (lastInstruction != null) {
                lastInstruction.accept(found.history().stream().map(Generation::instruction)
                        .filter(s -> !s.isBlank()).findFirst().orElse(""));
            }
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    private static boolean sameRequest(Generation live, Generation kept) {
        return live.instruction().equals(kept.instruction()) && Objects.equals(live.frame(), kept.frame());
    }

    /** A request was prepared and is about to stream into the columns: they show what it asks from now on. */
    void asking(Asking asking) {
        Generator.Prepared prepared = asking.first();
        shown.set(new Generation(0, prepared.story().id(), sceneId, null, prepared.frame().key(),
                prepared.profile().name(), prepared.model(), null, asking.mixed() ? "{\"mixed\":true}" : null, null,
                asking.size(), null, Instant.now(), null, Generation.Status.STREAMING, null, asking.instruction()));
    }

    private record Reopened(Stitching.Pane pane, List<List<Alignment.Mark>> marks) {
    }

    /**
     * Shows {@code generation}'s variants as the columns, in its order; the composition stays as it is. Not while
     * variants stream.
     *
     * @param then runs once the columns show them
     */
    void reopen(Generation generation, Runnable then) {
        if (streams.runningProperty().get()) {
            problem.set("Wait for the variants to finish (or stop them) before reopening earlier ones.");
            return;
        }
        problem.set("");
        background.write(() -> {
            List<Long> ids = studio.generations().variants(generation.id()).stream().map(Variant::id).toList();
            Stitching.Pane pane = studio.stitching().showColumns(sceneId, ids);
            List<String> texts = new ArrayList<>();
            pane.columns().forEach(c -> texts.add(c.variant().text()));
            return new Reopened(pane, texts.isEmpty() ? List.of() : Alignment.of(texts));
        }).onSuccess(r -> {
            streams.showStored(r.pane(), r.marks());
            shown.set(generation);
            then.run();
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    /**
     * The scene's generations, newest first, each followed by those that continued or rewrote its text
     * ({@link GenerationTree}).
     */
    ObservableList<Generation> history() {
        return history;
    }

    /** How deep {@code g} hangs in the history's tree: 0 for a generation that came from no other. */
    int depth(Generation g) {
        return depths.getOrDefault(g.id(), 0);
    }

    /** How {@code g}'s variants ended where not all finished ("1 cut off · 1 refused"); "" when all did. */
    String outcomes(Generation g) {
        return outcomes.getOrDefault(g.id(), "");
    }

    /** The generation the columns show, null when there is none (no columns, or only pasted ones). */
    ObjectProperty<Generation> shownProperty() {
        return shown;
    }
}
