package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.Story;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "new-story", mixinStandardHelpOptions = true, description = "Create an empty story and print its id.")
final class NewStoryCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Parameters(paramLabel = "TITLE", description = "The story's title.")
    String title;

    @Option(names = "--json", description = "Print {\"id\": …, \"title\": …}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (title.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "A story needs a title that is not blank.");
        }
        Story story;
        try (Studio studio = library.orElse(parent.library).open()) {
            story = studio.stories().create(Story.titled(title.strip()));
        }
        if (json) {
            spec.commandLine().getOut().println(new ObjectMapper().createObjectNode()
                    .put("id", story.id()).put("title", story.title()).toString());
        } else {
            spec.commandLine().getOut().println(story.id());
        }
        return 0;
    }
}
