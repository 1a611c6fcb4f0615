package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A manuscript as read and split into scenes, not yet in the library: a value the writer can preview
 * and adjust (merge, split, rename, remove) before {@link ManuscriptImport#commit} writes it. Every
 * adjustment returns a new manuscript; scene indexes count from 0.
 *
 * <p>Chapters, when the manuscript has them, are the titles in {@code chapters}; each scene names its own by
 * index ({@link DraftScene#chapter()}). As in the library, scenes in no chapter come first, then each chapter's
 * scenes in chapter order, and the adjustments keep it so: a merged scene stays in the first one's chapter, a
 * split one's new half in the same chapter. A chapter whose scenes were all removed is not imported.
 *
 * @param chapters the chapters' titles in order; empty for a manuscript without chapters
 * @param author the author the file names (a Word document's properties or its Author line), or ""
 * @param report what reading the file did beyond copying its text (changes accepted, notes kept, images left out)
 */
public record Manuscript(String title, List<DraftScene> scenes, List<String> chapters, String author,
                         ImportReport report) {

    public Manuscript {
        title = Text.orEmpty(title).strip();
        author = Text.orEmpty(author).strip();
        report = report == null ? ImportReport.NOTHING : report;
        scenes = List.copyOf(Objects.requireNonNull(scenes, "scenes"));
        chapters = List.copyOf(chapters == null ? List.of() : chapters.stream().map(t -> Text.orEmpty(t).strip())
                .toList());
        int last = DraftScene.NO_CHAPTER;
        for (DraftScene s : scenes) {
            if (s.chapter() >= chapters.size()) {
                throw new IllegalArgumentException("scene “" + s.title() + "” is in chapter " + s.chapter()
                        + " but the manuscript has " + chapters.size());
            }
            if (s.chapter() < last) {
                // the library keeps this order, so a manuscript that does not could not be imported as it reads
                throw new IllegalArgumentException("scene “" + s.title() + "” comes after a scene of a later chapter");
            }
            last = s.chapter();
        }
    }

    /** A manuscript without chapters. */
    public Manuscript(String title, List<DraftScene> scenes) {
        this(title, scenes, List.of());
    }

    /** A manuscript with no author named and nothing to report. */
    public Manuscript(String title, List<DraftScene> scenes, List<String> chapters) {
        this(title, scenes, chapters, "", ImportReport.NOTHING);
    }

    /** The title of the chapter scene {@code index} is in; empty when it is in none. */
    public Optional<String> chapterOf(int index) {
        check(index);
        int chapter = scenes.get(index).chapter();
        return chapter == DraftScene.NO_CHAPTER ? Optional.empty() : Optional.of(chapters.get(chapter));
    }

    public int words() {
        return scenes.stream().mapToInt(DraftScene::words).sum();
    }

    public Manuscript withTitle(String newTitle) {
        return new Manuscript(newTitle, scenes, chapters, author, report);
    }

    /** Gives scene {@code index} a new title. */
    public Manuscript rename(int index, String newTitle) {
        check(index);
        List<DraftScene> out = new ArrayList<>(scenes);
        out.set(index, scenes.get(index).withTitle(newTitle));
        return new Manuscript(title, out, chapters, author, report);
    }

    /**
     * Joins scene {@code index} and the one after it into one scene: the first's paragraphs, then the
     * second's. It keeps the first scene's title, or the second's when the first has none.
     */
    public Manuscript mergeWithNext(int index) {
        check(index);
        if (index + 1 >= scenes.size()) {
            throw new IllegalArgumentException("scene " + index + " is the last scene; there is none after it to merge");
        }
        DraftScene a = scenes.get(index);
        DraftScene b = scenes.get(index + 1);
        List<DraftScene> out = new ArrayList<>(scenes);
        out.set(index, a.withTitle(a.title().isEmpty() ? b.title() : a.title())
                .withProse(ProseCuts.join(a.prose(), b.prose())));
        out.remove(index + 1);
        return new Manuscript(title, out, chapters, author, report);
    }

    /**
     * Splits scene {@code index} before its paragraph {@code paragraph} (from 0): that paragraph and
     * those after it become a new, untitled scene right after it.
     */
    public Manuscript split(int index, int paragraph) {
        return split(index, paragraph, "");
    }

    /** As {@link #split(int, int)}, giving the new scene a title. */
    public Manuscript split(int index, int paragraph, String newTitle) {
        check(index);
        DraftScene scene = scenes.get(index);
        int count = scene.paragraphCount();
        if (paragraph <= 0 || paragraph >= count) {
            throw new IllegalArgumentException("scene " + index + " has " + count + " paragraphs; it can be split"
                    + " before paragraph 1 to " + (count - 1) + ", not " + paragraph);
        }
        Prose prose = scene.prose();
        int at = ProseCuts.paragraphStart(prose, paragraph);
        List<DraftScene> out = new ArrayList<>(scenes);
        out.set(index, scene.withProse(ProseCuts.slice(prose, 0, at - 1)));
        out.add(index + 1, new DraftScene(newTitle, ProseCuts.slice(prose, at, prose.text().length()),
                scene.chapter()));
        return new Manuscript(title, out, chapters, author, report);
    }

    /** Leaves scene {@code index} out of the import (a copyright page, notes to self). */
    public Manuscript remove(int index) {
        check(index);
        List<DraftScene> out = new ArrayList<>(scenes);
        out.remove(index);
        return new Manuscript(title, out, chapters, author, report);
    }

    private void check(int index) {
        if (index < 0 || index >= scenes.size()) {
            throw new IndexOutOfBoundsException("there is no scene " + index + "; the manuscript has "
                    + scenes.size() + " (counting from 0)");
        }
    }
}
