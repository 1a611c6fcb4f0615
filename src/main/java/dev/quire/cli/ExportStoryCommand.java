package dev.quire.cli;

import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import dev.quire.studio.StoryPackage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export-story", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Write a whole story to one .quire file, to bring into another library with import-story: its "
                        + "scenes and revisions, generations and variants, compositions, conversations, sheets, "
                        + "lore, canon, notes, chapters and summaries.",
                "",
                "A backup (quire backup) copies the whole library; a story package holds one story. The file is "
                        + "replaced whole or not at all."},
        footerHeading = "%n",
        footer = {"Exit codes:",
                "  0  written",
                "  1  the package could not be written (the file is unchanged)",
                "  2  bad options, or no such story",
                "  3  the library cannot be used"})
final class ExportStoryCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The package to write (FILE.quire).")
    Path out;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        try (Studio studio = library.orElse(parent.library).open()) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            StoryPackage.Result r = StoryPackage.export(studio, chosen.id(), out);
            cmd.getOut().printf("%s  (“%s”, %,d rows)%n", r.file(), r.title(), r.total());
            return 0;
        } catch (StoryPackage.PackageException e) {
            cmd.getErr().println("quire: " + e.getMessage());
            return 1;
        }
    }
}
