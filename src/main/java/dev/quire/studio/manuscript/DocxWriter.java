package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.ProvenancePalette;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A Word document: a title page (the "Title" style, then a page break), each titled scene under a
 * "Heading 1", a centred {@code * * *} before each untitled scene, italic and bold runs. A story with
 * chapters has each chapter under a "Heading 1" on a new page and its titled scenes under "Heading 2". The styles
 * are defined in the document, so Word, LibreOffice and pandoc all see real headings.
 *
 * <p>Provenance marks are shaded in the editor's colours ({@link ProvenancePalette}: A blue, B red, C green,
 * D purple, E amber, F teal, then again, as light tints so the text stays readable), with a legend of the colours
 * after the story.
 */
final class DocxWriter {

    static {
        PoiLogging.quiet();
    }


    private DocxWriter() {
    }

    static void write(ExportedStory story, StoryExport.Options options, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            defineStyles(doc);
            doc.getProperties().getCoreProperties().setTitle(Xml.clean(story.title()));
            doc.getProperties().getCoreProperties().setCreator("Quire");

            XWPFParagraph title = doc.createParagraph();
            title.setStyle("Title");
            title.setAlignment(ParagraphAlignment.CENTER);
            title.createRun().setText(Xml.clean(story.title()));

            Map<String, Provenance> colours = options.provenance() ? marks(story) : Map.of();
            // under chapters, scenes are a level down, so a reader sees (and Quire reads back) the chapters
            String sceneStyle = story.hasChapters() ? "Heading2" : "Heading1";
            List<ExportedStory.Section> scenes = story.scenes();
            for (int i = 0; i < scenes.size(); i++) {
                ExportedStory.Section scene = scenes.get(i);
                boolean first = i == 0;
                String chapter = story.chapterOpenedBy(i);
                if (chapter != null) {
                    heading(doc, "Heading1", chapter).setPageBreak(true); // a chapter starts on a new page
                }
                if (!scene.title().isEmpty()) {
                    XWPFParagraph h = heading(doc, sceneStyle, scene.title());
                    h.setPageBreak(first && chapter == null);
                } else if (first && chapter == null) {
                    doc.createParagraph().createRun().addBreak(BreakType.PAGE);
                } else if (chapter == null) {
                    XWPFParagraph br = doc.createParagraph();
                    br.setAlignment(ParagraphAlignment.CENTER);
                    br.createRun().setText(SceneBreaks.MARK);
                }
                prose(doc, scene.prose(), colours);
            }
            if (!colours.isEmpty()) {
                heading(doc, "Heading1", "About the marks").setPageBreak(true);
                doc.createParagraph().createRun().setText("Highlighted passages came from the language model, in"
                        + " one colour per variant. Everything else is the writer's own.");
                for (Map.Entry<String, Provenance> e : colours.entrySet()) {
                    XWPFParagraph p = doc.createParagraph();
                    XWPFRun r = p.createRun();
                    r.setText("Variant " + e.getKey());
                    shade(r, e.getValue());
                    p.createRun().setText(": " + ProvenancePalette.of(e.getValue()).name());
                }
            }
            if (!story.unused().isEmpty()) {
                heading(doc, "Heading1", "Variants not used").setPageBreak(true);
                for (ExportedStory.UnusedVariant v : story.unused()) {
                    heading(doc, "Heading2", v.heading());
                    XWPFRun details = doc.createParagraph().createRun();
                    details.setText(v.details());
                    details.setItalic(true);
                    prose(doc, v.prose(), Map.of());
                }
            }
            doc.write(out);
        }
    }

    private static XWPFParagraph heading(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        p.createRun().setText(Xml.clean(text));
        return p;
    }

    private static void prose(XWPFDocument doc, Prose prose, Map<String, Provenance> colours) {
        for (List<StyledRun> runs : StyledRun.paragraphs(prose)) {
            XWPFParagraph p = doc.createParagraph();
            for (StyledRun run : runs) {
                XWPFRun r = p.createRun();
                r.setText(Xml.clean(run.text()));
                if (run.italic()) {
                    r.setItalic(true);
                }
                if (run.bold()) {
                    r.setBold(true);
                }
                if (run.provenance().isVariant()) {
                    if (colours.containsKey(ExportedStory.markLabel(run.provenance()))) {
                        shade(r, run.provenance());
                    }
                }
            }
        }
    }

    /** The variant labels marking text, in order of first appearance, each with a provenance to colour it by. */
    private static Map<String, Provenance> marks(ExportedStory story) {
        Map<String, Provenance> out = new java.util.LinkedHashMap<>();
        for (String label : story.markLabels().keySet()) {
            out.put(label, Provenance.variant(label, null));
        }
        return out;
    }

    /** Shades a run in its variant's colour, as the editor paints it (a tint, not Word's few highlight colours). */
    static void shade(XWPFRun run, Provenance source) {
        CTRPr pr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTShd shd = pr.sizeOfShdArray() > 0 ? pr.getShdArray(0) : pr.addNewShd();
        shd.setVal(STShd.CLEAR);
        shd.setColor("auto");
        shd.setFill(shading(source));
    }

    /** The fill a run from {@code source} gets: six hex digits. */
    static String shading(Provenance source) {
        return ProvenancePalette.of(source).tintHex(ProvenancePalette.MARK_STRENGTH);
    }

    /** Title, Heading 1 and Heading 2, with the names Word gives them, so every reader knows them. */
    private static void defineStyles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        styles.addStyle(style(styles, "Title", "Title", 56, -1, true));
        styles.addStyle(style(styles, "Heading1", "heading 1", 32, 0, false));
        styles.addStyle(style(styles, "Heading2", "heading 2", 26, 1, false));
    }

    private static XWPFStyle style(XWPFStyles styles, String id, String name, int halfPoints, int outline,
                                   boolean centred) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        ct.addNewUiPriority().setVal(BigInteger.valueOf(outline < 0 ? 10 : 9));
        ct.addNewQFormat();
        CTPPrGeneral ppr = ct.addNewPPr();
        ppr.addNewKeepNext();
        ppr.addNewSpacing().setBefore(BigInteger.valueOf(outline < 0 ? 2400 : 480));
        ppr.getSpacing().setAfter(BigInteger.valueOf(240));
        if (outline >= 0) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        }
        if (centred) {
            ppr.addNewJc().setVal(STJc.CENTER);
        }
        CTRPr rpr = ct.addNewRPr();
        rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        return new XWPFStyle(ct, styles);
    }
}
