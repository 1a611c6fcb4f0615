package dev.quire.studio.lorebooks;

import java.nio.file.Path;

/** A lorebook that cannot be read or written; the message names the file and what is wrong. Nothing was written. */
public final class LorebookException extends RuntimeException {

    private final transient Path file;

    LorebookException(Path file, String message) {
        this(file, message, null);
    }

    LorebookException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
