package dev.quire.ui.library;

import dev.quire.model.Story;
import dev.quire.model.StorySummary;
import dev.quire.studio.Backups;
import dev.quire.studio.Studio;
import dev.quire.ui.StudioWindow;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restore from backup in the real window: the library is closed, replaced, kept, and opened again. */
class RestoreWindowTest extends StudioWindow {

    @Test
    void restoringTheDailyBackupPutsTheLibraryBackAndKeepsTheReplacedOne() throws Exception {
        start();
        waitForOpenScene();
        waitUntil("the daily backup is made", () -> Files.exists(Backups.folder(dataDir))
                && Backups.list(dataDir).stream().anyMatch(b -> b.kind() == Backups.Kind.AUTOMATIC));
        // a story added after the backup, from a second connection as the command line would
        try (Studio other = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            other.stories().create(Story.titled("Written after the backup"));
        }
        shortcut(KeyCode.L);
        waitUntil("the library lists both stories", () -> fx(() -> main().library().list().getItems().size()) == 2);

        clickOn("Restore from backup…");
        ListView<?> backups = lookup((ListView<?> l) -> l.getItems().stream()
                .anyMatch(i -> i instanceof Backups.Backup)).query();
        onFx(() -> backups.getSelectionModel().select(0));
        clickOn("Restore");

        waitUntil("the restore is reported", () -> lookup(".status-notice").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText().startsWith("Restored the library from auto-"))
                .orElse(false));
        shortcut(KeyCode.L);
        waitUntil("the library page lists the restored stories", () -> fx(() ->
                main().library().list().getItems().stream().map(StorySummary::title).toList())
                .equals(List.of("The Remarks Column")));
        assertTrue(Backups.list(dataDir).stream().anyMatch(b -> b.kind() == Backups.Kind.BEFORE_RESTORE),
                "the replaced library is kept");
        assertEquals(2, Backups.describe(Backups.list(dataDir).stream()
                .filter(b -> b.kind() == Backups.Kind.BEFORE_RESTORE).findFirst().orElseThrow().file())
                .stories().size(), "the kept library still has the story written after the backup");
    }
}
