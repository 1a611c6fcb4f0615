package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.studio.Backups;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "backup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Copy the library to FILE with SQLite's online backup (safe while the studio is open and "
                        + "writing), check the copy as `quire check` would, and print its path and size.",
                "",
                "`quire backup list` shows the backups Quire keeps in the data folder; `quire backup restore "
                        + "FILE` puts one back."},
        subcommands = {BackupCommand.ListBackups.class, BackupCommand.RestoreBackup.class},
        footerHeading = "%n",
        footer = {"Exit codes:",
                "  0  the copy is written and checks out",
                "  1  it could not be made, or did not check out (FILE is unchanged)",
                "  2  bad options",
                "  3  there is no library, or it cannot be used"})
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the copy; an existing file is replaced.")
    Path out;

    @Option(names = "--json", description = "Print {\"file\", \"bytes\", \"stories\", \"scenes\", \"words\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        if (out == null) {
            throw new CommandLine.ParameterException(cmd, "Say where to write the backup: quire backup --out FILE.");
        }
        LibraryOptions options = library.orElse(parent.library);
        if (!existing(options, cmd)) {
            return QuireCommand.LIBRARY_PROBLEM;
        }
        Backups.Contents copy;
        try (Studio studio = options.open()) {
            copy = Backups.backUp(studio, out);
        }
        PrintWriter o = cmd.getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            o.println(mapper.writeValueAsString(mapper.createObjectNode().put("file", copy.file().toString())
                    .put("bytes", copy.bytes()).put("stories", copy.stories().size()).put("scenes", copy.scenes())
                    .put("words", copy.words())));
        } else {
            o.printf("%s  (%s; %s, %,d words; checked)%n", copy.file(), size(copy.bytes()),
                    plural(copy.stories().size(), "story", "stories"), copy.words());
        }
        return 0;
    }

    /** Backing up, listing or restoring must not create a library where there is none. */
    static boolean existing(LibraryOptions options, CommandLine cmd) {
        Path file = LibraryLocation.libraryFile(options.resolvedDataDir());
        if (Files.exists(file)) {
            return true;
        }
        cmd.getErr().println("quire: there is no library at " + file
                + ". Check the folder (--data-dir or QUIRE_HOME); nothing was created.");
        return false;
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%,d KB", (bytes + 1023) / 1024);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String plural(int n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the backups in the data folder's backups folder, newest first, with what each holds.")
    static final class ListBackups implements Callable<Integer> {

        @ParentCommand
        BackupCommand backup;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print a JSON array of {file, kind, taken, bytes, stories, words,"
                + " problem}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Path dataDir = library.orElse(backup.library.orElse(backup.parent.library)).resolvedDataDir();
            PrintWriter o = spec.commandLine().getOut();
            var backups = Backups.list(dataDir);
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ArrayNode array = mapper.createArrayNode();
                for (Backups.Backup b : backups) {
                    ObjectNode n = array.addObject().put("file", b.file().toString())
                            .put("kind", b.kind().name().toLowerCase(Locale.ROOT)).put("taken", b.taken().toString())
                            .put("bytes", b.bytes());
                    if (b.readable()) {
                        n.put("stories", b.contents().stories().size()).put("words", b.contents().words());
                    } else {
                        n.put("problem", b.problem());
                    }
                }
                o.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            } else if (backups.isEmpty()) {
                o.println("There are no backups in " + Backups.folder(dataDir) + " yet. Make one with:"
                        + " quire backup --out FILE");
            } else {
                for (Backups.Backup b : backups) {
                    String what = b.readable()
                            ? plural(b.contents().stories().size(), "story", "stories") + ", "
                            + String.format(Locale.ROOT, "%,d words", b.contents().words())
                            : "unreadable: " + b.problem();
                    o.printf("%s  %-14s  %9s  %s  %s%n", b.taken(), b.kind().name().toLowerCase(Locale.ROOT),
                            size(b.bytes()), b.file().getFileName(), what);
                }
            }
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Replace the library with a backup, after checking the backup and keeping the library "
                    + "as it is now in backups/before-restore-….db.",
                    "Refused while the library is open in a studio window: close it there first."})
    static final class RestoreBackup implements Callable<Integer> {

        @ParentCommand
        BackupCommand backup;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The backup to restore.")
        Path file;

        @Override
        public Integer call() {
            Path dataDir = library.orElse(backup.library.orElse(backup.parent.library)).resolvedDataDir();
            Backups.Restored restored = Backups.restore(file, dataDir);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Restored %s: %s, %,d words.%n", restored.library(),
                    plural(restored.contents().stories().size(), "story", "stories"), restored.contents().words());
            if (restored.previous() != null) {
                o.println("The library as it was is kept as " + restored.previous() + ".");
            }
            return 0;
        }
    }
}
