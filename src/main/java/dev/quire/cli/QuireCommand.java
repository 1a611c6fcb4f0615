package dev.quire.cli;

import dev.quire.studio.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code quire [--data-dir DIR] [COMMAND ...]}. With no command it opens the studio window
 * through the opener the launcher gives it, so this package never touches the UI.
 */
@Command(name = "quire", mixinStandardHelpOptions = true, versionProvider = QuireCommand.VersionProvider.class,
        description = "Quire: a studio for co-writing fiction with a language model."
                + "%nRun with no command to open the studio; with a command to work headless.",
        subcommands = {StoriesCommand.class, NewStoryCommand.class, CheckCommand.class, GenerateCommand.class,
                ExtendCommand.class,
                ProvidersCommand.class, ProviderCommand.class, ImportCommand.class, ExportCommand.class,
                ImportCardCommand.class, ExportCardCommand.class, BackupCommand.class, PromptCommand.class,
                CheckContinuityCommand.class, CanonCommand.class, SummarizeCommand.class, ChaptersCommand.class,
                ShowSceneCommand.class, ClichesCommand.class, AvoidCommand.class, ComposeCommand.class,
                KeptCommand.class, ImportLoreCommand.class, ExportLoreCommand.class, ImportStoryCommand.class,
                ExportStoryCommand.class, StoryCommand.class, SearchCommand.class, SpellCommand.class,
                UsageCommand.class, PricesCommand.class, CommandLine.HelpCommand.class})
public final class QuireCommand implements Callable<Integer> {

    /** Exit codes beyond picocli's own (0 ok, 1 failure, 2 usage). */
    static final int LIBRARY_PROBLEM = 3;
    /** A provider could not be used, or a variant failed or was cut off (its text so far is saved). */
    static final int PROVIDER_PROBLEM = 4;
    /** A mixed set (--column) in which some columns failed; the others completed and are kept. */
    static final int PARTIAL = 5;
    /** The writer interrupted a generation (Ctrl-C); the text so far is saved. */
    static final int INTERRUPTED = 130;

    @Mixin
    LibraryOptions library;

    private final Consumer<LibraryOptions> openStudio;
    /** Where provider keys, the config folder and provider timeouts are read from. */
    final Map<String, String> env;
    /** Standard input, for {@code provider key}. */
    final InputStream in;
    /** The terminal, when standard input is one: a key is then typed without echo. */
    final Console console;

    QuireCommand(Consumer<LibraryOptions> openStudio) {
        this(openStudio, System.in, System.getenv(), System.console());
    }

    private QuireCommand(Consumer<LibraryOptions> openStudio, InputStream in, Map<String, String> env,
                         Console console) {
        this.openStudio = openStudio;
        this.in = in;
        this.env = Map.copyOf(env);
        this.console = console;
    }

    @Override
    public Integer call() {
        openStudio.accept(library);
        return 0;
    }

    /**
     * Runs the command line. {@code openStudio} is called when no command is given.
     *
     * @return the process exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Consumer<LibraryOptions> openStudio) {
        return run(new QuireCommand(openStudio), args, out, err);
    }

    /**
     * Runs the command line with the given standard input and environment instead of the process's own (for
     * tests and embedding; {@code QUIRE_CONFIG_HOME} in {@code env} says where stored keys live).
     *
     * @return the process exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
                          Consumer<LibraryOptions> openStudio) {
        return run(new QuireCommand(openStudio, Objects.requireNonNull(in, "in"), env, null), args, out, err);
    }

    private static int run(QuireCommand command, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Failures());
        cli.setParameterExceptionHandler(QuireCommand::usageError);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A usage error, said without repeating anything that looks like a secret: a key pasted as an
     * argument by mistake must not land in the terminal's scrollback or a CI log.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine c = e.getCommandLine();
        c.getErr().println("quire: " + withoutSecrets(e.getMessage()));
        c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
        return c.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Replaces long tokens mixing letters and digits (API keys and the like) with a placeholder. */
    static String withoutSecrets(String message) {
        return java.util.regex.Pattern.compile("[-A-Za-z0-9_.]{20,}").matcher(message).replaceAll(m -> {
            String t = m.group();
            boolean letters = t.chars().anyMatch(Character::isLetter);
            boolean digits = t.chars().anyMatch(Character::isDigit);
            return letters && digits ? "[a secret-looking value, not repeated]" : java.util.regex.Matcher.quoteReplacement(t);
        });
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Quire " + Version.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
