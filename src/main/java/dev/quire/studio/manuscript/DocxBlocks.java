package dev.quire.studio.manuscript;

import dev.quire.studio.manuscript.ImportReport.Item;
import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Word document into blocks, as Word shows it with every tracked change accepted (see {@link DocxBody} and
 * {@link DocxParagraph} for what that means), with its styles resolved as Word resolves them ({@link WordStyles}).
 * The title and author come from the document properties, else from the Title and Author paragraphs; a property
 * that is plainly a template's placeholder is ignored. Headers, footers and comments are left out; the report
 * says what was accepted, read, kept as notes and left out.
 */
final class DocxBlocks {

    static {
        PoiLogging.quiet();
    }

    record Result(List<Block> blocks, String declaredTitle, String author, ImportReport report) {
    }

    private DocxBlocks() {
    }

    static Result read(byte[] bytes, Path file) {
        return read(bytes, file, ImportOptions.DEFAULT);
    }

    static Result read(byte[] bytes, Path file, ImportOptions options) {
        if (!TextDecoding.startsWith(bytes, 'P', 'K', 3, 4)) {
            TextDecoding.refuseBinary(bytes, file); // names a PDF, a .doc, an RTF or other binary for what it is
            throw new ManuscriptException(file, file + " is not a DOCX file (a Word document is a zip package, and"
                    + " this is not one). If it is Markdown or plain text, import it with --format md or"
                    + " --format txt; if it is a Word document, open it in your word processor and save it as .docx.");
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            PackagePart main = mainPart(pkg);
            if (main == null) {
                throw new ManuscriptException(file, file + " is a zip package but not a Word document (it has no"
                        + " main document). Open it in your word processor, save it as .docx, and import that.");
            }
            Document document = xml(main);
            WordStyles styles = related(main, "styles").map(p -> new WordStyles(xml(p))).orElse(WordStyles.NONE);
            ImportReport.Tally tally = new ImportReport.Tally();
            DocxBody body = new DocxBody(styles, notes(main, "footnotes", "footnote"),
                    notes(main, "endnotes", "endnote"), options, tally);
            Element bodyElement = WordXml.child(document.getDocumentElement(), "body");
            body.blocks(bodyElement);
            body.paragraphs.finish();

            PackageProperties core = pkg.getPackageProperties();
            String title = meaningful(core.getTitleProperty());
            String author = body.paragraphs.author.isEmpty() ? meaningful(core.getCreatorProperty())
                    : body.paragraphs.author;
            warn(tally, body.comments());
            return new Result(body.paragraphs.blocks, title, author, tally.report());
        } catch (ManuscriptException e) {
            throw e;
        } catch (ODFNotOfficeXmlFileException e) {
            throw new ManuscriptException(file, file + " is an OpenDocument file (.odt), not a DOCX. Save it as"
                    + " .docx (Word) in your word processor and import that.", e);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new ManuscriptException(file, file + " is a Word 97-2003 document (.doc). Save it as .docx and"
                    + " import that.", e);
        } catch (Exception e) {
            // POI and the XML parser report damaged parts with exceptions of many kinds (NotOfficeXmlFileException,
            // InvalidFormatException, SAXException, zip errors, a zip bomb refused)
            throw damaged(file, e);
        } finally {
            if (pkg != null) {
                pkg.revert(); // read only: nothing is ever written back
            }
        }
    }

    private static void warn(ImportReport.Tally tally, int comments) {
        if (tally.count(Item.TRACKED_CHANGES) + tally.count(Item.MOVES) + tally.count(Item.FORMAT_CHANGES) > 0) {
            tally.warn("The file has tracked changes that were never accepted or rejected. Quire imported it as"
                    + " Word shows it with every change accepted; if some were meant to be rejected, reject them in"
                    + " Word and import again.");
        }
        if (comments > 0) {
            tally.add(Item.COMMENTS, comments);
            tally.warn("The file has " + (comments == 1 ? "a comment" : comments + " comments")
                    + "; Quire left " + (comments == 1 ? "it" : "them") + " out of the text.");
        }
        if (tally.count(Item.FOOTNOTES) + tally.count(Item.ENDNOTES) > 0) {
            tally.warn("Quire has no footnotes: each note is kept as a bracketed note at the end of its scene,"
                    + " marked [1], [2]… where it was referred to.");
        }
    }

    private static PackagePart mainPart(OPCPackage pkg) throws Exception {
        for (PackageRelationship rel : pkg.getRelationships()) {
            if (rel.getRelationshipType().endsWith("/officeDocument")) {
                return pkg.getPart(rel);
            }
        }
        return null;
    }

    /** The part the main document relates to with a relationship type ending in {@code "/" + kind}. */
    private static Optional<PackagePart> related(PackagePart main, String kind) throws Exception {
        for (PackageRelationship rel : main.getRelationships()) {
            if (rel.getRelationshipType().endsWith("/" + kind)) {
                PackagePart part = main.getRelatedPart(rel);
                if (part != null) {
                    return Optional.of(part);
                }
            }
        }
        return Optional.empty();
    }

    /** Footnotes or endnotes by id; the separator lines Word keeps among them are not notes. */
    private static Map<String, Element> notes(PackagePart main, String kind, String element) throws Exception {
        Map<String, Element> out = new HashMap<>();
        Optional<PackagePart> part = related(main, kind);
        if (part.isEmpty()) {
            return out;
        }
        for (Element e : WordXml.children(xml(part.get()).getDocumentElement())) {
            String type = WordXml.attr(e, "type");
            if (WordXml.isW(e, element) && (type.isEmpty() || type.equals("normal"))) {
                out.put(WordXml.attr(e, "id"), e);
            }
        }
        return out;
    }

    private static Document xml(PackagePart part) {
        try (InputStream in = part.getInputStream()) {
            return DocumentHelper.readDocument(in); // namespace aware, no DTDs or external entities
        } catch (Exception e) {
            throw new IllegalStateException(part.getPartName().getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A document property as the writer meant it, or "": a template's placeholder ({@code <%title%>},
     * {@code {{author}}}), a lone punctuation mark, or the name a program put there is not.
     */
    static String meaningful(Optional<String> property) {
        String v = property.orElse("").strip();
        if (v.contains("<%") || v.contains("%>") || v.contains("{{") || v.contains("}}") || v.contains("${")
                || v.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return "";
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (List.of("quire", "microsoft office user", "windows user", "user", "unknown", "author", "title",
                "document1", "untitled", "apache poi", "python-docx").contains(lower)) {
            return "";
        }
        return v;
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
}
