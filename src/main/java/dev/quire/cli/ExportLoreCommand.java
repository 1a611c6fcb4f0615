package dev.quire.cli;

import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import dev.quire.studio.lorebooks.LorebookException;
import dev.quire.studio.lorebooks.LorebookFormat;
import dev.quire.studio.lorebooks.Lorebooks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export-lore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Write a story's lore as a lorebook: SillyTavern World Info or a NovelAI .lorebook.",
                "",
                "Entries imported from a lorebook of the same format give back what Quire did not model. "
                        + "The file is replaced whole or not at all."},
        footerHeading = "%n",
        footer = {"Exit codes:",
                "  0  written",
                "  1  the file could not be written (it is unchanged)",
                "  2  bad options, or no such story",
                "  3  the library cannot be used"})
final class ExportLoreCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--format", required = true, paramLabel = "sillytavern|novelai", description = "The lorebook format.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The lorebook file to write.")
    Path out;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        LorebookFormat chosenFormat = LorebookFormat.named(format).orElseThrow(() ->
                new CommandLine.ParameterException(cmd, "--format is sillytavern or novelai, not “" + format + "”."));
        try (Studio studio = library.orElse(parent.library).open()) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            int n = studio.lore().list(chosen.id()).size();
            Path written = Lorebooks.exportTo(studio, chosen.id(), chosenFormat, out);
            cmd.getOut().printf("%s  (%s, %d entr%s of “%s”)%n", written, chosenFormat.label(), n,
                    n == 1 ? "y" : "ies", chosen.title());
            return 0;
        } catch (LorebookException e) {
            cmd.getErr().println("quire: " + e.getMessage());
            return 1;
        }
    }
}
