package dev.quire.store;

import dev.quire.store.LibraryOpenException.Problem;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * An open library file. Before anything is written, the file is checked through a read-only
 * connection: it must be an SQLite database carrying Quire's application id, undamaged, and of a
 * schema version this build knows. Only then is it opened for writing, switched to WAL and
 * migrated.
 *
 * <p>One connection serves the whole process; {@link #read} and {@link #write} take turns on it,
 * and every {@link #write} is one transaction.
 */
public final class Database implements AutoCloseable {

    /** "QUIR" in ASCII, stored in the SQLite header so a Quire library can be told from any other database. */
    public static final int APPLICATION_ID = 0x51554952;

    static final int BUSY_TIMEOUT_MS = 5_000;

    static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final boolean readOnly;

    private Database(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** The schema version this build writes. */
    public static int schemaVersion() {
        return Migrations.latest();
    }

    /**
     * Opens (or creates) the library at {@code file}.
     *
     * @throws LibraryOpenException when the file is not a Quire library, is damaged, comes from a newer Quire,
     *                              or cannot be written (a read-only file or folder); the file is left exactly
     *                              as it was
     */
    public static Database open(Path file) {
        return open(file, created -> {
        });
    }

    /**
     * As {@link #open(Path)}; when this call is the one that creates the library, {@code onCreate} runs inside the
     * same exclusive transaction that made its schema, so that of several processes opening a new library at once
     * exactly one creates it and seeds it, and the others see it whole.
     */
    public static Database open(Path file, Consumer<Database> onCreate) {
        Path absolute = file.toAbsolutePath();
        ReadOnlyLibrary.refuseIfReadOnly(absolute);
        inspect(absolute, false);
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new LibraryOpenException(Problem.UNREADABLE, absolute,
                    "Quire could not create the folder " + absolute.getParent() + ": " + e.getMessage()
                            + ". Check that it can be written, or choose another folder with --data-dir.", e);
        }
        ReadOnlyLibrary.refuseIfReadOnly(absolute);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        // every write takes the write lock when it begins: no deadlock upgrading a read, and creating a new
        // library is one exclusive step
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + absolute);
            Database db = new Database(absolute, c, false);
            try {
                db.migrate(onCreate);
            } catch (RuntimeException | SQLException e) {
                c.close();
                throw e;
            }
            return db;
        } catch (SQLException e) {
            throw new LibraryOpenException(Problem.UNREADABLE, absolute,
                    "Quire could not open the library " + absolute + ": " + PersistenceException.reason(e), e);
        }
    }

    /**
     * Opens an existing library for reading only, even where it cannot be written (a read-only folder or file,
     * read-only media): nothing is created beside it and nothing in it changes. Writes through it fail.
     */
    public static Database openReadOnly(Path file) {
        Path absolute = file.toAbsolutePath();
        if (!Files.exists(absolute)) {
            throw new LibraryOpenException(Problem.UNREADABLE, absolute,
                    "There is no library at " + absolute + ". Check the folder; nothing was created.", null);
        }
        boolean immutable = !ReadOnlyLibrary.writable(absolute);
        inspect(absolute, immutable);
        try {
            return new Database(absolute, readOnlyConnection(absolute, immutable), true);
        } catch (SQLException e) {
            throw new LibraryOpenException(Problem.UNREADABLE, absolute,
                    "Quire could not read the library " + absolute + ": " + PersistenceException.reason(e), e);
        }
    }

    /**
     * A connection that writes nothing. {@code immutable} tells SQLite the file cannot change while it is open,
     * so it needs no {@code -shm} beside it: the way to read a library in a folder that cannot be written.
     */
    private static Connection readOnlyConnection(Path file, boolean immutable) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        if (immutable) {
            config.setOpenMode(SQLiteOpenMode.OPEN_URI);
            return config.createConnection("jdbc:sqlite:" + file.toUri() + "?immutable=1");
        }
        return config.createConnection("jdbc:sqlite:" + file);
    }

    /** Checks an existing file without changing it; a missing or empty file is a new library. */
    private static void inspect(Path file, boolean immutable) {
        if (!Files.exists(file)) {
            return;
        }
        long size;
        byte[] header = new byte[SQLITE_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new LibraryOpenException(Problem.UNREADABLE, file,
                    "Quire cannot read " + file + ": " + e.getMessage() + ". Check the file's permissions.", e);
        }
        if (size == 0) {
            return;
        }
        if (read < header.length || !Arrays.equals(header, SQLITE_MAGIC)) {
            throw notALibrary(file, "it is not an SQLite database");
        }
        try (Connection c = readOnlyConnection(file, immutable)) {
            int applicationId = intQuery(c, "PRAGMA application_id");
            int version = intQuery(c, "PRAGMA user_version");
            int tables = intQuery(c, "SELECT count(*) FROM sqlite_master");
            if (applicationId != APPLICATION_ID && (applicationId != 0 || tables > 0)) {
                throw notALibrary(file, "it is an SQLite database of another program");
            }
            if (version > schemaVersion()) {
                throw newer(file, version);
            }
            String first = Statements.one(c, "PRAGMA quick_check", rs -> rs.getString(1)).orElse("no answer");
            if (!"ok".equals(first)) {
                throw corrupt(file, first, null);
            }
        } catch (SQLException e) {
            if (damaged(e)) {
                throw corrupt(file, PersistenceException.reason(e), e);
            }
            // busy, locked, unreadable: nothing says the file is damaged, so never advise a restore
            throw new LibraryOpenException(Problem.UNREADABLE, file,
                    "Quire could not read the library " + file + ": " + PersistenceException.reason(e)
                            + " The file has not been changed.", e);
        }
    }

    private static boolean damaged(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB");
    }

    private static LibraryOpenException newer(Path file, int version) {
        return new LibraryOpenException(Problem.NEWER_VERSION, file,
                "The library " + file + " was written by a newer version of Quire (schema " + version
                        + "; this version knows up to " + schemaVersion() + "). Update Quire to open it."
                        + " The file has not been changed.", null);
    }

    private static LibraryOpenException notALibrary(Path file, String why) {
        return new LibraryOpenException(Problem.NOT_A_LIBRARY, file,
                file + " is not a Quire library (" + why + "). Quire has not changed it. Move it out of the way,"
                        + " or start Quire with --data-dir pointing to another folder.", null);
    }

    private static LibraryOpenException corrupt(Path file, String detail, Throwable cause) {
        return new LibraryOpenException(Problem.CORRUPT, file,
                "The library " + file + " is damaged (" + detail + "). Quire has not changed it. Restore a backup"
                        + " from the backups folder beside it, or move it aside to start a new library.", cause);
    }

    /**
     * Brings the schema up to date in one exclusive transaction, reading {@code user_version} inside it: of
     * several processes, the first creates and migrates, the rest wait for it and then find nothing to do.
     */
    private void migrate(Consumer<Database> onCreate) throws SQLException {
        lock.lock();
        try {
            write(c -> {
                int version = intQuery(c, "PRAGMA user_version");
                if (version > schemaVersion()) {
                    throw newer(file, version);
                }
                if (version == schemaVersion()) {
                    return null;
                }
                boolean created = version == 0 && intQuery(c, "SELECT count(*) FROM sqlite_master") == 0;
                try (Statement s = c.createStatement()) {
                    for (int target = version + 1; target <= schemaVersion(); target++) {
                        for (String sql : Migrations.statements(target)) {
                            s.execute(sql);
                        }
                        if (target == 4 && !created) {
                            // what each summary kept so far was made from: the text as it is now
                            SummaryRepository.backfill(c);
                        }
                        if (Migrations.name(target).startsWith("V010__")) {
                            // scenes written before the index: searchable at once, and counted from here on
                            SearchIndex.build(c);
                            WordLog.baseline(c);
                        }
                    }
                    s.execute("PRAGMA application_id = " + APPLICATION_ID);
                    s.execute("PRAGMA user_version = " + schemaVersion());
                }
                if (created) {
                    onCreate.accept(this);
                }
                return null;
            });
        } finally {
            lock.unlock();
        }
    }

    /** True for a library opened with {@link #openReadOnly}. */
    public boolean readOnly() {
        return readOnly;
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} on the connection; reads see one consistent state. */
    public <T> T read(String action, Sql<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw PersistenceException.wrap(action, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction: all of it lands, or none of it. Nested calls join the outer one. */
    public <T> T write(String action, Sql<T> work) {
        lock.lock();
        try {
            return write(work);
        } catch (SQLException e) {
            throw PersistenceException.wrap(action, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs repository calls as one transaction, for a use case of several steps (import a story, accept a
     * composition): all of them land, or none. The connection stays in the store.
     */
    public <T> T transaction(String action, java.util.function.Supplier<T> work) {
        return write(action, c -> work.get());
    }

    /** Runs repository calls together, so they read one consistent state of the library. */
    public <T> T consistentRead(String action, java.util.function.Supplier<T> work) {
        return read(action, c -> work.get());
    }

    private <T> T write(Sql<T> work) throws SQLException {
        if (!connection.getAutoCommit()) {
            return work.run(connection);
        }
        connection.setAutoCommit(false);
        Exception failure = null;
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            failure = e;
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            backToAutoCommit(failure);
        }
    }

    /**
     * Leaves the connection committing each statement again. After SQLITE_FULL or SQLITE_IOERR SQLite has already
     * rolled the transaction back and the driver's "commit" on the way out fails (the driver is back in auto-commit
     * all the same): that failure must not hide the cause, so the writer hears the disk is full, not "no
     * transaction is active".
     */
    private void backToAutoCommit(Exception failure) throws SQLException {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /** SQLite's own structural check plus foreign keys; an empty list means all is well. */
    public List<String> integrityProblems() {
        return read("check the library", c -> {
            List<String> problems = new ArrayList<>(Statements.query(c, "PRAGMA integrity_check",
                    rs -> rs.getString(1)));
            problems.removeIf("ok"::equals);
            problems.addAll(Statements.query(c, "PRAGMA foreign_key_check", rs -> {
                long row = rs.getLong(2);
                // tables without row ids (scene_character) report NULL here
                String which = rs.wasNull() ? "a row" : "row " + row;
                return which + " of " + rs.getString(1) + " points to a missing " + rs.getString(3);
            }));
            return problems;
        });
    }

    public String journalMode() {
        return read("read the journal mode", c -> Statements.one(c, "PRAGMA journal_mode", rs -> rs.getString(1))
                .orElse(""));
    }

    /** Copies the library with SQLite's online backup; safe while it is being written. */
    public void backupTo(Path target) {
        read("back up the library to " + target, c -> {
            LibraryFiles.backup(c, target.toAbsolutePath());
            return null;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw PersistenceException.wrap("close the library", e);
        } finally {
            lock.unlock();
        }
    }

    private static int intQuery(Connection c, String sql) throws SQLException {
        return Statements.one(c, sql, rs -> rs.getInt(1)).orElse(0);
    }
}
