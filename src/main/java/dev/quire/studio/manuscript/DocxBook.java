package dev.quire.studio.manuscript;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;

/**
 * The book layout: a 6 × 9 inch page in Palatino, a title page with title and author, each chapter on a new page,
 * first-line indents (none on the first paragraph of a chapter or scene or after a break), no space between
 * paragraphs, the page number centred below, counted from the first page after the title page.
 */
final class DocxBook {

    static final String FACE = "Palatino Linotype";

    private DocxBook() {
    }

    static void styles(XWPFDocument doc) {
        new DocxStyles(FACE, 22, 264)
                .paragraph(DocxProse.NORMAL, "Normal", null, p -> {
                    DocxStyles.firstLine(p, 360);
                    p.addNewJc().setVal(STJc.BOTH);
                    p.addNewWidowControl();
                }, DocxStyles::none)
                .paragraph(DocxProse.FIRST, "First Paragraph", DocxProse.NORMAL, p -> DocxStyles.firstLine(p, 0),
                        DocxStyles::none)
                .paragraph(DocxProse.BREAK, "Scene Break", DocxProse.NORMAL, p -> {
                    DocxStyles.centred(p);
                    DocxStyles.firstLine(p, 0);
                    DocxStyles.spacing(p, 240, 240, 264);
                    p.addNewKeepNext();
                }, DocxStyles::none)
                .paragraph("Title", "Title", DocxProse.NORMAL, p -> {
                    DocxStyles.centred(p);
                    DocxStyles.firstLine(p, 0);
                    DocxStyles.spacing(p, 2880, 480, 240);
                    p.addNewKeepNext();
                }, r -> DocxStyles.size(r, 48))
                .paragraph("Author", "Author", DocxProse.NORMAL, p -> {
                    DocxStyles.centred(p);
                    DocxStyles.firstLine(p, 0);
                }, r -> DocxStyles.size(r, 28))
                .paragraph("Heading1", "heading 1", DocxProse.NORMAL, p -> {
                    DocxStyles.centred(p);
                    DocxStyles.firstLine(p, 0);
                    DocxStyles.spacing(p, 1440, 720, 240);
                    DocxStyles.heading(p, 0);
                }, r -> DocxStyles.size(r, 32))
                .paragraph("Heading2", "heading 2", DocxProse.NORMAL, p -> {
                    DocxStyles.centred(p);
                    DocxStyles.firstLine(p, 0);
                    DocxStyles.spacing(p, 360, 240, 240);
                    DocxStyles.heading(p, 1);
                }, r -> {
                    r.addNewI();
                    DocxStyles.size(r, 24);
                })
                .paragraph("Header", "header", DocxProse.NORMAL, p -> {
                    DocxStyles.firstLine(p, 0);
                    p.addNewJc().setVal(STJc.RIGHT);
                }, r -> DocxStyles.size(r, 18))
                .paragraph("Footer", "footer", DocxProse.NORMAL, p -> {
                    DocxStyles.firstLine(p, 0);
                    DocxStyles.centred(p);
                }, r -> DocxStyles.size(r, 18))
                .applyTo(doc);
        DocxStyles.page(doc, 6 * DocxStyles.INCH, 9 * DocxStyles.INCH, DocxStyles.INCH * 3 / 4, 576, 0);
        DocxStyles.footer(doc);
    }

    static void body(ExportedStory story, DocxProse out) {
        out.paragraph("Title", story.title(), true);
        if (!story.metadata().byline().isEmpty()) {
            out.paragraph("Author", story.metadata().byline(), true);
        }
        // under chapters, scenes are a level down, so a reader sees (and Quire reads back) the chapters
        String sceneStyle = story.hasChapters() ? "Heading2" : "Heading1";
        for (int i = 0; i < story.scenes().size(); i++) {
            ExportedStory.Section scene = story.scenes().get(i);
            String chapter = story.chapterOpenedBy(i);
            if (i == 0 || chapter != null) {
                out.newPage();
            }
            if (chapter != null) {
                out.paragraph("Heading1", chapter, true);
            }
            if (!scene.title().isEmpty()) {
                out.paragraph(sceneStyle, scene.title(), true);
            } else if (i > 0 && chapter == null) {
                out.sceneBreak(SceneBreaks.MARK);
            }
            out.prose(scene.prose());
        }
    }
}
