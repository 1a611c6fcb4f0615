package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.llm.Ollama;
import dev.quire.model.StorySummary;
import dev.quire.store.SummaryRepository.SceneSummary;
import dev.quire.studio.CannotGenerateException;
import dev.quire.studio.Studio;
import dev.quire.studio.Summaries;
import dev.quire.studio.SummaryBatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "summarize", aliases = "summarise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Have the model summarise scenes, and then chapters, and keep the summaries in the library.",
                "",
                "--all summarises every scene whose summary is missing or stale (its text changed since), then "
                        + "each chapter whose scenes' summaries changed and that has at least two. A summary the "
                        + "writer wrote or edited is never replaced without --overwrite-writers; such scenes are "
                        + "listed as skipped. --scene N summarises scene N even when its summary is up to date.",
                "",
                "Several requests go at once, and each summary is saved as it arrives. A request that fails, or a "
                        + "reply with nothing in it, keeps the old summary and marks it with why. A scene too long "
                        + "for the model's context window is summarised in parts, cut between paragraphs, and the "
                        + "parts' summaries are then combined. Every request is kept in the library as a "
                        + "generation, with its usage.",
                "",
                "--all asks before sending, with the number of scenes and the tokens it will send (the cost is "
                        + "unknown: Quire has no price table yet); --yes skips the question. Progress and errors go "
                        + "to standard error, the result to standard output.",
                ""},
        footerHeading = "%n",
        footer = {
                "JSON (--json):",
                "  {\"story\", \"scenes\": n planned, \"summarised\": n, \"skipped\": n,",
                "   \"skippedScenes\": [{\"scene\": N, \"reason\"}],",
                "   \"failed\": [{\"scene\": N, \"reason\"}],",
                "   \"cancelled\": bool, \"unfinished\": n (left undone by a cancel),",
                "   \"chapters\": {\"summarised\": n, \"skipped\": n,",
                "                \"failed\": [{\"chapter\": label, \"reason\"}]},",
                "   \"requests\": n, \"tokens\": input tokens sent (the provider's count,",
                "   else the estimate), \"outputTokens\": n, \"estimatedTokens\": n,",
                "   \"cost\": null (unknown)}",
                "  With --dry-run: {\"dryRun\": true, \"story\", \"provider\", \"model\",",
                "   \"scenes\": n, \"chapters\": n, \"requests\": n,",
                "   \"tokens\": estimated input tokens, \"cost\": null, \"skipped\": n,",
                "   \"plan\": [{\"scene\", \"title\", \"why\": missing|stale|asked, \"tokens\",",
                "   \"requests\"}], \"skippedScenes\": [{\"scene\", \"reason\"}]}",
                "",
                "Exit codes:",
                "  0    every scene and chapter summarised or skipped; nothing to do; --dry-run",
                "  1    not confirmed (nothing was sent), or anything else",
                "  2    bad options",
                "  3    the library cannot be used",
                "  4    no usable provider, or a summary failed (the old one is kept, marked)",
                "  130  interrupted with Ctrl-C (the summaries that arrived are kept)"})
final class SummarizeCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--scene", paramLabel = "N", description = "Summarise scene N (story order, from 1).")
    Integer scene;

    @Option(names = "--all", description = "Summarise every scene whose summary is missing or stale, then the "
            + "chapters.")
    boolean all;

    @Option(names = "--dry-run", description = "Print what would be sent (scenes, requests, tokens, cost) and send "
            + "nothing.")
    boolean dryRun;

    @Option(names = {"--yes", "-y"}, description = "Do not ask before summarising --all.")
    boolean yes;

    @Option(names = "--json", description = "Print the result (or, with --dry-run, the plan) as JSON; see below.")
    boolean json;

    @Option(names = "--provider", paramLabel = "NAME",
            description = "A stored profile (quire providers), or anthropic, openai, openai-compatible or ollama. "
                    + "Default: the story's provider, else the library's default.")
    String provider;

    @Option(names = "--model", paramLabel = "M", description = "Model id. Default: the profile's default model.")
    String model;

    @Option(names = "--overwrite-writers", description = "Replace summaries the writer wrote or edited too.")
    boolean overwriteWriters;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        if (all == (scene != null)) {
            throw new CommandLine.ParameterException(cmd, all ? "--scene and --all do not go together: summarise one"
                    + " scene, or every scene that needs it." : "Say what to summarise: --scene N for one scene, or"
                    + " --all for every scene whose summary is missing or stale.");
        }
        if (scene != null && scene < 1) {
            throw new CommandLine.ParameterException(cmd, "--scene counts from 1 in story order, not " + scene + ".");
        }
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            Summaries summaries = studio.summarizer();
            Summaries.Options options = new Summaries.Options(provider, model, overwriteWriters);
            Summaries.Plan plan;
            try {
                if (all) {
                    plan = summaries.plan(chosen.id(), options);
                } else {
                    List<SceneSummary> scenes = studio.summaries().list(chosen.id());
                    if (scene > scenes.size()) {
                        throw new CommandLine.ParameterException(cmd, "“" + chosen.title() + "” has "
                                + scenes.size() + " scene" + (scenes.size() == 1 ? "" : "s") + ", so there is no "
                                + "scene " + scene + ".");
                    }
                    plan = summaries.planScene(chosen.id(), scenes.get(scene - 1).sceneId(), options);
                }
            } catch (CannotGenerateException e) {
                return cannotGenerate(e, cmd, chosen);
            }
            if (dryRun) {
                out.println(json ? planJson(plan) : planText(plan) + "\nNothing was sent.");
                return 0;
            }
            if (!plan.isEmpty() && all && !yes && !confirmed(plan, err)) {
                err.println("Nothing was sent. --yes summarises without asking.");
                return 1;
            }
            printSkipped(plan, err);
            Printer printer = new Printer(err, plan.scenes().size());
            SummaryBatch batch = summaries.start(plan, printer, Runnable::run);
            SummaryBatch.Result result = awaitCancellingOnInterrupt(batch);
            return report(plan, result, out, err);
        }
    }

    private int cannotGenerate(CannotGenerateException e, CommandLine cmd, StorySummary chosen) {
        return switch (e.reason()) {
            case NO_SUCH_SCENE, UNKNOWN_PROVIDER -> throw new CommandLine.ParameterException(cmd, e.getMessage()
                    + (e.reason() == CannotGenerateException.Reason.UNKNOWN_PROVIDER
                    ? " `quire providers` lists them." : ""));
            case NO_PROVIDER -> {
                cmd.getErr().println("quire: no provider is set up for “" + chosen.title() + "”, so nothing can be "
                        + "summarised. Add one with\n"
                        + "  quire provider add NAME --kind anthropic|openai|openai-compatible|ollama --base-url URL\n"
                        + "and make it the default with `quire provider default NAME`, or name one with --provider."
                        + (e.ollamaRunning() ? "\nOllama is running at " + Ollama.DEFAULT_BASE_URL
                        + ": `--provider ollama` summarises locally, with no key." : ""));
                yield QuireCommand.PROVIDER_PROBLEM;
            }
            default -> {
                cmd.getErr().println("quire: " + e.getMessage());
                yield QuireCommand.PROVIDER_PROBLEM;
            }
        };
    }

    /** Asks on standard input; anything but y or yes, or no answer at all, is a no. */
    private boolean confirmed(Summaries.Plan plan, PrintWriter err) throws IOException {
        err.print("Summarise " + what(plan) + " (about " + number(plan.tokens()) + " tokens; " + plan.costText()
                + ")? [y/N] ");
        err.flush();
        String answer = new BufferedReader(new InputStreamReader(parent.in, StandardCharsets.UTF_8)).readLine();
        if (parent.console == null) {
            err.println(); // a terminal echoes the answer's newline; piped input does not
        }
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    }

    /** "37 scenes and 3 chapters", "1 scene", "2 chapters". */
    private static String what(Summaries.Plan plan) {
        String scenes = count(plan.scenes().size(), "scene");
        String chapters = count(plan.chapters(), "chapter");
        return plan.chapters() == 0 ? scenes : plan.scenes().isEmpty() ? chapters : scenes + " and " + chapters;
    }

    private static String count(int n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    private static String number(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private void printSkipped(Summaries.Plan plan, PrintWriter err) {
        for (Summaries.Skipped s : plan.skipped()) {
            err.println("Scene " + s.scene() + title(s.title()) + ": skipped, " + s.reason()
                    + (s.reason().equals(Summaries.WRITERS) ? " (--overwrite-writers replaces it)." : "."));
        }
        err.flush();
    }

    /** The text as a sentence: ending in a full stop, once. */
    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    private static String title(String title) {
        return title.isBlank() ? "" : ", “" + title.strip() + "”";
    }

    private static String planText(Summaries.Plan plan) {
        StringBuilder sb = new StringBuilder("“").append(plan.storyTitle()).append("” with ").append(plan.provider())
                .append(" (").append(plan.model()).append("):\n");
        for (Summaries.PlannedScene p : plan.scenes()) {
            sb.append("  scene ").append(p.scene()).append(title(p.title())).append(": ")
                    .append(p.why().name().toLowerCase(Locale.ROOT)).append(", about ").append(number(p.tokens()))
                    .append(" tokens").append(p.requests() > 1 ? " in " + p.requests() + " requests (in parts)" : "")
                    .append('\n');
        }
        for (Summaries.Skipped s : plan.skipped()) {
            sb.append("  scene ").append(s.scene()).append(title(s.title())).append(": skipped, ").append(s.reason())
                    .append('\n');
        }
        if (plan.isEmpty()) {
            return sb.append("Nothing to summarise.").toString();
        }
        return sb.append("Would summarise ").append(what(plan)).append(": ").append(count(plan.requests(), "request"))
                .append(", about ").append(number(plan.tokens())).append(" tokens; ").append(plan.costText())
                .append(plan.cost() == null ? " (Quire has no price table yet)." : ".").toString();
    }

    private static String planJson(Summaries.Plan plan) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("dryRun", true);
        root.put("story", plan.storyTitle());
        root.put("provider", plan.provider());
        root.put("model", plan.model());
        root.put("scenes", plan.scenes().size());
        root.put("chapters", plan.chapters());
        root.put("requests", plan.requests());
        root.put("tokens", plan.tokens());
        root.put("cost", plan.cost());
        root.put("skipped", plan.skipped().size());
        ArrayNode planned = root.putArray("plan");
        for (Summaries.PlannedScene p : plan.scenes()) {
            planned.addObject().put("scene", p.scene()).put("title", p.title())
                    .put("why", p.why().name().toLowerCase(Locale.ROOT)).put("tokens", p.tokens())
                    .put("requests", p.requests());
        }
        skippedJson(root, plan);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void skippedJson(ObjectNode root, Summaries.Plan plan) {
        ArrayNode skipped = root.putArray("skippedScenes");
        for (Summaries.Skipped s : plan.skipped()) {
            skipped.addObject().put("scene", s.scene()).put("reason", s.reason());
        }
    }

    /** Waits for the batch; Ctrl-C cancels it, so what arrived is kept and nothing more is sent. */
    private static SummaryBatch.Result awaitCancellingOnInterrupt(SummaryBatch batch) {
        return Interruptible.await(batch.done(), batch::cancel, "summarize");
    }

    private int report(Summaries.Plan plan, SummaryBatch.Result result, PrintWriter out, PrintWriter err)
            throws Exception {
        for (SummaryBatch.SceneOutcome f : result.failed()) {
            err.println("quire: scene " + f.scene() + title(f.title()) + ": " + sentence(f.reason())
                    + " Its old summary is kept.");
        }
        for (SummaryBatch.ChapterOutcome f : result.failedChapters()) {
            err.println("quire: " + f.label() + ": " + sentence(f.reason()) + " Its old summary is kept.");
        }
        err.flush();
        out.println(json ? resultJson(plan, result) : resultText(plan, result));
        if (result.cancelled()) {
            return QuireCommand.INTERRUPTED;
        }
        return result.ok() ? 0 : QuireCommand.PROVIDER_PROBLEM;
    }

    private static String resultText(Summaries.Plan plan, SummaryBatch.Result result) {
        if (plan.isEmpty()) {
            return "Nothing to summarise in “" + plan.storyTitle() + "”: " + (plan.skipped().isEmpty()
                    ? "every summary is up to date." : "the summaries left are the writer's, or their scenes have "
                    + "no text.");
        }
        long chapters = result.chapters().stream()
                .filter(c -> c.status() == SummaryBatch.Status.SUMMARISED).count();
        StringBuilder sb = new StringBuilder("Summarised ").append(result.summarised()).append(" of ")
                .append(count(plan.scenes().size(), "scene")).append(" of “").append(plan.storyTitle()).append("”");
        if (chapters > 0) {
            sb.append(" and ").append(count((int) chapters, "chapter"));
        }
        if (!result.failed().isEmpty()) {
            sb.append("; ").append(result.failed().size()).append(" failed");
        }
        if (result.skipped() > 0) {
            sb.append("; ").append(result.skipped()).append(" skipped");
        }
        if (result.cancelled()) {
            sb.append("; cancelled, ").append(result.unfinished()).append(" not done");
        }
        return sb.append(". ").append(count(result.requests(), "request")).append(", ")
                .append(number(result.inputTokens())).append(" tokens in, ").append(number(result.outputTokens()))
                .append(" out; cost unknown.").toString();
    }

    private static String resultJson(Summaries.Plan plan, SummaryBatch.Result result) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("story", plan.storyTitle());
        root.put("scenes", plan.scenes().size());
        root.put("summarised", result.summarised());
        root.put("skipped", result.skipped());
        ArrayNode skipped = root.putArray("skippedScenes");
        for (SummaryBatch.SceneOutcome s : result.scenes()) {
            if (s.status() == SummaryBatch.Status.SKIPPED) {
                skipped.addObject().put("scene", s.scene()).put("reason", s.reason());
            }
        }
        ArrayNode failed = root.putArray("failed");
        for (SummaryBatch.SceneOutcome f : result.failed()) {
            failed.addObject().put("scene", f.scene()).put("reason", f.reason());
        }
        root.put("cancelled", result.cancelled());
        root.put("unfinished", result.unfinished());
        ObjectNode chapters = root.putObject("chapters");
        chapters.put("summarised", result.chapters().stream()
                .filter(c -> c.status() == SummaryBatch.Status.SUMMARISED).count());
        chapters.put("skipped", result.chapters().stream()
                .filter(c -> c.status() == SummaryBatch.Status.SKIPPED).count());
        ArrayNode chapterFailures = chapters.putArray("failed");
        for (SummaryBatch.ChapterOutcome f : result.failedChapters()) {
            chapterFailures.addObject().put("chapter", f.label()).put("reason", f.reason());
        }
        root.put("requests", result.requests());
        root.put("tokens", result.inputTokens());
        root.put("outputTokens", result.outputTokens());
        root.put("estimatedTokens", result.estimatedTokens());
        root.put("cost", result.cost());
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** Progress lines on standard error: each scene and chapter as it ends, and retries. */
    private static final class Printer implements SummaryBatch.Listener {
        private final PrintWriter err;
        private final int total;
        private int ended;

        Printer(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
        }

        @Override
        public synchronized void onScene(SummaryBatch.SceneOutcome o) {
            if (o.status() == SummaryBatch.Status.CANCELLED) {
                return;
            }
            ended++;
            String how = switch (o.status()) {
                case SUMMARISED -> "summarised" + (o.requests() > 1 ? " in " + o.requests() + " requests" : "");
                case SKIPPED -> "skipped, " + o.reason();
                case FAILED -> "failed: " + o.reason();
                case CANCELLED -> "cancelled";
            };
            err.println("[" + ended + "/" + total + "] Scene " + o.scene() + title(o.title()) + ": " + sentence(how));
            err.flush();
        }

        @Override
        public synchronized void onChapter(SummaryBatch.ChapterOutcome o) {
            String how = switch (o.status()) {
                case SUMMARISED -> "summarised";
                case SKIPPED -> "skipped, " + o.reason();
                case FAILED -> "failed: " + o.reason();
                case CANCELLED -> "cancelled";
            };
            err.println(o.label() + ": " + sentence(how));
            err.flush();
        }

        @Override
        public synchronized void onRetry(String what, String message, Duration delay) {
            err.println(what + ": " + message + String.format(Locale.ROOT, " Trying again in %.1f s.",
                    delay.toMillis() / 1000.0));
            err.flush();
        }
    }
}
