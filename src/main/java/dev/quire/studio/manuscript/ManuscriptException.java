package dev.quire.studio.manuscript;

import java.nio.file.Path;

/**
 * A manuscript could not be read, or a story could not be written out. The message names the file,
 * says what is wrong with it and what to do; nothing in the library has been changed.
 */
public final class ManuscriptException extends RuntimeException {

    private final transient Path file;

    public ManuscriptException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public ManuscriptException(Path file, String message) {
        this(file, message, null);
    }

    /** The file concerned, when there is one. */
    public Path file() {
        return file;
    }
}
