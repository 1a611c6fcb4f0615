package dev.quire.store;

import dev.quire.store.LibraryOpenException.Problem;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a library that cannot be written from a damaged one, and names the file or folder in the way. The
 * checks ask the OS ({@code access(2)}), which also answers for read-only mounts and immutable files, and open
 * nothing: closing a descriptor on the library would drop SQLite's locks held through another one.
 */
final class ReadOnlyLibrary {

    private static final String[] COMPANIONS = {"-wal", "-shm", "-journal"};

    private ReadOnlyLibrary() {
    }

    /** True when the library, what SQLite keeps beside it, and its folder can all be written. */
    static boolean writable(Path file) {
        return blocker(file) == null;
    }

    static void refuseIfReadOnly(Path file) {
        Path blocker = blocker(file);
        if (blocker == null) {
            return;
        }
        String what;
        if (blocker.equals(file)) {
            what = "The library file " + file + " is read-only, so Quire cannot save to it.";
        } else if (Files.isDirectory(blocker)) {
            what = "The library folder " + blocker + " is read-only, so Quire cannot save the library "
                    + file.getFileName() + " there (SQLite keeps its working files beside the library).";
        } else {
            what = "The file " + blocker + " beside the library is read-only, so Quire cannot save to "
                    + file.getFileName() + ". Make that file writable too.";
        }
        throw new LibraryOpenException(Problem.READ_ONLY, file, what
                + " Nothing is wrong with the library and nothing was changed. Make it writable (check the"
                + " permissions, or whether the drive is mounted read-only), or copy the folder somewhere writable."
                + (Files.exists(file) ? " Reading still works: quire stories and quire check open it read-only." : ""),
                null);
    }

    /** The first thing in the way of writing, or null. */
    private static Path blocker(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (Files.exists(file) && !Files.isWritable(file)) {
            return file;
        }
        for (String suffix : COMPANIONS) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion) && !Files.isWritable(companion)) {
                return companion;
            }
        }
        if (folder != null && Files.isDirectory(folder) && !Files.isWritable(folder)) {
            return folder;
        }
        return null;
    }
}
