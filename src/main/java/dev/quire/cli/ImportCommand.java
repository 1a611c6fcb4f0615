package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.Story;
import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.DraftScene;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.ImportOptions;
import dev.quire.studio.manuscript.ImportReport;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.studio.manuscript.ManuscriptException;
import dev.quire.studio.manuscript.ManuscriptImport;
import dev.quire.studio.manuscript.ManuscriptReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Import a manuscript as a new story: Markdown (.md), plain text (.txt) or Word (.docx).",
                "",
                "It is split into scenes at headings (# Heading in Markdown, Heading styles in Word, a line "
                        + "underlined with === or --- in plain text) and at scene-break lines (***, * * *, ---, "
                        + "#, §, ~~~ and the like). A level-1 heading or Title at the very start, with no other, "
                        + "is the story's title. When there are headings at two levels (# and ##, Heading 1 and "
                        + "Heading 2), the level-1 headings are chapters and the scenes under them go into them. "
                        + "Paragraphs, italics and bold are kept; each scene's imported text is also kept as a "
                        + "revision.",
                "",
                "A Word document is read as Word shows it with every tracked change accepted: deleted text "
                        + "left out, inserted and moved text kept once, content controls and text boxes read, "
                        + "hidden text left out, styles resolved as Word does (a Quote paragraph is italic). "
                        + "Footnotes become bracketed notes at the end of their scene, horizontal rules scene "
                        + "breaks. Its title and author come from its properties or its Title and Author lines. "
                        + "The import says what it did (\"2 tracked changes accepted, 1 image left out\") and "
                        + "warns of unresolved changes and comments.",
                "",
                "Prints the new story's id, its title and its scenes. Nothing is written when the file "
                        + "cannot be read.",
                ""},
        footerHeading = "%n",
        footer = {"Exit codes:", "  0  imported", "  1  the file could not be read (the message says why)",
                "  2  bad options", "  3  the library cannot be used"})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The manuscript.")
    Path file;

    @Option(names = "--title", paramLabel = "T",
            description = "The story's title. Default: the manuscript's title, else the file's name.")
    String title;

    @Option(names = "--format", paramLabel = "md|txt|docx",
            description = "Read the file as this format. Default: from its extension (.md, .markdown, .txt, "
                    + ".docx).")
    String format;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The encoding of a text file that is not UTF-8 or UTF-16, e.g. windows-1252.")
    String encoding;

    @Option(names = "--page-breaks-split-scenes",
            description = "In a Word document, start a new scene at each page break. Default: a page break only "
                    + "ends its paragraph.")
    boolean pageBreaksSplitScenes;

    @Option(names = "--json", description = "Print {\"id\": …, \"title\": …, \"author\": …, \"scenes\": …, "
            + "\"words\": …, \"report\": {\"trackedChangesAccepted\": 2, …}, \"done\": [\"2 tracked changes "
            + "accepted\", …], \"warnings\": […]}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        Format chosen = format(cmd);
        Charset charset = charset(cmd);
        if (title != null && title.isBlank()) {
            throw new CommandLine.ParameterException(cmd, "--title is blank: give the story a title, or leave"
                    + " --title out to use the manuscript's own.");
        }
        Manuscript manuscript;
        try {
            manuscript = ManuscriptReader.read(file, chosen, charset, new ImportOptions(pageBreaksSplitScenes));
        } catch (ManuscriptException e) {
            cmd.getErr().println("quire: " + e.getMessage());
            return 1;
        }
        Story story;
        try (Studio studio = library.orElse(parent.library).open()) {
            story = ManuscriptImport.commit(studio, manuscript, title);
        }
        PrintWriter out = cmd.getOut();
        ImportReport report = manuscript.report();
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode().put("id", story.id()).put("title", story.title())
                    .put("author", manuscript.author()).put("scenes", manuscript.scenes().size())
                    .put("words", manuscript.words());
            ObjectNode counts = node.putObject("report");
            for (ImportReport.Item item : ImportReport.Item.values()) {
                if (report.count(item) > 0) {
                    counts.put(item.key(), report.count(item));
                }
            }
            ArrayNode done = node.putArray("done");
            report.lines().forEach(done::add);
            ArrayNode warnings = node.putArray("warnings");
            report.warnings().forEach(warnings::add);
            out.println(node.toString());
            return 0;
        }
        List<DraftScene> scenes = manuscript.scenes();
        long chapters = scenes.stream().mapToInt(DraftScene::chapter).filter(c -> c != DraftScene.NO_CHAPTER)
                .distinct().count();
        out.printf("Imported “%s” as story %d: %d %s%s, %,d words.%n", story.title(), story.id(), scenes.size(),
                scenes.size() == 1 ? "scene" : "scenes", chapters == 0 ? ""
                        : " in " + chapters + (chapters == 1 ? " chapter" : " chapters"), manuscript.words());
        int chapter = DraftScene.NO_CHAPTER;
        for (int i = 0; i < scenes.size(); i++) {
            DraftScene s = scenes.get(i);
            if (s.chapter() != chapter) {
                chapter = s.chapter();
                out.printf("      %s%n", manuscript.chapters().get(chapter));
            }
            out.printf("%4d  %-40s %,7d words%n", i + 1, s.title().isEmpty() ? "(untitled)" : s.title(), s.words());
        }
        if (!manuscript.author().isEmpty()) {
            out.printf("By %s (as the file names the author).%n", manuscript.author());
        }
        if (!report.summary().isEmpty()) {
            out.printf("From the file: %s.%n", report.summary());
        }
        for (String warning : report.warnings()) {
            cmd.getErr().println("quire: warning: " + warning);
        }
        return 0;
    }

    private Format format(CommandLine cmd) {
        if (format != null) {
            return Format.named(format).filter(Format::importable).orElseThrow(() ->
                    new CommandLine.ParameterException(cmd, "--format must be md, txt or docx, not “" + format
                            + "”."));
        }
        return Format.ofFileName(file).filter(Format::importable).orElseThrow(() ->
                new CommandLine.ParameterException(cmd, "Quire cannot tell the format of " + file + " from its"
                        + " name: say which it is with --format md, --format txt or --format docx."));
    }

    private Charset charset(CommandLine cmd) {
        if (encoding == null) {
            return null;
        }
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandLine.ParameterException(cmd, "Quire does not know the encoding “" + encoding
                    + "”. Try UTF-8, windows-1252, ISO-8859-1 or UTF-16.");
        }
    }
}
