package dev.quire.store;

import java.nio.file.Path;

/** Why a library file could not be opened. The file is never changed when this is thrown. */
public final class LibraryOpenException extends PersistenceException {

    public enum Problem { NOT_A_LIBRARY, CORRUPT, NEWER_VERSION, IN_USE, UNREADABLE, READ_ONLY }

    private final Problem problem;
    private final Path file;

    public LibraryOpenException(Problem problem, Path file, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }
}
