package dev.quire.backup;

import dev.quire.store.PersistenceException;
import dev.quire.studio.Backups;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backup never replaces the library it copies, however the path is spelled (.., a link), and the staging
 * folders an interrupted backup left are swept.
 */
class BackupTargetTest {

    @TempDir
    Path dir;

    private Path dataDir() {
        return dir.resolve("d");
    }

    private Studio open() {
        return Studio.open(dataDir(), Studio.NewLibrary.WITH_SAMPLE, Map.of());
    }

    private void refused(Path out) throws Exception {
        Path library = LibraryLocation.libraryFile(dataDir());
        try (Studio studio = open()) {
            byte[] before = Files.readAllBytes(library);
            long stories = studio.stories().list().size();
            PersistenceException e = assertThrows(PersistenceException.class, () -> Backups.backUp(studio, out));
            assertTrue(e.getMessage().contains("cannot replace the library"), e.getMessage());
            assertEquals(stories, studio.stories().list().size());
            assertArrayEquals(before, Files.readAllBytes(library));
        }
    }

    @Test
    void thePathSpelledWithDotDotIsStillTheLibrary() throws Exception {
        open().close();
        refused(dir.resolve("d/../d/quire.db"));
        refused(dir.resolve("d/./quire.db"));
    }

    @Test
    void aLinkToTheLibraryIsRefused() throws Exception {
        open().close();
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), LibraryLocation.libraryFile(dataDir()));
        refused(link);
        Path folderLink = Files.createSymbolicLink(dir.resolve("also-d"), dataDir());
        refused(folderLink.resolve("quire.db"));
    }

    @Test
    void theLibrarysWriteAheadLogIsNotATarget() throws Exception {
        open().close();
        refused(dataDir().resolve("quire.db-wal"));
    }

    @Test
    void staleStagingFoldersAreSweptByTheNextBackupAndLiveOnesKept() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Path stale = Files.createDirectories(out.resolve(".quire-backup-123456"));
        Files.write(stale.resolve("quire.db"), new byte[1 << 20]);
        Path live = Files.createDirectories(out.resolve(".quire-backup-999999"));
        Path liveLock = live.resolve(".lock");
        try (FileChannel ch = FileChannel.open(liveLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.lock();
             Studio studio = open()) {
            Backups.backUp(studio, out.resolve("copy.db"));
            assertFalse(Files.exists(stale), "the stale staging folder is swept");
            assertTrue(Files.exists(live), "a staging folder in use is left alone");
        }
        try (var files = Files.list(out)) {
            assertEquals(List.of(".quire-backup-999999", "copy.db"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void staleStagingFoldersInTheDataFolderAreSweptAtStartUp() throws Exception {
        open().close();
        Path stale = Files.createDirectories(dataDir().resolve(".quire-restore-42"));
        Files.write(stale.resolve("quire.db"), new byte[4096]);
        Path backupStale = Files.createDirectories(dataDir().resolve(".quire-backup-43"));
        open().close();
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(backupStale));
    }
}
