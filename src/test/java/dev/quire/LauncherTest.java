package dev.quire;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LauncherTest {

    @Test
    void aDoubleClickOpensTheStudioOnTheDefaultLibrary() {
        assertEquals(Optional.of(new Launcher.StudioStart(null, false)), Launcher.studioOnly(new String[0]));
    }

    @Test
    void theLibraryOptionsAloneOpenTheStudioOnThatLibrary() {
        assertEquals(Optional.of(new Launcher.StudioStart(Path.of("/tmp/lib"), true)),
                Launcher.studioOnly(new String[] {"--data-dir", "/tmp/lib", "--no-sample"}));
        assertEquals(Optional.of(new Launcher.StudioStart(Path.of("/tmp/lib"), false)),
                Launcher.studioOnly(new String[] {"--data-dir=/tmp/lib"}));
    }

    @Test
    void commandsHelpAndMistakesGoToTheCommandLine() {
        for (String[] args : new String[][] {
                {"--version"}, {"stories"}, {"--data-dir", "/tmp/lib", "check"}, {"--data-dir"},
                {"--data-dir", "--no-sample"}, {"--data-dir="}, {"--no-sample", "--no-sample"},
                {"--data-dir", "a", "--data-dir", "b"}, {"-h"}}) {
            assertEquals(Optional.empty(), Launcher.studioOnly(args), String.join(" ", args));
        }
    }
}
