package dev.quire.bench;

import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.model.Variant;
import dev.quire.studio.Kept;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code quire kept}'s computation on a 150,000-word story (100 scenes of 1,500 words) whose provenance changes
 * every sentence or two among the writer, 3 models' variants (40 generations of 3) and pasted text: what the command
 * does between opening the library and printing, that is loading every scene's text and spans and every variant's
 * origin in one consistent read, then counting. Baseline, in the same run and interleaved: loading the story's scenes
 * alone ({@code SceneRepository.all}), which any whole-story figure must do. Target: 200 ms.
 */
@Tag("bench")
class KeptBenchmark {

    static final int SCENES = 100;
    static final int SCENE_WORDS = 1_500;
    static final String[][] MODELS = {{"anthropic", "claude-opus"}, {"deepseek", "deepseek-chat"},
        {"ollama", "llama3.1:8b"}};

    @TempDir
    Path dir;

    @Test
    void keptOnA150000WordStory() throws Exception {
        try (Studio studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, Map.of())) {
            long storyId = studio.stories().create(Story.titled("The Long Book")).id();
            List<Provenance> sources = new ArrayList<>();
            for (int g = 0; g < 40; g++) {
                String[] model = MODELS[g % MODELS.length];
                Generation gen = studio.generations().create(new Generation(0, storyId, null, null, "scene",
                        model[0], model[1], "[]", "{}", null, 3, null, Instant.now(), Instant.now(),
                        Generation.Status.COMPLETE, null));
                for (int i = 0; i < 3; i++) {
                    studio.generations().saveVariant(gen.id(), i, "A variant's text.", Variant.Status.COMPLETE, null,
                            null);
                }
                for (Variant v : studio.generations().variants(gen.id())) {
                    sources.add(Provenance.variant(v.label(), v.id()));
                }
            }
            long pastedVariant = studio.stitching().paste(
                    studio.scenes().append(Scene.titled(storyId, "Scratch")).id(), "Pasted from elsewhere.")
                    .columns().get(0).variant().id();
            sources.add(Provenance.variant("A", pastedVariant));
            StoryText text = new StoryText(150);
            int words = 0;
            for (int s = 0; s < SCENES; s++) {
                Prose.Builder b = new Prose.Builder();
                int left = SCENE_WORDS;
                while (left > 0) {
                    int n = Math.min(left, 8 + text.nextInt(20));
                    int pick = text.nextInt(sources.size() + sources.size() / 2);
                    Provenance p = pick < sources.size() ? sources.get(pick) : Provenance.WRITER;
                    b.append(text.sentences(n) + (text.nextInt(6) == 0 ? "\n" : " "), p, false, false);
                    left -= n;
                }
                Prose prose = b.build();
                words += prose.wordCount();
                studio.scenes().append(Scene.titled(storyId, "Scene " + (s + 1)).withProse(prose));
            }
            assertTrue(words >= SCENES * SCENE_WORDS - SCENES, words + " words");

            Kept.Result r = Kept.of(studio, storyId, null);
            assertEquals(3, r.byModel().size(), "three models");
            assertTrue(r.unknownChars() > 0 && r.writerChars() > 0, "pasted text is unknown, the rest known");
            double sum = r.writer() + r.unknown() + r.byModel().stream().mapToDouble(Kept.ByModel::share).sum();
            assertEquals(1.0, sum, 1e-9);

            Stats.Pair pair = Stats.interleaved("kept: 150,000-word story (load + count)",
                    "baseline: load the story's scenes", 5, 21,
                    () -> Kept.of(studio, storyId, null), () -> studio.scenes().all(storyId));
            System.out.println("\n[bench] quire kept on " + words + " words, " + r.chars() + " counted characters, "
                    + r.byModel().size() + " models: " + r.describe());
            pair.print();
            List<Stats.Row> rows = List.of(new Stats.Row("`quire kept` on a 150,000-word story", "≤ 200 ms", 200,
                    pair.measured(), pair.baseline()));
            System.out.println(Stats.table(rows));
            for (Stats.Row row : rows) {
                if (!row.within()) {
                    System.out.println("[bench] OVER target: " + row.metric());
                }
            }
        }
    }
}
