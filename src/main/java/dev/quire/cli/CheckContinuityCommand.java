package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.Finding;
import dev.quire.model.SceneHeader;
import dev.quire.model.StorySummary;
import dev.quire.studio.CannotGenerateException;
import dev.quire.studio.ContinuityCheck;
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
import java.util.concurrent.CompletionException;

@Command(name = "check-continuity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Ask the model which words of a scene contradict what the story has established: its canon "
                        + "(quire canon), the sheets of the characters in the scene (never their private notes), "
                        + "and the summaries of the earlier scenes, stale ones marked as such.",
                "",
                "Each finding quotes the scene, says what it contradicts, and names the source (\"canon 3\", "
                        + "\"scene 12\", \"Mara's sheet\"). Findings dismissed in the studio are not listed. The "
                        + "request and the answer are kept in the library like any generation. Nothing in the "
                        + "scene is changed.",
                ""},
        footerHeading = "%n",
        footer = {
                "JSON (--json):",
                "  {\"scene\": N, \"findings\": [{\"quote\": \"…\", \"conflict\": \"…\",",
                "    \"source\": \"canon 3\", \"start\": 120, \"end\": 160}]}",
                "  start and end count UTF-16 code units from 0 in the scene's text (end",
                "  not included); both are null when the quote is not in the scene.",
                "",
                "Exit codes:",
                "  0    the check ran, whether or not it found contradictions",
                "  2    bad options, or no such story or scene",
                "  3    the library cannot be used",
                "  4    no usable provider, the request failed, or the answer could not",
                "       be read (it is kept in the library)",
                "  130  interrupted with Ctrl-C",
                "  1    anything else"})
final class CheckContinuityCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--scene", required = true, paramLabel = "N", description = "The scene to check, in story order "
            + "from 1.")
    int scene;

    @Option(names = "--provider", paramLabel = "NAME",
            description = "A stored profile (quire providers), or anthropic, openai, openai-compatible or ollama. "
                    + "Default: the story's provider, else the library's default.")
    String provider;

    @Option(names = "--model", paramLabel = "M", description = "Model id. Default: the profile's default model.")
    String model;

    @Option(names = "--stereotypes", description = "Look for stereotypes instead: default names, all-knowing "
            + "geniuses, explainer characters and stock reactions (source is the kind). Same output.")
    boolean stereotypes;

    @Option(names = "--json", description = "Print the findings as JSON (shape below).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        if (scene < 1) {
            throw new CommandLine.ParameterException(cmd, "--scene counts from 1 in story order, not " + scene + ".");
        }
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            List<SceneHeader> scenes = studio.scenes().headers(chosen.id());
            if (scene > scenes.size()) {
                throw new CommandLine.ParameterException(cmd, "“" + chosen.title() + "” has " + scenes.size()
                        + (scenes.size() == 1 ? " scene" : " scenes") + ", so there is no scene " + scene + "."
                        + (scenes.isEmpty() ? "" : " Choose one from 1 to " + scenes.size() + "."));
            }
            ContinuityCheck.Running running;
            try {
                running = studio.continuity().start(new ContinuityCheck.Request(scenes.get(scene - 1).id(),
                        provider, model, stereotypes ? ContinuityCheck.Lens.STEREOTYPE
                        : ContinuityCheck.Lens.CONTINUITY));
            } catch (CannotGenerateException e) {
                return switch (e.reason()) {
                    case NO_SUCH_SCENE, NO_SUCH_STORY, UNKNOWN_PROVIDER -> throw new CommandLine.ParameterException(
                            cmd, e.getMessage() + (e.reason() == CannotGenerateException.Reason.UNKNOWN_PROVIDER
                            ? " `quire providers` lists them." : ""));
                    case NO_PROVIDER, UNUSABLE_PROVIDER, BAD_SETTING -> {
                        cmd.getErr().println("quire: " + e.getMessage());
                        yield QuireCommand.PROVIDER_PROBLEM;
                    }
                };
            }
            cmd.getErr().println("Checking scene " + scene + " of “" + chosen.title() + "” against its canon, "
                    + "cast and earlier scenes…");
            cmd.getErr().flush();
            ContinuityCheck.Report report;
            try {
                report = awaitCancellingOnInterrupt(running);
            } catch (CompletionException e) {
                if (e.getCause() instanceof ContinuityCheck.CheckFailedException failed) {
                    cmd.getErr().println("quire: " + failed.getMessage());
                    return failed.reason() == ContinuityCheck.CheckFailedException.Reason.CANCELLED
                            ? QuireCommand.INTERRUPTED : QuireCommand.PROVIDER_PROBLEM;
                }
                throw e;
            }
            print(report, cmd.getOut(), cmd.getErr());
            return 0;
        }
    }

    private void print(ContinuityCheck.Report report, PrintWriter out, PrintWriter err) throws Exception {
        if (json) {
            out.println(json(report));
        } else if (report.findings().isEmpty()) {
            out.println("No " + (stereotypes ? "stereotypes" : "contradictions") + " found in scene " + report.scene()
                    + ".");
        } else {
            int n = 0;
            for (Finding f : report.findings()) {
                out.println((n++ > 0 ? "\n" : "") + "“" + f.quote() + "”" + (f.located() ? "  (characters "
                        + f.start() + "–" + f.end() + ")" : "  (not found in the scene as quoted)"));
                out.println("  contradicts " + (f.source().isBlank() ? "what was established" : f.source()) + ": "
                        + f.conflict());
            }
        }
        int dismissed = report.dismissed().size();
        err.println(count(report.findings().size(), "finding") + " in scene " + report.scene()
                + (dismissed == 0 ? "" : ", and " + dismissed + " dismissed before, not listed") + ". Kept as "
                + "generation " + report.generationId() + ".");
    }

    static String json(ContinuityCheck.Report report) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("scene", report.scene());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            findings.addObject().put("quote", f.quote()).put("conflict", f.conflict()).put("source", f.source())
                    .put("start", f.start()).put("end", f.end());
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Waits for the report; Ctrl-C stops the check so the library records it as cancelled. */
    private static ContinuityCheck.Report awaitCancellingOnInterrupt(ContinuityCheck.Running running) {
        return Interruptible.await(running.done(), running::cancel, "continuity");
    }
}
