package dev.quire.studio.manuscript;

import dev.quire.model.StoryMetadata;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.math.BigInteger;
import java.util.List;

/**
 * Standard manuscript format: US Letter with 1-inch margins, 12 pt Times New Roman or Courier, double-spaced, every
 * paragraph indented half an inch. The first page has the contact block at the top left and the word count at the
 * top right (against a right tab stop), then the title and byline halfway down; every later page has a header with
 * the surname, the short title and the page number. Scene titles are not printed: scenes of a chapter are parted by
 * a centred {@code #}, as are the breaks the writer typed; each chapter starts on a new page a third of the way
 * down; "END" follows the last line.
 */
final class DocxManuscript {

    static final String BREAK_MARK = "#";
    /** Twelve-point type set single: one line of the contact block. */
    private static final int SINGLE_LINE = 276;
    private static final int DOUBLE = 480;
    private static final int TEXT_WIDTH = 6 * DocxStyles.INCH + DocxStyles.INCH / 2;
    private static final int TEXT_HEIGHT = 9 * DocxStyles.INCH;

    private DocxManuscript() {
    }

    static void styles(XWPFDocument doc, ExportedStory story, ManuscriptFont font) {
        new DocxStyles(font.face(), 24, DOUBLE)
                .paragraph(DocxProse.NORMAL, "Normal", null, p -> {
                    DocxStyles.firstLine(p, DocxStyles.INCH / 2);
                    DocxStyles.spacing(p, 0, 0, DOUBLE);
                    p.addNewWidowControl();
                }, DocxStyles::none)
                .paragraph(DocxProse.FIRST, "First Paragraph", DocxProse.NORMAL, DocxStyles::none, DocxStyles::none)
                .paragraph(DocxProse.BREAK, "Scene Break", DocxProse.NORMAL, p -> {
                    DocxStyles.centred(p);
                    DocxStyles.firstLine(p, 0);
                    p.addNewKeepNext();
                }, DocxStyles::none)
                .paragraph("ContactBlock", "Contact Block", DocxProse.NORMAL, p -> {
                    DocxStyles.firstLine(p, 0);
                    DocxStyles.spacing(p, 0, 0, 240);
                    DocxStyles.rightTab(p, TEXT_WIDTH);
                }, DocxStyles::none)
                .paragraph("Title", "Title", DocxProse.NORMAL, p -> {
                    DocxStyles.centred(p);
                    DocxStyles.firstLine(p, 0);
                    p.addNewKeepNext();
                }, DocxStyles::none)
                .paragraph("Author", "Author", DocxProse.NORMAL, p -> {
                    DocxStyles.centred(p);
                    DocxStyles.firstLine(p, 0);
                    DocxStyles.spacing(p, 0, DOUBLE, DOUBLE);
                    p.addNewKeepNext();
                }, DocxStyles::none)
                // a third of the way down the page: a third of 11 inches, less the top margin
                .paragraph("Heading1", "heading 1", DocxProse.NORMAL, p -> {
                    DocxStyles.centred(p);
                    DocxStyles.firstLine(p, 0);
                    DocxStyles.spacing(p, 11 * DocxStyles.INCH / 3 - DocxStyles.INCH, DOUBLE, DOUBLE);
                    DocxStyles.heading(p, 0);
                }, DocxStyles::none)
                .paragraph("Heading2", "heading 2", DocxProse.NORMAL, p -> {
                    DocxStyles.firstLine(p, 0);
                    DocxStyles.heading(p, 1);
                }, r -> r.addNewB())
                .paragraph("End", "End", DocxProse.NORMAL, p -> {
                    DocxStyles.centred(p);
                    DocxStyles.firstLine(p, 0);
                }, DocxStyles::none)
                .paragraph("Header", "header", DocxProse.NORMAL, p -> {
                    DocxStyles.firstLine(p, 0);
                    DocxStyles.spacing(p, 0, 0, 240);
                    p.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc.RIGHT);
                }, DocxStyles::none)
                .applyTo(doc);
        DocxStyles.page(doc, 17 * DocxStyles.INCH / 2, 11 * DocxStyles.INCH, DocxStyles.INCH, DocxStyles.INCH / 2, 1);
        DocxStyles.header(doc, header(story));
    }

    /** "Marsh / Remarks Column / " (the page number follows); without a surname, the short title alone. */
    static String header(ExportedStory story) {
        StoryMetadata m = story.metadata();
        String shortTitle = m.shortTitle().isEmpty() ? story.title().strip() : m.shortTitle();
        String surname = m.surname();
        return (surname.isEmpty() ? "" : surname + " / ") + (shortTitle.isEmpty() ? "" : shortTitle + " / ");
    }

    static void body(ExportedStory story, DocxProse out) {
        StoryMetadata m = story.metadata();
        List<String> contact = m.contactLines();
        XWPFParagraph block = out.paragraph("ContactBlock", "", false);
        if (!contact.isEmpty()) {
            block.createRun().setText(Xml.clean(contact.get(0)));
        }
        block.createRun().addTab();
        block.createRun().setText(m.rounding().approximately(story.words()));
        for (String line : contact.subList(Math.min(1, contact.size()), contact.size())) {
            block.createRun().addBreak();
            block.createRun().setText(Xml.clean(line));
        }

        XWPFParagraph title = out.paragraph("Title", story.title(), true);
        // halfway down the page, below however many lines the contact block took
        int before = TEXT_HEIGHT / 2 - Math.max(1, contact.size()) * SINGLE_LINE - DOUBLE;
        var ppr = title.getCTP().isSetPPr() ? title.getCTP().getPPr() : title.getCTP().addNewPPr();
        (ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing()).setBefore(BigInteger.valueOf(Math.max(DOUBLE,
                before)));
        if (!m.byline().isEmpty()) {
            out.paragraph("Author", "by " + m.byline(), true);
        }
        for (int i = 0; i < story.scenes().size(); i++) {
            String chapter = story.chapterOpenedBy(i);
            if (chapter != null) {
                out.newPage();
                out.paragraph("Heading1", chapter, true);
            } else if (i > 0) {
                out.sceneBreak(BREAK_MARK);
            }
            out.prose(story.scenes().get(i).prose());
        }
        out.paragraph("End", "END", false);
    }
}
