package dev.quire.studio.manuscript;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats a manuscript is read from or a story is written to. */
public enum Format {
    MARKDOWN("Markdown", "md", true),
    TEXT("plain text", "txt", true),
    DOCX("Word (DOCX)", "docx", true),
    EPUB("EPUB 3", "epub", false),
    PDF("PDF", "pdf", false);

    private final String displayName;
    private final String extension;
    private final boolean importable;

    Format(String displayName, String extension, boolean importable) {
        this.displayName = displayName;
        this.extension = extension;
        this.importable = importable;
    }

    public String displayName() {
        return displayName;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether a manuscript can be read from this format (EPUB and PDF are export only). */
    public boolean importable() {
        return importable;
    }

    /** The format a file name's extension says: .md/.markdown, .txt/.text, .docx, .epub, .pdf. */
    public static Optional<Format> ofFileName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : named(s.substring(dot + 1));
    }

    /** A format by the name a writer types: md, markdown, txt, text, docx, epub, pdf (any case). */
    public static Optional<Format> named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> Optional.of(MARKDOWN);
            case "txt", "text" -> Optional.of(TEXT);
            case "docx" -> Optional.of(DOCX);
            case "epub" -> Optional.of(EPUB);
            case "pdf" -> Optional.of(PDF);
            default -> Optional.empty();
        };
    }
}
