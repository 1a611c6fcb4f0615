package dev.quire.studio.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Word document into blocks: paragraphs in the "Title" style and headings ("Heading 1" to
 * "Heading 6", by style name or id) become titles and scene headings; a paragraph that is a
 * scene-break line becomes a break; every other non-empty paragraph keeps its runs' italic and bold
 * (set directly, or by the "Emphasis" and "Strong" character styles). Tables are read cell by cell;
 * footnotes, comments, headers and footers are left out.
 */
final class DocxBlocks {

    static {
        PoiLogging.quiet();
    }

    private static final Pattern HEADING_STYLE = Pattern.compile("^heading\\s*([1-6])$");

    record Result(List<Block> blocks, String declaredTitle) {
    }

    private DocxBlocks() {
    }

    static Result read(byte[] bytes, Path file) {
        if (!TextDecoding.startsWith(bytes, 'P', 'K', 3, 4)) {
            TextDecoding.refuseBinary(bytes, file); // names a PDF, a .doc, an RTF or other binary for what it is
            throw new ManuscriptException(file, file + " is not a DOCX file (a Word document is a zip package, and"
                    + " this is not one). If it is Markdown or plain text, import it with --format md or"
                    + " --format txt; if it is a Word document, open it in your word processor and save it as .docx.");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<Block> blocks = new ArrayList<>();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph) {
                    paragraph(doc, (XWPFParagraph) element, blocks);
                } else if (element instanceof XWPFTable) {
                    for (XWPFTableRow row : ((XWPFTable) element).getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            for (XWPFParagraph p : cell.getParagraphs()) {
                                paragraph(doc, p, blocks);
                            }
                        }
                    }
                }
            }
            String declared = "";
            if (doc.getProperties() != null && doc.getProperties().getCoreProperties() != null) {
                String t = doc.getProperties().getCoreProperties().getTitle();
                declared = t == null ? "" : t.strip();
            }
            return new Result(blocks, declared);
        } catch (ODFNotOfficeXmlFileException e) {
            throw new ManuscriptException(file, file + " is an OpenDocument file (.odt), not a DOCX. Save it as"
                    + " .docx (Word) in your word processor and import that.", e);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new ManuscriptException(file, file + " is a Word 97-2003 document (.doc). Save it as .docx and"
                    + " import that.", e);
        } catch (IOException e) {
            throw damaged(file, e);
        } catch (RuntimeException e) {
            // POI reports damaged parts with unchecked exceptions of many kinds (NotOfficeXmlFileException,
            // POIXMLException wrapping an XmlException, zip errors, a zip bomb refused)
            throw damaged(file, e);
        }
    }

    private static ManuscriptException damaged(Path file, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        if (why.length() > 200) {
            why = why.substring(0, 200) + "…";
        }
        return new ManuscriptException(file, file + " could not be read as a Word document: it is damaged or"
                + " not really a DOCX (" + why + "). Open it in your word processor, save it again as .docx, and"
                + " import that.", e);
    }

    private static void paragraph(XWPFDocument doc, XWPFParagraph p, List<Block> blocks) {
        int level = headingLevel(doc, p);
        if (level >= 0) {
            String text = normalize(p.getText()).strip();
            if (text.isEmpty()) {
                return;
            }
            blocks.add(SceneBreaks.isBreak(text) ? Block.sceneBreak() : Block.heading(level, text));
            return;
        }
        Prose.Builder b = new Prose.Builder();
        for (XWPFRun run : p.getRuns()) {
            String text = normalize(run.text());
            String style = run.getStyle() == null ? "" : run.getStyle().toLowerCase(Locale.ROOT);
            boolean italic = run.isItalic() || style.equals("emphasis");
            boolean bold = run.isBold() || style.equals("strong");
            b.append(text, Provenance.WRITER, italic, bold);
        }
        Prose prose = b.build();
        Prose trimmed = trim(prose);
        if (trimmed.isEmpty()) {
            return;
        }
        if (SceneBreaks.isBreak(trimmed.text())) {
            blocks.add(Block.sceneBreak());
            return;
        }
        // a line break inside a Word paragraph splits it into paragraphs, as Quire has no other line break
        String text = trimmed.text();
        int from = 0;
        for (int nl = text.indexOf('\n'); ; nl = text.indexOf('\n', from)) {
            int to = nl < 0 ? text.length() : nl;
            Prose part = trim(ProseCuts.slice(trimmed, from, to));
            if (!part.isEmpty()) {
                blocks.add(Block.paragraph(part));
            }
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
    }

    /** -1 for body text, 0 for a title, 1 to 6 for headings. */
    private static int headingLevel(XWPFDocument doc, XWPFParagraph p) {
        String id = p.getStyleID();
        if (id == null || id.isEmpty()) {
            return -1;
        }
        List<String> names = new ArrayList<>();
        names.add(id.toLowerCase(Locale.ROOT));
        if (doc.getStyles() != null) {
            XWPFStyle style = doc.getStyles().getStyle(id);
            if (style != null && style.getName() != null) {
                names.add(style.getName().toLowerCase(Locale.ROOT));
            }
        }
        for (String name : names) {
            if (name.equals("title")) {
                return 0;
            }
            Matcher m = HEADING_STYLE.matcher(name);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }

    /** Tabs and non-breaking spaces to spaces, carriage returns to line breaks. */
    private static String normalize(String s) {
        if (s == null) {
            return "";
        }
        return s.replace('\t', ' ').replace('\r', '\n').replace('\u000B', '\n');
    }

    /** Without leading and trailing whitespace, keeping the spans of what remains. */
    private static Prose trim(Prose prose) {
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
