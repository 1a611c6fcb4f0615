package dev.quire.studio.manuscript;

import dev.quire.model.Provenance;
import dev.quire.model.ProvenancePalette;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * A Word document in one of two layouts ({@link DocxBook}, {@link DocxManuscript}), built of Word's own features:
 * styles with the names Word gives them (so Word, LibreOffice, pandoc and Quire's import see real headings), a page
 * break before a chapter, headers and footers with a {@code PAGE} field. The story's author goes into the file's
 * properties.
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
            var core = doc.getProperties().getCoreProperties();
            core.setTitle(Xml.clean(story.title()));
            if (!story.metadata().byline().isEmpty()) {
                core.setCreator(Xml.clean(story.metadata().byline()));
            }
            doc.getProperties().getExtendedProperties().setApplication("Quire");

            Map<String, Provenance> colours = options.provenance() ? marks(story) : Map.of();
            boolean manuscript = options.layout() == Layout.MANUSCRIPT;
            DocxProse prose = new DocxProse(doc, colours, manuscript ? DocxManuscript.BREAK_MARK : null,
                    options.underlineItalics());
            if (manuscript) {
                DocxManuscript.styles(doc, story, options.font());
                DocxManuscript.body(story, prose);
            } else {
                DocxBook.styles(doc);
                DocxBook.body(story, prose);
            }
            appendices(story, colours, prose);
            doc.write(out);
        }
    }

    /** The legend of the marks and the variants not used, each on a page of its own, when asked for. */
    private static void appendices(ExportedStory story, Map<String, Provenance> colours, DocxProse out) {
        if (!colours.isEmpty()) {
            out.newPage();
            out.paragraph("Heading1", "About the marks", true);
            out.paragraph(DocxProse.FIRST, "Highlighted passages came from the language model, in one colour per"
                    + " variant. Everything else is the writer's own.", false);
            for (Map.Entry<String, Provenance> e : colours.entrySet()) {
                XWPFParagraph p = out.paragraph(DocxProse.FIRST, "", false);
                XWPFRun r = p.createRun();
                r.setText("Variant " + e.getKey());
                shade(r, e.getValue());
                p.createRun().setText(": " + ProvenancePalette.of(e.getValue()).name());
            }
        }
        if (!story.unused().isEmpty()) {
            out.newPage();
            out.paragraph("Heading1", "Variants not used", true);
            for (ExportedStory.UnusedVariant v : story.unused()) {
                out.paragraph("Heading2", v.heading(), true);
                XWPFRun details = out.paragraph(DocxProse.FIRST, "", true).createRun();
                details.setText(Xml.clean(v.details()));
                details.setItalic(true);
                out.prose(v.prose());
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
}
