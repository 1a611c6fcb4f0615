package dev.quire.cli;

import dev.quire.studio.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code quire [--data-dir DIR] [COMMAND ...]}. With no command it opens the studio window
 * through the opener the launcher gives it, so this package never touches the UI.
 */
@Command(name = "quire", mixinStandardHelpOptions = true, versionProvider = QuireCommand.VersionProvider.class,
        description = "Quire: a studio for co-writing fiction with a language model."
                + "%nRun with no command to open the studio; with a command to work headless.",
        subcommands = {StoriesCommand.class, NewStoryCommand.class, CheckCommand.class,
                CommandLine.HelpCommand.class})
public final class QuireCommand implements Callable<Integer> {

    /** Exit codes beyond picocli's own (0 ok, 1 failure, 2 usage). */
    static final int LIBRARY_PROBLEM = 3;

    @Mixin
    LibraryOptions library;

    private final Consumer<LibraryOptions> openStudio;

    QuireCommand(Consumer<LibraryOptions> openStudio) {
        this.openStudio = openStudio;
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
        CommandLine cli = new CommandLine(new QuireCommand(openStudio));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Failures());
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Quire " + Version.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
