package dev.quire;

import dev.quire.cli.QuireCommand;
import dev.quire.studio.LibraryLocation;
import dev.quire.ui.QuireApp;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The jar's entry point. A class that does not extend {@code Application}, so the studio can start
 * from a plain class path: with a command it runs headless, without one it opens the window.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * What opens the studio: the library folder given (null for the default), whether to leave a new one empty, and
     * a story package to offer for import once the window is up (null for none).
     */
    record StudioStart(Path dataDir, boolean noSample, Path storyPackage) {
    }

    public static void main(String[] args) {
        useOwnNativeLibraryFolder();
        // a double-click (no arguments, or only the library's) opens the window without building the
        // command line's model of every command, which loads a few hundred classes before the first frame
        Optional<StudioStart> studio = studioOnly(args);
        if (studio.isPresent()) {
            QuireApp.launchStudio(LibraryLocation.dataDir(studio.get().dataDir()), studio.get().noSample(),
                    studio.get().storyPackage());
            System.exit(0);
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = QuireCommand.run(args, out, err,
                library -> QuireApp.launchStudio(library.resolvedDataDir(), library.noSample()));
        System.exit(code);
    }

    /**
     * The studio's start when the arguments are only {@code --data-dir DIR}, {@code --data-dir=DIR} and
     * {@code --no-sample}, each at most once, and at most one story package ({@code NAME.quire}: what the desktop
     * passes when a writer double-clicks one); anything else is for the command line to parse.
     */
    static Optional<StudioStart> studioOnly(String[] args) {
        Path dataDir = null;
        boolean noSample = false;
        Path storyPackage = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (storyPackage == null && !arg.startsWith("-")
                    && arg.toLowerCase(java.util.Locale.ROOT).endsWith("." + STORY_PACKAGE)) {
                storyPackage = Path.of(arg).toAbsolutePath();
            } else if (arg.equals("--no-sample") && !noSample) {
                noSample = true;
            } else if (arg.equals("--data-dir") && dataDir == null && i + 1 < args.length
                    && !args[i + 1].isEmpty() && !args[i + 1].startsWith("-")) {
                dataDir = Path.of(args[++i]);
            } else if (arg.startsWith("--data-dir=") && dataDir == null && arg.length() > "--data-dir=".length()) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new StudioStart(dataDir, noSample, storyPackage));
    }

    /** A story package's extension (studio.StoryPackage.EXTENSION, not loaded here: the launcher stays small). */
    static final String STORY_PACKAGE = "quire";

    /**
     * sqlite-jdbc unpacks its native library into a temporary folder and deletes copies it thinks are stale;
     * processes of different users, or many at once, racing over one shared folder print a SEVERE stack trace.
     * Each user gets a folder of their own unless {@code org.sqlite.tmpdir} is already set.
     */
    static void useOwnNativeLibraryFolder() {
        if (System.getProperty("org.sqlite.tmpdir") != null) {
            return;
        }
        java.nio.file.Path folder = nativeLibraryFolder(System.getProperty("java.io.tmpdir"),
                System.getProperty("user.name"));
        try {
            java.nio.file.Files.createDirectories(folder);
            System.setProperty("org.sqlite.tmpdir", folder.toString());
        } catch (java.io.IOException | RuntimeException e) {
            // sqlite-jdbc falls back to the shared temporary folder
        }
    }

    static java.nio.file.Path nativeLibraryFolder(String tmp, String user) {
        String safe = (user == null || user.isBlank() ? "user" : user).replaceAll("[^A-Za-z0-9._-]", "_");
        return java.nio.file.Path.of(tmp, "quire-sqlite-" + safe);
    }
}
