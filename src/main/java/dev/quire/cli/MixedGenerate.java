package dev.quire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.cliche.Detector;
import dev.quire.llm.VariantResult;
import dev.quire.model.StorySummary;
import dev.quire.model.Variant;
import dev.quire.prompt.PromptTooSmallException;
import dev.quire.studio.CannotGenerateException;
import dev.quire.studio.Column;
import dev.quire.studio.GenerationRequest;
import dev.quire.studio.Generator;
import dev.quire.studio.Mix;
import dev.quire.studio.Studio;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code quire generate --column …}: a mixed set, one variant per column, each asked of its own request. */
final class MixedGenerate {

    private MixedGenerate() {
    }

    static int run(GenerateCommand c, CommandLine cmd) throws Exception {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < c.columns.size(); i++) {
            try {
                columns.add(ColumnSpec.parse(c.columns.get(i), Variant.labelFor(i)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage() + " Nothing was sent.");
            }
        }
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        try (Studio studio = c.library.orElse(c.parent.library).open(c.parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, c.story, cmd);
            Generator generator = studio.generator();
            Mix.Prepared mix;
            GenerationRequest set;
            try {
                set = c.request(chosen.id(), cmd);
            } catch (CannotGenerateException e) {
                return c.cannotGenerate(e, cmd, chosen);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
            try {
                mix = generator.prepare(set, columns);
                generator.checkModels(mix);
            } catch (Mix.ColumnException e) {
                return refused(e, cmd);
            }
            for (Generator.Prepared p : mix.requests()) {
                if (p.storedKeyWithheld()) {
                    err.println("quire: the key stored for “" + p.profile().name() + "” is not sent to "
                            + p.profile().baseUrl() + ": a stored key goes only to its profile's own address.");
                }
            }
            GenerateCommand.Printer printer = new GenerateCommand.Printer(c.json ? null : out, err, mix.size());
            Generator.Running running = generator.start(mix, printer, Runnable::run);
            Generator.Outcome outcome = Interruptible.await(running.done(), running::cancel, "generate");
            if (c.json) {
                Detector detector = studio.cliches().detector(chosen.id())
                        .withRecurring(studio.cliches().recurring(chosen.id()));
                ObjectNode root = UsageJson.withCosts(VariantOutcomes.node(outcome,
                        studio.generations().variants(outcome.generationId())), studio);
                ArrayNode variants = (ArrayNode) root.get("variants");
                for (int i = 0; i < variants.size(); i++) {
                    Generator.Prepared p = mix.requests().get(i);
                    ((ObjectNode) variants.get(i)).put("provider", p.profile().name()).put("model", p.model())
                            .put("temperature", p.request().temperature()).put("instruction", p.instruction());
                }
                out.println(GenerateCommand.json(root, outcome, detector));
            } else {
                err.println(summary(outcome, mix, chosen));
            }
            return exit(outcome, mix, err);
        }
    }

    /** A column refused before anything was sent: exit 2 for what the writer typed, 4 for the provider's side. */
    private static int refused(Mix.ColumnException e, CommandLine cmd) {
        Throwable cause = e.getCause();
        boolean typed = cause instanceof PromptTooSmallException ? false
                : cause instanceof CannotGenerateException ce
                ? ce.reason() == CannotGenerateException.Reason.UNKNOWN_PROVIDER
                || ce.reason() == CannotGenerateException.Reason.NO_SUCH_SCENE
                : cause instanceof IllegalArgumentException;
        if (typed) {
            throw new CommandLine.ParameterException(cmd, "--column " + e.getMessage().replaceFirst("^Column ", "")
                    + " Nothing was sent.");
        }
        cmd.getErr().println("quire: column " + e.getMessage().replaceFirst("^Column ", ""));
        return cause instanceof PromptTooSmallException ? cmd.getCommandSpec().exitCodeOnInvalidInput()
                : QuireCommand.PROVIDER_PROBLEM;
    }

    private static String who(Mix.Prepared mix, int index) {
        Generator.Prepared p = mix.requests().get(index);
        return "column " + Variant.labelFor(index) + " (" + p.profile().name() + ", " + p.model() + ")";
    }

    /** 0 when every column completed, 5 when some did and some failed, 4 when none did, 130 when stopped. */
    private static int exit(Generator.Outcome outcome, Mix.Prepared mix, PrintWriter err) {
        int failed = 0;
        int complete = 0;
        boolean cancelled = false;
        for (VariantResult r : outcome.variants()) {
            String problem = VariantOutcomes.problem(r, mix.requests().get(r.index()), outcome.generationId());
            if (problem == null && (r.status() == VariantResult.Status.FAILED
                    || r.status() == VariantResult.Status.INCOMPLETE)) {
                problem = r.error() == null ? "failed." : r.error().message();
            }
            if (problem != null) {
                failed++;
                err.println("quire: " + who(mix, r.index()) + ": " + problem);
            } else if (r.status() == VariantResult.Status.CANCELLED) {
                cancelled = true;
            } else {
                complete++;
            }
        }
        if (outcome.saveFailure() != null) {
            err.println("quire: " + outcome.saveFailure().getMessage() + " The text shown above is all there is of"
                    + " what could not be saved.");
            return 1;
        }
        if (failed > 0) {
            return complete > 0 ? QuireCommand.PARTIAL : QuireCommand.PROVIDER_PROBLEM;
        }
        return cancelled ? QuireCommand.INTERRUPTED : 0;
    }

    private static String summary(Generator.Outcome outcome, Mix.Prepared mix, StorySummary chosen) {
        StringBuilder sb = new StringBuilder("Generation ").append(outcome.generationId()).append(" for “")
                .append(chosen.title()).append("”, a mixed set of ").append(mix.size()).append(": ");
        for (VariantResult r : outcome.variants()) {
            Generator.Prepared p = mix.requests().get(r.index());
            if (r.index() > 0) {
                sb.append("; ");
            }
            sb.append(Variant.labelFor(r.index())).append(' ').append(p.profile().name()).append(" (")
                    .append(p.model()).append(')');
            String diff = mix.columns().get(r.index()).difference();
            if (!diff.isEmpty()) {
                sb.append(' ').append(diff);
            }
            sb.append(' ').append(r.status().writerName().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return sb.append('.').toString();
    }

}
