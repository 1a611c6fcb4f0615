package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.StoryMetadata;
import dev.quire.model.StorySummary;
import dev.quire.studio.Metadata;
import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.StoryExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code quire story --story S [--set KEY=VALUE …] [--json]}: who a story is by, as its exports say it. */
@Command(name = "story", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print or change the story's metadata: its author, pen name, contact block and how a "
                + "manuscript rounds its word count. Exports use them: the title page, a manuscript's first page "
                + "and running header, the author of a DOCX, EPUB or PDF.",
                "",
                "  quire story --story \"The Remarks Column\" --set author=\"Ada Marsh\" \\",
                "      --set contact=\"12 Ferry Lane\\nPortsmouth PO1 2AB\" --set email=ada@example.com",
                ""},
        footerHeading = "%n",
        footer = {"Fields (--set FIELD=VALUE; an empty value clears it):",
                "  author       your own name: the contact block, and the byline when there is no pen name",
                "  pen-name     the name the story goes out under: byline, running header, file author",
                "  contact      your postal address; \\n starts a new line",
                "  email        an e-mail address (a phone number may go on a contact line)",
                "  agent        your agent or agency and their contact; \\n starts a new line",
                "  rounding     the manuscript's word count: convention (nearest 100 below 40,000 words,",
                "               nearest 1,000 for a novel), 100, 500, 1000, 5000 or exact",
                "  short-title  the title in the manuscript's running header (default: the title)",
                "",
                "Exit codes:", "  0  printed or changed", "  2  bad options, an unknown field, or no such story",
                "  3  the library cannot be used"})
final class StoryCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", mapFallbackValue = "",
            description = "Change a field (repeatable): author, pen-name, contact, email, agent, rounding, short-title.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print {\"story\", \"title\", \"author\", \"penName\", \"contact\", "
            + "\"email\", \"agent\", \"rounding\", \"shortTitle\", \"byline\", \"words\", \"wordCount\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            StoryMetadata m;
            if (set.isEmpty()) {
                m = studio.metadata().of(chosen.id());
            } else {
                Map<String, String> changes = new LinkedHashMap<>();
                set.forEach((k, v) -> changes.put(k, v.replace("\\n", "\n")));
                try {
                    Metadata.apply(studio.metadata().of(chosen.id()), changes); // refuses an unknown field first
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cmd, e.getMessage());
                }
                m = studio.metadata().change(chosen.id(), changes);
            }
            int words = StoryExport.snapshot(studio, chosen.id(), StoryExport.Options.PLAIN).words();
            print(cmd.getOut(), chosen, m, words, !set.isEmpty());
        }
        return 0;
    }

    private void print(PrintWriter out, StorySummary story, StoryMetadata m, int words, boolean changed)
            throws Exception {
        if (json) {
            ObjectNode node = JSON.createObjectNode().put("story", story.id()).put("title", story.title())
                    .put("author", m.author()).put("penName", m.penName()).put("contact", m.contact())
                    .put("email", m.email()).put("agent", m.agent()).put("rounding", m.rounding().key())
                    .put("shortTitle", m.shortTitle()).put("byline", m.byline()).put("words", words)
                    .put("wordCount", m.rounding().approximately(words));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            return;
        }
        out.println((changed ? "Changed “" : "“") + story.title() + "” (story " + story.id() + ")"
                + (changed ? ":" : ""));
        Map<String, String> fields = Metadata.fields(m);
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String value = e.getValue().isEmpty() ? "—" : e.getValue();
            if (e.getKey().equals("rounding")) {
                value += " (" + m.rounding().approximately(words) + " now)";
            }
            String[] lines = value.split("\n");
            out.printf("  %-12s %s%n", e.getKey(), lines[0]);
            for (int i = 1; i < lines.length; i++) {
                out.printf("  %-12s %s%n", "", lines[i]);
            }
        }
    }
}
