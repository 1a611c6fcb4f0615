package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.Chapter;
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
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code quire chapters --story S list|start|add|rename|move|delete|assign}: the binder's chapters, headless. */
@Command(name = "chapters", mixinStandardHelpOptions = true,
        description = {"List and arrange the story's chapters, as the binder does. Story order is the scenes in no "
                + "chapter, then each chapter's scenes; moving a chapter moves its scenes.",
                "",
                "The story goes before the action: quire chapters --story \"The Protégé\" start --scene 1 Arrival"},
        subcommands = {ChaptersCommand.ListChapters.class, ChaptersCommand.Start.class, ChaptersCommand.Add.class,
                ChaptersCommand.Rename.class, ChaptersCommand.Move.class, ChaptersCommand.Delete.class,
                ChaptersCommand.Assign.class})
final class ChaptersCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    // checked by the actions, so that `chapters list --help` works without it
    @Option(names = "--story", paramLabel = "TITLE|ID", description = "The story, by title or id (required).")
    String story;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Runs {@code action} on the open library and the story {@code --story} names. */
    int run(LibraryOptions inner, CommandLine cmd, Action action) throws Exception {
        if (story == null || story.isBlank()) {
            throw new CommandLine.ParameterException(cmd, "--story is missing: say whose chapters, by title or id, "
                    + "before the action (quire chapters --story TITLE " + cmd.getCommandName() + " …).");
        }
        try (Studio studio = inner.orElse(library.orElse(parent.library)).open(parent.env)) {
            return action.run(studio, StoryArgument.resolve(studio, story, cmd), cmd.getOut());
        }
    }

    interface Action {
        int run(Studio studio, StorySummary story, PrintWriter out) throws Exception;
    }

    /** A chapter of the story by id, or a clear refusal. */
    static Chapter chapter(Studio studio, StorySummary story, long id, CommandLine cmd) {
        return studio.chapters().get(id).filter(c -> c.storyId() == story.id()).orElseThrow(() ->
                new CommandLine.ParameterException(cmd, "“" + story.title() + "” has no chapter " + id
                        + ". `quire chapters --story " + story.id() + " list` shows the chapters with their ids."));
    }

    /** A scene by its number in story order (from 1). */
    static SceneHeader scene(Studio studio, StorySummary story, int number, CommandLine cmd) {
        List<SceneHeader> scenes = studio.scenes().headers(story.id());
        if (number < 1 || number > scenes.size()) {
            throw new CommandLine.ParameterException(cmd, "“" + story.title() + "” has " + scenes.size()
                    + " scenes; there is no scene " + number + ".");
        }
        return scenes.get(number - 1);
    }

    /** A chapter as --json prints it, with its scenes by number. */
    static ObjectNode json(ObjectNode node, Chapter c, List<SceneHeader> scenes, Map<Long, Long> in) {
        node.put("id", c.id()).put("number", c.position() + 1).put("title", c.title()).put("part", c.part())
                .put("summary", c.summary());
        ArrayNode numbers = node.putArray("scenes");
        for (SceneHeader h : scenes) {
            if (Long.valueOf(c.id()).equals(in.get(h.id()))) {
                numbers.add(h.position() + 1);
            }
        }
        return node;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The chapters in order, with their "
            + "scenes by number.")
    static final class ListChapters implements Callable<Integer> {
        @ParentCommand
        ChaptersCommand parent;
        @Mixin
        LibraryOptions library;
        @Spec
        CommandSpec spec;
        @Option(names = "--json", description = "Print a JSON array of {id, number, title, part, summary, scenes}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return parent.run(library, spec.commandLine(), (studio, story, out) -> {
                List<Chapter> chapters = studio.chapters().list(story.id());
                List<SceneHeader> scenes = studio.scenes().headers(story.id());
                Map<Long, Long> in = studio.chapters().sceneChapters(story.id());
                if (json) {
                    ArrayNode array = JSON.createArrayNode();
                    chapters.forEach(c -> json(array.addObject(), c, scenes, in));
                    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
                    return 0;
                }
                if (chapters.isEmpty()) {
                    out.println("“" + story.title() + "” has no chapters. Start one at a scene with: quire chapters"
                            + " --story " + story.id() + " start --scene N TITLE");
                    return 0;
                }
                for (Chapter c : chapters) {
                    long count = in.values().stream().filter(id -> id == c.id()).count();
                    out.printf("%4d  %s%s  (%d scene%s)%n", c.id(), c.part().isBlank() ? "" : c.part() + " · ",
                            c.label(), count, count == 1 ? "" : "s");
                }
                return 0;
            });
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a chapter at a scene: it takes "
            + "that scene and the ones after it in the same chapter.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        ChaptersCommand parent;
        @Mixin
        LibraryOptions library;
        @Spec
        CommandSpec spec;
        @Option(names = "--scene", required = true, paramLabel = "N", description = "The scene, by number.")
        int scene;
        @Parameters(arity = "0..*", paramLabel = "TITLE", description = "The chapter's title.")
        List<String> title;
        @Option(names = "--json", description = "Print the chapter as {id, number, title, part, summary, scenes}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CommandLine cmd = spec.commandLine();
            return parent.run(library, cmd, (studio, story, out) -> {
                SceneHeader at = scene(studio, story, scene, cmd);
                Chapter c = studio.chapters().startAt(at.id(), title == null ? "" : String.join(" ", title).strip());
                return report(studio, story, c, json, out, "Started " + c.label() + " at scene " + scene + ".");
            });
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an empty chapter after the last; "
            + "scenes added at the end go into it.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ChaptersCommand parent;
        @Mixin
        LibraryOptions library;
        @Spec
        CommandSpec spec;
        @Parameters(arity = "0..*", paramLabel = "TITLE", description = "The chapter's title.")
        List<String> title;
        @Option(names = "--part", paramLabel = "PART", description = "The part it belongs to (\"Part One\").")
        String part;
        @Option(names = "--json", description = "Print the chapter as {id, number, title, part, summary, scenes}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return parent.run(library, spec.commandLine(), (studio, story, out) -> {
                Chapter c = studio.chapters().create(story.id(), title == null ? "" : String.join(" ", title).strip(),
                        part);
                return report(studio, story, c, json, out, "Added " + c.label() + ".");
            });
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a chapter, or set its part.")
    static final class Rename implements Callable<Integer> {
        @ParentCommand
        ChaptersCommand parent;
        @Mixin
        LibraryOptions library;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "The chapter's id.")
        long id;
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "TITLE", description = "Its new title (kept if "
                + "left out).")
        List<String> title;
        @Option(names = "--part", paramLabel = "PART", description = "The part it belongs to; \"\" for none.")
        String part;

        @Override
        public Integer call() throws Exception {
            CommandLine cmd = spec.commandLine();
            return parent.run(library, cmd, (studio, story, out) -> {
                Chapter c = chapter(studio, story, id, cmd);
                String newTitle = title == null || title.isEmpty() ? c.title() : String.join(" ", title).strip();
                studio.chapters().rename(id, newTitle, part == null ? c.part() : part);
                out.println("Chapter " + id + " is now “" + newTitle + "”.");
                return 0;
            });
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true, description = "Move a chapter, with its scenes, to "
            + "another place among the chapters.")
    static final class Move implements Callable<Integer> {
        @ParentCommand
        ChaptersCommand parent;
        @Mixin
        LibraryOptions library;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The chapter's id.")
        long id;
        @Option(names = "--to", required = true, paramLabel = "N", description = "Its new number, from 1.")
        int to;

        @Override
        public Integer call() throws Exception {
            CommandLine cmd = spec.commandLine();
            return parent.run(library, cmd, (studio, story, out) -> {
                chapter(studio, story, id, cmd);
                studio.chapters().move(id, to - 1);
                out.println("Moved chapter " + id + " to " + to + "; its scenes moved with it.");
                return 0;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a chapter; its scenes stay, in "
            + "the chapter before it (or in none).")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        ChaptersCommand parent;
        @Mixin
        LibraryOptions library;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The chapter's id.")
        long id;

        @Override
        public Integer call() throws Exception {
            CommandLine cmd = spec.commandLine();
            return parent.run(library, cmd, (studio, story, out) -> {
                chapter(studio, story, id, cmd);
                studio.chapters().delete(id);
                out.println("Deleted chapter " + id + "; its scenes are kept.");
                return 0;
            });
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true, description = "Put a scene at the end of a chapter, "
            + "or with the scenes in no chapter.")
    static final class Assign implements Callable<Integer> {
        @ParentCommand
        ChaptersCommand parent;
        @Mixin
        LibraryOptions library;
        @Spec
        CommandSpec spec;
        @Option(names = "--scene", required = true, paramLabel = "N", description = "The scene, by number.")
        int scene;
        @Option(names = "--chapter", paramLabel = "ID", description = "The chapter's id; left out for none.")
        Long chapter;

        @Override
        public Integer call() throws Exception {
            CommandLine cmd = spec.commandLine();
            return parent.run(library, cmd, (studio, story, out) -> {
                SceneHeader h = scene(studio, story, scene, cmd);
                if (chapter != null) {
                    chapter(studio, story, chapter, cmd);
                }
                studio.chapters().assign(h.id(), chapter);
                out.println("Scene “" + h.title() + "” is now " + (chapter == null ? "in no chapter."
                        : "last in chapter " + chapter + "."));
                return 0;
            });
        }
    }

    private static int report(Studio studio, StorySummary story, Chapter c, boolean json, PrintWriter out,
                              String words) throws Exception {
        if (json) {
            Chapter fresh = studio.chapters().get(c.id()).orElse(c);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(JSON.createObjectNode(), fresh,
                    studio.scenes().headers(story.id()), studio.chapters().sceneChapters(story.id()))));
        } else {
            out.println(words);
        }
        return 0;
    }
}
