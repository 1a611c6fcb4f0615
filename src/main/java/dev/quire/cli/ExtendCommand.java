package dev.quire.cli;

import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderError;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.Generation;
import dev.quire.model.StorySummary;
import dev.quire.model.Variant;
import dev.quire.studio.CannotGenerateException;
import dev.quire.studio.Continuation;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "extend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Continue a variant in place, from exactly where it stops: what the model writes is appended to the "
                        + "same variant, which keeps its label, and streams to standard output. Made for a variant "
                        + "cut off at the output limit; any other can be extended too, when you want more.",
                "",
                "Anthropic gets the variant's text as the start of its reply; other providers get it back with a "
                        + "request for what comes next, without repeating it. The continuation is kept as a request"
                        + " of its own, with its own usage. One that fails leaves the variant as it was.",
                ""},
        footerHeading = "%n",
        footer = {
                "Exit codes:",
                "  0    the variant is complete",
                "  2    bad options",
                "  3    the library cannot be used",
                "  4    no usable provider, the continuation failed, or the variant was cut off again, refused or",
                "       filtered",
                "  130  interrupted with Ctrl-C (the text so far is kept)",
                "  1    anything else"})
final class ExtendCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--generation", required = true, paramLabel = "G",
            description = "The generation, by id (`generate --json` prints it).")
    long generation;

    @Option(names = "--variant", required = true, paramLabel = "A", description = "The variant, by label (A, B…).")
    String variant;

    @Option(names = "--max-tokens", paramLabel = "N",
            description = "Most output tokens for the continuation. Default: what the generation asked.")
    Integer maxTokens;

    @Option(names = "--json", description = "Print the variant whole at the end, as {\"id\", \"generation\", "
            + "\"index\", \"label\", \"text\", \"status\", \"stopReason\", \"refusal\", \"outputTokens\", \"usage\": "
            + "{\"input\", \"output\", \"cachedInput\"} (the continuation's own), \"error\"}, instead of streaming.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        if (maxTokens != null && maxTokens < 1) {
            throw new CommandLine.ParameterException(cmd, "--max-tokens must be at least 1, not " + maxTokens + ".");
        }
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            Optional<Generation> g = studio.generations().get(generation).filter(x -> x.storyId() == chosen.id());
            if (g.isEmpty()) {
                throw new CommandLine.ParameterException(cmd, "“" + chosen.title() + "” has no generation "
                        + generation + ".");
            }
            List<Variant> variants = studio.generations().variants(generation);
            String label = variant.strip().toUpperCase(Locale.ROOT);
            Variant target = variants.stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow(() ->
                    new CommandLine.ParameterException(cmd, "Generation " + generation + " has no variant “"
                            + variant + "”: it has " + variants.stream().map(Variant::label).toList() + "."));
            Continuation.Running running;
            try {
                running = new Continuation(studio).start(target.id(), maxTokens, new Printer(json ? null : out, err),
                        Runnable::run);
            } catch (CannotGenerateException e) {
                err.println("quire: " + e.getMessage());
                return QuireCommand.PROVIDER_PROBLEM;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
            Continuation.Outcome outcome = Interruptible.await(running.done(), running::cancel, "extend");
            Variant now = outcome.variant();
            Usage usage = outcome.result() == null ? Usage.NONE : outcome.result().usage();
            if (json) {
                out.println(VariantOutcomes.json(now, usage));
            }
            if (outcome.saveFailure() != null) {
                err.println("quire: " + outcome.saveFailure().getMessage());
                return 1;
            }
            if (outcome.error() != null) {
                err.println("quire: the continuation of variant " + now.label() + " failed, and the variant is as "
                        + "it was: " + outcome.error());
                return QuireCommand.PROVIDER_PROBLEM;
            }
            err.println("Variant " + now.label() + " of generation " + generation + ": " + now.status().name()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + (now.stopReason() == null ? ""
                    : " (" + now.stopReason() + ")") + String.format(Locale.ROOT, ", %,d characters.",
                    now.text().length()));
            return switch (now.status()) {
                case COMPLETE -> 0;
                case STOPPED -> QuireCommand.INTERRUPTED;
                default -> QuireCommand.PROVIDER_PROBLEM;
            };
        }
    }

    /** Streams the continuation to standard output; retries to stderr. */
    private static final class Printer implements GenerationHandler {
        private final PrintWriter out;
        private final PrintWriter err;

        Printer(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public synchronized void onText(int variant, String delta) {
            if (out != null) {
                out.print(delta);
                out.flush();
            }
        }

        @Override
        public synchronized void onVariantFinished(VariantResult result) {
            if (out != null) {
                out.println();
                out.flush();
            }
        }

        @Override
        public synchronized void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
            err.println("quire: " + error.message() + String.format(Locale.ROOT, " Trying again in %.1f s.",
                    delay.toMillis() / 1000.0));
            err.flush();
        }
    }
}
