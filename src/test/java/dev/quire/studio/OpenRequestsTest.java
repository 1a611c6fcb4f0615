package dev.quire.studio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenRequestsTest {

    @TempDir
    Path dir;

    private Path library() throws Exception {
        return Files.createDirectories(dir.resolve("library"));
    }

    private Path pack(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "PK");
    }

    private List<Path> waiting(Path library) throws Exception {
        try (var files = Files.list(library.resolve(OpenRequests.FOLDER))) {
            return files.toList();
        }
    }

    @Test
    void aRequestLeftByASecondProcessIsHandedToTheOpenStudioOnceAndRemoved() throws Exception {
        Path library = library();
        Path book = pack("The Book.quire");
        OpenRequests.send(library, book);

        List<Path> handed = new ArrayList<>();
        OpenRequests.take(library.resolve(OpenRequests.FOLDER), handed::add);
        OpenRequests.take(library.resolve(OpenRequests.FOLDER), handed::add);

        assertEquals(List.of(book.toAbsolutePath()), handed);
        assertEquals(List.of(), waiting(library));
    }

    @Test
    void everyRequestIsHandedOnAndOnesNamingNoFileAreDroppedUnread() throws Exception {
        Path library = library();
        Path first = pack("first.quire");
        Path second = pack("second.quire");
        OpenRequests.send(library, first);
        OpenRequests.send(library, dir.resolve("gone.quire"));
        OpenRequests.send(library, second);
        Files.writeString(library.resolve(OpenRequests.FOLDER).resolve("notes.txt"), "not a request");

        List<Path> handed = new ArrayList<>();
        OpenRequests.take(library.resolve(OpenRequests.FOLDER), handed::add);

        assertEquals(java.util.Set.of(first.toAbsolutePath(), second.toAbsolutePath()), java.util.Set.copyOf(handed));
        assertEquals(2, handed.size(), "each once");
        assertEquals(List.of(library.resolve(OpenRequests.FOLDER).resolve("notes.txt")), waiting(library),
                "only what is not a request stays");
    }

    @Test
    void theStudioWatchingTheLibraryGetsRequestsLeftBeforeAndAfterItStarted() throws Exception {
        Path library = library();
        Path before = pack("before.quire");
        Path after = pack("after.quire");
        OpenRequests.send(library, before);
        LinkedBlockingQueue<Path> handed = new LinkedBlockingQueue<>();

        try (OpenRequests watching = OpenRequests.watch(library, handed::add)) {
            assertEquals(before.toAbsolutePath(), handed.poll(10, TimeUnit.SECONDS));
            OpenRequests.send(library, after);
            assertEquals(after.toAbsolutePath(), handed.poll(10, TimeUnit.SECONDS));
        }
        assertNull(handed.poll());
        assertTrue(waiting(library).isEmpty());
    }
}
