package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.Composition.Placement;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.SceneHeader;
import dev.quire.model.StorySummary;
import dev.quire.stitch.Shares;
import dev.quire.studio.Composer;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "compose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Stitch a composition from one generation's variants and your own words, as the stitching pane does, "
                        + "print it with where each passage came from and each source's share, and with --accept put "
                        + "it into the scene.",
                "",
                "Pieces are joined in the order given: --take B:120-480 takes characters 120 to 480 of variant B "
                        + "(offsets in UTF-16 code units, END exclusive, as 'quire show-scene --json' counts them), "
                        + "--write \"TEXT\" adds your own words. A passage keeps its variant's letter, id, provider "
                        + "and model; your words are yours.",
                "",
                "--accept puts the composition into the scene as the pane's Accept does, in one transaction, keeping "
                        + "the text it replaces and the result as revisions: --replace replaces the whole scene, "
                        + "--at POS inserts it at character POS. A scene with text needs one of them. A bad label, an "
                        + "offset outside the variant, or an unknown generation changes nothing.",
                "",
                "With --json prints {\"text\": \"...\", \"spans\": [{\"start\": N, \"end\": N, \"source\": "
                        + "\"variant:ID\", \"label\": \"B\", \"variant\": ID, \"generation\": N, \"provider\": "
                        + "\"...\", \"model\": \"...\"}, {\"start\": N, \"end\": N, \"source\": \"writer\"}], "
                        + "\"shares\": [{\"source\": \"writer\", \"characters\": N, \"percent\": N}, {\"source\": "
                        + "\"B\", ...}], \"accepted\": false}; shares count characters that are not white space, "
                        + "and their percents add up to 100.",
                ""},
        footerHeading = "%n",
        footer = "Exit codes: 0 composed (and accepted), 2 bad options, no such story, scene, generation or variant, or "
                + "an offset outside the variant, 3 the library cannot be used, 1 anything else.")
final class ComposeCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TAKE = Pattern.compile("([A-Za-z]{1,2}|V\\d+):(\\d{1,9})-(\\d{1,9})");

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--scene", required = true, paramLabel = "N", description = "The scene (story order, from 1).")
    int scene;

    @Option(names = "--generation", required = true, paramLabel = "ID",
            description = "The generation whose variants are taken from (its id, as show-scene --json lists it).")
    long generation;

    @Option(names = "--take", paramLabel = "LABEL:START-END",
            description = "A passage of a variant: its letter and the characters START to END of its text.")
    List<String> takes = new ArrayList<>();

    @Option(names = "--write", paramLabel = "TEXT", description = "Your own words, between passages.")
    List<String> writes = new ArrayList<>();

    @Option(names = "--accept", description = "Put the composition into the scene, keeping a revision.")
    boolean accept;

    @Option(names = "--replace", description = "With --accept: the composition replaces the scene's whole text.")
    boolean replace;

    @Option(names = "--at", paramLabel = "POS", description = "With --accept: insert the composition at character "
            + "POS of the scene's text.")
    Integer at;

    @Option(names = "--json", description = "Print the composition, its spans and shares as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        if (scene < 1) {
            throw new CommandLine.ParameterException(cmd, "--scene counts from 1 in story order, not " + scene + ".");
        }
        if ((replace || at != null) && !accept) {
            throw new CommandLine.ParameterException(cmd, "--replace and --at say where --accept puts the "
                    + "composition; add --accept, or leave them out to only see it.");
        }
        if (replace && at != null) {
            throw new CommandLine.ParameterException(cmd, "Give --replace or --at, not both.");
        }
        List<Composer.Piece> pieces = pieces(cmd);
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            List<SceneHeader> scenes = studio.scenes().headers(chosen.id());
            if (scene > scenes.size()) {
                throw new CommandLine.ParameterException(cmd, "“" + chosen.title() + "” has " + scenes.size()
                        + (scenes.size() == 1 ? " scene" : " scenes") + ", so there is no scene " + scene + ".");
            }
            long sceneId = scenes.get(scene - 1).id();
            Prose composed;
            try {
                composed = Composer.compose(studio, chosen.id(), generation, pieces);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
            if (accept) {
                accept(cmd, studio, sceneId, composed);
            }
            print(cmd.getOut(), composed, ShowSceneCommand.origins(studio, chosen.id()));
            return 0;
        }
    }

    private void accept(CommandLine cmd, Studio studio, long sceneId, Prose composed) {
        Scene current = studio.scenes().get(sceneId).orElseThrow();
        int length = current.prose().text().length();
        if (at != null) {
            if (at < 0 || at > length) {
                throw new CommandLine.ParameterException(cmd, "The scene is " + length + " characters long, so --at "
                        + at + " is not in it: give 0 to " + length + ".");
            }
            studio.stitching().accept(sceneId, composed, Placement.AT_CURSOR, at, at);
        } else if (replace || current.prose().text().isBlank()) {
            studio.stitching().accept(sceneId, composed, Placement.REPLACE_SCENE, 0, 0);
        } else {
            throw new CommandLine.ParameterException(cmd, "The scene has text: say where the composition goes, "
                    + "--replace (the whole scene; its text stays among its revisions) or --at POS.");
        }
    }

    private void print(PrintWriter out, Prose composed, java.util.Map<Long,
            dev.quire.store.GenerationRepository.VariantOrigin> origins) throws Exception {
        List<Shares.Share> shares = Shares.of(composed);
        if (!json) {
            out.print(composed.text());
            if (!composed.text().endsWith("\n")) {
                out.println();
            }
            out.println();
            out.println(Shares.describe(shares) + (accept ? " · accepted into the scene" : ""));
            return;
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("text", composed.text());
        ShowSceneCommand.spans(root, composed, origins);
        ArrayNode list = root.putArray("shares");
        for (Shares.Share s : shares) {
            list.addObject().put("source", s.source().isWriter() ? "writer" : s.source().label())
                    .put("characters", s.characters()).put("percent", s.percent());
        }
        root.put("accepted", accept);
        out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** --take and --write in the order they were given, which picocli keeps per option only. */
    private List<Composer.Piece> pieces(CommandLine cmd) {
        List<Composer.Piece> pieces = new ArrayList<>();
        List<String> args = cmd.getParseResult().originalArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = arg.contains("=");
            if (!name.equals("--take") && !name.equals("--write")) {
                if (isValued(name) && !inline) {
                    i++;
                }
                continue;
            }
            String value = inline ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : "";
            if (name.equals("--write")) {
                pieces.add(new Composer.Write(value));
                continue;
            }
            Matcher m = TAKE.matcher(value.strip());
            if (!m.matches()) {
                throw new CommandLine.ParameterException(cmd, "--take " + value + " is not LABEL:START-END, such as "
                        + "B:120-480.");
            }
            pieces.add(new Composer.Take(m.group(1).toUpperCase(java.util.Locale.ROOT), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        }
        return pieces;
    }

    /** Whether an option of this command (or the library options) takes a value, so its value is not read as one. */
    private boolean isValued(String name) {
        CommandLine.Model.OptionSpec option = spec.findOption(name);
        return option != null && option.arity().max() > 0;
    }
}
