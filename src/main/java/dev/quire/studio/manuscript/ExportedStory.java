package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Span;
import dev.quire.model.StoryMetadata;
import dev.quire.model.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an export writes: a snapshot of the story taken in one read, so every format is written from
 * the same state.
 *
 * @param id       the story's id in the library (the EPUB identifier is made from it)
 * @param modified when the story last changed (the EPUB's modification date)
 * @param unused   variants not used in any scene, when the appendix was asked for; otherwise empty
 * @param chapters the headings of the story's chapters that hold scenes, in story order; empty when it has none
 * @param metadata who the story is by and how to reach them
 */
public record ExportedStory(long id, String title, Instant modified, List<Section> scenes,
                            List<UnusedVariant> unused, List<String> chapters, StoryMetadata metadata) {

    public ExportedStory {
        metadata = metadata == null ? StoryMetadata.NONE : metadata;
        title = Text.orEmpty(title);
        scenes = List.copyOf(scenes);
        unused = List.copyOf(unused);
        chapters = List.copyOf(chapters);
        for (Section s : scenes) {
            if (s.chapter() >= chapters.size()) {
                throw new IllegalArgumentException("scene “" + s.title() + "” is in chapter " + s.chapter()
                        + " of " + chapters.size());
            }
        }
    }

    /** A story with no metadata. */
    public ExportedStory(long id, String title, Instant modified, List<Section> scenes, List<UnusedVariant> unused,
                         List<String> chapters) {
        this(id, title, modified, scenes, unused, chapters, StoryMetadata.NONE);
    }

    /** A story without chapters. */
    public ExportedStory(long id, String title, Instant modified, List<Section> scenes, List<UnusedVariant> unused) {
        this(id, title, modified, scenes, unused, List.of());
    }

    /**
     * A scene as exported: its title (may be empty) and text.
     *
     * @param chapter its chapter, as an index into {@link #chapters()}; {@link #NO_CHAPTER} for none
     */
    public record Section(String title, Prose prose, int chapter) {

        public static final int NO_CHAPTER = -1;

        public Section {
            title = Text.orEmpty(title).strip();
        }

        public Section(String title, Prose prose) {
            this(title, prose, NO_CHAPTER);
        }
    }

    public boolean hasChapters() {
        return !chapters.isEmpty();
    }

    /** The heading of the chapter scene {@code index} opens; null when it opens none (or is in none). */
    public String chapterOpenedBy(int index) {
        int chapter = scenes.get(index).chapter();
        boolean opens = chapter != Section.NO_CHAPTER && (index == 0 || scenes.get(index - 1).chapter() != chapter);
        return opens ? chapters.get(chapter) : null;
    }

    /**
     * A variant whose text the story does not use.
     *
     * @param scene      the scene's position in the story, from 1; 0 when the generation was not for a scene
     * @param sceneTitle the scene's title, or ""
     */
    public record UnusedVariant(int scene, String sceneTitle, long generationId, String label, String model,
                                Instant started, Prose prose) {
        public UnusedVariant {
            sceneTitle = Text.orEmpty(sceneTitle);
            model = Text.orEmpty(model);
        }

        /** "Scene 2, “The Crossed Sevens”: variant B" */
        public String heading() {
            String where = scene == 0 ? "A new scene" : "Scene " + scene + (sceneTitle.isEmpty() ? "" : ", “" + sceneTitle + "”");
            return where + ": variant " + label;
        }

        /** "generation 14 · claude-… · 2025-03-01" */
        public String details() {
            StringBuilder s = new StringBuilder("generation ").append(generationId);
            if (!model.isEmpty()) {
                s.append(" · ").append(model);
            }
            if (started != null) {
                s.append(" · ").append(started.toString(), 0, 10);
            }
            return s.toString();
        }
    }

    public int words() {
        return scenes.stream().mapToInt(s -> s.prose().wordCount()).sum();
    }

    /**
     * The variant labels that mark text in the scenes, in order of first appearance, each with its
     * number from 0: the colour or class a provenance mark uses.
     */
    public Map<String, Integer> markLabels() {
        Map<String, Integer> labels = new LinkedHashMap<>();
        for (Section s : scenes) {
            for (Span span : s.prose().spans()) {
                if (span.provenance().isVariant()) {
                    labels.putIfAbsent(markLabel(span.provenance()), labels.size());
                }
            }
        }
        return labels;
    }

    /** The label a mark shows: the variant's letter, or "model" when the text carries none. */
    static String markLabel(Provenance p) {
        return p.label().isBlank() ? "model" : p.label().strip();
    }

    /** The story's paragraphs as plain text, scene by scene; for comparing exports with what was stored. */
    public List<String> paragraphs() {
        List<String> out = new ArrayList<>();
        for (Section s : scenes) {
            if (!s.prose().isEmpty()) {
                out.addAll(List.of(s.prose().text().split("\n", -1)));
            }
        }
        return out;
    }
}
