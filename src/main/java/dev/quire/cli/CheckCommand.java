package dev.quire.cli;

import dev.quire.store.Database;
import dev.quire.studio.Studio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the library's integrity. Exits non-zero, saying what is wrong, when it is not sound.",
                "With --repair, first repairs what can be repaired without guessing: a scene whose stored provenance "
                        + "does not match its text keeps its text exactly, the unmatched part becomes of unknown "
                        + "origin, and its state before is kept as a revision (one transaction per scene)."})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--repair", description = "Repair scenes whose provenance does not match "
            + "their text, keeping a revision of each, then check.")
    boolean repair;

    @Override
    public Integer call() {
        LibraryOptions options = library.orElse(parent.library);
        java.nio.file.Path file = dev.quire.studio.LibraryLocation.libraryFile(options.resolvedDataDir());
        if (!java.nio.file.Files.exists(file)) {
            // checking must not create: a mistyped folder would otherwise pass as a healthy new library
            spec.commandLine().getErr().println("quire: there is no library at " + file
                    + ". Check the folder (--data-dir or QUIRE_HOME); nothing was created.");
            return QuireCommand.LIBRARY_PROBLEM;
        }
        try (Studio studio = repair ? options.open() : options.openForReading()) {
            if (repair) {
                studio.repair().forEach(r -> spec.commandLine().getOut().println("repaired: " + r));
            }
            List<String> problems = studio.check();
            if (problems.isEmpty()) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("ok: %s (schema %d, %s journal, %d stories)%n", studio.database().file(),
                        Database.schemaVersion(), studio.database().journalMode(), studio.stories().list().size());
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("quire: the library " + studio.database().file() + " has " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ":");
            problems.forEach(p -> err.println("  - " + p));
            err.println("Quire has not changed anything. Restore a backup, or keep this file and report the problem.");
            return QuireCommand.LIBRARY_PROBLEM;
        }
    }
}
