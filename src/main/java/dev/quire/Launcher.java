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
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = QuireCommand.run(args, out, err,
                library -> QuireApp.launchStudio(library.resolvedDataDir(), library.noSample()));
        System.exit(code);
    }
}
