package dev.quire;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LauncherTest {

    @Test
    void aDoubleClickOpensTheStudioOnTheDefaultLibrary() {
        assertEquals(Optional.of(new Launcher.StudioStart(null, false, null)), Launcher.studioOnly(new String[0]));
    }

    @Test
    void theLibraryOptionsAloneOpenTheStudioOnThatLibrary() {
        assertEquals(Optional.of(new Launcher.StudioStart(Path.of("/tmp/lib"), true, null)),
                Launcher.studioOnly(new String[] {"--data-dir", "/tmp/lib", "--no-sample"}));
        assertEquals(Optional.of(new Launcher.StudioStart(Path.of("/tmp/lib"), false, null)),
                Launcher.studioOnly(new String[] {"--data-dir=/tmp/lib"}));
    }

    @Test
    void aDoubleClickedStoryPackageOpensTheStudioWhichOffersIt() {
        assertEquals(Optional.of(new Launcher.StudioStart(null, false, Path.of("/home/w/The Book.quire"))),
                Launcher.studioOnly(new String[] {"/home/w/The Book.quire"}));
        assertEquals(Optional.of(new Launcher.StudioStart(Path.of("/tmp/lib"), false,
                        Path.of("Draft.QUIRE").toAbsolutePath())),
                Launcher.studioOnly(new String[] {"--data-dir", "/tmp/lib", "Draft.QUIRE"}));
    }

    @Test
    void commandsHelpAndMistakesGoToTheCommandLine() {
        for (String[] args : new String[][] {
                {"--version"}, {"stories"}, {"--data-dir", "/tmp/lib", "check"}, {"--data-dir"},
                {"--data-dir", "--no-sample"}, {"--data-dir="}, {"--no-sample", "--no-sample"},
                {"--data-dir", "a", "--data-dir", "b"}, {"-h"}, {"a.quire", "b.quire"}, {"import", "a.quire"},
                {"notes.txt"}}) {
            assertEquals(Optional.empty(), Launcher.studioOnly(args), String.join(" ", args));
        }
    }
}
