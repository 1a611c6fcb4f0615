package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.cliche.Detector;
import dev.quire.cliche.Finding;
import dev.quire.cliche.Recurring;
import dev.quire.model.StorySummary;
import dev.quire.studio.Cliches;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code quire cliches}: stock words, phrases, names and constructions in a file or a story's scenes. */
@Command(name = "cliches", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Find stock words, phrases, names and constructions: in a text file (--file), or in a story's scenes "
                        + "(--story, with --scene for one), where the story's avoid list counts too and what the "
                        + "story allows does not. For a story, also lists the names and stock items its model used in "
                        + "3 of its last 5 generations, and whether the writer kept them.",
                "",
                "With --json prints {\"findings\": [{\"start\": N, \"end\": N, \"text\": \"...\", \"kind\": \"phrase\", "
                        + "\"rule\": \"phrases:...\"}], \"words\": N}. kind is word, phrase, name, construction, "
                        + "avoid (on the story's avoid list) or recurring (a name the model keeps using that the "
                        + "writer never kept). start and end are offsets into the file's text (or the scene's) "
                        + "in UTF-16 code units, as Java and JavaScript count them; end is exclusive. For a story "
                        + "each finding also has \"scene\": N (story order, from 1), and the output adds "
                        + "\"scenes\": [{\"scene\", \"id\", \"title\", \"words\", \"count\"}] and \"recurring\": "
                        + "[{\"text\", \"kind\", \"generations\", \"kept\"}], and \"proposed\": [{\"text\", "
                        + "\"variants\"}]: phrases the writer cut from 3 or more of the model's variants and kept "
                        + "nowhere, proposed for the avoid list (add one with quire avoid).",
                ""},
        footerHeading = "%n",
        footer = "Exit codes: 0 scanned (findings or not), 2 bad options, no such file, story or scene, "
                + "3 the library cannot be used, 1 anything else.")
final class ClichesCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "PATH", description = "A UTF-8 text file to scan.")
    Path file;

    @Option(names = "--story", paramLabel = "TITLE|ID", description = "A story to scan, by title or id.")
    String story;

    @Option(names = "--scene", paramLabel = "N", description = "Only this scene of the story (story order, from 1).")
    Integer scene;

    @Option(names = "--json", description = "Print the findings as JSON (see above).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        if ((file == null) == (story == null)) {
            throw new CommandLine.ParameterException(cmd, "Say what to scan: --file PATH or --story TITLE|ID.");
        }
        if (scene != null && story == null) {
            throw new CommandLine.ParameterException(cmd, "--scene needs --story.");
        }
        return file != null ? scanFile(cmd) : scanStory(cmd);
    }

    private int scanFile(CommandLine cmd) throws Exception {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CommandLine.ParameterException(cmd, file + " is not UTF-8 text.");
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cmd, "Quire cannot read " + file + ": " + e.getMessage());
        }
        List<Finding> findings = Detector.builtIn().scan(text);
        int words = Detector.words(text);
        PrintWriter out = cmd.getOut();
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode array = root.putArray("findings");
            findings.forEach(f -> finding(array.addObject(), f));
            root.put("words", words);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            print(out, findings, text);
            out.println(summary(findings.size(), words));
        }
        return 0;
    }

    private int scanStory(CommandLine cmd) throws Exception {
        if (scene != null && scene < 1) {
            throw new CommandLine.ParameterException(cmd, "--scene counts from 1 in story order, not " + scene + ".");
        }
        PrintWriter out = cmd.getOut();
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            Cliches cliches = studio.cliches();
            int count = studio.scenes().headers(chosen.id()).size();
            if (scene != null && scene > count) {
                throw new CommandLine.ParameterException(cmd, "“" + chosen.title() + "” has " + count
                        + (count == 1 ? " scene" : " scenes") + ", so there is no scene " + scene + ".");
            }
            List<Recurring.Item> recurring = cliches.recurring(chosen.id());
            List<Cliches.SceneScan> scans = cliches.scanScenes(chosen.id(), scene, recurring);
            List<dev.quire.cliche.Proposals.Proposal> proposed = cliches.proposed(chosen.id());
            int words = scans.stream().mapToInt(Cliches.SceneScan::words).sum();
            int total = scans.stream().mapToInt(s -> s.findings().size()).sum();
            if (json) {
                ObjectNode root = JSON.createObjectNode();
                ArrayNode findings = root.putArray("findings");
                ArrayNode scenes = root.putArray("scenes");
                for (Cliches.SceneScan s : scans) {
                    s.findings().forEach(f -> finding(findings.addObject(), f).put("scene", s.number()));
                    scenes.addObject().put("scene", s.number()).put("id", s.sceneId()).put("title", s.title())
                            .put("words", s.words()).put("count", s.findings().size());
                }
                root.put("words", words);
                ArrayNode rec = root.putArray("recurring");
                for (Recurring.Item r : recurring) {
                    rec.addObject().put("text", r.text()).put("kind", r.kind().key())
                            .put("generations", r.generations()).put("kept", r.kept());
                }
                ArrayNode prop = root.putArray("proposed");
                proposed.forEach(p -> prop.addObject().put("text", p.text()).put("variants", p.variants()));
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
                return 0;
            }
            for (Cliches.SceneScan s : scans) {
                out.println("Scene " + s.number() + (s.title().isBlank() ? "" : ": " + s.title()) + " ("
                        + summary(s.findings().size(), s.words()) + ")");
                print(out, s.findings(), null);
            }
            if (!recurring.isEmpty()) {
                out.println("Across the last " + Recurring.WINDOW + " generations:");
                for (Recurring.Item r : recurring) {
                    out.println("  " + r.text() + " (" + r.kind().key() + ") in " + r.generations() + " of "
                            + Recurring.WINDOW + (r.kept() ? ", kept by the writer" : ", never kept"));
                }
            }
            if (!proposed.isEmpty()) {
                out.println("You keep cutting these (proposed for the avoid list):");
                for (dev.quire.cliche.Proposals.Proposal p : proposed) {
                    out.println("  " + p.text() + " (cut from " + p.variants() + " variants)");
                }
            }
            out.println(summary(total, words));
            return 0;
        }
    }

    private static ObjectNode finding(ObjectNode node, Finding f) {
        return node.put("start", f.start()).put("end", f.end()).put("text", f.text()).put("kind", f.kind().key())
                .put("rule", f.rule());
    }

    private static void print(PrintWriter out, List<Finding> findings, String text) {
        for (Finding f : findings) {
            out.println("  " + f.start() + "-" + f.end() + "  " + f.kind().key() + "  “"
                    + f.text().replaceAll("\\s+", " ") + "”  (" + f.rule() + ")");
        }
    }

    private static String summary(int findings, int words) {
        String per = words == 0 ? "" : String.format(java.util.Locale.ROOT, ", %.1f per 1,000 words",
                findings * 1000.0 / words);
        return findings + (findings == 1 ? " finding" : " findings") + " in " + words + (words == 1 ? " word" : " words")
                + per;
    }
}
