package dev.quire.studio.manuscript;

import dev.quire.model.Prose;

/**
 * One piece of a manuscript as the readers find it: a heading, a scene break, a paragraph, or a note (a footnote's
 * text, which goes at the end of the scene it is in).
 */
record Block(Kind kind, int level, String heading, Prose prose) {

    enum Kind { HEADING, BREAK, PARAGRAPH, NOTE }

    /** Level 0 is a title by its style (DOCX "Title"); 1 to 6 are heading levels. */
    static Block heading(int level, String text) {
        return new Block(Kind.HEADING, level, text.strip(), Prose.EMPTY);
    }

    static Block sceneBreak() {
        return new Block(Kind.BREAK, 0, "", Prose.EMPTY);
    }

    static Block paragraph(Prose prose) {
        return new Block(Kind.PARAGRAPH, 0, "", prose);
    }

    static Block note(Prose prose) {
        return new Block(Kind.NOTE, 0, "", prose);
    }
}
