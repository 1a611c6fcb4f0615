package dev.quire.faults;

import dev.quire.crash.Typist;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of a real child JVM in the middle of an import, a backup and autosaving: the library is always
 * sound, never holds half a story, and an interrupted backup leaves neither a half copy nor its staging folder
 * once the next backup has run.
 */
@Tag("faults")
class KillLoopTest {

    static final int SCENES = 400;
    @TempDir
    Path dir;

    private Path manuscript() throws Exception {
        StringBuilder md = new StringBuilder();
        String paragraph = "The tide came in over the Hard while she read the gauge, and the lamp swung on its hook. "
                .repeat(12);
        for (int i = 1; i <= SCENES; i++) {
            md.append("## Scene ").append(i).append("\n\n");
            for (int p = 0; p < 6; p++) {
                md.append(paragraph).append("\n\n");
            }
        }
        Path file = dir.resolve("big.md");
        Files.writeString(file, md);
        return file;
    }

    private static void killAfter(Process p, long millis) throws InterruptedException {
        if (!p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        }
    }

    private static long[] storiesAndScenes(Path library, String title) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1), "the library is not sound");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT s.id), count(sc.id) FROM story s"
                    + " LEFT JOIN scene sc ON sc.story_id = s.id WHERE s.title = '" + title + "'")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    @Test
    void killingAnImportNeverLeavesHalfAStory() throws Exception {
        Path file = manuscript();
        Path data = dir.resolve("import-lib");
        // one import run to the end, to learn how long one takes here, so the kills land inside the work
        long start = System.nanoTime();
        Children.Result whole = Children.runTogether(dir.resolve("timing"), List.of(Children.quire(dir,
                "--data-dir", data.toString(), "--no-sample", "import", file.toString(), "--title", "Big")), 240)
                .get(0);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(0, whole.code(), whole.err());
        double[] at = {0.55, 0.65, 0.75, 0.85, 0.95};
        List<String> seen = new ArrayList<>();
        Faults.record("kill -9 during a " + Files.size(file) / 1024 + " KB import (" + at.length
                + " trials): no half story, library sound", () -> {
            long stories = 1;
            for (int trial = 0; trial < at.length; trial++) {
                Process p = Children.quire(dir, "--data-dir", data.toString(), "import", file.toString(),
                        "--title", "Big")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                killAfter(p, Math.round(took * at[trial]));
                long[] counts = storiesAndScenes(data.resolve("quire.db"), "Big");
                assertEquals(counts[0] * SCENES, counts[1], "trial " + trial + ": " + counts[1] + " scenes for "
                        + counts[0] + " stories");
                seen.add(counts[0] > stories ? "landed" : "nothing");
                stories = counts[0];
            }
        });
        System.out.println("import took " + took + " ms whole; kills: " + seen);
    }

    @Test
    void killingABackupLeavesTheLibraryAndTheTargetWhole() throws Exception {
        Path data = dir.resolve("backup-lib");
        Children.Result made = Children.runTogether(dir.resolve("setup"), List.of(Children.quire(dir,
                "--data-dir", data.toString(), "import", manuscript().toString(), "--title", "Big")), 180).get(0);
        assertEquals(0, made.code(), made.err());
        Path library = data.resolve("quire.db");
        Path out = Files.createDirectories(dir.resolve("out"));
        long start = System.nanoTime();
        Children.Result timing = Children.runTogether(dir.resolve("timing"), List.of(Children.quire(dir,
                "--data-dir", data.toString(), "backup", "--out", dir.resolve("timing.db").toString())), 180).get(0);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(0, timing.code(), timing.err());
        double[] at = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
        Fingerprint before = Fingerprint.of(library);
        Faults.record("kill -9 during backup (" + at.length + " trials): library unchanged, no half"
                + " copy, staging swept by the next backup", () -> {
            for (int trial = 0; trial < at.length; trial++) {
                Process p = Children.quire(dir, "--data-dir", data.toString(), "backup", "--out",
                        out.resolve("copy.db").toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                killAfter(p, Math.round(took * at[trial]));
                assertEquals(before, Fingerprint.of(library), "trial " + trial + ": the library changed");
                if (Files.exists(out.resolve("copy.db"))) {
                    assertEquals(1, storiesAndScenes(out.resolve("copy.db"), "Big")[0], "a half copy");
                }
            }
            try (var files = Files.list(out)) {
                System.out.println("backup took " + took + " ms whole; staging folders left by the kills: "
                        + files.filter(f -> f.getFileName().toString().startsWith(".quire-backup-")).count());
            }
            Children.Result last = Children.runTogether(dir.resolve("last"), List.of(Children.quire(dir,
                    "--data-dir", data.toString(), "backup", "--out", out.resolve("copy.db").toString())), 180).get(0);
            assertEquals(0, last.code(), last.err());
            try (var files = Files.list(out)) {
                assertEquals(List.of("copy.db"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                        "staging folders were left behind");
            }
        });
    }

    @Test
    void killingWhileAutosavingKeepsAPrefixOfWhatWasTyped() throws Exception {
        Faults.record("kill -9 while autosaving (3 trials): the saved text is what was typed, library sound", () -> {
            for (int trial = 0; trial < 3; trial++) {
                Path data = dir.resolve("typing-" + trial);
                Process child = Children.java(dir, Typist.class.getName(), data.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                long sceneId = -1;
                int typed = 0;
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("scene ")) {
                            sceneId = Long.parseLong(line.substring(6));
                        } else if (line.startsWith("typed ") && ++typed >= 150 + 100 * trial) {
                            break;
                        }
                    }
                    child.destroyForcibly();
                    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                } finally {
                    child.destroyForcibly();
                }
                assertTrue(sceneId > 0, "the child never reported its scene");
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("quire.db"));
                     Statement st = c.createStatement()) {
                    try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                        rs.next();
                        assertEquals("ok", rs.getString(1));
                    }
                    try (ResultSet rs = st.executeQuery("SELECT text FROM scene WHERE id = " + sceneId)) {
                        assertTrue(rs.next());
                        String saved = rs.getString(1);
                        String expected = "The tide came in over the Hard while she read the gauge, and she did not"
                                + " round. ";
                        StringBuilder pattern = new StringBuilder();
                        while (pattern.length() < saved.length()) {
                            pattern.append(expected);
                        }
                        assertEquals(pattern.substring(0, saved.length()), saved, "trial " + trial);
                    }
                }
            }
        });
    }
}
