package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.StorySummary;
import dev.quire.model.TokenUsage;
import dev.quire.studio.Spending;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "usage", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Say what the library's requests used and cost: every request to a provider (scene variants, "
                        + "continuations, conversation replies, summaries and checks), as the provider reported its "
                        + "tokens, priced by `quire prices`.",
                "",
                "With --json prints {\"requests\": N, \"input\": N, \"output\": N, \"cache_read\": N, "
                        + "\"cache_write\": N, \"cost\": X, \"currency\": \"USD\", \"by_model\": [{\"provider\": "
                        + "\"...\", \"model\": \"...\", \"requests\": N, ...}], \"by_day\": [{\"day\": "
                        + "\"2026-12-04\", \"requests\": N, ...}]}. input is the whole prompt; cache_read and "
                        + "cache_write are parts of it. A model without a price has cost null; the total adds up "
                        + "the priced ones and is null when none is.",
                ""},
        footerHeading = "%n",
        footer = "Exit codes: 0 shown, 2 bad options or no such story, 3 the library cannot be used, 1 anything else.")
final class UsageCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", paramLabel = "TITLE|ID", description = "Only this story, by title or id.")
    String story;

    @Option(names = "--since", paramLabel = "DATE", description = "From this day on (YYYY-MM-DD), in local time.")
    String since;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        LocalDate from = null;
        if (since != null) {
            try {
                from = LocalDate.parse(since.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(cmd, "--since takes a day as YYYY-MM-DD, not “" + since
                        + "”.");
            }
        }
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            Long storyId = null;
            if (story != null) {
                StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
                storyId = chosen.id();
            }
            Spending.Report report = studio.spending().report(storyId, from);
            print(cmd.getOut(), report);
            return 0;
        }
    }

    private void print(PrintWriter out, Spending.Report report) throws Exception {
        if (json) {
            ObjectNode root = MAPPER.createObjectNode();
            UsageJson.line(root, report.total());
            ArrayNode models = root.putArray("by_model");
            for (Spending.Line m : report.byModel()) {
                ObjectNode node = models.addObject().put("provider", m.provider()).put("model", m.model());
                UsageJson.line(node, m);
            }
            ArrayNode days = root.putArray("by_day");
            for (Spending.Line d : report.byDay()) {
                UsageJson.line(days.addObject().put("day", d.key()), d);
            }
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return;
        }
        TokenUsage t = report.total().tokens();
        if (t.requests() == 0) {
            out.println("No requests recorded yet.");
            return;
        }
        out.printf(Locale.ROOT, "%,d requests: %,d tokens in (%,d read from the cache, %,d written to it), %,d out; %s%n",
                t.requests(), t.input(), t.cacheRead(), t.cacheWrite(), t.output(), cost(report.total()));
        for (Spending.Line m : report.byModel()) {
            out.printf(Locale.ROOT, "  %-16s %-28s %,6d requests %,12d in %,10d out  %s%n", m.provider(), m.model(),
                    m.tokens().requests(), m.tokens().input(), m.tokens().output(), cost(m));
        }
    }

    static String cost(Spending.Line line) {
        if (line.cost() == null) {
            return "no price known";
        }
        String s = Spending.money(line.cost());
        return line.unpriced() > 0 ? s + " (and " + line.unpriced() + " requests without a price)" : s;
    }
}
