package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.SceneHeader;
import dev.quire.model.StorySummary;
import dev.quire.spell.KnownWords;
import dev.quire.spell.SpellChecks;
import dev.quire.spell.SpellFinding;
import dev.quire.spell.Speller;
import dev.quire.studio.Spelling;
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

/** {@code quire spell}: misspellings (and with grammar on, grammar points) in a file or a story's scenes. */
@Command(name = "spell", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Check spelling: in a text file (--file), or in a story's scenes (--story, with --scene for one), "
                        + "where the story's character names and aliases, lore titles and keywords, its dictionary "
                        + "and your personal dictionary (dictionary.txt in the config folder) count as known. "
                        + "Languages: en-US (the default) and en-GB, and any other whose LanguageTool module is "
                        + "installed.",
                "",
                "With --json prints {\"findings\": [{\"start\": N, \"end\": N, \"text\": \"...\", \"kind\": "
                        + "\"spelling\", \"message\": \"...\", \"suggestions\": [\"...\"]}], \"language\": \"en-US\"}. "
                        + "kind is spelling, or grammar when grammar checking is on (--grammar, or the library's "
                        + "setting). start and end are offsets into the file's text (or the scene's) in UTF-16 code "
                        + "units, as in show-scene; end is exclusive. For a story each finding also has "
                        + "\"scene\": N (story order, from 1).",
                ""},
        footerHeading = "%n",
        footer = "Exit codes: 0 checked (findings or not), 2 bad options, no such file, story, scene or language, "
                + "3 the library cannot be used, 1 anything else.")
final class SpellCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "PATH", description = "A UTF-8 text file to check.")
    Path file;

    @Option(names = "--story", paramLabel = "TITLE|ID", description = "A story to check, by title or id.")
    String story;

    @Option(names = "--scene", paramLabel = "N", description = "Only this scene of the story (story order, from 1).")
    Integer scene;

    @Option(names = "--language", paramLabel = "CODE",
            description = "The language to check a file in (en-US unless given). For a story, sets its language.")
    String language;

    @Option(names = "--add", paramLabel = "WORD", description = "Adds a word to the story's dictionary first.")
    List<String> add = List.of();

    @Option(names = "--grammar", description = "Grammar and style points too, whatever the library's setting.")
    boolean grammar;

    @Option(names = "--json", description = "Print the findings as JSON (see above).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        if ((file == null) == (story == null)) {
            throw new CommandLine.ParameterException(cmd, "Say what to check: --file PATH or --story TITLE|ID.");
        }
        if (story == null && (scene != null || !add.isEmpty())) {
            throw new CommandLine.ParameterException(cmd, "--scene and --add need --story.");
        }
        if (language != null && !Speller.languages().contains(language)) {
            throw new CommandLine.ParameterException(cmd, "No spell checker for “" + language + "” is installed; "
                    + "available: " + String.join(", ", Speller.languages()) + ".");
        }
        return file != null ? checkFile(cmd) : checkStory(cmd);
    }

    private int checkFile(CommandLine cmd) throws Exception {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CommandLine.ParameterException(cmd, file + " is not UTF-8 text.");
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cmd, "Quire cannot read " + file + ": " + e.getMessage());
        }
        String lang = language == null ? Speller.DEFAULT_LANGUAGE : language;
        Speller speller = Speller.load(lang);
        SpellChecks checks = new SpellChecks();
        List<SpellFinding> found = checks.run(checks.ask(), text,
                p -> speller.check(p, KnownWords.NONE, grammar)).orElseThrow().findings();
        PrintWriter out = cmd.getOut();
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode array = root.putArray("findings");
            found.forEach(f -> finding(array.addObject(), f));
            root.put("language", lang);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            found.forEach(f -> print(out, f));
            out.println(count(found.size()) + " (" + lang + ")");
        }
        return 0;
    }

    private int checkStory(CommandLine cmd) throws Exception {
        if (scene != null && scene < 1) {
            throw new CommandLine.ParameterException(cmd, "--scene counts from 1 in story order, not " + scene + ".");
        }
        PrintWriter out = cmd.getOut();
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            List<SceneHeader> headers = studio.scenes().headers(chosen.id());
            if (scene != null && scene > headers.size()) {
                throw new CommandLine.ParameterException(cmd, "“" + chosen.title() + "” has " + headers.size()
                        + (headers.size() == 1 ? " scene" : " scenes") + ", so there is no scene " + scene + ".");
            }
            Spelling spelling = studio.spelling();
            if (language != null) {
                spelling.setLanguage(chosen.id(), language);
            }
            add.forEach(w -> spelling.addToStory(chosen.id(), w));
            String lang = spelling.language(chosen.id());
            Speller speller = spelling.speller(lang);
            KnownWords known = spelling.known(chosen.id());
            boolean withGrammar = grammar || spelling.grammar();
            ObjectNode root = JSON.createObjectNode();
            ArrayNode array = root.putArray("findings");
            int total = 0;
            for (int i = 0; i < headers.size(); i++) {
                if (scene != null && scene != i + 1) {
                    continue;
                }
                SceneHeader h = headers.get(i);
                String text = studio.scenes().get(h.id()).orElseThrow().prose().text();
                SpellChecks checks = new SpellChecks();
                List<SpellFinding> found = checks.run(checks.ask(), text,
                        p -> speller.check(p, known, withGrammar)).orElseThrow().findings();
                total += found.size();
                if (json) {
                    int number = i + 1;
                    found.forEach(f -> finding(array.addObject(), f).put("scene", number));
                } else {
                    out.println("Scene " + (i + 1) + (h.title().isBlank() ? "" : ": " + h.title()) + " ("
                            + count(found.size()) + ")");
                    found.forEach(f -> print(out, f));
                }
            }
            if (json) {
                root.put("language", lang);
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                out.println(count(total) + " (" + lang + ")");
            }
            return 0;
        }
    }

    private static ObjectNode finding(ObjectNode node, SpellFinding f) {
        node.put("start", f.start()).put("end", f.end()).put("text", f.text())
                .put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT)).put("message", f.message());
        ArrayNode s = node.putArray("suggestions");
        f.suggestions().forEach(s::add);
        return node;
    }

    private static void print(PrintWriter out, SpellFinding f) {
        out.println("  " + f.start() + "-" + f.end() + "  “" + f.text() + "”"
                + (f.suggestions().isEmpty() ? "" : " → " + String.join(", ", f.suggestions()))
                + (f.kind() == SpellFinding.Kind.GRAMMAR ? "  (" + f.message() + ")" : ""));
    }

    private static String count(int n) {
        return n == 1 ? "1 finding" : n + " findings";
    }
}
