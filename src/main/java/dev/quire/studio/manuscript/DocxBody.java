package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.studio.manuscript.ImportReport.Item;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a Word document's body and gives the text as Word shows it with every tracked change accepted: insertions
 * and moved-to text kept, deletions and moved-from text dropped, content controls read (their placeholder prompts
 * not), hidden text left out, each text box read once where it is anchored, footnotes as bracketed notes.
 * Paragraphs go to {@link DocxParagraph}, which makes blocks of them.
 */
final class DocxBody {

    /** A line break inside a paragraph (U+2028), as the prose keeps it. */
    static final char LINE = '\u2028';
    /** A page break inside a paragraph while it is read. */
    static final char PAGE = '\u000C';

    final WordStyles styles;
    final ImportReport.Tally tally;
    final DocxParagraph paragraphs;
    private final Map<String, Element> footnotes;
    private final Map<String, Element> endnotes;
    private final Set<String> comments = new HashSet<>();
    private int footnoteNumber;
    private int endnoteNumber;

    DocxBody(WordStyles styles, Map<String, Element> footnotes, Map<String, Element> endnotes,
             ImportOptions options, ImportReport.Tally tally) {
        this.styles = styles;
        this.footnotes = footnotes;
        this.endnotes = endnotes;
        this.tally = tally;
        this.paragraphs = new DocxParagraph(this, options);
    }

    /** How many comments the text is anchored to. */
    int comments() {
        return comments.size();
    }

    /** A paragraph's content as it is read: text with its styles, the notes it refers to, the boxes in it. */
    static final class Content {
        final Prose.Builder text = new Prose.Builder();
        final List<Prose> notes = new ArrayList<>();
        final List<Element> boxes = new ArrayList<>();
        boolean rule;
    }

    /** Block-level content: the body, a table cell, a block content control, a text box. */
    void blocks(Element parent) {
        for (Element e : WordXml.children(parent)) {
            if (WordXml.isMc(e, "AlternateContent")) {
                Element branch = WordXml.alternative(e);
                if (branch != null) {
                    blocks(branch);
                }
                continue;
            }
            if (!WordXml.isW(e)) {
                continue;
            }
            switch (e.getLocalName()) {
                case "p" -> paragraphs.read(e);
                case "sdt" -> contentControl(e, true, null, null);
                case "tbl", "tr", "tc", "customXml", "sdtContent", "ins", "moveTo", "txbxContent" -> blocks(e);
                default -> {
                    // properties, grids, section settings, bookmarks, and deleted or moved-from blocks
                }
            }
        }
    }

    /** Paragraph-level content: runs and what wraps them. */
    void inline(Element parent, Content into, String paragraphStyle) {
        for (Element e : WordXml.children(parent)) {
            if (WordXml.isMc(e, "AlternateContent")) {
                Element branch = WordXml.alternative(e);
                if (branch != null) {
                    inline(branch, into, paragraphStyle);
                }
                continue;
            }
            if (isMath(e)) {
                math(e, into);
                continue;
            }
            if (!WordXml.isW(e)) {
                continue;
            }
            switch (e.getLocalName()) {
                case "r" -> run(e, into, paragraphStyle);
                case "ins" -> {
                    tally.add(Item.TRACKED_CHANGES);
                    inline(e, into, paragraphStyle);
                }
                case "moveTo" -> {
                    tally.add(Item.MOVES);
                    inline(e, into, paragraphStyle);
                }
                case "del" -> tally.add(Item.TRACKED_CHANGES);
                case "moveFrom" -> {
                    // counted once, where it was moved to
                }
                case "sdt" -> contentControl(e, false, into, paragraphStyle);
                case "commentRangeStart" -> comments.add(WordXml.attr(e, "id"));
                case "pPr", "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeEnd", "permStart", "permEnd",
                     "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd" -> {
                }
                // hyperlink, smartTag, customXml, fldSimple, bdo, dir, sdtContent and wrappers yet to come
                default -> inline(e, into, paragraphStyle);
            }
        }
    }

    private void contentControl(Element sdt, boolean block, Content into, String paragraphStyle) {
        Element content = WordXml.child(sdt, "sdtContent");
        if (content == null) {
            return;
        }
        if (WordXml.child(WordXml.child(sdt, "sdtPr"), "showingPlcHdr") != null) {
            return; // the control's prompt ("Click here to enter text"), not the writer's text
        }
        tally.add(Item.CONTENT_CONTROLS);
        if (block) {
            blocks(content);
        } else {
            inline(content, into, paragraphStyle);
        }
    }

    private void run(Element r, Content into, String paragraphStyle) {
        Element rPr = WordXml.child(r, "rPr");
        String characterStyle = WordXml.childVal(rPr, "rStyle");
        if (WordXml.child(rPr, "rPrChange") != null) {
            tally.add(Item.FORMAT_CHANGES);
        }
        if (styles.on("vanish", rPr, paragraphStyle, characterStyle)) {
            if (hasText(r)) {
                tally.add(Item.HIDDEN);
            }
            return;
        }
        boolean italic = styles.on("i", rPr, paragraphStyle, characterStyle);
        boolean bold = styles.on("b", rPr, paragraphStyle, characterStyle);
        for (Element e : WordXml.children(r)) {
            if (WordXml.isMc(e, "AlternateContent")) {
                drawing(e, into);
                continue;
            }
            if (!WordXml.isW(e)) {
                continue;
            }
            switch (e.getLocalName()) {
                // small caps and all caps are how Word shows the text; the typed text is kept as typed
                case "t" -> into.text.append(e.getTextContent(), Provenance.WRITER, italic, bold);
                case "tab", "ptab" -> into.text.append(" ", Provenance.WRITER, italic, bold);
                case "noBreakHyphen" -> into.text.append("-", Provenance.WRITER, italic, bold);
                case "sym" -> symbol(e, into, italic, bold);
                case "cr" -> into.text.append(String.valueOf(LINE), Provenance.WRITER, italic, bold);
                case "br" -> {
                    String type = WordXml.attr(e, "type");
                    if (type.equals("page")) {
                        into.text.append(String.valueOf(PAGE));
                    } else if (type.equals("column")) {
                        into.text.append(" ", Provenance.WRITER, italic, bold);
                    } else { // a line break, in the run's style: inside italics it stays inside them
                        into.text.append(String.valueOf(LINE), Provenance.WRITER, italic, bold);
                    }
                }
                case "footnoteReference" -> note(e, footnotes, Item.FOOTNOTES, into, false);
                case "endnoteReference" -> note(e, endnotes, Item.ENDNOTES, into, true);
                case "commentReference" -> comments.add(WordXml.attr(e, "id"));
                case "drawing", "pict", "object" -> drawing(e, into);
                case "ruby" -> inline(WordXml.child(e, "rubyBase"), into, paragraphStyle);
                default -> {
                    // delText, instrText (a field's code; its result is in the runs that follow), fldChar,
                    // softHyphen, footnoteRef, lastRenderedPageBreak, annotationRef
                }
            }
        }
    }

    private static boolean hasText(Element r) {
        Element t = WordXml.child(r, "t");
        return t != null && !t.getTextContent().isBlank();
    }

    private static void symbol(Element sym, Content into, boolean italic, boolean bold) {
        try {
            int c = Integer.parseInt(WordXml.attr(sym, "char"), 16);
            // symbol fonts use the private use area, which means nothing outside that font
            if (c > 0 && (c < 0xE000 || c > 0xF8FF) && Character.isValidCodePoint(c)) {
                into.text.append(new String(Character.toChars(c)), Provenance.WRITER, italic, bold);
            }
        } catch (NumberFormatException e) {
            // not a symbol Word could show either
        }
    }

    /** A drawing, a VML picture or an embedded object: text boxes are read, pictures counted as left out. */
    private void drawing(Element e, Content into) {
        if (WordXml.isMc(e, "AlternateContent")) {
            Element branch = WordXml.alternative(e);
            if (branch != null) {
                drawing(branch, into);
            }
            return;
        }
        if (WordXml.isW(e, "txbxContent")) {
            tally.add(Item.TEXT_BOXES);
            into.boxes.add(e);
            return;
        }
        if (WordXml.isW(e, "object")) {
            tally.add(Item.OBJECTS);
            return;
        }
        String local = e.getLocalName() == null ? "" : e.getLocalName();
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        if (local.equals("blip") || (local.equals("imagedata") && ns.contains("vml"))) {
            tally.add(Item.IMAGES);
            return;
        }
        if (local.equals("chart") && ns.contains("chart")) {
            tally.add(Item.OBJECTS);
            return;
        }
        if (ns.contains("vml") && "t".equals(e.getAttributeNS("urn:schemas-microsoft-com:office:office", "hr"))) {
            into.rule = true; // Word's and pandoc's horizontal line
            return;
        }
        for (Element c : WordXml.children(e)) {
            drawing(c, into);
        }
    }

    private void note(Element reference, Map<String, Element> notes, Item item, Content into, boolean end) {
        Element note = notes.get(WordXml.attr(reference, "id"));
        if (note == null) {
            return;
        }
        int n = end ? ++endnoteNumber : ++footnoteNumber;
        String mark = "[" + (end ? roman(n) : String.valueOf(n)) + "]";
        into.text.append(mark);
        Content text = new Content();
        for (Element p : WordXml.children(note)) {
            if (WordXml.isW(p, "p")) {
                if (!text.text.build().isEmpty()) {
                    text.text.append(" ");
                }
                inline(p, text, styles.paragraphStyle(WordXml.child(p, "pPr")));
            }
        }
        Prose body = DocxParagraph.trim(DocxParagraph.flatten(text.text.build()));
        if (!body.isEmpty()) {
            tally.add(item);
            into.notes.add(new Prose.Builder().append(mark + " ").build().replace(mark.length() + 1,
                    mark.length() + 1, body));
        }
    }

    private static String roman(int n) {
        String[] units = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
        String[] tens = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"};
        return n >= 100 ? String.valueOf(n) : tens[n / 10] + units[n % 10];
    }

    private static boolean isMath(Node n) {
        return n instanceof Element && "http://schemas.openxmlformats.org/officeDocument/2006/math"
                .equals(n.getNamespaceURI());
    }

    /** An equation: its text, as near as plain text can come. */
    private static void math(Element e, Content into) {
        if ("t".equals(e.getLocalName())) {
            into.text.append(e.getTextContent());
            return;
        }
        for (Element c : WordXml.children(e)) {
            math(c, into);
        }
    }
}
