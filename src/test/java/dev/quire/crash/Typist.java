package dev.quire.crash;

import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Autosaver;
import dev.quire.studio.Studio;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A child process that types into a scene without pause, autosaving as the studio does: one
 * "editor" thread types and takes snapshots (as the FX thread does), another writes. After each
 * keystroke it prints {@code typed N}. It runs until it is killed.
 */
public final class Typist {

    static final String TEXT = "The tide came in over the Hard while she read the gauge, and she did not round. ";
    static final long KEYSTROKE_MILLIS = 8;

    private Typist() {
    }

    static char keystroke(int n) {
        return TEXT.charAt(n % TEXT.length());
    }

    public static void main(String[] args) {
        Studio studio = Studio.open(Path.of(args[0]), Studio.NewLibrary.EMPTY);
        Story story = studio.stories().create(Story.titled("Kill test"));
        Scene scene = studio.scenes().append(Scene.titled(story.id(), "Typed without pause"));
        System.out.println("scene " + scene.id());
        System.out.flush();

        ScheduledExecutorService editor = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor();
        StringBuilder typed = new StringBuilder();
        Autosaver<Prose> autosaver = new Autosaver<>(saver, editor, () -> Prose.plain(typed.toString()),
                prose -> studio.scenes().saveProse(scene.id(), prose), Autosaver.QUIET, Autosaver.MAX_DELAY,
                e -> System.out.println("save failed " + e.getMessage()), () -> { });
        editor.scheduleAtFixedRate(() -> {
            typed.append(keystroke(typed.length()));
            autosaver.changed();
            System.out.println("typed " + typed.length());
            System.out.flush();
        }, 0, KEYSTROKE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
