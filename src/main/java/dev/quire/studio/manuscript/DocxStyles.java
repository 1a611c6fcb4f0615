package dev.quire.studio.manuscript;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;

import java.math.BigInteger;
import java.util.function.Consumer;

/**
 * The Word features the layouts are built of: paragraph styles with the names Word gives them, the page and its
 * margins, headers and footers with a {@code PAGE} field, and a first page with a header of its own. Sizes are in
 * twentieths of a point (1440 to the inch), font sizes in half points.
 */
final class DocxStyles {

    static final int INCH = 1440;

    private final CTStyles styles = CTStyles.Factory.newInstance();

    /** Document defaults: the face and size every style inherits, single spacing, nothing after a paragraph. */
    DocxStyles(String face, int halfPoints, int line) {
        CTDocDefaults defaults = styles.addNewDocDefaults();
        CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
        font(rpr, face);
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewLang().setVal("en-US");
        CTPPrGeneral ppr = defaults.addNewPPrDefault().addNewPPr();
        spacing(ppr, 0, 0, line);
    }

    /**
     * Adds a paragraph style.
     *
     * @param basedOn a style id, or null
     */
    DocxStyles paragraph(String id, String name, String basedOn, Consumer<CTPPrGeneral> ppr, Consumer<CTRPr> rpr) {
        CTStyle ct = styles.addNewStyle();
        ct.setType(STStyleType.PARAGRAPH);
        ct.setStyleId(id);
        ct.addNewName().setVal(name);
        if (id.equals("Normal")) {
            ct.setDefault(true);
        }
        if (basedOn != null) {
            ct.addNewBasedOn().setVal(basedOn);
        }
        ct.addNewQFormat();
        ppr.accept(ct.addNewPPr());
        rpr.accept(ct.addNewRPr());
        return this;
    }

    void applyTo(XWPFDocument doc) {
        doc.createStyles().setStyles(styles);
    }

    // ---- style parts ----

    static void font(CTRPr rpr, String face) {
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(face);
        fonts.setHAnsi(face);
        fonts.setCs(face);
        fonts.setEastAsia(face);
    }

    static void spacing(CTPPrGeneral ppr, int before, int after, int line) {
        var s = ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing();
        s.setBefore(BigInteger.valueOf(before));
        s.setAfter(BigInteger.valueOf(after));
        s.setLine(BigInteger.valueOf(line));
        s.setLineRule(STLineSpacingRule.AUTO);
    }

    static void firstLine(CTPPrGeneral ppr, int twips) {
        ppr.addNewInd().setFirstLine(BigInteger.valueOf(twips));
    }

    static void centred(CTPPrGeneral ppr) {
        ppr.addNewJc().setVal(STJc.CENTER);
    }

    static void heading(CTPPrGeneral ppr, int outline) {
        ppr.addNewKeepNext();
        ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
    }

    static void size(CTRPr rpr, int halfPoints) {
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
    }

    /** A tab stop flush with the right margin, for text set against it (the manuscript's word count). */
    static void rightTab(CTPPrGeneral ppr, int position) {
        CTTabStop tab = ppr.addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(position));
    }

    static void none(Object ignored) {
    }

    // ---- the page ----

    /**
     * Sets the page and margins, and marks the first page as having a header and footer of its own (empty: a title
     * page or a manuscript's first page carries no number).
     *
     * @param firstNumber the number the first page counts as (0 when the title page is not counted)
     */
    static CTSectPr page(XWPFDocument doc, int width, int height, int margin, int headerDistance, int firstNumber) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        var size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(width));
        size.setH(BigInteger.valueOf(height));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(margin));
        mar.setBottom(BigInteger.valueOf(margin));
        mar.setLeft(BigInteger.valueOf(margin));
        mar.setRight(BigInteger.valueOf(margin));
        mar.setHeader(BigInteger.valueOf(headerDistance));
        mar.setFooter(BigInteger.valueOf(headerDistance));
        mar.setGutter(BigInteger.ZERO);
        sect.addNewPgNumType().setStart(BigInteger.valueOf(firstNumber));
        sect.addNewTitlePg();
        return sect;
    }

    /** The header of every page after the first: {@code text} then the page number, right-aligned. */
    static void header(XWPFDocument doc, String text) {
        paragraphOf(doc.createHeader(HeaderFooterType.FIRST)).setStyle("Header");
        XWPFParagraph p = paragraphOf(doc.createHeader(HeaderFooterType.DEFAULT));
        p.setStyle("Header");
        p.createRun().setText(Xml.clean(text));
        pageField(p);
    }

    /** The footer of every page after the first: the page number, centred. */
    static void footer(XWPFDocument doc) {
        paragraphOf(doc.createFooter(HeaderFooterType.FIRST)).setStyle("Footer");
        XWPFParagraph p = paragraphOf(doc.createFooter(HeaderFooterType.DEFAULT));
        p.setStyle("Footer");
        pageField(p);
    }

    private static XWPFParagraph paragraphOf(XWPFHeaderFooter part) {
        return part.getParagraphs().isEmpty() ? part.createParagraph() : part.getParagraphArray(0);
    }

    /** A {@code PAGE} field, as Word writes one: begin, instruction, separate, the last number shown, end. */
    static void pageField(XWPFParagraph p) {
        p.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        CTR instr = p.getCTP().addNewR();
        var text = instr.addNewInstrText();
        text.setStringValue(" PAGE ");
        text.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        p.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        p.getCTP().addNewR().addNewT().setStringValue("2");
        p.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.END);
    }
}
