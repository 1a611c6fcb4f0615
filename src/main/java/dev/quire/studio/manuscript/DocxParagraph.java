package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.studio.manuscript.ImportReport.Item;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes blocks of a Word document's paragraphs, by their styles: "Title" and "Heading 1" to "Heading 6" are titles
 * and headings; "Subtitle", "Author", "Date" and "Abstract" (pandoc's and Word's title-page styles) are never prose,
 * the first Author line giving the story's author; contents and index entries are left out. A drop cap joins the
 * paragraph after it; a paragraph whose mark was deleted (Track Changes) joins the next one, as in Word. An empty
 * paragraph drawn as a horizontal rule (a border, or Word's and pandoc's line shape) is a scene break, as is a
 * paragraph of break characters ({@code * * *}). A line break stays a line break inside its paragraph (U+2028 LINE
 * SEPARATOR in the prose, as letters, verse and signs need); a page break is a scene break when the writer asked for
 * that.
 */
final class DocxParagraph {

    private static final Pattern HEADING = Pattern.compile("^heading([1-6])$");
    /** Title-page and closing lines, never prose: Word's and pandoc's, and a manuscript's (Quire's own export's). */
    private static final Set<String> FRONT_MATTER = Set.of("subtitle", "author", "date", "abstract", "abstracttitle",
            "contactblock", "end");

    private final DocxBody body;
    private final ImportOptions options;
    final List<Block> blocks = new ArrayList<>();
    String author = "";
    /** Text that joins the start of the next paragraph: a drop cap, or a paragraph whose mark was deleted. */
    private Prose carry = Prose.EMPTY;

    DocxParagraph(DocxBody body, ImportOptions options) {
        this.body = body;
        this.options = options;
    }

    void read(Element p) {
        WordStyles styles = body.styles;
        Element pPr = WordXml.child(p, "pPr");
        String style = styles.paragraphStyle(pPr);
        if (WordXml.child(pPr, "pPrChange") != null) {
            body.tally.add(Item.FORMAT_CHANGES);
        }
        Set<String> names = styles.names(style);
        if (names.stream().anyMatch(n -> n.startsWith("toc") || n.startsWith("index") || n.equals("tableofcontents")
                || n.equals("tableoffigures"))) {
            return; // a table of contents or an index is Word's, made from the text
        }
        if (options.pageBreaksAsSceneBreaks() && Boolean.TRUE.equals(
                WordXml.onOff(pPr, "pageBreakBefore") == null ? onOff(styles.paragraphProperty(pPr, style,
                        "pageBreakBefore")) : WordXml.onOff(pPr, "pageBreakBefore"))) {
            pageBreak();
        }
        DocxBody.Content content = new DocxBody.Content();
        body.inline(p, content, style);
        Prose prose = carry.isEmpty() ? content.text.build() : content.text.build().replace(0, 0, carry);
        carry = Prose.EMPTY;

        Element mark = WordXml.child(pPr, "rPr");
        if (WordXml.child(mark, "del") != null || WordXml.child(mark, "moveFrom") != null) {
            carry = prose; // accepted, the deleted mark joins this paragraph to the next
        } else if (isDropCap(pPr, style)) {
            carry = trim(flatten(prose));
            if (!carry.isEmpty()) {
                body.tally.add(Item.DROP_CAPS);
            }
        } else {
            emit(prose, names, pPr, style, content);
        }
        for (Prose note : content.notes) {
            blocks.add(Block.note(note));
        }
        for (Element box : content.boxes) {
            body.blocks(box);
        }
    }

    /** Whatever a last drop cap or deleted mark left waiting, as the last paragraph. */
    void finish() {
        if (!carry.isEmpty()) {
            Prose last = carry;
            carry = Prose.EMPTY;
            paragraph(last);
        }
    }

    private void emit(Prose prose, Set<String> names, Element pPr, String style, DocxBody.Content content) {
        int level = headingLevel(names);
        if (level >= 0) {
            String text = flatten(prose).text().replace(DocxBody.PAGE, ' ').strip();
            if (!text.isEmpty()) {
                blocks.add(SceneBreaks.isBreak(text) ? Block.sceneBreak() : Block.heading(level, text));
            }
            return;
        }
        if (names.stream().anyMatch(FRONT_MATTER::contains)) {
            String text = flatten(prose).text().replace(DocxBody.PAGE, ' ').strip();
            if (!text.isEmpty()) {
                body.tally.add(Item.FRONT_MATTER);
                if ((names.contains("author")) && author.isEmpty()) {
                    author = text.replaceFirst("^(?i)by\\s+", ""); // a byline, "by Ada Marsh"
                }
            }
            return;
        }
        String text = prose.text();
        int from = 0;
        for (int page = text.indexOf(DocxBody.PAGE); ; page = text.indexOf(DocxBody.PAGE, from)) {
            int to = page < 0 ? text.length() : page;
            Prose part = prose.slice(from, to);
            if (from == 0 && page < 0 && trim(flatten(part)).isEmpty()) {
                if (content.rule || hasBorder(pPr, style)) {
                    body.tally.add(Item.RULES);
                    blocks.add(Block.sceneBreak());
                }
                return;
            }
            paragraph(part);
            if (page < 0) {
                break;
            }
            if (options.pageBreaksAsSceneBreaks()) {
                pageBreak();
            }
            from = page + 1;
        }
    }

    private void pageBreak() {
        if (!blocks.isEmpty() && blocks.get(blocks.size() - 1).kind() == Block.Kind.PARAGRAPH) {
            body.tally.add(Item.PAGE_BREAKS);
            blocks.add(Block.sceneBreak());
        }
    }

    /** A body paragraph: a line of break characters is a break; a line break stays one, inside the paragraph. */
    private void paragraph(Prose raw) {
        Prose trimmed = trim(raw);
        if (trimmed.isEmpty()) {
            return;
        }
        if (SceneBreaks.isBreak(trimmed.text().replace(DocxBody.LINE, ' '))) {
            blocks.add(Block.sceneBreak());
            return;
        }
        blocks.add(Block.paragraph(tightenLines(trimmed)));
    }

    /** Without the spaces and tabs around each line break, which Word does not show at a line's edges. */
    static Prose tightenLines(Prose prose) {
        String text = prose.text();
        if (text.indexOf(DocxBody.LINE) < 0) {
            return prose;
        }
        Prose.Builder out = new Prose.Builder();
        int from = 0;
        for (int nl = text.indexOf(DocxBody.LINE); ; nl = text.indexOf(DocxBody.LINE, from)) {
            int to = nl < 0 ? text.length() : nl;
            int a = from;
            int b = to;
            while (a < b && isSpace(text.charAt(a)) && from > 0) {
                a++;
            }
            while (b > a && isSpace(text.charAt(b - 1)) && nl >= 0) {
                b--;
            }
            ProseCuts.appendTo(out, ProseCuts.slice(prose, a, b));
            if (nl < 0) {
                break;
            }
            ProseCuts.appendTo(out, ProseCuts.slice(prose, nl, nl + 1));
            from = nl + 1;
        }
        return out.build();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private boolean isDropCap(Element pPr, String style) {
        Element frame = body.styles.paragraphProperty(pPr, style, "framePr");
        String dropCap = WordXml.attr(frame, "dropCap");
        return !dropCap.isEmpty() && !dropCap.equals("none");
    }

    private boolean hasBorder(Element pPr, String style) {
        Element borders = body.styles.paragraphProperty(pPr, style, "pBdr");
        for (String side : List.of("bottom", "top", "between")) {
            String val = WordXml.attr(WordXml.child(borders, side), "val");
            if (!val.isEmpty() && !val.equals("nil") && !val.equals("none")) {
                return true;
            }
        }
        return false;
    }

    private static Boolean onOff(Element e) {
        if (e == null) {
            return null;
        }
        String v = WordXml.attr(e, "val");
        return !(v.equals("0") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off"));
    }

    /** -1 for body text, 0 for a title, 1 to 6 for headings. */
    private static int headingLevel(Set<String> names) {
        for (String name : names) {
            if (name.equals("title")) {
                return 0;
            }
            Matcher m = HEADING.matcher(name);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }

    /** Line and page breaks as spaces: for headings, notes and drop caps. */
    static Prose flatten(Prose prose) {
        String t = prose.text();
        if (t.indexOf(DocxBody.LINE) < 0 && t.indexOf(DocxBody.PAGE) < 0) {
            return prose;
        }
        return new Prose(t.replace(DocxBody.LINE, ' ').replace(DocxBody.PAGE, ' '), prose.spans());
    }

    /** Without leading and trailing whitespace, keeping the spans of what remains. */
    static Prose trim(Prose prose) {
        String t = prose.text();
        int from = 0;
        int to = t.length();
        while (from < to && Character.isWhitespace(t.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(t.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == t.length() ? prose : ProseCuts.slice(prose, from, to);
    }
}
