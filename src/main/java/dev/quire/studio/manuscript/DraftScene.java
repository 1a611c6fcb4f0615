package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scene as read from a manuscript, before anything is written to the library.
 *
 * @param chapter the chapter it is in, as an index into {@link Manuscript#chapters()}; {@link #NO_CHAPTER} for none
 */
public record DraftScene(String title, Prose prose, int chapter) {

    /** A scene in no chapter: one from a manuscript without chapters, or before its first chapter. */
    public static final int NO_CHAPTER = -1;

    public DraftScene {
        title = Text.orEmpty(title).strip();
        Objects.requireNonNull(prose, "prose");
        if (chapter < NO_CHAPTER) {
            throw new IllegalArgumentException("a chapter is counted from 0, or " + NO_CHAPTER + " for none, not "
                    + chapter);
        }
    }

    /** A scene in no chapter. */
    public DraftScene(String title, Prose prose) {
        this(title, prose, NO_CHAPTER);
    }

    public int words() {
        return prose.wordCount();
    }

    /** Paragraphs as Quire keeps them: the prose's lines. An empty scene has none. */
    public int paragraphCount() {
        return paragraphs().size();
    }

    /** Each paragraph's plain text, for a preview. */
    public List<String> paragraphs() {
        List<String> out = new ArrayList<>();
        if (!prose.isEmpty()) {
            out.addAll(List.of(prose.text().split("\n", -1)));
        }
        return out;
    }

    public DraftScene withTitle(String newTitle) {
        return new DraftScene(newTitle, prose, chapter);
    }

    /** The same scene with other text, in the same chapter. */
    DraftScene withProse(Prose newProse) {
        return new DraftScene(title, newProse, chapter);
    }
}
