package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.SceneHeader;
import dev.quire.model.StorySummary;
import dev.quire.studio.Kept;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "kept", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Say what you keep, by model: of the story's text as it stands now (or one scene's), how much is "
                        + "yours, how much came from each provider and model, and for each model how many variants "
                        + "it produced and how many of those still have a passage in the text.",
                "",
                "Characters are counted as the composition bar counts them: those that are not white space. Text "
                        + "pasted from outside, or whose origin the library does not know (written before "
                        + "provenance was kept, or repaired), counts as unknown, never as yours.",
                "",
                "With --json prints {\"writer\": SHARE, \"by_model\": [{\"provider\": \"...\", \"model\": \"...\", "
                        + "\"variants\": N, \"variants_kept\": N, \"chars\": N, \"share\": SHARE}], \"unknown\": "
                        + "SHARE, \"chars\": N, \"writer_chars\": N, \"unknown_chars\": N}. Shares are fractions "
                        + "of chars; writer, the models and unknown sum to 1 (all 0 when there is no text). by_model "
                        + "is ordered by chars, most first, and lists models that produced variants none of which "
                        + "survive.",
                ""},
        footerHeading = "%n",
        footer = "Exit codes: 0 shown, 2 bad options or no such story or scene, 3 the library cannot be used, "
                + "1 anything else.")
final class KeptCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--scene", paramLabel = "N", description = "Only this scene (story order, from 1).")
    Integer scene;

    @Option(names = "--json", description = "Print the shares as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        if (scene != null && scene < 1) {
            throw new CommandLine.ParameterException(cmd, "--scene counts from 1 in story order, not " + scene + ".");
        }
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            Long sceneId = null;
            if (scene != null) {
                List<SceneHeader> scenes = studio.scenes().headers(chosen.id());
                if (scene > scenes.size()) {
                    throw new CommandLine.ParameterException(cmd, "“" + chosen.title() + "” has " + scenes.size()
                            + (scenes.size() == 1 ? " scene" : " scenes") + ", so there is no scene " + scene + ".");
                }
                sceneId = scenes.get(scene - 1).id();
            }
            Kept.Result kept = Kept.of(studio, chosen.id(), sceneId);
            print(cmd.getOut(), kept);
            return 0;
        }
    }

    private void print(PrintWriter out, Kept.Result kept) throws Exception {
        if (json) {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("writer", kept.writer());
            ArrayNode models = root.putArray("by_model");
            for (Kept.ByModel m : kept.byModel()) {
                models.addObject().put("provider", m.provider()).put("model", m.model()).put("variants", m.variants())
                        .put("variants_kept", m.variantsKept()).put("chars", m.chars()).put("share", m.share());
            }
            root.put("unknown", kept.unknown());
            root.put("chars", kept.chars());
            root.put("writer_chars", kept.writerChars());
            root.put("unknown_chars", kept.unknownChars());
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return;
        }
        if (kept.chars() == 0) {
            out.println("There is no text yet.");
        } else {
            out.println(kept.describe());
        }
        for (Kept.ByModel m : kept.byModel()) {
            out.printf(Locale.ROOT, "  %-12s %-28s %5.1f%%  %d of %d variants kept%n", m.provider(), m.model(),
                    100 * m.share(), m.variantsKept(), m.variants());
        }
    }
}
