package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "stories", mixinStandardHelpOptions = true, description = "List the stories in the library.")
final class StoriesCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Option(names = "--json", description = "Print a JSON array of {id, title, scenes, words, updated}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<StorySummary> stories;
        try (Studio studio = library.orElse(parent.library).openForReading()) {
            stories = studio.stories().list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (StorySummary s : stories) {
                array.addObject().put("id", s.id()).put("title", s.title()).put("scenes", s.scenes())
                        .put("words", s.words()).put("updated", String.valueOf(s.updated()));
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else if (stories.isEmpty()) {
            out.println("The library has no stories yet. Create one with: quire new-story \"Title\"");
        } else {
            int width = Math.max(5, stories.stream().mapToInt(s -> s.title().length()).max().orElse(5));
            out.printf("%5s  %-" + width + "s  %6s  %8s  %s%n", "ID", "TITLE", "SCENES", "WORDS", "UPDATED");
            for (StorySummary s : stories) {
                out.printf("%5d  %-" + width + "s  %6d  %,8d  %s%n", s.id(), s.title(), s.scenes(), s.words(),
                        s.updated());
            }
        }
        return 0;
    }
}
