package dev.quire.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes a file or folder read-only for the length of a test, in a way the OS enforces: as root, where
 * chmod stops nothing, by the immutable attribute ({@code chattr +i}); otherwise by taking away write
 * permission. A test that cannot get either is skipped with the reason.
 */
public final class ReadOnly implements AutoCloseable {

    private final Path path;
    private final boolean immutable;
    private final Set<PosixFilePermission> before;

    private ReadOnly(Path path, boolean immutable, Set<PosixFilePermission> before) {
        this.path = path;
        this.immutable = immutable;
        this.before = before;
    }

    public static boolean runningAsRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return "0".equals(out);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static ReadOnly make(Path path) throws IOException {
        if (runningAsRoot()) {
            Assumptions.assumeTrue(chattr("+i", path),
                    "running as root, where chmod does not stop writes, and chattr +i is not available here");
            return new ReadOnly(path, true, null);
        }
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(path);
        Set<PosixFilePermission> after = new java.util.HashSet<>(before);
        after.removeAll(Set.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_WRITE));
        Files.setPosixFilePermissions(path, after);
        return new ReadOnly(path, false, before);
    }

    private static boolean chattr(String flag, Path path) {
        try {
            Process p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (immutable) {
            if (!chattr("-i", path)) {
                throw new IOException("could not clear the immutable attribute of " + path);
            }
        } else {
            Files.setPosixFilePermissions(path, before);
        }
    }
}
