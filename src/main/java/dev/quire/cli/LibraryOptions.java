package dev.quire.cli;

import dev.quire.store.LibraryOpenException;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command accepts, before or after the command name. */
public final class LibraryOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the library (quire.db). Default: $QUIRE_HOME, else the platform's user data folder.")
    Path dataDir;

    @Option(names = "--no-sample", description = "When this creates a new library, leave it empty (no sample story).")
    boolean noSample;

    /** This command's options, falling back to what was given before the command name. */
    LibraryOptions orElse(LibraryOptions outer) {
        LibraryOptions merged = new LibraryOptions();
        merged.dataDir = dataDir != null ? dataDir : outer == null ? null : outer.dataDir;
        merged.noSample = noSample || (outer != null && outer.noSample);
        return merged;
    }

    public Path resolvedDataDir() {
        return LibraryLocation.dataDir(dataDir);
    }

    public boolean noSample() {
        return noSample;
    }

    Studio open() {
        return Studio.open(resolvedDataDir(), noSample ? Studio.NewLibrary.EMPTY : Studio.NewLibrary.WITH_SAMPLE);
    }

    /** Opens the library with provider keys and settings read from {@code env}. */
    Studio open(java.util.Map<String, String> env) {
        return Studio.open(resolvedDataDir(), noSample ? Studio.NewLibrary.EMPTY : Studio.NewLibrary.WITH_SAMPLE,
                env);
    }

    /**
     * Opens the library for a command that only reads: as {@link #open()}, but a library that cannot be written
     * (a read-only folder or file) is opened read-only instead of refused.
     */
    Studio openForReading() {
        try {
            return open();
        } catch (LibraryOpenException e) {
            if (e.problem() != LibraryOpenException.Problem.READ_ONLY || !java.nio.file.Files.exists(e.file())) {
                throw e;
            }
            return Studio.openReadOnly(resolvedDataDir(), System.getenv());
        }
    }
}
