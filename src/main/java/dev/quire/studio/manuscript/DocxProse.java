package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.util.List;
import java.util.Map;

/**
 * Writes prose into a Word body, paragraph by paragraph, in the layout's styles: the first paragraph after a
 * heading or a break in its own style (a book sets it without an indent), a line the writer typed as a scene break
 * as a centred break, italics as italics (or underlined, when the writer asks).
 */
final class DocxProse {

    static final String NORMAL = "Normal";
    static final String FIRST = "FirstParagraph";
    static final String BREAK = "SceneBreak";
    private static final char LINE = '\u2028';

    private final XWPFDocument doc;
    private final Map<String, Provenance> colours;
    private final String breakMark;
    private final boolean underlineItalics;
    private boolean fresh = true;
    private boolean lastWasBreak;
    private boolean pageBreakNext;

    /**
     * @param breakMark what a break is printed as; null to keep the writer's own mark
     */
    DocxProse(XWPFDocument doc, Map<String, Provenance> colours, String breakMark, boolean underlineItalics) {
        this.doc = doc;
        this.colours = colours;
        this.breakMark = breakMark;
        this.underlineItalics = underlineItalics;
    }

    XWPFDocument doc() {
        return doc;
    }

    /** A paragraph in {@code style}; what follows it starts fresh when {@code fresh}. */
    XWPFParagraph paragraph(String style, String text, boolean startsFresh) {
        XWPFParagraph p = next(style);
        if (!text.isEmpty()) {
            p.createRun().setText(Xml.clean(text));
        }
        fresh = startsFresh;
        lastWasBreak = style.equals(BREAK);
        return p;
    }

    /**
     * A centred scene break; the paragraph after it has no indent in a book. A break right after another (a scene
     * that ends or opens with a typed break, next to the break between scenes) is one break.
     */
    void sceneBreak(String typed) {
        if (!lastWasBreak) {
            paragraph(BREAK, breakMark == null ? typed.strip() : breakMark, true);
        }
    }

    /** The next paragraph written starts a new page (by {@code w:pageBreakBefore}, not a blank page of lines). */
    void newPage() {
        pageBreakNext = true;
    }

    void prose(Prose prose) {
        for (List<StyledRun> runs : StyledRun.paragraphs(prose)) {
            StringBuilder text = new StringBuilder();
            runs.forEach(r -> text.append(r.text()));
            if (text.toString().isBlank()) {
                continue;
            }
            if (SceneBreaks.isBreak(text.toString())) {
                sceneBreak(text.toString());
                continue;
            }
            XWPFParagraph p = next(fresh ? FIRST : NORMAL);
            fresh = false;
            lastWasBreak = false;
            for (StyledRun run : runs) {
                XWPFRun r = p.createRun();
                text(r, run.text());
                if (run.italic()) {
                    if (underlineItalics) {
                        r.setUnderline(UnderlinePatterns.SINGLE);
                    } else {
                        r.setItalic(true);
                    }
                }
                if (run.bold()) {
                    r.setBold(true);
                }
                if (run.provenance().isVariant() && colours.containsKey(ExportedStory.markLabel(run.provenance()))) {
                    DocxWriter.shade(r, run.provenance());
                }
            }
        }
    }

    /** A run's text, each line break inside the paragraph (U+2028) as Word's own line break. */
    private static void text(XWPFRun r, String text) {
        String[] lines = text.split(String.valueOf(LINE), -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            if (!lines[i].isEmpty()) {
                r.setText(Xml.clean(lines[i]));
            }
        }
    }

    private XWPFParagraph next(String style) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        if (pageBreakNext) {
            p.setPageBreak(true);
            pageBreakNext = false;
        }
        return p;
    }
}
