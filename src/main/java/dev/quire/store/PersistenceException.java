package dev.quire.store;

import java.sql.SQLException;

/**
 * The one exception the store throws. Its message says what could not be done and why, in words
 * a writer can act on; the SQLite detail stays in the cause.
 */
public class PersistenceException extends RuntimeException {

    public PersistenceException(String message) {
        super(message);
    }

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }

    static PersistenceException wrap(String action, SQLException e) {
        return new PersistenceException("Could not " + action + ": " + reason(e), e);
    }

    /** A plain-words reason for an SQLite failure, with what to do where there is something to do. */
    static String reason(SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("SQLITE_FULL")) {
            return "the disk is full; nothing already saved was lost. Free some space and try again.";
        }
        if (m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED")) {
            return "the library is busy in another program. Try again in a moment.";
        }
        if (m.contains("SQLITE_READONLY")) {
            return "the library file is read-only. Check its permissions.";
        }
        if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB")) {
            return "the library file is damaged. Restore it from a backup.";
        }
        if (m.contains("SQLITE_IOERR") || m.contains("SQLITE_CANTOPEN")) {
            return "the disk reported an error reading or writing the library. Check the drive.";
        }
        return m;
    }
}
