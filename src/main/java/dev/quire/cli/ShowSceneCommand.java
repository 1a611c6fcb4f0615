package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.Chapter;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.SceneHeader;
import dev.quire.model.Span;
import dev.quire.model.StorySummary;
import dev.quire.store.GenerationRepository.VariantOrigin;
import dev.quire.store.PersistenceException;
import dev.quire.store.SummaryRepository;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "show-scene", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Print a scene's text, or with --json its text, where each passage came from, and how many revisions "
                        + "it keeps.",
                "",
                "With --json prints {\"text\": \"...\", \"spans\": [{\"start\": N, \"end\": N, \"source\": \"writer\"}, "
                        + "{\"start\": N, \"end\": N, \"source\": \"variant:ID\", \"label\": \"B\", \"variant\": ID, \"generation\": N, "
                        + "\"provider\": \"...\", \"model\": \"...\"}, {\"start\": N, \"end\": N, \"source\": \"unknown\"}], "
                        + "\"revisions\": N, \"summary\": \"...\", \"summary_stale\": false, \"chapter\": {\"id\": N, "
                        + "\"title\": \"...\", \"label\": \"Chapter 2: ...\"}, \"generations\": [{\"id\": N, "
                        + "\"instruction\": \"...\", \"frame\": \"scene\", \"provider\": \"...\", \"model\": \"...\", "
                        + "\"created\": \"2026-01-31T09:15:00Z\", \"variants\": N}]}. generations are the scene's sets of "
                        + "variants, newest first (summaries and continuity checks are not among them); instruction is "
                        + "\"\" for a pasted variant or one kept before instructions were. summary is \"\" when the scene has none; "
                        + "summary_stale is true when the scene's text changed after its summary was made; chapter is "
                        + "null for a scene in no chapter. Spans cover the text in order, one per run of the same source (italic and "
                        + "bold do not split them); a paragraph break between two passages of one variant belongs to "
                        + "that variant's span. start and end are offsets into text counted in UTF-16 code units, as "
                        + "Java and JavaScript strings count them (a character outside the Basic Multilingual Plane, "
                        + "such as an emoji, counts as 2); end is exclusive. source is \"unknown\" for text whose provenance "
                        + "the library does not know (pasted from outside, or its stored provenance did not match it).",
                ""},
        footerHeading = "%n",
        footer = "Exit codes: 0 shown, 2 bad options or no such story or scene, 3 the library cannot be used, "
                + "1 anything else.")
final class ShowSceneCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--scene", required = true, paramLabel = "N", description = "The scene (story order, from 1).")
    int scene;

    @Option(names = "--json", description = "Print the text, its provenance spans, the revision count, the summary "
            + "and whether it is stale, the chapter, and the scene's generations as JSON.")
    boolean json;

    /** A stretch of text from one source. */
    record Run(int start, int end, Provenance provenance) {
        String source() {
            if (provenance.isWriter()) {
                return "writer";
            }
            if (provenance.isUnknown()) {
                return "unknown";
            }
            return provenance.variantId() == null ? "variant" : "variant:" + provenance.variantId();
        }

        /** Runs with the same key are one passage; a variant kept without an id is told apart by its label. */
        boolean sameSourceAs(Run other) {
            return source().equals(other.source())
                    && (!provenance.isVariant() || provenance.variantId() != null
                    || provenance.label().equals(other.provenance.label()));
        }
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        if (scene < 1) {
            throw new CommandLine.ParameterException(cmd, "--scene counts from 1 in story order, not " + scene + ".");
        }
        PrintWriter out = cmd.getOut();
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            List<SceneHeader> scenes = studio.scenes().headers(chosen.id());
            if (scene > scenes.size()) {
                throw new CommandLine.ParameterException(cmd, "“" + chosen.title() + "” has " + scenes.size()
                        + (scenes.size() == 1 ? " scene" : " scenes") + ", so there is no scene " + scene + ".");
            }
            long sceneId = scenes.get(scene - 1).id();
            Scene shown = studio.scenes().get(sceneId).orElseThrow(() -> new PersistenceException(
                    "Scene " + scene + " of “" + chosen.title() + "” was deleted while it was being read."));
            studio.provenance().noticeOnce(sceneId).ifPresent(notice -> cmd.getErr().println("quire: " + notice));
            if (json) {
                ObjectNode root = json(shown.prose(), studio.scenes().revisions(sceneId).size(),
                        origins(studio, chosen.id()));
                about(studio, chosen.id(), shown, root);
                generations(root, studio.generations().forScene(sceneId));
                out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                String text = shown.prose().text();
                out.print(text);
                if (!text.endsWith("\n")) {
                    out.println();
                }
            }
            return 0;
        }
    }

    /**
     * The scene's summary, whether it is stale (worked out from the text as the library holds it now, so an edit
     * made anywhere shows), and its chapter.
     */
    private static void about(Studio studio, long storyId, Scene scene, ObjectNode root) {
        Optional<SummaryRepository.SceneSummary> summary = studio.summaries().get(scene.id());
        root.put("summary", summary.map(SummaryRepository.SceneSummary::summary).orElse(scene.summary()));
        root.put("summary_stale", summary.map(SummaryRepository.SceneSummary::stale).orElse(false));
        Optional<Chapter> chapter = Optional.ofNullable(studio.chapters().sceneChapters(storyId).get(scene.id()))
                .flatMap(studio.chapters()::get);
        if (chapter.isPresent()) {
            root.putObject("chapter").put("id", chapter.get().id()).put("title", chapter.get().title())
                    .put("label", chapter.get().label());
        } else {
            root.putNull("chapter");
        }
    }

    /** The scene's generations, newest first: what was asked, with which frame and model, when, for how many. */
    static void generations(ObjectNode root, List<Generation> generations) {
        ArrayNode list = root.putArray("generations");
        for (Generation g : generations) {
            list.addObject().put("id", g.id()).put("instruction", g.instruction()).put("frame", g.frame())
                    .put("provider", g.provider()).put("model", g.model())
                    .put("created", g.started() == null ? null : g.started().toString())
                    .put("variants", g.variantCount());
        }
    }

    static ObjectNode json(Prose prose, int revisions, Map<Long, VariantOrigin> origins) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("text", prose.text());
        spans(root, prose, origins);
        root.put("revisions", revisions);
        return root;
    }

    /** Where the story's variants came from, by variant id. */
    static Map<Long, VariantOrigin> origins(Studio studio, long storyId) {
        Map<Long, VariantOrigin> out = new HashMap<>();
        studio.generations().origins(storyId).forEach(o -> out.put(o.variantId(), o));
        return out;
    }

    /**
     * The prose's runs as {@code spans}: each with its offsets and source, and for a variant's its letter, its id,
     * and the provider and model of its generation when the library still has it.
     */
    static void spans(ObjectNode root, Prose prose, Map<Long, VariantOrigin> origins) {
        ArrayNode spans = root.putArray("spans");
        for (Run run : runs(prose)) {
            ObjectNode span = spans.addObject().put("start", run.start()).put("end", run.end())
                    .put("source", run.source());
            Provenance p = run.provenance();
            if (p.isVariant()) {
                span.put("label", p.label());
                VariantOrigin origin = p.variantId() == null ? null : origins.get(p.variantId());
                if (origin != null) {
                    span.put("variant", origin.variantId()).put("generation", origin.generationId())
                            .put("provider", origin.provider()).put("model", origin.model());
                }
            }
        }
    }

    /**
     * The prose as runs of one source each. The editor gives every paragraph break to the writer, so a break
     * alone between two passages of the same variant is read as part of that variant's passage.
     */
    static List<Run> runs(Prose prose) {
        List<Run> out = new ArrayList<>();
        int pos = 0;
        for (Span s : prose.spans()) {
            Run run = new Run(pos, pos + s.length(), s.provenance());
            pos = run.end();
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).sameSourceAs(run)) {
                out.set(last, new Run(out.get(last).start(), run.end(), out.get(last).provenance()));
            } else if (last >= 1 && run.provenance().isVariant() && isBreak(prose.text(), out.get(last))
                    && out.get(last - 1).sameSourceAs(run)) {
                out.remove(last);
                out.set(last - 1, new Run(out.get(last - 1).start(), run.end(), out.get(last - 1).provenance()));
            } else {
                out.add(run);
            }
        }
        return out;
    }

    private static boolean isBreak(String text, Run run) {
        return run.provenance().isWriter() && text.substring(run.start(), run.end()).chars().allMatch(c -> c == '\n');
    }
}
