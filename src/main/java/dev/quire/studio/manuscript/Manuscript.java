package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A manuscript as read and split into scenes, not yet in the library: a value the writer can preview
 * and adjust (merge, split, rename, remove) before {@link ManuscriptImport#commit} writes it. Every
 * adjustment returns a new manuscript; scene indexes count from 0.
 */
public record Manuscript(String title, List<DraftScene> scenes) {

    public Manuscript {
        title = Text.orEmpty(title).strip();
        scenes = List.copyOf(Objects.requireNonNull(scenes, "scenes"));
    }

    public int words() {
        return scenes.stream().mapToInt(DraftScene::words).sum();
    }

    public Manuscript withTitle(String newTitle) {
        return new Manuscript(newTitle, scenes);
    }

    /** Gives scene {@code index} a new title. */
    public Manuscript rename(int index, String newTitle) {
        check(index);
        List<DraftScene> out = new ArrayList<>(scenes);
        out.set(index, scenes.get(index).withTitle(newTitle));
        return new Manuscript(title, out);
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
        out.set(index, new DraftScene(a.title().isEmpty() ? b.title() : a.title(), ProseCuts.join(a.prose(), b.prose())));
        out.remove(index + 1);
        return new Manuscript(title, out);
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
        out.set(index, new DraftScene(scene.title(), ProseCuts.slice(prose, 0, at - 1)));
        out.add(index + 1, new DraftScene(newTitle, ProseCuts.slice(prose, at, prose.text().length())));
        return new Manuscript(title, out);
    }

    /** Leaves scene {@code index} out of the import (a copyright page, notes to self). */
    public Manuscript remove(int index) {
        check(index);
        List<DraftScene> out = new ArrayList<>(scenes);
        out.remove(index);
        return new Manuscript(title, out);
    }

    private void check(int index) {
        if (index < 0 || index >= scenes.size()) {
            throw new IndexOutOfBoundsException("there is no scene " + index + "; the manuscript has "
                    + scenes.size() + " (counting from 0)");
        }
    }
}
