package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.SearchQuery;
import dev.quire.model.StorySummary;
import dev.quire.studio.Search;
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

@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Search every scene of a story.",
                "",
                "With --json prints {\"hits\": [{\"scene\": N, \"start\": N, \"end\": N, \"context\": \"...\", "
                        + "\"scene_id\": N, \"title\": \"...\"}]}, in story order. scene is the scene's number in "
                        + "story order, from 1, as show-scene's --scene takes it; start and end are offsets into the "
                        + "scene's text as show-scene --json prints it, counted in UTF-16 code units (an emoji counts "
                        + "as 2); end is exclusive. context is the line around the match.",
                ""},
        footerHeading = "%n",
        footer = "Exit codes: 0 searched (with or without hits), 2 bad options, no such story or a regular expression "
                + "that does not work, 3 the library cannot be used, 1 anything else.")
final class SearchCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--regex", description = "QUERY is a Java regular expression.")
    boolean regex;

    @Option(names = "--case", description = "Match case (by default \"marra\" finds \"Marra\").")
    boolean matchCase;

    @Option(names = "--word", description = "Whole words only (\"Marra\" does not find \"Marrakesh\").")
    boolean word;

    @Option(names = "--json", description = "Print the hits as JSON.")
    boolean json;

    @Parameters(paramLabel = "QUERY", description = "What to find.")
    String query;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        if (query.isEmpty()) {
            throw new CommandLine.ParameterException(cmd, "Say what to search for: QUERY is empty.");
        }
        PrintWriter out = cmd.getOut();
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            List<Search.SceneHits> found;
            try {
                found = studio.search().find(chosen.id(), new SearchQuery(query, regex, matchCase, word));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
            if (json) {
                ObjectNode root = MAPPER.createObjectNode();
                ArrayNode hits = root.putArray("hits");
                for (Search.SceneHits scene : found) {
                    for (Search.Hit hit : scene.hits()) {
                        hits.addObject().put("scene", scene.number()).put("start", hit.start()).put("end", hit.end())
                                .put("context", hit.context()).put("scene_id", scene.sceneId())
                                .put("title", scene.title());
                    }
                }
                out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else if (found.isEmpty()) {
                out.println("No matches in “" + chosen.title() + "”.");
            } else {
                int total = 0;
                for (Search.SceneHits scene : found) {
                    out.println(scene.number() + ". " + scene.title());
                    for (Search.Hit hit : scene.hits()) {
                        out.println("   " + hit.start() + "  " + hit.context());
                        total++;
                    }
                }
                out.println(total + (total == 1 ? " match" : " matches") + " in " + found.size()
                        + (found.size() == 1 ? " scene." : " scenes."));
            }
            return 0;
        }
    }
}
