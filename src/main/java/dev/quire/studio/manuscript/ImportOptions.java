package dev.quire.studio.manuscript;

/**
 * How a manuscript is read, where the file leaves a choice to the writer.
 *
 * @param pageBreaksAsSceneBreaks a page break in a Word document starts a new scene (off: it is only the end of a
 *                                paragraph, as most page breaks in a manuscript are layout)
 */
public record ImportOptions(boolean pageBreaksAsSceneBreaks) {

    public static final ImportOptions DEFAULT = new ImportOptions(false);
}
