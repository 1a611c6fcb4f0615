package dev.quire.summaries;

import dev.quire.generate.Quire;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.store.SummaryRepository.SceneSummary;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import mockwebserver3.MockWebServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A library in a temporary folder holding one story of numbered scenes whose text is marked ("SCENE-3-MARK"), so
 * the fake model can tell which scene a request is for, and a loopback provider profile pointing at it.
 */
final class Tides {

    static final String TITLE = "The Tides";

    final Quire quire;
    final MockWebServer server;
    final FakeModel model = new FakeModel();
    final long storyId;
    final List<Long> sceneIds = new ArrayList<>();

    Tides(Path dir, int scenes) {
        quire = new Quire(dir);
        server = Wire.start();
        server.setDispatcher(model);
        try (Studio studio = quire.open()) {
            Story story = studio.stories().create(Story.titled(TITLE));
            storyId = story.id();
            for (int k = 1; k <= scenes; k++) {
                sceneIds.add(studio.scenes().append(new Scene(0, storyId, 0, "Tide " + k, Prose.plain(text(k)), "",
                        null, List.of(), false, null)).id());
            }
        }
    }

    static String text(int k) {
        return "SCENE-" + k + "-MARK The tide came over the causeway at dusk.\nThe keeper counted the bells, " + k
                + " of them, and lit the lamp.";
    }

    /** A loopback OpenAI-compatible profile, the library's default, with optional extra {@code provider add} args. */
    Tides withProvider(String... extra) {
        List<String> args = new ArrayList<>(List.of("provider", "add", "local", "--kind", "openai-compatible",
                "--base-url", Wire.root(server) + "/v1", "--model", "summary-test"));
        args.addAll(List.of(extra));
        Quire.Run added = quire.run(args.toArray(new String[0]));
        assertEquals(0, added.code(), added.toString());
        Quire.Run chosen = quire.run("provider", "default", "local");
        assertEquals(0, chosen.code(), chosen.toString());
        return this;
    }

    Studio open() {
        return quire.open();
    }

    Quire.Run summarize(String... args) {
        List<String> all = new ArrayList<>(List.of("summarize", "--story", TITLE));
        all.addAll(List.of(args));
        return quire.run(all.toArray(new String[0]));
    }

    /** Scene k's summary as the library holds it now. */
    SceneSummary summary(int k) {
        try (Studio studio = open()) {
            return studio.summaries().get(sceneIds.get(k - 1)).orElseThrow();
        }
    }

    /** Gives scene k a summary the model made from other text than it has now: stale, not the writer's. */
    void staleSummary(int k, String summary) {
        try (Studio studio = open()) {
            studio.summaries().saveMade(sceneIds.get(k - 1), summary, "what the scene said before");
        }
    }

    /** The writer types scene k's summary, then changes its text: stale, and the writer's. */
    void writersStaleSummary(int k, String summary) {
        try (Studio studio = open()) {
            Scene scene = studio.scenes().get(sceneIds.get(k - 1)).orElseThrow();
            studio.scenes().saveDetails(scene.withDetails(scene.title(), summary, null, List.of(), false));
            studio.scenes().saveProse(scene.id(), Prose.plain(text(k) + "\nA line added later."));
        }
    }

    int generations() {
        return recorded().size();
    }

    /**
     * Every generation of the story in the order made, summaries among them: the repository's own listing leaves
     * those out, as they are not variants a writer would use.
     */
    List<Generation> recorded() {
        try (Studio studio = open()) {
            List<Long> ids = studio.database().read("list the story's generations", c -> {
                List<Long> out = new ArrayList<>();
                try (var ps = c.prepareStatement("SELECT id FROM generation WHERE story_id = ? ORDER BY id")) {
                    ps.setLong(1, storyId);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                }
                return out;
            });
            List<Generation> out = new ArrayList<>();
            ids.forEach(id -> out.add(studio.generations().get(id).orElseThrow()));
            return out;
        }
    }

    void close() {
        model.releaseAll();
        server.close();
    }
}
