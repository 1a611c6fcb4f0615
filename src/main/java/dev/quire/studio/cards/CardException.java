package dev.quire.studio.cards;

import java.nio.file.Path;

/**
 * A character card that cannot be read or written. The message names the file and says what is
 * wrong with it; when it is thrown by an import, nothing has been written to the library.
 */
public final class CardException extends RuntimeException {

    private final transient Path file;

    CardException(Path file, String message) {
        this(file, message, null);
    }

    CardException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The card file this is about, or null for an export that had no file yet. */
    public Path file() {
        return file;
    }
}
