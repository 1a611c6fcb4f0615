package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.ManuscriptException;
import dev.quire.studio.manuscript.StoryExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Export a story as Markdown, plain text, Word (DOCX) or EPUB 3, with a title page, scene "
                        + "headings, scene breaks, italics and bold.",
                "",
                "The file is written whole or not at all: a failed export leaves no half-written file, and "
                        + "an earlier file of that name as it was.",
                ""},
        footerHeading = "%n",
        footer = {
                "Provenance marks (--provenance): highlight colours per variant in DOCX, coloured spans in EPUB,",
                "<mark> elements in Markdown, {{A: …}} in plain text; a legend follows the story.",
                "Unused variants (--unused-variants): an appendix of the variants none of whose paragraphs",
                "appears in a scene.",
                "",
                "Exit codes:", "  0  exported", "  1  the file could not be written (the message says why)",
                "  2  bad options, or no such story", "  3  the library cannot be used"})
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--format", paramLabel = "md|txt|docx|epub",
            description = "The format. Default: from the --out file's extension.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced if it exists).")
    Path out;

    @Option(names = "--provenance", description = "Mark the text that came from a variant.")
    boolean provenance;

    @Option(names = "--unused-variants", description = "Add an appendix of the variants not used in any scene.")
    boolean unusedVariants;

    @Option(names = "--json", description = "Print {\"file\", \"format\", \"scenes\", \"words\", \"unusedVariants\", "
            + "\"bytes\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        Format chosen = format(cmd);
        StoryExport.Result result;
        StorySummary summary;
        try (Studio studio = library.orElse(parent.library).openForReading()) {
            summary = StoryArgument.resolve(studio, story, cmd);
            try {
                result = StoryExport.export(studio, summary.id(), chosen,
                        new StoryExport.Options(provenance, unusedVariants), out);
            } catch (ManuscriptException e) {
                cmd.getErr().println("quire: " + e.getMessage());
                return 1;
            }
        }
        if (json) {
            cmd.getOut().println(new ObjectMapper().createObjectNode().put("file", result.file().toString())
                    .put("format", chosen.extension()).put("scenes", result.scenes()).put("words", result.words())
                    .put("unusedVariants", result.unusedVariants()).put("bytes", result.bytes()).toString());
        } else {
            cmd.getOut().printf("Exported “%s” (%d %s, %,d words%s) as %s to %s%n", summary.title(),
                    result.scenes(), result.scenes() == 1 ? "scene" : "scenes", result.words(),
                    unusedVariants ? ", " + result.unusedVariants() + " unused variants" : "",
                    chosen.displayName(), result.file());
        }
        return 0;
    }

    private Format format(CommandLine cmd) {
        if (format != null) {
            return Format.named(format).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                    "--format must be md, txt, docx or epub, not “" + format + "”."));
        }
        return Format.ofFileName(out).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                "Quire cannot tell the format from " + out + ": add --format md, txt, docx or epub, or end the"
                        + " file name with one of those."));
    }
}
