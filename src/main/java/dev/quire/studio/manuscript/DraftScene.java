package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A scene as read from a manuscript, before anything is written to the library. */
public record DraftScene(String title, Prose prose) {

    public DraftScene {
        title = Text.orEmpty(title).strip();
        Objects.requireNonNull(prose, "prose");
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
        return new DraftScene(newTitle, prose);
    }
}
