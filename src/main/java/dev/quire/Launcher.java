package dev.quire;

import dev.quire.cli.QuireCommand;
import dev.quire.ui.QuireApp;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The jar's entry point. A class that does not extend {@code Application}, so the studio can start
 * from a plain class path: with a command it runs headless, without one it opens the window.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        useOwnNativeLibraryFolder();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = QuireCommand.run(args, out, err,
                library -> QuireApp.launchStudio(library.resolvedDataDir(), library.noSample()));
        System.exit(code);
    }

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
