package dev.quire.studio.manuscript;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a manuscript (Markdown, plain text or DOCX) and splits it into scenes at headings and
 * scene-break lines. Pure: nothing is written anywhere, so a preview can be shown and adjusted
 * ({@link Manuscript#mergeWithNext}, {@link Manuscript#split}, {@link Manuscript#rename}) before
 * {@link ManuscriptImport#commit} stores it.
 *
 * @see TextBlocks how Markdown and plain text are read
 * @see DocxBlocks how Word documents are read
 * @see Assembler how blocks become scenes and which heading is the title
 */
public final class ManuscriptReader {

    /** Larger than any novel: a file this big is not a manuscript. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private ManuscriptReader() {
    }

    /** Reads {@code file} in the format its extension says (.md, .markdown, .txt, .text, .docx). */
    public static Manuscript read(Path file) {
        Format format = Format.ofFileName(file).filter(Format::importable).orElseThrow(() ->
                new ManuscriptException(file, "Quire cannot tell the format of " + file + " from its name. Name"
                        + " it .md, .txt or .docx, or say which it is (--format md|txt|docx)."));
        return read(file, format);
    }

    public static Manuscript read(Path file, Format format) {
        return read(file, format, null);
    }

    /**
     * Reads {@code file} as {@code format}; a text file in an encoding other than UTF-8 or UTF-16 needs
     * {@code encoding} (null to detect).
     */
    public static Manuscript read(Path file, Format format, Charset encoding) {
        return read(bytes(file), format, file, encoding);
    }

    /** As {@link #read(Path, Format, Charset)}, with the writer's choices for how the file is read. */
    public static Manuscript read(Path file, Format format, Charset encoding, ImportOptions options) {
        return read(bytes(file), format, file, encoding, options);
    }

    /**
     * Reads a manuscript held in memory. {@code source} names it in messages and gives the title when
     * the manuscript has none.
     */
    public static Manuscript read(byte[] content, Format format, Path source, Charset encoding) {
        return read(content, format, source, encoding, ImportOptions.DEFAULT);
    }

    /** As {@link #read(byte[], Format, Path, Charset)}, with the writer's choices for how the file is read. */
    public static Manuscript read(byte[] content, Format format, Path source, Charset encoding,
                                  ImportOptions options) {
        if (!format.importable()) {
            throw new ManuscriptException(source, "Quire can export " + format.displayName() + " but not import"
                    + " it. Import Markdown (.md), plain text (.txt) or Word (.docx).");
        }
        if (content.length == 0) {
            throw new ManuscriptException(source, source + " is empty: there is nothing to import.");
        }
        if (content.length > MAX_BYTES) {
            throw tooLarge(source, content.length);
        }
        List<Block> blocks;
        String declared;
        String author = "";
        ImportReport report = ImportReport.NOTHING;
        if (format == Format.DOCX) {
            DocxBlocks.Result r = DocxBlocks.read(content, source, options);
            blocks = r.blocks();
            declared = r.declaredTitle();
            author = r.author();
            report = r.report();
        } else {
            String text = TextDecoding.decode(content, source, encoding);
            TextBlocks.Result r = TextBlocks.read(text, format == Format.MARKDOWN);
            blocks = r.blocks();
            declared = r.declaredTitle();
        }
        Manuscript m = Assembler.assemble(blocks, declared, titleFromName(source));
        m = new Manuscript(m.title(), m.scenes(), m.chapters(), author, report);
        if (m.scenes().stream().allMatch(s -> s.prose().isEmpty())) {
            throw new ManuscriptException(source, source + " has no prose to import"
                    + (m.scenes().isEmpty() ? "" : " (only headings)") + ". Check that it is the manuscript you meant.");
        }
        return m;
    }

    private static byte[] bytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new ManuscriptException(file, file + " is a folder. Name the manuscript file itself.");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(file, size);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ManuscriptException(file, "There is no file " + file + ". Check the name and the folder.", e);
        } catch (AccessDeniedException e) {
            throw new ManuscriptException(file, "Quire is not allowed to read " + file + ". Check the file's"
                    + " permissions.", e);
        } catch (IOException e) {
            throw new ManuscriptException(file, "Quire could not read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private static ManuscriptException tooLarge(Path file, long size) {
        return new ManuscriptException(file, file + " is " + (size / (1024 * 1024)) + " MB, more than any"
                + " manuscript (Quire reads up to " + (MAX_BYTES / (1024 * 1024)) + " MB). Check that it is the"
                + " file you meant.");
    }

    /** "the-lighthouse_draft.md" reads as "the-lighthouse draft". */
    static String titleFromName(Path source) {
        if (source == null || source.getFileName() == null) {
            return "Imported manuscript";
        }
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').strip();
        return stem.isEmpty() ? "Imported manuscript" : stem;
    }
}
