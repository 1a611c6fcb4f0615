package dev.quire.crash;

import dev.quire.model.Scene;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer's promise: killing Quire ({@code kill -9}) while typing loses at most the last second.
 * A real child JVM types without pause and autosaves; we kill it mid-stream and read the library.
 */
class KillDuringTypingTest {

    private record Keystroke(int count, long seenAt) {
    }

    @Test
    void killingTheProcessWhileTypingLosesAtMostTheLastSecond(@TempDir Path dataDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Typist.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<Keystroke> keystrokes = new ArrayList<>();
        Long sceneId = null;
        long killedAt;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                long now = System.nanoTime();
                if (line.startsWith("scene ")) {
                    sceneId = Long.parseLong(line.substring(6));
                } else if (line.startsWith("typed ")) {
                    keystrokes.add(new Keystroke(Integer.parseInt(line.substring(6)), now));
                    // about three seconds of typing, so several autosaves have happened
                    if (keystrokes.size() >= 3_000 / Typist.KEYSTROKE_MILLIS) {
                        break;
                    }
                }
            }
            killedAt = System.nanoTime();
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        } finally {
            child.destroyForcibly();
        }
        assertNotNull(sceneId, "the child never reported its scene");

        // everything typed more than a second before the kill must be in the library
        int mustHave = 0;
        for (Keystroke k : keystrokes) {
            if (killedAt - k.seenAt() >= TimeUnit.SECONDS.toNanos(1)) {
                mustHave = Math.max(mustHave, k.count());
            }
        }
        assertTrue(mustHave > 100, "the child typed too little to judge: " + mustHave);

        String saved;
        try (Studio studio = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            saved = studio.scenes().get(sceneId).map(Scene::prose).orElseThrow().text();
            assertTrue(studio.check().isEmpty(), "the library is not sound after the kill: " + studio.check());
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < saved.length(); i++) {
            expected.append(Typist.keystroke(i));
        }
        assertEquals(expected.toString(), saved, "the saved text is not what was typed");
        assertTrue(saved.length() >= mustHave, "the library kept " + saved.length() + " characters, but "
                + mustHave + " had been typed more than a second before the kill");
    }
}
