package dev.quire.studio;

import dev.quire.store.PersistenceException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A staging folder beside a file being replaced (a backup's target, a library being restored), where the new
 * copy is made and checked before it is moved into place. The process working in one holds an OS lock on its
 * {@code .lock} file, which dies with the process even by {@code kill -9}, so a staging folder nobody holds is
 * left over from an interrupted run and is swept.
 */
final class Staging implements AutoCloseable {

    static final String BACKUP = ".quire-backup-";
    static final String RESTORE = ".quire-restore-";
    private static final String LOCK = ".lock";

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private Staging(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    static Staging create(Path parent, String prefix, String action) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory(parent, prefix);
            FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            return new Staging(folder, channel, channel.lock());
        } catch (IOException e) {
            if (folder != null) {
                deleteTree(folder);
            }
            throw new PersistenceException("Could not " + action + " in " + parent + ": " + e.getMessage(), e);
        }
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the folder goes anyway
        }
        deleteTree(folder);
    }

    /** Deletes the staging folders in {@code parent} that no running Quire holds; never throws. */
    static void sweep(Path parent) {
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent,
                e -> {
                    String name = e.getFileName().toString();
                    return (name.startsWith(BACKUP) || name.startsWith(RESTORE))
                            && Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS);
                })) {
            for (Path stage : entries) {
                if (!held(stage)) {
                    deleteTree(stage);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // sweeping is housekeeping: it never stands in the way of the work
        }
    }

    private static boolean held(Path stage) {
        Path lockFile = stage.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = ch.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held in this very process
        } catch (IOException e) {
            return true; // cannot tell: leave it
        }
    }

    /**
     * Whether {@code candidate}, however spelled (.., links), is the library or a file SQLite keeps beside it,
     * which a backup must never replace.
     */
    static boolean isLibraryOrBeside(Path candidate, Path library) {
        Path c = candidate.toAbsolutePath().normalize();
        Path lib = library.toAbsolutePath().normalize();
        try {
            if (Files.exists(c) && Files.exists(lib) && Files.isSameFile(c, lib)) {
                return true;
            }
            Path cFolder = c.getParent() == null ? null : realFolder(c.getParent());
            Path libFolder = realFolder(lib.getParent());
            if (cFolder == null || libFolder == null || !cFolder.equals(libFolder)) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        String name = c.getFileName().toString();
        String libName = lib.getFileName().toString();
        return name.equals(libName) || name.equals(libName + "-wal") || name.equals(libName + "-shm")
                || name.equals(libName + "-journal");
    }

    private static Path realFolder(Path folder) throws IOException {
        return Files.isDirectory(folder) ? folder.toRealPath() : null;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless, and the next sweep tries again
        }
    }
}
