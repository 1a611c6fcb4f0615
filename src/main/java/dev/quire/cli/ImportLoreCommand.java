package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.LoreEntry;
import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import dev.quire.studio.lorebooks.LorebookException;
import dev.quire.studio.lorebooks.Lorebooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import-lore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Add the entries of a lorebook to a story's lore: SillyTavern World Info (.json) or a NovelAI "
                        + ".lorebook, told apart by their contents.",
                "",
                "Keywords, secondary keywords and their logic, always-on, off, priority and scan depth are kept; "
                        + "what Quire does not model is kept with each entry and given back by export-lore. "
                        + "{{char}} and {{user}} stay as they are unless --char and --user name them. A file that "
                        + "cannot be read is refused with what is wrong, and nothing is added."},
        footerHeading = "%n",
        footer = {"Exit codes:",
                "  0  imported",
                "  1  the file is not a lorebook Quire can read (nothing was added)",
                "  2  bad options, or no such story",
                "  3  the library cannot be used"})
final class ImportLoreCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The lorebook: SillyTavern World Info .json or NovelAI .lorebook.")
    Path file;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--char", paramLabel = "NAME", description = "The name {{char}} stands for (a story character).")
    String character;

    @Option(names = "--user", paramLabel = "NAME", description = "The name {{user}} stands for (your own character).")
    String user;

    @Option(names = "--json", description = "Print {\"story\", \"format\", \"entries\": [{\"id\", \"title\", "
            + "\"keywords\"}], \"warnings\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Lorebooks.Preview preview;
        List<LoreEntry> added;
        StorySummary chosen;
        try (Studio studio = library.orElse(parent.library).open()) {
            chosen = StoryArgument.resolve(studio, story, spec.commandLine());
            Lorebooks.Book book = Lorebooks.read(file);
            preview = Lorebooks.preview(book, chosen.id(), new Lorebooks.Names(character, user),
                    studio.lore().list(chosen.id()));
            added = Lorebooks.importInto(studio, preview);
        } catch (LorebookException e) {
            err.println("quire: " + e.getMessage());
            return 1;
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode().put("story", chosen.id())
                    .put("format", preview.book().format().name().toLowerCase(java.util.Locale.ROOT));
            var entries = node.putArray("entries");
            for (LoreEntry e : added) {
                ObjectNode n = entries.addObject().put("id", e.id()).put("title", e.title());
                e.keywords().forEach(n.putArray("keywords")::add);
            }
            preview.warnings().forEach(node.putArray("warnings")::add);
            out.println(mapper.writeValueAsString(node));
        } else {
            out.printf("%d lore entr%s from %s into “%s”%n", added.size(), added.size() == 1 ? "y" : "ies",
                    preview.book().format().label(), chosen.title());
            for (LoreEntry e : added) {
                out.printf("  %d  %s%n", e.id(), e.title().isBlank() ? String.join(", ", e.keywords()) : e.title());
            }
            preview.warnings().forEach(w -> err.println("quire: note: " + w));
        }
        return 0;
    }
}
