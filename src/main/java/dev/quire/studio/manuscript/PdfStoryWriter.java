package dev.quire.studio.manuscript;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import dev.quire.model.Provenance;
import dev.quire.model.ProvenancePalette;
import dev.quire.model.StoryMetadata;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A PDF in the same two layouts as the Word file ({@link DocxBook}, {@link DocxManuscript}), set by OpenPDF in
 * Liberation Serif or Liberation Mono (metric twins of Times New Roman and Courier New, under the SIL Open Font
 * License), embedded, so the pages look the same on every machine.
 */
final class PdfStoryWriter {

    private static final float INCH = 72f;

    /** A family's four faces at one size. */
    private record Faces(Font regular, Font italic, Font bold, Font boldItalic) {
        Font of(boolean italic, boolean bold) {
            return italic ? (bold ? boldItalic : this.italic) : (bold ? this.bold : regular);
        }

        Font sized(float size) {
            return new Font(regular.getBaseFont(), size);
        }
    }

    /** How one layout sets its text. */
    private record Setting(Faces faces, float leading, float indent, int alignment, boolean indentFirst,
                           String breakMark, boolean underlineItalics) {
    }

    private PdfStoryWriter() {
    }

    static void write(ExportedStory story, StoryExport.Options options, OutputStream out) throws IOException {
        boolean manuscript = options.layout() == Layout.MANUSCRIPT;
        Document doc = manuscript ? new Document(PageSize.LETTER, INCH, INCH, INCH, INCH)
                : new Document(new Rectangle(6 * INCH, 9 * INCH), 0.75f * INCH, 0.75f * INCH, 0.75f * INCH, 0.75f * INCH);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            doc.addTitle(story.title());
            if (!story.metadata().byline().isEmpty()) {
                doc.addAuthor(story.metadata().byline());
            }
            doc.addCreator("Quire");
            Map<String, Provenance> colours = options.provenance() ? marks(story) : Map.of();
            if (manuscript) {
                boolean courier = options.font() == ManuscriptFont.COURIER;
                Faces faces = faces(courier ? "LiberationMono" : "LiberationSerif", 12);
                Setting setting = new Setting(faces, 24, INCH / 2, Element.ALIGN_LEFT, true, DocxManuscript.BREAK_MARK,
                        options.underlineItalics());
                String header = DocxManuscript.header(story);
                writer.setPageEvent(new PdfPageEventHelper() {
                    @Override
                    public void onEndPage(PdfWriter w, Document d) {
                        if (w.getPageNumber() > 1) {
                            ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_RIGHT,
                                    new Phrase(header + w.getPageNumber(), faces.regular()), d.right(),
                                    d.top() + INCH / 2, 0);
                        }
                    }
                });
                doc.open();
                manuscript(story, doc, writer, setting, colours);
            } else {
                Faces faces = faces("LiberationSerif", 11);
                Setting setting = new Setting(faces, 13.2f, 18, Element.ALIGN_JUSTIFIED, false, null, false);
                writer.setPageEvent(new PdfPageEventHelper() {
                    @Override
                    public void onEndPage(PdfWriter w, Document d) {
                        if (w.getPageNumber() > 1) { // the title page is not counted
                            ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
                                    new Phrase(String.valueOf(w.getPageNumber() - 1), faces.sized(9)),
                                    (d.left() + d.right()) / 2, d.bottom() - 24, 0);
                        }
                    }
                });
                doc.open();
                book(story, doc, setting, colours);
            }
            appendices(story, doc, colours);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("the PDF could not be made: " + e.getMessage(), e);
        }
    }

    private static void manuscript(ExportedStory story, Document doc, PdfWriter writer, Setting s,
                                   Map<String, Provenance> colours) throws DocumentException {
        StoryMetadata m = story.metadata();
        List<String> contact = m.contactLines();
        Font font = s.faces().regular();
        Paragraph block = new Paragraph(14, String.join("\n", contact), font);
        doc.add(block);
        ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                new Phrase(m.rounding().approximately(story.words()), font), doc.right(), doc.top() - 10, 0);
        float halfway = (doc.top() - doc.bottom()) / 2 - Math.max(1, contact.size()) * 14 - 24;
        doc.add(centred(story.title(), font, Math.max(24, halfway), 0, 24));
        if (!m.byline().isEmpty()) {
            doc.add(centred("by " + m.byline(), font, 0, 24, 24));
        }
        Body body = new Body(doc, s, colours);
        for (int i = 0; i < story.scenes().size(); i++) {
            String chapter = story.chapterOpenedBy(i);
            if (chapter != null) {
                doc.newPage();
                down(doc, 11 * INCH / 3 - INCH - 24, font);
                doc.add(centred(chapter, font, 0, 24, 24));
                body.fresh();
            } else if (i > 0) {
                body.sceneBreak(DocxManuscript.BREAK_MARK);
            }
            body.prose(story.scenes().get(i).prose());
        }
        doc.add(centred("END", font, 0, 0, 24));
    }

    private static void book(ExportedStory story, Document doc, Setting s, Map<String, Provenance> colours)
            throws DocumentException {
        down(doc, 2 * INCH, s.faces().regular());
        doc.add(centred(story.title(), s.faces().sized(24), 0, 24, 28));
        if (!story.metadata().byline().isEmpty()) {
            doc.add(centred(story.metadata().byline(), s.faces().sized(14), 0, 0, 18));
        }
        Body body = new Body(doc, s, colours);
        for (int i = 0; i < story.scenes().size(); i++) {
            ExportedStory.Section scene = story.scenes().get(i);
            String chapter = story.chapterOpenedBy(i);
            if (i == 0 || chapter != null) {
                doc.newPage();
            }
            if (chapter != null) {
                down(doc, INCH, s.faces().regular());
                doc.add(centred(chapter, s.faces().sized(16), 0, 36, 20));
                body.fresh();
            }
            if (!scene.title().isEmpty()) {
                doc.add(centred(scene.title(), new Font(s.faces().italic().getBaseFont(), 12), 18, 12, 14));
                body.fresh();
            } else if (i > 0 && chapter == null) {
                body.sceneBreak(SceneBreaks.MARK);
            }
            body.prose(scene.prose());
        }
    }

    private static void appendices(ExportedStory story, Document doc, Map<String, Provenance> colours)
            throws DocumentException {
        Faces faces = faces("LiberationSerif", 11);
        Setting plain = new Setting(faces, 14, 0, Element.ALIGN_LEFT, false, null, false);
        if (!colours.isEmpty()) {
            doc.newPage();
            doc.add(centred("About the marks", faces.sized(16), INCH / 2, 18, 20));
            doc.add(new Paragraph(14, "Highlighted passages came from the language model, in one colour per variant."
                    + " Everything else is the writer's own.", faces.regular()));
            for (Map.Entry<String, Provenance> e : colours.entrySet()) {
                Paragraph p = new Paragraph(14);
                Chunk c = new Chunk("Variant " + e.getKey(), faces.regular());
                c.setBackground(tint(e.getValue()));
                p.add(c);
                p.add(new Chunk(": " + ProvenancePalette.of(e.getValue()).name(), faces.regular()));
                doc.add(p);
            }
        }
        if (!story.unused().isEmpty()) {
            doc.newPage();
            doc.add(centred("Variants not used", faces.sized(16), INCH / 2, 18, 20));
            Body body = new Body(doc, plain, Map.of());
            for (ExportedStory.UnusedVariant v : story.unused()) {
                Paragraph h = new Paragraph(16, v.heading(), faces.bold());
                h.setSpacingBefore(12);
                doc.add(h);
                doc.add(new Paragraph(14, v.details(), faces.italic()));
                body.fresh();
                body.prose(v.prose());
            }
        }
    }

    /** Prose set paragraph by paragraph, as {@link DocxProse} writes it into Word. */
    private static final class Body {
        private final Document doc;
        private final Setting s;
        private final Map<String, Provenance> colours;
        private boolean fresh = true;
        private boolean lastWasBreak;

        Body(Document doc, Setting s, Map<String, Provenance> colours) {
            this.doc = doc;
            this.s = s;
            this.colours = colours;
        }

        void fresh() {
            fresh = true;
            lastWasBreak = false;
        }

        void sceneBreak(String typed) throws DocumentException {
            if (lastWasBreak) {
                return;
            }
            float around = s.leading() > 20 ? 0 : 8;
            doc.add(centred(s.breakMark() == null ? typed.strip() : s.breakMark(), s.faces().regular(), around,
                    around, s.leading()));
            fresh = true;
            lastWasBreak = true;
        }

        void prose(dev.quire.model.Prose prose) throws DocumentException {
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
                Paragraph p = new Paragraph(s.leading());
                p.setAlignment(s.alignment());
                p.setFirstLineIndent(fresh && !s.indentFirst() ? 0 : s.indent());
                for (StyledRun run : runs) {
                    boolean underline = run.italic() && s.underlineItalics();
                    // a line break inside the paragraph: a new line, the paragraph going on without an indent
                    Chunk c = new Chunk(run.text().replace('\u2028', '\n'),
                            s.faces().of(run.italic() && !underline, run.bold()));
                    if (underline) {
                        c.setUnderline(0.6f, -2f);
                    }
                    if (run.provenance().isVariant() && colours.containsKey(ExportedStory.markLabel(run.provenance()))) {
                        c.setBackground(tint(run.provenance()));
                    }
                    p.add(c);
                }
                doc.add(p);
                fresh = false;
                lastWasBreak = false;
            }
        }
    }

    /**
     * Moves down the page by {@code points}: OpenPDF drops the space before a paragraph at the top of a page, where a
     * chapter opening needs it, so the space is a line of that height with nothing in it.
     */
    private static void down(Document doc, float points, Font font) throws DocumentException {
        doc.add(new Paragraph(points, "\u00a0", new Font(font.getBaseFont(), 1)));
    }

    private static Paragraph centred(String text, Font font, float before, float after, float leading) {
        Paragraph p = new Paragraph(leading, text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    private static Color tint(Provenance source) {
        return new Color(Integer.parseInt(DocxWriter.shading(source), 16));
    }

    private static Map<String, Provenance> marks(ExportedStory story) {
        Map<String, Provenance> out = new java.util.LinkedHashMap<>();
        for (String label : story.markLabels().keySet()) {
            out.put(label, Provenance.variant(label, null));
        }
        return out;
    }

    private static Faces faces(String family, float size) {
        return new Faces(font(family + "-Regular", size), font(family + "-Italic", size),
                font(family + "-Bold", size), font(family + "-BoldItalic", size));
    }

    /** A face from the jar, embedded as the subset of its glyphs the text uses. */
    private static Font font(String name, float size) {
        try (InputStream in = PdfStoryWriter.class.getResourceAsStream("fonts/" + name + ".ttf")) {
            if (in == null) {
                throw new IllegalStateException("missing font resource " + name);
            }
            BaseFont base = BaseFont.createFont(name + ".ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
            return new Font(base, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
