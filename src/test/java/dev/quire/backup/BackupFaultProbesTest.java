package dev.quire.backup;

import dev.quire.faults.Faults;
import dev.quire.faults.Fingerprint;
import dev.quire.store.PersistenceException;
import dev.quire.studio.Backups;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Fault suite: backup pointed at its own library by every spelling. */
@Tag("faults")
class BackupFaultProbesTest {

    @TempDir
    Path dir;

    @Test
    void aBackupOverItsOwnLibrary() throws Exception {
        Path data = dir.resolve("d");
        Studio.open(data, Studio.NewLibrary.WITH_SAMPLE, Map.of()).close();
        Path library = LibraryLocation.libraryFile(data);
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), library);
        Fingerprint before = Fingerprint.of(library);
        Faults.record("backup --out the library itself (d/../d/quire.db, a link, its -wal): refused, unchanged", () -> {
            try (Studio studio = Studio.open(data, Studio.NewLibrary.WITH_SAMPLE, Map.of())) {
                for (Path out : new Path[] {dir.resolve("d/../d/quire.db"), link, data.resolve("quire.db-wal")}) {
                    assertThrows(PersistenceException.class, () -> Backups.backUp(studio, out), out.toString());
                }
            }
            assertEquals(before, Fingerprint.of(library));
        });
    }
}
