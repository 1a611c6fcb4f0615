package dev.quire.ui.shell;

import dev.quire.studio.Backups;
import dev.quire.ui.library.RestoreDialog;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Library → Restore from backup…: shows what will be replaced, then hands the choice to the application. */
final class RestoreFlow {

    private record Restorable(List<Backups.Backup> backups, Backups.Contents current) {
    }

    private final Shell shell;
    private final Consumer<Path> restorer;

    /** {@code restorer} puts the chosen backup in place: the application closes and reopens the library. */
    RestoreFlow(Shell shell, Consumer<Path> restorer) {
        this.shell = shell;
        this.restorer = restorer;
    }

    void run() {
        shell.flushAll();
        MainViewModel model = shell.model();
        Path dataDir = model.studio().dataDir();
        Path library = model.studio().database().file();
        model.background().read(() -> new Restorable(Backups.list(dataDir), Backups.describe(library)))
                .onSuccess(r -> new RestoreDialog(shell.window().get(), r.backups(), r.current()).choose()
                        .ifPresent(restorer))
                .onError(e -> shell.dialogs().error("Quire cannot list the backups", e.getMessage(), e))
                .start();
    }
}
