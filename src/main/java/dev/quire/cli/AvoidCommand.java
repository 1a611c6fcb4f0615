package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.concurrent.Callable;

/** {@code quire avoid --story S list|add|remove}: the story's avoid list from the command line. */
@Command(name = "avoid", mixinStandardHelpOptions = true,
        description = {"List, add to or remove from the story's avoid list: words, phrases and names the model "
                + "should not use. It is sent with every prompt, and `quire cliches` flags its entries.",
                "",
                "The story goes before the action: quire avoid --story \"The Protégé\" add a shiver ran down her spine"},
        subcommands = {AvoidCommand.ListEntries.class, AvoidCommand.Add.class, AvoidCommand.Remove.class})
final class AvoidCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

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

    StorySummary story(Studio studio, CommandLine cmd) {
        if (story == null || story.isBlank()) {
            throw new CommandLine.ParameterException(cmd, "--story is missing: say whose avoid list, by title or id, "
                    + "before the action (quire avoid --story TITLE " + cmd.getCommandName() + " …).");
        }
        return StoryArgument.resolve(studio, story, cmd);
    }

    static void print(CommandLine cmd, List<String> list, boolean json) throws Exception {
        PrintWriter out = cmd.getOut();
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            list.forEach(array::add);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else {
            list.forEach(out::println);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            customSynopsis = "quire avoid --story=TITLE|ID list [-hV] [--json] [--data-dir=DIR]",
            description = "List the avoid list, one entry a line.")
    static final class ListEntries implements Callable<Integer> {
        @ParentCommand
        AvoidCommand parent;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print a JSON array of the entries.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CommandLine cmd = spec.commandLine();
            try (Studio studio = parent.open(library)) {
                StorySummary chosen = parent.story(studio, cmd);
                List<String> list = studio.cliches().avoidList(chosen.id());
                if (list.isEmpty() && !json) {
                    cmd.getOut().println("“" + chosen.title() + "” has nothing on its avoid list. Add with: quire "
                            + "avoid --story " + chosen.id() + " add TEXT");
                    return 0;
                }
                print(cmd, list, json);
                return 0;
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            customSynopsis = "quire avoid --story=TITLE|ID add [-hV] [--json] [--data-dir=DIR] TEXT...",
            description = "Add a word, phrase or name to the avoid list (once: an entry already there is left).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        AvoidCommand parent;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What to avoid; several words are joined "
                + "with spaces.")
        List<String> words;

        @Option(names = "--json", description = "Print the avoid list as it now stands, as a JSON array.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CommandLine cmd = spec.commandLine();
            String text = String.join(" ", words).strip();
            if (text.isEmpty()) {
                throw new CommandLine.ParameterException(cmd, "The entry is empty: say what to avoid.");
            }
            try (Studio studio = parent.open(library)) {
                StorySummary chosen = parent.story(studio, cmd);
                List<String> list = studio.cliches().addToAvoidList(chosen.id(), text);
                if (json) {
                    print(cmd, list, true);
                } else {
                    cmd.getOut().println("“" + text + "” is on the avoid list of “" + chosen.title() + "” ("
                            + list.size() + (list.size() == 1 ? " entry" : " entries") + ").");
                }
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            customSynopsis = "quire avoid --story=TITLE|ID remove [-hV] [--data-dir=DIR] TEXT...",
            description = "Remove an entry from the avoid list (in any case).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        AvoidCommand parent;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The entry, as `list` shows it.")
        List<String> words;

        @Override
        public Integer call() {
            CommandLine cmd = spec.commandLine();
            String text = String.join(" ", words).strip();
            try (Studio studio = parent.open(library)) {
                StorySummary chosen = parent.story(studio, cmd);
                if (!studio.cliches().removeFromAvoidList(chosen.id(), text)) {
                    throw new CommandLine.ParameterException(cmd, "“" + text + "” is not on the avoid list of “"
                            + chosen.title() + "”. `quire avoid --story " + chosen.id() + " list` shows it.");
                }
                cmd.getOut().println("Removed “" + text + "” from the avoid list of “" + chosen.title() + "”.");
                return 0;
            }
        }
    }
}
