package dev.quire.studio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Files handed to the studio that already has the library open: a story package double-clicked while Quire runs
 * starts a second process, which cannot open the library (the first one holds it), so it leaves the file's path
 * in the library's folder, and the open studio picks it up and offers it. One small file per request, written
 * whole and then moved into place, so a half-written request is never read.
 */
public final class OpenRequests implements AutoCloseable {

    static final String FOLDER = ".open-requests";
    private static final String SUFFIX = ".request";

    private final ScheduledExecutorService poll;

    private OpenRequests(ScheduledExecutorService poll) {
        this.poll = poll;
    }

    /** Leaves a request for the studio that has the library in {@code dataDir} open to offer {@code file}. */
    public static void send(Path dataDir, Path file) throws IOException {
        Path folder = Files.createDirectories(dataDir.resolve(FOLDER));
        Path temp = Files.createTempFile(folder, "writing-", ".tmp");
        Files.writeString(temp, file.toAbsolutePath().toString(), StandardCharsets.UTF_8);
        Path request = folder.resolve(System.currentTimeMillis() + "-" + java.util.UUID.randomUUID() + SUFFIX);
        try {
            Files.move(temp, request, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, request);
        }
    }

    /**
     * Hands each request left in {@code dataDir}, now or later, to {@code sink} on a background thread, in the order
     * of the millisecond they were left, and removes it; a request naming no file is removed unread. Checks twice a
     * second until closed.
     */
    public static OpenRequests watch(Path dataDir, Consumer<Path> sink) {
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quire-open-requests");
            t.setDaemon(true);
            return t;
        });
        Path folder = dataDir.resolve(FOLDER);
        poll.scheduleWithFixedDelay(() -> take(folder, sink), 0, 500, TimeUnit.MILLISECONDS);
        return new OpenRequests(poll);
    }

    /** The requests waiting now, each removed as it is handed on. */
    static void take(Path folder, Consumer<Path> sink) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> waiting = new ArrayList<>();
        try (DirectoryStream<Path> requests = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            requests.forEach(waiting::add);
        } catch (IOException e) {
            return; // looked at again in half a second
        }
        waiting.sort(null);
        for (Path request : waiting) {
            Path file = null;
            try {
                file = Path.of(Files.readString(request, StandardCharsets.UTF_8).strip());
            } catch (IOException | InvalidPathException e) {
                // unreadable or not a path: dropped below
            }
            try {
                Files.deleteIfExists(request);
            } catch (IOException e) {
                continue; // not handed on twice: tried again next time
            }
            if (file != null && Files.isRegularFile(file)) {
                sink.accept(file);
            }
        }
    }

    @Override
    public void close() {
        poll.shutdownNow();
    }
}
