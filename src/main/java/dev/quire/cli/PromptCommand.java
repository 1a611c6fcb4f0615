package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.SceneHeader;
import dev.quire.model.StorySummary;
import dev.quire.prompt.PromptReport;
import dev.quire.prompt.PromptTooSmallException;
import dev.quire.studio.Generator;
import dev.quire.studio.Prompts;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "prompt", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Show the prompt a request would send, without sending anything: the story context fitted into the "
                        + "model's budget by priority, in the frame's order.",
                "",
                "Prints the messages to standard output and, on standard error, the tokens against the budget, what "
                        + "went in and what was left out and why, and how the earlier scenes are carried. With "
                        + "--json prints {\"messages\": [{\"role\", \"content\"}], \"tokens\": N, \"exact\": false (an "
                        + "estimate) or true (OpenAI's own count), \"counter\": \"o200k_base\", \"budget\": N, "
                        + "\"coverage\": \"scenes 1–96 by summary, 97–118 verbatim\", \"stop\": [\"\\n\\nMara\", …] (the stop "
                        + "sequences sent when the author plays a character), \"included\": [{\"kind\", "
                        + "\"id\", \"tokens\"}], \"dropped\": [{\"kind\", \"id\", \"reason\"}], \"avoid\": [\"...\"]}: avoid is the "
                        + "story's avoid list as sent (empty when it is empty or did not fit). An included "
                        + "item's kind is frame, instruction, passage, turns, bible, avoid, canon, character, lore, note, "
                        + "message, scene (a scene's text), summary (a scene's) or chapter-summary; its id is the "
                        + "scene's for a scene or summary, the chapter's for a chapter summary, the fact's for canon. "
                        + "A summary also has \"stale\": true when its scene changed after it was made.",
                ""},
        footerHeading = "%n",
        footer = {
                "Frames: co-writer, analyst, scene, continue, rewrite, critique, summary, and your own (frame-ID).",
                "",
                "Exit codes: 0 shown, 2 bad options (or a budget too small for the frame and the instruction, or for the "
                        + "story's canon), 3 the library "
                        + "cannot be used, 1 anything else."})
final class PromptCommand implements Callable<Integer> {

    /** The kind of a scene's summary in the report; only those can be stale. */
    private static final String SUMMARY = "summary";

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--scene", paramLabel = "N",
            description = "The scene worked on (story order, from 1). Default: a new scene after the last.")
    Integer scene;

    @Option(names = "--frame", paramLabel = "NAME", description = "The frame, by key or name. Default: scene.")
    String frame;

    @Option(names = "--instruction", paramLabel = "TEXT", defaultValue = "",
            description = "What the writer asks for.")
    String instruction;

    @Option(names = "--budget", paramLabel = "TOKENS",
            description = "Tokens the prompt may use. Default: the story's provider's context window less its "
                    + "output tokens, else " + Prompts.DEFAULT_BUDGET + ".")
    Integer budget;

    @Option(names = "--provider", paramLabel = "NAME",
            description = "Budget and count the prompt as for this provider (a stored profile, or anthropic, openai, "
                    + "openai-compatible, ollama), as generate --provider would. Default: the story's provider.")
    String provider;

    @Option(names = "--model", paramLabel = "M",
            description = "Count the prompt as this model would (OpenAI models exactly, others by estimate). "
                    + "Default: the profile's default model.")
    String model;

    @Option(names = "--as", paramLabel = "NAME",
            description = "You play the character NAME in co-writing turns, as with generate --as; may be given more "
                    + "than once.")
    List<String> as = new java.util.ArrayList<>();

    @Option(names = "--json", description = "Print the prompt and its report as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        if (scene != null && scene < 1) {
            throw new CommandLine.ParameterException(cmd, "--scene counts from 1 in story order, not " + scene + ".");
        }
        if (budget != null && budget < 1) {
            throw new CommandLine.ParameterException(cmd, "--budget must be at least 1 token, not " + budget + ".");
        }
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            Long sceneId = null;
            if (scene != null) {
                List<SceneHeader> scenes = studio.scenes().headers(chosen.id());
                if (scene > scenes.size()) {
                    throw new CommandLine.ParameterException(cmd, "“" + chosen.title() + "” has " + scenes.size()
                            + (scenes.size() == 1 ? " scene" : " scenes") + ", so there is no scene " + scene + ".");
                }
                sceneId = scenes.get(scene - 1).id();
            }
            PromptReport report;
            try {
                report = studio.prompts().preview(chosen.id(), sceneId, frame, instruction, Generator.Mode.SCENE, 0,
                        0, budget, new Prompts.Asking(provider, model, as));
            } catch (PromptTooSmallException e) {
                // the budget cannot carry the frame and the instruction, or the canon: generate refuses it too
                err.println("quire: " + (budget != null && e.what() == PromptTooSmallException.What.ESSENTIALS
                        ? String.format(Locale.ROOT, "The prompt does not fit: the frame and the instruction alone "
                        + "take %,d tokens but --budget is %,d. Raise --budget to at least %,d, or shorten the "
                        + "instruction.", e.needed(), budget, e.needed()) : e.getMessage()));
                return cmd.getCommandSpec().exitCodeOnInvalidInput();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
            if (json) {
                boolean sent = report.included().stream().anyMatch(i -> i.kind().equals("avoid"));
                List<String> avoid = sent ? studio.cliches().avoidList(chosen.id()).stream()
                        .filter(a -> !a.isBlank()).map(String::strip).toList() : List.of();
                out.println(json(report, avoid));
            } else {
                out.println(report.text());
                err.println(summary(report));
            }
            return 0;
        }
    }

    static String json(PromptReport report, List<String> avoid) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode messages = root.putArray("messages");
        for (PromptReport.Message m : report.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        root.put("tokens", report.tokens());
        root.put("exact", report.exact());
        root.put("counter", report.counter());
        ArrayNode stop = root.putArray("stop");
        report.stop().forEach(stop::add);
        root.put("budget", report.budget());
        root.put("coverage", report.coverage().line());
        ArrayNode included = root.putArray("included");
        for (PromptReport.Included i : report.included()) {
            ObjectNode item = included.addObject().put("kind", i.kind()).put("id", i.id()).put("tokens", i.tokens());
            if (i.kind().equals(SUMMARY)) {
                item.put("stale", i.stale());
            }
        }
        ArrayNode dropped = root.putArray("dropped");
        for (PromptReport.Dropped d : report.dropped()) {
            dropped.addObject().put("kind", d.kind()).put("id", d.id()).put("reason", d.reason());
        }
        ArrayNode sentAvoid = root.putArray("avoid");
        avoid.forEach(sentAvoid::add);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    static String summary(PromptReport report) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s of %,d tokens (%.0f%%), %s.",
                report.tokensText(), report.budget(), report.fill() * 100, report.exact()
                        ? "counted with " + report.counter() : "an " + report.counter()));
        sb.append("\nIncluded:");
        for (Map.Entry<String, Integer> e : report.tokensByKind().entrySet()) {
            sb.append(String.format(Locale.ROOT, " %s %,d;", e.getKey(), e.getValue()));
        }
        sb.setLength(sb.length() - 1);
        if (!report.stop().isEmpty()) {
            List<String> shown = new java.util.ArrayList<>();
            report.stop().forEach(x -> shown.add("“" + x.replace("\n", "\\n") + "”"));
            sb.append("\nStops at: ").append(String.join(", ", shown)).append(" (the author's turn).");
        }
        String coverage = report.coverage().line();
        if (!coverage.isEmpty()) {
            sb.append("\nEarlier scenes: ").append(coverage).append('.');
        }
        if (!report.dropped().isEmpty()) {
            sb.append("\nLeft out:");
            for (PromptReport.Dropped d : report.dropped()) {
                sb.append("\n  ").append(d.kind()).append(' ').append(d.id()).append(" “").append(d.label())
                        .append("”: ").append(d.reason());
            }
        }
        return sb.toString();
    }
}
