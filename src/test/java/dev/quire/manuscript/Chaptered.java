package dev.quire.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Markup;
import dev.quire.studio.Studio;

import java.util.ArrayList;
import java.util.List;

/**
 * A story in chapters: a titled scene in no chapter, a chapter "Spring" of a titled and an untitled scene, an
 * untitled chapter (headed "Chapter 2") that opens with an untitled scene, and an empty chapter "Autumn" last.
 */
final class Chaptered {

    static final String TITLE = "The Ferry Year";

    private Chaptered() {
    }

    /** Adds the story and returns its id. */
    static long addTo(Studio studio) {
        long id = studio.stories().create(Story.titled(TITLE)).id();
        List<Scene> scenes = new ArrayList<>();
        scenes.add(scene(studio, id, "Before", "The river froze the winter before."));
        scenes.add(scene(studio, id, "Thaw", "Ice broke on the *river*."));
        scenes.add(scene(studio, id, "", "The ferry ran again."));
        scenes.add(scene(studio, id, "", "Summer came late."));
        scenes.add(scene(studio, id, "Regatta", "Boats & **flags** <everywhere>."));
        studio.chapters().startAt(scenes.get(1).id(), "Spring");
        studio.chapters().startAt(scenes.get(3).id(), "");
        studio.chapters().create(id, "Autumn", "");
        return id;
    }

    private static Scene scene(Studio studio, long storyId, String title, String markup) {
        Prose prose = Markup.parse(markup, Provenance.WRITER);
        return studio.scenes().append(Scene.titled(storyId, title).withProse(prose));
    }
}
