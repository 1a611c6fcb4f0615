package dev.quire.studio.manuscript;

import dev.quire.model.Chapter;
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
     * Creates a story from {@code manuscript} with its scenes in order, and its chapters with their scenes in them,
     * keeping each scene's text as an import revision too, so the imported state can always be restored. All of it
     * happens in one transaction: a failure leaves the library as it was. A chapter left with no scenes (the writer
     * removed them in the preview) is not created.
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
            if (!Text.isBlank(manuscript.author())) {
                // the file's author becomes the story's, for the title pages and properties of its exports
                studio.metadata().change(story.id(), java.util.Map.of("author", manuscript.author().strip()));
            }
            int chapterIndex = DraftScene.NO_CHAPTER;
            Chapter chapter = null;
            for (DraftScene draft : manuscript.scenes()) {
                if (draft.chapter() != chapterIndex) {
                    chapterIndex = draft.chapter();
                    chapter = studio.chapters().create(story.id(), manuscript.chapters().get(chapterIndex), "");
                }
                Scene scene = studio.scenes().append(Scene.titled(story.id(), draft.title()).withProse(draft.prose()));
                if (chapter != null) {
                    // appended last, the scene already joined the newest chapter; said outright all the same, so
                    // the import does not hang on that rule
                    studio.chapters().assign(scene.id(), chapter.id());
                }
                studio.scenes().keepRevision(scene.id(), SceneRevision.Kind.IMPORT, draft.prose());
            }
            return studio.stories().get(story.id()).orElseThrow();
        });
    }
}
