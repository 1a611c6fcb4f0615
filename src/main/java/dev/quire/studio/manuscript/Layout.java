package dev.quire.studio.manuscript;

import java.util.Locale;
import java.util.Optional;

/** How a Word export is laid out. */
public enum Layout {
    /**
     * To read: a title page with title and author, a serif face, first-line indents (none on a chapter's first
     * paragraph or after a break), no space between paragraphs, each chapter on a new page, page numbers below.
     */
    BOOK("book", "Book"),
    /**
     * Standard manuscript format, as agents and magazines ask for it: 12 pt, double-spaced, 1-inch margins, the
     * contact block and word count on the first page, a running header, {@code #} scene breaks, "END".
     */
    MANUSCRIPT("manuscript", "Manuscript (standard manuscript format)");

    private final String key;
    private final String displayName;

    Layout(String key, String displayName) {
        this.key = key;
        this.displayName = displayName;
    }

    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    /** By the name a writer types: book or manuscript (any case). */
    public static Optional<Layout> named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Layout l : values()) {
            if (l.key.equals(n)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
