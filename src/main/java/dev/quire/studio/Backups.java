package dev.quire.studio;

import dev.quire.store.Database;
import dev.quire.store.LibraryFiles;
import dev.quire.store.LibraryLock;
import dev.quire.store.LibraryOpenException;
import dev.quire.store.PersistenceException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Copies of the library: made on demand ({@code quire backup}), daily and rolling, and before a
 * story is deleted or a backup restored; listed, described and restored.
 *
 * <p>Every copy is made with SQLite's online backup ({@link Database#backupTo}), so it is one
 * consistent state of the library even while a studio window or another command writes to it.
 * Copies are left as single files (SQLite's rollback journal, not WAL), so they can be copied,
 * mailed or opened read-only without files appearing beside them.
 *
 * <p>Backups are described through a read-only connection that never changes the file
 * ({@link LibraryFiles}). Restoring
 * needs the library closed: the studio window closes its library (and releases its
 * {@link LibraryLock}) before calling {@link #restore}, then opens it again.
 */
public final class Backups {

    /** How many daily automatic backups {@link #rolling(Studio)} keeps. */
    public static final int KEEP = 7;
    public static final String FOLDER = "backups";

    private static final Pattern AUTOMATIC = Pattern.compile("auto-(\\d{4}-\\d{2}-\\d{2})\\.db");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss-SSS");

    private Backups() {
    }

    /** Which of Quire's own moments made a backup, told from its file name. */
    public enum Kind {
        /** {@code auto-YYYY-MM-DD.db}, the daily one; only these are ever deleted by Quire. */
        AUTOMATIC,
        /** {@code before-delete-story-…}, kept when a story was deleted. */
        BEFORE_DELETE,
        /** {@code before-restore-…}, the library as it was before a backup replaced it. */
        BEFORE_RESTORE,
        /** Any other copy put in the folder, such as one made with {@code quire backup}. */
        OTHER
    }

    /** A story in a library file, for "what is in it". */
    public record StoryContents(long id, String title, int scenes, long words) {
    }

    /** What a library file holds. */
    public record Contents(Path file, long bytes, Instant modified, int schemaVersion, List<StoryContents> stories,
                           int characters, int loreEntries) {
        public Contents {
            stories = List.copyOf(stories);
        }

        public int scenes() {
            return stories.stream().mapToInt(StoryContents::scenes).sum();
        }

        public long words() {
            return stories.stream().mapToLong(StoryContents::words).sum();
        }
    }

    /**
     * A file in the backups folder.
     *
     * @param contents what it holds, or null when it cannot be read
     * @param problem  why it cannot be read, or null
     */
    public record Backup(Path file, Kind kind, Instant taken, long bytes, Contents contents, String problem) {
        public boolean readable() {
            return contents != null;
        }
    }

    /**
     * A restore done.
     *
     * @param previous where the library that was replaced was kept, or null when there was none
     */
    public record Restored(Path library, Path previous, Contents contents) {
    }

    public static Path folder(Path dataDir) {
        return dataDir.resolve(FOLDER);
    }

    /**
     * Copies the open library to {@code out}, checks the copy the way {@code quire check} checks a
     * library, and only then puts it in place, replacing any file there.
     *
     * @return what the copy holds
     * @throws PersistenceException when the copy cannot be made or does not check out; {@code out} is then
     *                              left as it was
     */
    public static Contents backUp(Studio studio, Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (Staging.isLibraryOrBeside(target, studio.database().file())) {
            throw new PersistenceException("A backup cannot replace the library it copies (" + out.toAbsolutePath()
                    + " is " + studio.database().file() + " or a file SQLite keeps beside it). Choose another file.");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new PersistenceException("The folder " + dir + " does not exist, so no backup was written there."
                    + " Create it or choose another file.");
        }
        if (Files.isDirectory(target)) {
            throw new PersistenceException(target + " is a folder; name the backup file to write.");
        }
        Staging.sweep(dir);
        try (Staging staging = Staging.create(dir, Staging.BACKUP, "make the backup")) {
            Path stage = staging.folder();
            Path copy = stage.resolve(LibraryLocation.FILE_NAME);
            studio.database().backupTo(copy);
            verify(stage, "The backup of " + studio.database().file(), target + " was not written.");
            LibraryFiles.settle(copy);
            move(copy, target);
            return describe(target);
        } catch (IOException e) {
            throw new PersistenceException("Could not write the backup to " + target + ": " + e.getMessage()
                    + ". The file was not changed.", e);
        }
    }

    /** {@link #rolling(Studio, LocalDate, int)} for today, keeping {@link #KEEP}. */
    public static Optional<Path> rolling(Studio studio) {
        return rolling(studio, LocalDate.now(Clock.systemDefaultZone()), KEEP);
    }

    /**
     * Makes today's automatic backup, {@code backups/auto-YYYY-MM-DD.db}, unless there is one, and
     * deletes the oldest automatic ones beyond {@code keep}; other backups are never deleted. The
     * studio window calls this once at start-up, off the FX thread: the copy holds the library's
     * connection for as long as it takes (milliseconds for a novel), so an autosave waits that long.
     *
     * @return the backup made, or empty when today's was already there
     */
    public static Optional<Path> rolling(Studio studio, LocalDate today, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one automatic backup, not " + keep);
        }
        Path folder = folder(studio.dataDir());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PersistenceException("Could not create the backups folder " + folder + ": " + e.getMessage()
                    + ". No automatic backup was made.", e);
        }
        Path target = folder.resolve("auto-" + today + ".db");
        Optional<Path> made = Optional.empty();
        if (!Files.exists(target)) {
            // written beside its final name and renamed, so a crash never leaves a half copy counting as today's
            Path partial = folder.resolve(target.getFileName() + ".partial");
            try {
                Files.deleteIfExists(partial);
                studio.database().backupTo(partial);
                LibraryFiles.settle(partial);
                move(partial, target);
                made = Optional.of(target);
            } catch (IOException e) {
                throw new PersistenceException("Could not make the automatic backup " + target + ": "
                        + e.getMessage(), e);
            } finally {
                deleteQuietly(partial);
            }
        }
        prune(folder, keep);
        return made;
    }

    private static void prune(Path folder, int keep) {
        List<Path> automatic = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (AUTOMATIC.matcher(name).matches()) {
                    automatic.add(f);
                } else if (name.startsWith("auto-") && name.endsWith(".db.partial")) {
                    deleteQuietly(f);
                }
            }
        } catch (IOException e) {
            throw new PersistenceException("Could not list the backups folder " + folder + ": " + e.getMessage(), e);
        }
        // ISO dates sort as text
        automatic.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        for (Path old : automatic.subList(Math.min(keep, automatic.size()), automatic.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw new PersistenceException("Could not delete the old automatic backup " + old + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The backups in {@code dataDir}'s backups folder, newest first; an unreadable one says why. */
    public static List<Backup> list(Path dataDir) {
        Path folder = folder(dataDir);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.db")) {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                Instant taken = Files.getLastModifiedTime(f).toInstant();
                long bytes = Files.size(f);
                Contents contents = null;
                String problem = null;
                try {
                    contents = describe(f);
                } catch (PersistenceException e) {
                    problem = e.getMessage();
                }
                out.add(new Backup(f, kindOf(f.getFileName().toString()), taken, bytes, contents, problem));
            }
        } catch (IOException e) {
            throw new PersistenceException("Could not list the backups folder " + folder + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Backup::taken).reversed().thenComparing(b -> b.file().getFileName().toString()));
        return out;
    }

    static Kind kindOf(String name) {
        if (AUTOMATIC.matcher(name).matches()) {
            return Kind.AUTOMATIC;
        }
        if (name.startsWith("before-delete-")) {
            return Kind.BEFORE_DELETE;
        }
        return name.startsWith("before-restore-") ? Kind.BEFORE_RESTORE : Kind.OTHER;
    }

    /**
     * What a library file (a backup, or the library itself) holds: its stories with their scene and
     * word counts, characters and lore entries. Read through a read-only connection; the file is not
     * changed and no file appears beside it.
     *
     * @throws PersistenceException when it is not a Quire library this version can read
     */
    public static Contents describe(Path file) {
        LibraryFiles.Summary s = LibraryFiles.describe(file);
        List<StoryContents> stories = s.stories().stream()
                .map(t -> new StoryContents(t.id(), t.title(), t.scenes(), t.words()))
                .toList();
        return new Contents(s.file(), s.bytes(), s.modified(), s.schemaVersion(), stories, s.characters(),
                s.loreEntries());
    }

    /**
     * Replaces the library in {@code dataDir} with {@code backup}, after checking the backup the way
     * {@code quire check} does and keeping the current library as
     * {@code backups/before-restore-….db} (so a restore can itself be undone). A damaged current
     * library is kept as its bytes.
     *
     * @throws LibraryOpenException when the library is open in a studio window ({@code IN_USE}), or the backup
     *                              is not a sound Quire library; nothing is changed then
     */
    public static Restored restore(Path backup, Path dataDir) {
        Path source = backup.toAbsolutePath();
        Path library = LibraryLocation.libraryFile(dataDir.toAbsolutePath());
        if (!Files.isRegularFile(source)) {
            throw new PersistenceException("There is no backup file " + source + ". Nothing was changed.");
        }
        if (Staging.isLibraryOrBeside(source, library)) {
            throw new PersistenceException(source + " is the library itself, not a backup of it. Choose a file in "
                    + folder(dataDir) + ".");
        }
        try {
            Files.createDirectories(library.getParent());
        } catch (IOException e) {
            throw new PersistenceException("Could not create the folder " + library.getParent() + ": "
                    + e.getMessage(), e);
        }
        LibraryLock lock;
        try {
            lock = LibraryLock.acquire(library);
        } catch (LibraryOpenException e) {
            if (e.problem() != LibraryOpenException.Problem.IN_USE) {
                throw e;
            }
            throw new LibraryOpenException(LibraryOpenException.Problem.IN_USE, library, "The library " + library
                    + " is open in a Quire window, so it cannot be replaced now. Close the library there, then"
                    + " restore the backup. Nothing was changed.", e);
        }
        try (lock) {
            try (Staging staging = Staging.create(library.getParent(), Staging.RESTORE, "restore the backup")) {
                Path stage = staging.folder();
                Path copy = stage.resolve(LibraryLocation.FILE_NAME);
                LibraryFiles.copyOnline(source, copy);
                verify(stage, "The backup " + source, "The library was not changed.");
                Path previous = Files.exists(library) && Files.size(library) > 0 ? keepCurrent(library, dataDir)
                        : null;
                Path wal = sibling(library, "-wal");
                if (Files.exists(wal) && Files.size(wal) > 0) {
                    throw new PersistenceException("The library " + library + " is in use by another Quire command."
                            + " Wait for it to finish, then restore again. Nothing was changed"
                            + (previous == null ? "." : "; a copy of the library was kept as " + previous + "."));
                }
                Files.deleteIfExists(wal);
                Files.deleteIfExists(sibling(library, "-shm"));
                move(copy, library);
                return new Restored(library, previous, describe(library));
            }
        } catch (IOException e) {
            throw new PersistenceException("Could not restore " + source + ": " + e.getMessage()
                    + ". The library was not replaced.", e);
        }
    }

    /** Keeps the library about to be replaced; through SQLite when it opens, as bytes when it is damaged. */
    private static Path keepCurrent(Path library, Path dataDir) throws IOException {
        Path folder = Files.createDirectories(folder(dataDir.toAbsolutePath()));
        Path kept = folder.resolve("before-restore-" + LocalDateTime.now().format(STAMP) + ".db");
        for (int n = 2; Files.exists(kept); n++) {
            kept = folder.resolve("before-restore-" + LocalDateTime.now().format(STAMP) + "-" + n + ".db");
        }
        try (Database current = Database.open(library)) {
            current.backupTo(kept);
        } catch (LibraryOpenException unreadable) {
            Files.copy(library, kept);
            Path wal = sibling(library, "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, sibling(kept, "-wal"));
            }
            return kept;
        }
        LibraryFiles.settle(kept);
        return kept;
    }

    /** Opens the copy in {@code stage} as a library and runs {@code quire check}'s checks on it. */
    private static void verify(Path stage, String what, String consequence) {
        List<String> problems;
        try (Studio copy = Studio.open(stage, Studio.NewLibrary.EMPTY, Map.of())) {
            problems = LibraryCheck.run(copy);
        } catch (LibraryOpenException e) {
            throw new LibraryOpenException(e.problem(), e.file(), what + " cannot be opened as a Quire library: "
                    + e.getMessage() + " " + consequence, e);
        }
        if (!problems.isEmpty()) {
            throw new LibraryOpenException(LibraryOpenException.Problem.CORRUPT, stage, what + " does not check out ("
                    + String.join("; ", problems) + "). " + consequence, null);
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
