package dev.quire.store;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Library files other than the one open: backups, copies being made, and the library itself seen from outside.
 * Described through a read-only connection that never changes the file, copied with SQLite's online backup, and
 * settled into a single file.
 */
public final class LibraryFiles {

    private LibraryFiles() {
    }

    /** A story in a library file, with its totals. */
    public record StoryTotals(long id, String title, int scenes, long words) {
    }

    /** What a library file holds. */
    public record Summary(Path file, long bytes, Instant modified, int schemaVersion, List<StoryTotals> stories,
                          int characters, int loreEntries) {
        public Summary {
            stories = List.copyOf(stories);
        }
    }

    /**
     * What a library file (a backup, or the library itself) holds: its stories with their scene and word counts,
     * characters and lore entries. Read through a read-only connection; the file is not changed and no file
     * appears beside it.
     *
     * @throws LibraryOpenException when it is not a Quire library this version can read
     */
    public static Summary describe(Path file) {
        Path f = file.toAbsolutePath();
        checkHeader(f);
        try (Connection c = readOnly(f)) {
            int applicationId = intQuery(c, "PRAGMA application_id");
            int version = intQuery(c, "PRAGMA user_version");
            if (applicationId != Database.APPLICATION_ID) {
                throw new LibraryOpenException(LibraryOpenException.Problem.NOT_A_LIBRARY, f, f
                        + " is not a Quire library (it is an SQLite database of another program).", null);
            }
            if (version > Database.schemaVersion()) {
                throw new LibraryOpenException(LibraryOpenException.Problem.NEWER_VERSION, f, f + " was written by a"
                        + " newer version of Quire (schema " + version + "; this version knows up to "
                        + Database.schemaVersion() + "). Update Quire to read it.", null);
            }
            List<StoryTotals> stories = Statements.query(c, """
                    SELECT s.id, s.title,
                           (SELECT count(*) FROM scene WHERE story_id = s.id),
                           (SELECT coalesce(sum(word_count), 0) FROM scene WHERE story_id = s.id)
                    FROM story s ORDER BY s.title COLLATE NOCASE, s.id""",
                    rs -> new StoryTotals(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
            int characters = intQuery(c, "SELECT count(*) FROM character");
            int lore = intQuery(c, "SELECT count(*) FROM lore_entry");
            return new Summary(f, Files.size(f), Files.getLastModifiedTime(f).toInstant(), version, stories,
                    characters, lore);
        } catch (SQLException e) {
            throw new LibraryOpenException(LibraryOpenException.Problem.CORRUPT, f, "Quire cannot read " + f + ": "
                    + e.getMessage() + ". It may be damaged.", e);
        } catch (IOException e) {
            throw new LibraryOpenException(LibraryOpenException.Problem.UNREADABLE, f, "Quire cannot read " + f
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies a library file that may be in WAL mode, with whatever its WAL holds, through SQLite.
     *
     * @throws LibraryOpenException when {@code source} is not an SQLite database or cannot be read
     */
    public static void copyOnline(Path source, Path target) {
        checkHeader(source);
        try (Connection c = readOnly(source)) {
            backup(c, target);
        } catch (SQLException e) {
            throw new LibraryOpenException(LibraryOpenException.Problem.CORRUPT, source, "Quire cannot read the backup "
                    + source + ": " + e.getMessage() + ". It may be damaged; nothing was changed.", e);
        }
    }

    /**
     * Makes a copy a single file in rollback-journal mode, so it can be copied, mailed or opened read-only without
     * files appearing beside it, and checks it for damage on the way.
     *
     * @throws PersistenceException when the copy is damaged or cannot be changed
     */
    public static void settle(Path copy) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
            String first = Statements.one(c, "PRAGMA quick_check", rs -> rs.getString(1)).orElse("no answer");
            if (!"ok".equals(first)) {
                throw new PersistenceException("The backup copy " + copy + " is damaged (" + first + ").");
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not finish the backup copy " + copy + ": " + e.getMessage(), e);
        }
    }

    /** SQLite's online backup of {@code c}'s database into {@code target}: one consistent state, even mid-write. */
    static void backup(Connection c, Path target) throws SQLException {
        // sqlite-jdbc's own command, not SQL: it cannot take a parameter
        try (Statement st = c.createStatement()) {
            st.executeUpdate("backup to '" + target.toString().replace("'", "''") + "'");
        }
    }

    private static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        // a library with a WAL beside it may be open and written: read it with its WAL. Any other file
        // is read as immutable, which leaves no -wal or -shm file beside a backup.
        boolean live = Files.exists(file.resolveSibling(file.getFileName() + "-wal"));
        return config.createConnection(live ? "jdbc:sqlite:" + file : "jdbc:sqlite:" + file.toUri() + "?immutable=1");
    }

    private static void checkHeader(Path file) {
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(Database.SQLITE_MAGIC.length);
        } catch (IOException e) {
            throw new LibraryOpenException(LibraryOpenException.Problem.UNREADABLE, file, "Quire cannot read " + file
                    + ": " + e.getMessage(), e);
        }
        if (!Arrays.equals(header, Database.SQLITE_MAGIC)) {
            throw new LibraryOpenException(LibraryOpenException.Problem.NOT_A_LIBRARY, file, file
                    + " is not a Quire library (it is not an SQLite database).", null);
        }
    }

    private static int intQuery(Connection c, String sql) throws SQLException {
        return Statements.one(c, sql, rs -> rs.getInt(1)).orElse(0);
    }
}
