package dev.quire.studio.manuscript;

import dev.quire.model.Chapter;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Studio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports a story as Markdown, plain text, DOCX, EPUB 3 or PDF: a title page, chapter headings, scene
 * headings, scene breaks, italics and bold. Optionally with provenance marks (which text came from which variant)
 * and an appendix of the variants the story did not use.
 *
 * <p>For a UI: {@link #snapshot} reads the story once; {@link #write(ExportedStory, Format, Options,
 * OutputStream)} renders it; {@link #export} does both and writes the file atomically.
 *
 * @see MarkupWriter Markdown and plain text
 * @see DocxWriter DOCX
 * @see EpubWriter EPUB 3
 * @see UnusedVariants which variants count as unused
 */
public final class StoryExport {

    /**
     * @param provenance     mark the text that came from a variant: shaded in the editor's colours in DOCX, coloured
     *                       spans in EPUB, {@code <mark>} in Markdown, {@code {{A: …}}} in plain text;
     *                       with a legend after the story
     * @param unusedVariants add an appendix of the variants not used in any scene
     * @param layout         how a Word file is laid out (other formats have one layout)
     * @param font           the manuscript layout's face
     * @param underlineItalics underline what is italic instead, as some markets still ask of a manuscript
     */
    public record Options(boolean provenance, boolean unusedVariants, Layout layout, ManuscriptFont font,
                          boolean underlineItalics) {
        public static final Options PLAIN = new Options(false, false);

        public Options {
            layout = layout == null ? Layout.BOOK : layout;
            font = font == null ? ManuscriptFont.TIMES : font;
        }

        /** A book layout. */
        public Options(boolean provenance, boolean unusedVariants) {
            this(provenance, unusedVariants, Layout.BOOK, ManuscriptFont.TIMES, false);
        }

        public Options withLayout(Layout newLayout, ManuscriptFont newFont, boolean underline) {
            return new Options(provenance, unusedVariants, newLayout, newFont, underline);
        }
    }

    /** What was written. */
    public record Result(Path file, Format format, int scenes, int words, int unusedVariants, long bytes) {
    }

    private StoryExport() {
    }

    /** Reads the story, its scenes and (when asked for) its unused variants in one consistent read. */
    public static ExportedStory snapshot(Studio studio, long storyId, Options options) {
        return studio.database().consistentRead("read the story for export", () -> {
            Story story = studio.stories().get(storyId).orElseThrow(() -> new ManuscriptException(null,
                    "Story " + storyId + " is no longer in the library; it may have been deleted."));
            List<Scene> scenes = studio.scenes().all(storyId);
            Map<Long, Long> sceneChapters = studio.chapters().sceneChapters(storyId);
            Map<Long, Chapter> chapters = new HashMap<>();
            studio.chapters().list(storyId).forEach(c -> chapters.put(c.id(), c));
            // only chapters that hold scenes: an empty one has no text to head, and read back it would join the next
            Map<Long, Integer> indexes = new HashMap<>();
            List<String> headings = new ArrayList<>();
            List<ExportedStory.Section> sections = new ArrayList<>();
            for (Scene s : scenes) {
                Chapter chapter = chapters.get(sceneChapters.get(s.id()));
                int index = ExportedStory.Section.NO_CHAPTER;
                if (chapter != null) {
                    index = indexes.computeIfAbsent(chapter.id(), id -> {
                        headings.add(heading(chapter));
                        return headings.size() - 1;
                    });
                }
                sections.add(new ExportedStory.Section(s.title(), s.prose(), index));
            }
            List<ExportedStory.UnusedVariant> unused = options.unusedVariants()
                    ? UnusedVariants.find(studio, storyId, scenes) : List.of();
            return new ExportedStory(story.id(), story.title(), story.updated(), sections, unused, headings,
                    studio.metadata().of(storyId));
        });
    }

    /** The chapter's own title, which reads back as the same title; "Chapter 3" for an untitled one. */
    private static String heading(Chapter chapter) {
        return chapter.title().isBlank() ? chapter.label() : chapter.title().strip();
    }

    /** Renders {@code story} as {@code format} onto {@code out}. */
    public static void write(ExportedStory story, Format format, Options options, OutputStream out) throws IOException {
        switch (format) {
            case MARKDOWN, TEXT -> MarkupWriter.write(story, format, options, out);
            case DOCX -> DocxWriter.write(story, options, out);
            case EPUB -> EpubWriter.write(story, options, out);
            case PDF -> PdfStoryWriter.write(story, options, out);
            default -> throw new IllegalArgumentException("no writer for " + format);
        }
    }

    /**
     * Writes the story to {@code file}, whole or not at all: a failure leaves no half-written file, and
     * an earlier file of that name as it was.
     *
     * @throws ManuscriptException when the file cannot be written; the message says why and what to do
     */
    public static Result export(Studio studio, long storyId, Format format, Options options, Path file) {
        ExportedStory story = snapshot(studio, storyId, options);
        long bytes = AtomicFile.write(file, out -> write(story, format, options, out));
        return new Result(file.toAbsolutePath().normalize(), format, story.scenes().size(), story.words(),
                story.unused().size(), bytes);
    }
}
