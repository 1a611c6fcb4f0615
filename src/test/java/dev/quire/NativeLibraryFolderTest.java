package dev.quire;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The folder sqlite-jdbc unpacks its native library into is the user's own. */
class NativeLibraryFolderTest {

    @Test
    void eachUserHasTheirOwnNativeLibraryFolder() {
        assertEquals(Path.of("/tmp", "quire-sqlite-maren"), Launcher.nativeLibraryFolder("/tmp", "maren"));
        assertNotEquals(Launcher.nativeLibraryFolder("/tmp", "maren"), Launcher.nativeLibraryFolder("/tmp", "toby"));
        assertEquals(Path.of("/tmp", "quire-sqlite-DOMAIN_m_holt"),
                Launcher.nativeLibraryFolder("/tmp", "DOMAIN\\\\m holt".replace("\\\\", "\\")));
    }

    @Test
    void theLauncherSetsItUnlessItIsAlreadySet() {
        String before = System.getProperty("org.sqlite.tmpdir");
        try {
            System.clearProperty("org.sqlite.tmpdir");
            Launcher.useOwnNativeLibraryFolder();
            assertEquals(Launcher.nativeLibraryFolder(System.getProperty("java.io.tmpdir"),
                    System.getProperty("user.name")).toString(), System.getProperty("org.sqlite.tmpdir"));
            System.setProperty("org.sqlite.tmpdir", "/elsewhere");
            Launcher.useOwnNativeLibraryFolder();
            assertEquals("/elsewhere", System.getProperty("org.sqlite.tmpdir"));
        } finally {
            if (before == null) {
                System.clearProperty("org.sqlite.tmpdir");
            } else {
                System.setProperty("org.sqlite.tmpdir", before);
            }
        }
    }
}
