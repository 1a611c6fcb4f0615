package dev.quire.cli;

import dev.quire.testing.ReadOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A library in a read-only folder: reading commands work, writing ones say read-only, and nothing changes. */
class ReadOnlyLibraryCommandTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuireCommand.run(args, new PrintWriter(out), new PrintWriter(err), l -> { });
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void storiesAndCheckReadALibraryInAReadOnlyFolder() throws Exception {
        String data = dir.resolve("lib").toString();
        assertEquals("0", run("--data-dir", data, "new-story", "Salt Road")[0]);
        Path file = dir.resolve("lib/quire.db");
        byte[] before = Files.readAllBytes(file);
        List<String> namesBefore;
        try (var list = Files.list(dir.resolve("lib"))) {
            namesBefore = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (ReadOnly ro = ReadOnly.make(dir.resolve("lib"))) {
            String[] stories = run("--data-dir", data, "stories");
            assertEquals("0", stories[0], stories[2]);
            assertTrue(stories[1].contains("Salt Road"), stories[1]);

            String[] check = run("--data-dir", data, "check");
            assertEquals("0", check[0], check[2]);
            assertTrue(check[1].startsWith("ok: "), check[1]);

            String[] write = run("--data-dir", data, "new-story", "Another");
            assertEquals(String.valueOf(QuireCommand.LIBRARY_PROBLEM), write[0], write[2]);
            assertTrue(write[2].contains("read-only"), write[2]);
            assertFalse(write[2].contains("damaged"), write[2]);
            assertFalse(write[2].toLowerCase().contains("restore"), write[2]);
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var list = Files.list(dir.resolve("lib"))) {
            assertEquals(namesBefore, list.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
