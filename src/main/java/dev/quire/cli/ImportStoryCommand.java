package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.studio.Studio;
import dev.quire.studio.StoryPackage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import-story", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Bring the story of a .quire package (written by export-story) into the library as a new story, "
                        + "and print its id.",
                "",
                "Every row gets a new id, all in one transaction. A file that is not a package, is damaged, or "
                        + "comes from a newer Quire is refused, and the library is untouched."},
        footerHeading = "%n",
        footer = {"Exit codes:",
                "  0  imported",
                "  1  the package was refused (nothing was added)",
                "  2  bad options",
                "  3  the library cannot be used"})
final class ImportStoryCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The package (.quire).")
    Path file;

    @Option(names = "--json", description = "Print {\"id\", \"title\", \"rows\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        StoryPackage.Result r;
        try (Studio studio = library.orElse(parent.library).open()) {
            r = StoryPackage.importStory(studio, file);
        } catch (StoryPackage.PackageException e) {
            cmd.getErr().println("quire: " + e.getMessage());
            return 1;
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            var node = mapper.createObjectNode().put("id", r.storyId()).put("title", r.title());
            var rows = node.putObject("rows");
            r.rows().forEach(rows::put);
            cmd.getOut().println(mapper.writeValueAsString(node));
        } else {
            cmd.getOut().printf("%d  %s  (%,d rows)%n", r.storyId(), r.title(), r.total());
        }
        return 0;
    }
}
