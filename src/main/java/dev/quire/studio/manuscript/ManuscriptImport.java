package dev.quire.studio.manuscript;

import dev.quire.model.SceneRevision;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.model.Text;
import dev.quire.studio.Studio;

/** Writes a read (and perhaps adjusted) manuscript into the library as a new story. */
public final class ManuscriptImport {

    private ManuscriptImport() {
    }

    /**
     * Creates a story from {@code manuscript} with its scenes in order, keeping each scene's text as
     * an import revision too, so the imported state can always be restored. All of it happens in one
     * transaction: a failure leaves the library as it was.
     *
     * @param title the story's title; when blank, the manuscript's own
     */
    public static Story commit(Studio studio, Manuscript manuscript, String title) {
        String chosen = Text.isBlank(title) ? manuscript.title() : title.strip();
        if (chosen.isBlank()) {
            throw new IllegalArgumentException("the story needs a title that is not blank");
        }
        if (manuscript.scenes().isEmpty()) {
            throw new IllegalArgumentException("the manuscript has no scenes to import");
        }
        return studio.database().transaction("import the manuscript \"" + chosen + "\"", () -> {
            Story story = studio.stories().create(Story.titled(chosen));
            for (DraftScene draft : manuscript.scenes()) {
                Scene scene = studio.scenes().append(Scene.titled(story.id(), draft.title()).withProse(draft.prose()));
                studio.scenes().keepRevision(scene.id(), SceneRevision.Kind.IMPORT, draft.prose());
            }
            return studio.stories().get(story.id()).orElseThrow();
        });
    }
}
