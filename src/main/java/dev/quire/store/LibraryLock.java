package dev.quire.store;

import dev.quire.store.LibraryOpenException.Problem;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second studio window off a library that one is already editing: two editors autosaving
 * the same scene would overwrite each other. The lock is an OS file lock on a file beside the
 * library, so it is released when the process dies, even by {@code kill -9}. Command-line work is
 * short transactions and needs no lock.
 */
public final class LibraryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private LibraryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static LibraryLock acquire(Path libraryFile) {
        Path lockFile = libraryFile.resolveSibling(libraryFile.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(libraryFile, null);
            }
            return new LibraryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(libraryFile, e);
        } catch (IOException e) {
            closeQuietly(channel);
            // a read-only folder is said as that, with what still works
            ReadOnlyLibrary.refuseIfReadOnly(libraryFile.toAbsolutePath());
            throw new LibraryOpenException(Problem.UNREADABLE, libraryFile,
                    "Quire could not lock " + lockFile + ": " + e.getMessage()
                            + ". Check that the folder can be written.", e);
        }
    }

    private static LibraryOpenException inUse(Path libraryFile, Throwable cause) {
        return new LibraryOpenException(Problem.IN_USE, libraryFile,
                "The library " + libraryFile + " is already open in another Quire window. Switch to that window,"
                        + " or start Quire with --data-dir pointing to another folder.", cause);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS drops the lock with the process anyway
        }
    }
}
