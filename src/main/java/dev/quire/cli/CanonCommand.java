package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.CanonFact;
import dev.quire.model.SceneHeader;
import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quire canon --story S list|add|remove}: the story's canon from the command line. */
@Command(name = "canon", mixinStandardHelpOptions = true,
        description = {"List, add or remove the story's canon: the facts the writer has established for the "
                + "story, each with where it came from. The continuity check holds scenes to them.",
                "",
                "The story goes before the action: quire canon --story \"The Protégé\" add Mara cannot swim."},
        subcommands = {CanonCommand.ListFacts.class, CanonCommand.Add.class, CanonCommand.Remove.class})
final class CanonCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    // checked by the actions, not by picocli: a required option here would refuse `canon list --help`
    @Option(names = "--story", paramLabel = "TITLE|ID", description = "The story, by title or id (required).")
    String story;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    Studio open(LibraryOptions inner) {
        return inner.orElse(library.orElse(parent.library)).open(parent.env);
    }

    /** The story named by {@code --story}, which every action needs. */
    StorySummary story(Studio studio, CommandLine cmd) {
        if (story == null || story.isBlank()) {
            throw new CommandLine.ParameterException(cmd, "--story is missing: say whose canon, by title or id, "
                    + "before the action (quire canon --story TITLE " + cmd.getCommandName() + " …).");
        }
        return StoryArgument.resolve(studio, story, cmd);
    }

    /** A fact as {@code --json} prints it: {@code {"id", "text", "source", "source_id"}}. */
    static ObjectNode json(ObjectNode node, CanonFact f) {
        return node.put("id", f.id()).put("text", f.text()).put("source", f.source().name().toLowerCase(Locale.ROOT))
                .put("source_id", f.sourceId());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            customSynopsis = "quire canon --story=TITLE|ID list [-hV] [--json] [--data-dir=DIR]", description = "List the canon in order, with each "
            + "fact's id and where it was established.")
    static final class ListFacts implements Callable<Integer> {
        @ParentCommand
        CanonCommand parent;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print a JSON array of {id, text, source (writer, scene or message), "
                + "source_id (the scene's or message's id, else null)}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CommandLine cmd = spec.commandLine();
            PrintWriter out = cmd.getOut();
            try (Studio studio = parent.open(library)) {
                StorySummary chosen = parent.story(studio, cmd);
                List<CanonFact> canon = studio.canon().list(chosen.id());
                if (json) {
                    ArrayNode array = JSON.createArrayNode();
                    canon.forEach(f -> CanonCommand.json(array.addObject(), f));
                    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
                    return 0;
                }
                if (canon.isEmpty()) {
                    out.println("“" + chosen.title() + "” has no canon yet. Add a fact with: quire canon --story "
                            + chosen.id() + " add TEXT");
                    return 0;
                }
                List<SceneHeader> scenes = studio.scenes().headers(chosen.id());
                int width = String.valueOf(canon.get(canon.size() - 1).id()).length();
                for (CanonFact f : canon) {
                    out.printf("%" + Math.max(2, width) + "d  %s  (%s)%n", f.id(), f.text(), origin(f, scenes));
                }
                return 0;
            }
        }

        /** Where a fact came from, in the writer's terms: a scene by its place in story order. */
        private static String origin(CanonFact f, List<SceneHeader> scenes) {
            return switch (f.source()) {
                case WRITER -> "writer";
                case SCENE -> scenes.stream().filter(s -> f.sourceId() != null && s.id() == f.sourceId()).findFirst()
                        .map(s -> "from scene " + (s.position() + 1)).orElse("from a scene since deleted");
                case MESSAGE -> "from a conversation" + (f.sourceId() == null ? "" : ", message " + f.sourceId());
            };
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            customSynopsis = "quire canon --story=TITLE|ID add [-hV] [--json] [--data-dir=DIR] TEXT...", description = "Add a fact at the end of the canon, as "
            + "the writer's own.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        CanonCommand parent;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What is true in the story; several words "
                + "are joined with spaces.")
        List<String> words;

        @Option(names = "--json", description = "Print the fact added as {id, text, source, source_id}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CommandLine cmd = spec.commandLine();
            String text = String.join(" ", words).strip();
            if (text.isEmpty()) {
                throw new CommandLine.ParameterException(cmd, "The fact is empty: say what is true in the story.");
            }
            try (Studio studio = parent.open(library)) {
                StorySummary chosen = parent.story(studio, cmd);
                CanonFact added = studio.canon().add(CanonFact.byWriter(chosen.id(), text));
                if (json) {
                    cmd.getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                            CanonCommand.json(JSON.createObjectNode(), added)));
                } else {
                    cmd.getOut().println("Added canon " + added.id() + " to “" + chosen.title() + "”: "
                            + added.text());
                }
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            customSynopsis = "quire canon --story=TITLE|ID remove [-hV] [--data-dir=DIR] ID", description = "Remove a fact from the canon, by the "
            + "id `list` shows.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        CanonCommand parent;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The fact's id.")
        long id;

        @Override
        public Integer call() {
            CommandLine cmd = spec.commandLine();
            try (Studio studio = parent.open(library)) {
                StorySummary chosen = parent.story(studio, cmd);
                // only this story's fact: an id from another story's list must not remove that one
                boolean ours = studio.canon().get(id).filter(f -> f.storyId() == chosen.id()).isPresent();
                if (!ours || !studio.canon().remove(id)) {
                    throw new CommandLine.ParameterException(cmd, "“" + chosen.title() + "” has no canon fact "
                            + id + ". `quire canon --story " + chosen.id() + " list` shows the facts with their ids.");
                }
                cmd.getOut().println("Removed canon " + id + " from “" + chosen.title() + "”.");
                return 0;
            }
        }
    }
}
