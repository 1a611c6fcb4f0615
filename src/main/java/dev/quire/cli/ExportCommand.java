package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.Layout;
import dev.quire.studio.manuscript.ManuscriptFont;
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
                "Export a story as Markdown, plain text, Word (DOCX), EPUB 3 or PDF, with a title page, scene "
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
                "Layouts (--layout, DOCX and PDF; a PDF is set in Liberation Serif or Mono, embedded):",
                "  book        a title page with title and author, a serif face, first-line indents, each",
                "              chapter on a new page, page numbers in the footer (the default)",
                "  manuscript  standard manuscript format for agents and magazines: 12 pt Times New Roman",
                "              or Courier (--font), double-spaced, 1-inch margins, your contact block and",
                "              the word count on page 1, a running header with surname, short title and",
                "              page number, # between scenes, each chapter on a new page, END at the end.",
                "              Set the author and contact block first with: quire story --story S --set …",
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

    @Option(names = "--format", paramLabel = "md|txt|docx|epub|pdf",
            description = "The format. Default: from the --out file's extension.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced if it exists).")
    Path out;

    @Option(names = "--provenance", description = "Mark the text that came from a variant.")
    boolean provenance;

    @Option(names = "--unused-variants", description = "Add an appendix of the variants not used in any scene.")
    boolean unusedVariants;

    @Option(names = "--layout", paramLabel = "book|manuscript",
            description = "How a DOCX is laid out: book (default) or manuscript.")
    String layout;

    @Option(names = "--font", paramLabel = "times|courier",
            description = "The manuscript layout's face, at 12 pt: times (default) or courier.")
    String font;

    @Option(names = "--underline-italics", description = "Underline what is italic instead (DOCX), for a market"
            + " that asks for it.")
    boolean underlineItalics;

    @Option(names = "--json", description = "Print {\"file\", \"format\", \"scenes\", \"words\", \"unusedVariants\", "
            + "\"bytes\", \"layout\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        Format chosen = format(cmd);
        StoryExport.Options options = options(cmd, chosen);
        StoryExport.Result result;
        StorySummary summary;
        boolean noAuthor;
        try (Studio studio = library.orElse(parent.library).openForReading()) {
            summary = StoryArgument.resolve(studio, story, cmd);
            noAuthor = options.layout() == Layout.MANUSCRIPT && studio.metadata().of(summary.id()).author().isEmpty();
            try {
                result = StoryExport.export(studio, summary.id(), chosen, options, out);
            } catch (ManuscriptException e) {
                cmd.getErr().println("quire: " + e.getMessage());
                return 1;
            }
        }
        if (json) {
            cmd.getOut().println(new ObjectMapper().createObjectNode().put("file", result.file().toString())
                    .put("format", chosen.extension()).put("scenes", result.scenes()).put("words", result.words())
                    .put("unusedVariants", result.unusedVariants()).put("bytes", result.bytes())
                    .put("layout", paged(chosen) ? options.layout().key() : null).toString());
        } else {
            cmd.getOut().printf("Exported “%s” (%d %s, %,d words%s) as %s to %s%n", summary.title(),
                    result.scenes(), result.scenes() == 1 ? "scene" : "scenes", result.words(),
                    unusedVariants ? ", " + result.unusedVariants() + " unused variants" : "",
                    paged(chosen) ? chosen.displayName() + ", " + options.layout().key() + " layout,"
                            : chosen.displayName(), result.file());
        }
        if (noAuthor) {
            cmd.getErr().println("quire: the manuscript has no author or contact block on its first page. Set them"
                    + " with: quire story --story " + summary.id() + " --set author=\"Your Name\" --set contact=\"…\"");
        }
        return 0;
    }

    private StoryExport.Options options(CommandLine cmd, Format chosen) {
        Layout l = layout == null ? Layout.BOOK : Layout.named(layout).orElseThrow(() ->
                new CommandLine.ParameterException(cmd, "--layout must be book or manuscript, not “" + layout + "”."));
        ManuscriptFont f = font == null ? ManuscriptFont.TIMES : ManuscriptFont.named(font).orElseThrow(() ->
                new CommandLine.ParameterException(cmd, "--font must be times or courier, not “" + font + "”."));
        if ((layout != null || font != null || underlineItalics) && chosen != Format.DOCX && chosen != Format.PDF) {
            throw new CommandLine.ParameterException(cmd, "--layout, --font and --underline-italics are for a Word"
                    + " file or a PDF: add --format docx or pdf, or leave them out for " + chosen.displayName() + ".");
        }
        if (font != null && l != Layout.MANUSCRIPT) {
            throw new CommandLine.ParameterException(cmd, "--font is for --layout manuscript; the book layout is"
                    + " set in Palatino.");
        }
        return new StoryExport.Options(provenance, unusedVariants, l, f, underlineItalics);
    }

    /** A format laid out on pages, in a layout the writer chooses. */
    private static boolean paged(Format f) {
        return f == Format.DOCX || f == Format.PDF;
    }

    private Format format(CommandLine cmd) {
        if (format != null) {
            return Format.named(format).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                    "--format must be md, txt, docx, epub or pdf, not “" + format + "”."));
        }
        return Format.ofFileName(out).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                "Quire cannot tell the format from " + out + ": add --format md, txt, docx, epub or pdf, or end the"
                        + " file name with one of those."));
    }
}
