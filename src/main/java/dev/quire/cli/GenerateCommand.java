package dev.quire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.cliche.Detector;
import dev.quire.cliche.Finding;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.Ollama;
import dev.quire.llm.ProviderError;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.StorySummary;
import dev.quire.model.Variant;
import dev.quire.prompt.PromptTooSmallException;
import dev.quire.studio.CannotGenerateException;
import dev.quire.studio.GenerationRequest;
import dev.quire.studio.Generator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Ask a provider for variants of a scene, stream them to standard output, and keep the generation "
                        + "and its variants in the library.",
                "",
                "With --continue-at N the model continues scene --scene from character N of its text: only the "
                        + "text before N is sent. With --rewrite START:END it rewrites that passage of the scene as "
                        + "--instruction says, and replies with the new passage only. Characters are counted from 0 "
                        + "in the scene's text as the library holds it, in UTF-16 code units. Neither changes the "
                        + "scene: the variants are kept for the writer to use.",
                "",
                "With one variant its text streams as it arrives. With several, each line is printed as soon as it "
                        + "is complete, labelled with its variant ([A], [B], …), so the variants interleave line by "
                        + "line: `grep '^\\[B\\]'` picks one out. With --json nothing streams; the JSON comes at "
                        + "the end. Progress, retries, a summary and errors go to standard error.",
                ""},
        footerHeading = "%n",
        footer = {
                "Environment:",
                "  ANTHROPIC_API_KEY, OPENAI_API_KEY, OPENROUTER_API_KEY, DEEPSEEK_API_KEY and",
                "  QUIRE_API_KEY hold keys, used before stored ones (quire provider key).",
                "  QUIRE_PROVIDER_STALL_SECONDS  longest silence allowed (default 90).",
                "  QUIRE_PROVIDER_BACKOFF_MS     first wait before a retry (default 1000).",
                "",
                "Exit codes:",
                "  0    every variant complete",
                "  2    bad options, or a prompt that cannot fit the model's budget (nothing is sent)",
                "  3    the library cannot be used",
                "  4    no usable provider, or a variant was cut off at the output limit, refused,",
                "       filtered or failed (its text kept; `quire extend` continues a cut-off one)",
                "  5    with --column: some columns failed (each named on standard error) and the",
                "       others completed and are kept",
                "  130  interrupted with Ctrl-C (the text so far is kept)",
                "  1    anything else"})
final class GenerateCommand implements Callable<Integer> {

    private static final Pattern START_END = Pattern.compile("\\s*(\\d{1,9})\\s*:\\s*(\\d{1,9})\\s*");

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--instruction", paramLabel = "TEXT",
            description = "What the scene should do, or how to rewrite the passage: the more specific, the better "
                    + "the prose. Required, except with --continue-at.")
    String instruction;

    @Option(names = "--scene", paramLabel = "N",
            description = "Write into scene N (story order, from 1), whose current text is sent as the scene so "
                    + "far. Default: a new scene after the last.")
    Integer scene;

    @Option(names = "--continue-at", paramLabel = "N",
            description = "Continue scene --scene from character N of its text (from 0); the text after N is not "
                    + "sent.")
    Integer continueAt;

    @Option(names = "--rewrite", paramLabel = "START:END",
            description = "Rewrite the passage of scene --scene from character START up to END (not included), "
                    + "counted from 0.")
    String rewrite;

    @Option(names = "--frame", paramLabel = "KEY",
            description = "The frame, by key (scene, continue, rewrite, frame-ID…) or name, your own included: "
                    + "`quire prompt --help` lists the built-in ones. Default: scene, continue or rewrite, as asked.")
    String frame;

    @Option(names = "--provider", paramLabel = "NAME",
            description = "A stored profile (quire providers), or anthropic, openai, openai-compatible or ollama. "
                    + "Default: the story's provider, else the library's default.")
    String provider;

    @Option(names = "--model", paramLabel = "M", description = "Model id. Default: the profile's default model.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Another address for the provider, as its SDK writes it: the server root for Anthropic "
                    + "and Ollama (https://api.anthropic.com, http://localhost:11434); the API root with /v1 for "
                    + "OpenAI and compatible servers (https://api.openai.com/v1, http://localhost:8080/v1). Only a "
                    + "key from the environment is sent to it, never a stored one.")
    String baseUrl;

    @Option(names = "--variants", paramLabel = "N", defaultValue = "1",
            description = "How many versions to ask for, 1 to 6 (default ${DEFAULT-VALUE}).")
    int variants;

    @Option(names = "--column", paramLabel = "KEY=VALUE,…",
            description = "A column of a mixed set: one variant asked with its own request; give one --column per "
                    + "column (up to 6). Keys: profile or provider, base-url, model, temperature, instruction (a "
                    + "replacement for --instruction) or instruction+ (an addition to it). Unset keys take the "
                    + "command's own flags. Every column shares the story, scene, frame and mode; each one's "
                    + "story-so-far is fitted to its own model's budget. All are checked before anything is sent "
                    + "(an unknown key, a provider with no key, a model the provider does not offer fail naming the "
                    + "column), then stream at once. Example: --column provider=anthropic,model=claude-sonnet-4-5 "
                    + "--column provider=ollama,model=llama3.1,instruction+=\"She hesitates before answering.\"")
    List<String> columns = new ArrayList<>();

    @Option(names = "--max-tokens", paramLabel = "N", description = "Most output tokens per variant. Default: the "
            + "profile's.")
    Integer maxTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "0 to 2 (Anthropic takes at most 1). Default: "
            + "the provider's.")
    Double temperature;

    @Option(names = "--as", paramLabel = "NAME",
            description = "You play the character NAME (a name or alias) in co-writing turns; may be given more than "
                    + "once. The model writes the others and stops where NAME would act or speak next: the turns "
                    + "go in the instruction (frames with {{turns}}) and a stop sequence goes to the provider. "
                    + "Characters whose sheets say you play them count too.")
    List<String> as = new ArrayList<>();

    @Option(names = "--json", description = "Print {\"generation\": ID, \"status\": …, \"usage\": {…}, \"variants\": "
            + "[{\"id\", \"index\", \"label\", \"text\", \"status\", \"stopReason\", \"refusal\", \"usage\": {\"input\", "
            + "\"output\", \"cachedInput\"}, \"error\"}]} at the end instead of streaming. The generation's status is COMPLETE, PARTIAL, FAILED or "
            + "STOPPED; a variant's is "
            + "COMPLETE, CUT_OFF, REFUSED, FILTERED, FAILED, INCOMPLETE or STOPPED; stopReason is the provider's own "
            + "word. The generation's usage is the requests' own, counted once; a variant's is null where one request"
            + " served several. Each variant also lists its clichés as `quire cliches` finds them: \"findings\": "
            + "[{\"start\", \"end\", \"text\", \"kind\", \"rule\"}]. With --column each variant also names its "
            + "\"provider\", \"model\", \"temperature\" and \"instruction\".")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        checkOptions(cmd);
        if (!columns.isEmpty()) {
            return MixedGenerate.run(this, cmd);
        }
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            Generator generator = studio.generator();
            Generator.Prepared prepared;
            try {
                prepared = generator.prepare(request(chosen.id(), cmd));
            } catch (CannotGenerateException e) {
                return cannotGenerate(e, cmd, chosen);
            } catch (PromptTooSmallException e) {
                err.println("quire: " + e.getMessage() + " Nothing was sent.");
                return cmd.getCommandSpec().exitCodeOnInvalidInput();
            } catch (IllegalArgumentException e) {
                // a frame that does not exist or cannot carry the request, or options that do not go together
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
            if (prepared.storedKeyWithheld()) {
                err.println("quire: the key stored for “" + prepared.profile().name() + "” is not sent to "
                        + prepared.profile().baseUrl() + ": a stored key goes only to its profile's own address. "
                        + "Set the key in the environment, or add a profile for this address with "
                        + "`quire provider add`.");
            }
            Printer printer = new Printer(json ? null : out, err, variants);
            Generator.Running running = generator.start(prepared, printer, Runnable::run);
            Generator.Outcome outcome = awaitCancellingOnInterrupt(running);
            // each variant's clichés, by the story's lists and the names its model keeps reaching for
            Detector detector = json ? studio.cliches().detector(chosen.id())
                    .withRecurring(studio.cliches().recurring(chosen.id())) : null;
            return report(studio, outcome, prepared, chosen, detector, out, err);
        }
    }

    /** The request the command's own flags make. */
    GenerationRequest request(long storyId, CommandLine cmd) {
        GenerationRequest.Builder builder = GenerationRequest.builder(storyId, instruction == null ? "" : instruction)
                .scene(scene).frame(frame).provider(provider).model(model).baseUrl(baseUrl).variants(variants)
                .maxOutputTokens(maxTokens).temperature(temperature);
        as.forEach(builder::writerPlays);
        if (continueAt != null) {
            builder.continueAt(continueAt);
        } else if (rewrite != null) {
            int[] passage = passage(cmd);
            builder.rewrite(passage[0], passage[1]);
        }
        return builder.build();
    }

    private void checkOptions(CommandLine cmd) {
        if (!columns.isEmpty() && variants != 1) {
            throw new CommandLine.ParameterException(cmd, "--variants and --column do not go together: each "
                    + "--column is one variant.");
        }
        if (columns.size() > ChatRequest.MAX_VARIANTS) {
            throw new CommandLine.ParameterException(cmd, "Give at most " + ChatRequest.MAX_VARIANTS
                    + " --column options, not " + columns.size() + ".");
        }
        if (continueAt != null && rewrite != null) {
            throw new CommandLine.ParameterException(cmd, "--continue-at and --rewrite do not go together: continue "
                    + "from a cursor, or rewrite a passage.");
        }
        if (continueAt == null && (instruction == null || instruction.isBlank())) {
            throw new CommandLine.ParameterException(cmd, "--instruction " + (instruction == null ? "is missing"
                    : "is empty") + ": say " + (rewrite != null ? "how to rewrite the passage." : "what the scene "
                    + "should do."));
        }
        if (scene != null && scene < 1) {
            throw new CommandLine.ParameterException(cmd, "--scene counts from 1 in story order, not " + scene + ".");
        }
        if ((continueAt != null || rewrite != null) && scene == null) {
            throw new CommandLine.ParameterException(cmd, (continueAt != null ? "--continue-at" : "--rewrite")
                    + " needs --scene: the scene to " + (continueAt != null ? "continue." : "rewrite a passage of."));
        }
        if (continueAt != null && continueAt < 0) {
            throw new CommandLine.ParameterException(cmd, "--continue-at counts characters from 0, not " + continueAt
                    + ".");
        }
        if (rewrite != null) {
            passage(cmd);
        }
        if (variants < 1 || variants > ChatRequest.MAX_VARIANTS) {
            throw new CommandLine.ParameterException(cmd, "--variants must be 1 to " + ChatRequest.MAX_VARIANTS
                    + ", not " + variants + ".");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new CommandLine.ParameterException(cmd, "--max-tokens must be at least 1, not " + maxTokens + ".");
        }
        if (temperature != null && (temperature.isNaN() || temperature < 0 || temperature > 2)) {
            throw new CommandLine.ParameterException(cmd, "--temperature must be between 0 and 2, not "
                    + temperature + ".");
        }
    }

    /** START and END of --rewrite, in order and not empty. */
    private int[] passage(CommandLine cmd) {
        Matcher m = START_END.matcher(rewrite);
        if (!m.matches()) {
            throw new CommandLine.ParameterException(cmd, "--rewrite takes START:END, two character counts from 0 "
                    + "such as 120:348, not “" + rewrite + "”.");
        }
        int start = Integer.parseInt(m.group(1));
        int end = Integer.parseInt(m.group(2));
        if (end <= start) {
            throw new CommandLine.ParameterException(cmd, "--rewrite " + rewrite + " selects nothing: END must come "
                    + "after START.");
        }
        return new int[] {start, end};
    }

    int cannotGenerate(CannotGenerateException e, CommandLine cmd, StorySummary chosen) {
        switch (e.reason()) {
            case NO_SUCH_SCENE:
            case UNKNOWN_PROVIDER:
                throw new CommandLine.ParameterException(cmd, e.getMessage()
                        + (e.reason() == CannotGenerateException.Reason.UNKNOWN_PROVIDER
                        ? " `quire providers` lists them." : ""));
            case NO_PROVIDER:
                cmd.getErr().println("quire: no provider is set up for “" + chosen.title() + "”. Add one with\n"
                        + "  quire provider add NAME --kind anthropic|openai|openai-compatible|ollama --base-url URL\n"
                        + "and make it the default with `quire provider default NAME`, or name one with --provider"
                        + " (a stored profile, or anthropic, openai, openai-compatible, ollama)."
                        + (e.ollamaRunning() ? "\nOllama is running at " + Ollama.DEFAULT_BASE_URL
                        + ": `--provider ollama` generates locally, with no key." : ""));
                return QuireCommand.PROVIDER_PROBLEM;
            default:
                cmd.getErr().println("quire: " + e.getMessage());
                return QuireCommand.PROVIDER_PROBLEM;
        }
    }

    /** Waits for the outcome; Ctrl-C cancels the generation so the library records it as cancelled. */
    private static Generator.Outcome awaitCancellingOnInterrupt(Generator.Running running) {
        return Interruptible.await(running.done(), running::cancel, "generate");
    }

    private int report(Studio studio, Generator.Outcome outcome, Generator.Prepared prepared, StorySummary chosen,
                       Detector detector, PrintWriter out, PrintWriter err) throws Exception {
        List<VariantResult> results = outcome.variants();
        if (json) {
            out.println(json(UsageJson.withCosts(VariantOutcomes.node(outcome,
                    studio.generations().variants(outcome.generationId())), studio), outcome, detector));
        } else {
            err.println(summary(outcome, prepared, chosen));
        }
        boolean failed = false;
        boolean cancelled = false;
        for (VariantResult r : results) {
            String who = results.size() == 1 ? "" : "variant " + Variant.labelFor(r.index()) + ": ";
            String ending = VariantOutcomes.problem(r, prepared, outcome.generationId());
            if (ending != null) {
                failed = true;
                err.println("quire: " + who + ending);
            } else if (r.status() == VariantResult.Status.FAILED) {
                failed = true;
                err.println("quire: " + who + (r.error() == null ? "failed." : r.error().message()));
            } else if (r.status() == VariantResult.Status.INCOMPLETE) {
                failed = true;
                err.println("quire: " + who + "cut off after " + r.text().length() + " characters, which are saved "
                        + "in generation " + outcome.generationId() + ". "
                        + (r.error() == null ? "" : r.error().message()));
            } else if (r.status() == VariantResult.Status.CANCELLED) {
                cancelled = true;
            }
        }
        if (outcome.saveFailure() != null) {
            err.println("quire: " + outcome.saveFailure().getMessage() + " The text shown above is all there is of"
                    + " what could not be saved.");
            return 1;
        }
        if (failed) {
            return QuireCommand.PROVIDER_PROBLEM;
        }
        return cancelled ? QuireCommand.INTERRUPTED : 0;
    }

    private static String summary(Generator.Outcome outcome, Generator.Prepared prepared, StorySummary chosen) {
        String what = switch (prepared.mode()) {
            case CONTINUE -> "continuing scene " + (prepared.scene().orElseThrow().position() + 1)
                    + " from character " + prepared.anchorStart();
            case REWRITE -> "rewriting characters " + prepared.anchorStart() + " to " + prepared.anchorEnd()
                    + " of scene " + (prepared.scene().orElseThrow().position() + 1);
            case SCENE -> prepared.scene().map(s -> "scene " + (s.position() + 1)).orElse("a new scene");
        };
        StringBuilder sb = new StringBuilder("Generation ").append(outcome.generationId()).append(" for “")
                .append(chosen.title()).append("”, ").append(what)
                .append(prepared.frame().builtIn() && prepared.frame().key().equals(prepared.mode().defaultFrame())
                        ? "" : " in the frame “" + prepared.frame().name() + "”")
                .append(", from ").append(prepared.profile().name()).append(" (").append(prepared.model())
                .append("): ");
        List<VariantResult> results = outcome.variants();
        for (int i = 0; i < results.size(); i++) {
            VariantResult r = results.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            if (results.size() > 1) {
                sb.append(Variant.labelFor(r.index())).append(' ');
            }
            sb.append(r.status().writerName().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (r.stopReason() != null) {
                sb.append(" (").append(r.stopReason()).append(')');
            }
        }
        sb.append('.');
        Usage u = outcome.usage();
        if (u.input() != null || u.output() != null) {
            sb.append(" Tokens: ").append(u.input() == null ? "?" : String.format(Locale.ROOT, "%,d", u.input()))
                    .append(" in");
            if (u.cachedInput() != null && u.cachedInput() > 0) {
                sb.append(String.format(Locale.ROOT, " (%,d from the cache)", u.cachedInput()));
            }
            sb.append(", ").append(u.output() == null ? "?" : String.format(Locale.ROOT, "%,d", u.output()))
                    .append(" out.");
        }
        return sb.toString();
    }

    /** The outcome's JSON with each variant's clichés added. */
    static String json(ObjectNode root, Generator.Outcome outcome, Detector detector) throws Exception {
        ArrayNode variants = (ArrayNode) root.get("variants");
        for (int i = 0; i < variants.size(); i++) {
            VariantResult r = outcome.variants().get(i);
            ArrayNode findings = ((ObjectNode) variants.get(i)).putArray("findings");
            for (Finding f : detector.scan(r.text() == null ? "" : r.text())) {
                findings.addObject().put("start", f.start()).put("end", f.end()).put("text", f.text())
                        .put("kind", f.kind().key()).put("rule", f.rule());
            }
        }
        return VariantOutcomes.pretty(root);
    }

    /** Streams text to standard output (plain for one variant, labelled lines for several) and retries to stderr. */
    static final class Printer implements GenerationHandler {
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean labelled;
        private final StringBuilder[] pending;
        private boolean endsWithNewline = true;

        Printer(PrintWriter out, PrintWriter err, int variants) {
            this.out = out;
            this.err = err;
            this.labelled = variants > 1;
            this.pending = new StringBuilder[variants];
            for (int i = 0; i < variants; i++) {
                pending[i] = new StringBuilder();
            }
        }

        @Override
        public synchronized void onText(int variant, String delta) {
            if (out == null) {
                return;
            }
            if (!labelled) {
                out.print(delta);
                out.flush();
                endsWithNewline = delta.endsWith("\n");
                return;
            }
            StringBuilder line = pending[variant];
            line.append(delta);
            int newline;
            while ((newline = line.indexOf("\n")) >= 0) {
                printLine(variant, line.substring(0, newline));
                line.delete(0, newline + 1);
            }
            out.flush();
        }

        private void printLine(int variant, String line) {
            String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            out.println("[" + Variant.labelFor(variant) + "]" + (text.isEmpty() ? "" : " " + text));
        }

        @Override
        public synchronized void onVariantFinished(VariantResult result) {
            if (out == null) {
                return;
            }
            if (labelled) {
                StringBuilder line = pending[result.index()];
                if (line.length() > 0) {
                    printLine(result.index(), line.toString());
                    line.setLength(0);
                }
            } else if (!endsWithNewline) {
                out.println();
                endsWithNewline = true;
            }
            out.flush();
        }

        @Override
        public synchronized void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
            err.println("quire: " + (labelled ? "variant " + Variant.labelFor(variant) + ": " : "") + error.message()
                    + String.format(Locale.ROOT, " Trying again in %.1f s.", delay.toMillis() / 1000.0));
            err.flush();
        }
    }
}
