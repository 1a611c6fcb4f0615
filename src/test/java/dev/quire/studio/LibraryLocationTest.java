package dev.quire.studio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class LibraryLocationTest {

    private static final String HOME = "/home/writer";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("linux, XDG_DATA_HOME set", null, env("XDG_DATA_HOME", "/data/xdg"), "Linux",
                        "/data/xdg/quire"),
                arguments("linux, XDG_DATA_HOME unset", null, env(), "Linux", HOME + "/.local/share/quire"),
                arguments("linux, XDG_DATA_HOME blank", null, env("XDG_DATA_HOME", "  "), "Linux",
                        HOME + "/.local/share/quire"),
                arguments("other unix follows XDG", null, env(), "FreeBSD", HOME + "/.local/share/quire"),
                arguments("mac", null, env("XDG_DATA_HOME", "/ignored"), "Mac OS X",
                        HOME + "/Library/Application Support/Quire"),
                arguments("windows, APPDATA set", null, env("APPDATA", "/c/Users/writer/AppData/Roaming"),
                        "Windows 11", "/c/Users/writer/AppData/Roaming/Quire"),
                arguments("windows, APPDATA unset", null, env(), "Windows 10", HOME + "/AppData/Roaming/Quire"),
                arguments("QUIRE_HOME beats the platform", null,
                        env("QUIRE_HOME", "/srv/quire", "XDG_DATA_HOME", "/data/xdg"), "Linux", "/srv/quire"),
                arguments("QUIRE_HOME beats APPDATA", null,
                        env("QUIRE_HOME", "/srv/quire", "APPDATA", "/appdata"), "Windows 11", "/srv/quire"),
                arguments("blank QUIRE_HOME is ignored", null, env("QUIRE_HOME", ""), "Mac OS X",
                        HOME + "/Library/Application Support/Quire"),
                arguments("explicit beats QUIRE_HOME", Path.of("/explicit/dir"),
                        env("QUIRE_HOME", "/srv/quire", "XDG_DATA_HOME", "/data/xdg"), "Linux", "/explicit/dir"),
                arguments("explicit beats windows", Path.of("/explicit/dir"), env("APPDATA", "/appdata"),
                        "Windows 11", "/explicit/dir"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dataDirFollowsExplicitThenQuireHomeThenPlatform(String name, Path explicit, Map<String, String> env,
                                                         String os, String expected) {
        assertEquals(Path.of(expected), LibraryLocation.dataDir(explicit, env, os, HOME));
    }

    @Test
    void relativeDirectoriesAreMadeAbsolute() {
        assertEquals(Path.of("relative/lib").toAbsolutePath(),
                LibraryLocation.dataDir(Path.of("relative/lib"), env(), "Linux", HOME));
        assertEquals(Path.of("rel-home").toAbsolutePath(),
                LibraryLocation.dataDir(null, env("QUIRE_HOME", "rel-home"), "Linux", HOME));
    }

    @Test
    void explicitDirectoryWinsOverTheRealEnvironment() {
        assertEquals(Path.of("/tmp/quire-explicit"), LibraryLocation.dataDir(Path.of("/tmp/quire-explicit")));
    }

    @Test
    void libraryFileIsQuireDbInTheDataDir() {
        assertEquals(Path.of("/srv/quire/quire.db"), LibraryLocation.libraryFile(Path.of("/srv/quire")));
    }
}
