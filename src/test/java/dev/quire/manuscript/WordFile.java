package dev.quire.manuscript;

import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.ImportOptions;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.studio.manuscript.ManuscriptReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A .docx package written the way Word writes one, part by part: {@code [Content_Types].xml}, the package and
 * document relationships, {@code word/document.xml} with Word's namespaces, and when given, {@code word/styles.xml},
 * {@code word/footnotes.xml}, {@code word/endnotes.xml}, {@code word/comments.xml} and {@code docProps/core.xml}.
 * Tests give the body's XML as Word would save it.
 */
final class WordFile {

    static final String NAMESPACES = "xmlns:wpc=\"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas\""
            + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
            + " xmlns:o=\"urn:schemas-microsoft-com:office:office\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
            + " xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\""
            + " xmlns:v=\"urn:schemas-microsoft-com:vml\""
            + " xmlns:wp14=\"http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing\""
            + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
            + " xmlns:w10=\"urn:schemas-microsoft-com:office:word\""
            + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
            + " xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\""
            + " xmlns:wpg=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\""
            + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
            + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
            + " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
            + " mc:Ignorable=\"w14 wp14\"";

    private String body = "";
    private String styles;
    private String footnotes;
    private String endnotes;
    private String comments;
    private String title;
    private String creator;

    static WordFile body(String... paragraphs) {
        WordFile f = new WordFile();
        f.body = String.join("\n", paragraphs);
        return f;
    }

    /** The {@code w:style} elements (and a {@code w:docDefaults}, if wanted) of styles.xml. */
    WordFile styles(String... content) {
        styles = String.join("\n", content);
        return this;
    }

    /** The {@code w:footnote} elements after Word's two separators. */
    WordFile footnotes(String... notes) {
        footnotes = String.join("\n", notes);
        return this;
    }

    WordFile endnotes(String... notes) {
        endnotes = String.join("\n", notes);
        return this;
    }

    WordFile comments(String... content) {
        comments = String.join("\n", content);
        return this;
    }

    /** docProps/core.xml's dc:title and dc:creator (null leaves one out). */
    WordFile core(String title, String creator) {
        this.title = title;
        this.creator = creator;
        return this;
    }

    Manuscript read() {
        return read(ImportOptions.DEFAULT);
    }

    Manuscript read(ImportOptions options) {
        return ManuscriptReader.read(bytes(), Format.DOCX, Path.of("word.docx"), null, options);
    }

    byte[] bytes() {
        Map<String, String> parts = new LinkedHashMap<>();
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.wordprocessingml.document.main+xml\"/>");
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        String office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        int id = 1;
        if (styles != null) {
            part(parts, types, rels, id++, "styles", office + "styles", "<w:styles " + NAMESPACES + ">" + styles
                    + "</w:styles>");
        }
        if (footnotes != null) {
            part(parts, types, rels, id++, "footnotes", office + "footnotes", "<w:footnotes " + NAMESPACES + ">"
                    + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                    + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/>"
                    + "</w:r></w:p></w:footnote>" + footnotes + "</w:footnotes>");
        }
        if (endnotes != null) {
            part(parts, types, rels, id++, "endnotes", office + "endnotes", "<w:endnotes " + NAMESPACES + ">"
                    + endnotes + "</w:endnotes>");
        }
        if (comments != null) {
            part(parts, types, rels, id++, "comments", office + "comments", "<w:comments " + NAMESPACES + ">"
                    + comments + "</w:comments>");
        }
        rels.append("</Relationships>");
        parts.put("word/_rels/document.xml.rels", rels.toString());
        parts.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:document " + NAMESPACES + "><w:body>" + body
                + "<w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/></w:sectPr></w:body></w:document>");
        StringBuilder packageRels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + office + "officeDocument\" Target=\"word/document.xml\"/>");
        if (title != null || creator != null) {
            types.append("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "package.core-properties+xml\"/>");
            packageRels.append("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
                    + "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>");
            parts.put("docProps/core.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
                    + "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\""
                    + "http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                    + (title == null ? "" : "<dc:title>" + title + "</dc:title>")
                    + (creator == null ? "" : "<dc:creator>" + creator + "</dc:creator>")
                    + "</cp:coreProperties>");
        }
        packageRels.append("</Relationships>");
        types.append("</Types>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", types.toString());
            put(zip, "_rels/.rels", packageRels.toString());
            for (Map.Entry<String, String> e : parts.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void part(Map<String, String> parts, StringBuilder types, StringBuilder rels, int id, String name,
                             String type, String xml) {
        String main = "application/vnd.openxmlformats-officedocument.wordprocessingml." + name + "+xml";
        types.append("<Override PartName=\"/word/").append(name).append(".xml\" ContentType=\"").append(main)
                .append("\"/>");
        rels.append("<Relationship Id=\"rId").append(id).append("\" Type=\"").append(type).append("\" Target=\"")
                .append(name).append(".xml\"/>");
        parts.put("word/" + name + ".xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml);
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    // Word's markup, for tests to write paragraphs with

    /** A paragraph of runs (and whatever else Word puts in one). */
    static String p(String... content) {
        return "<w:p>" + String.join("", content) + "</w:p>";
    }

    /** A paragraph with properties ({@code <w:pStyle w:val="Quote"/>} and the like). */
    static String pp(String properties, String... content) {
        return "<w:p><w:pPr>" + properties + "</w:pPr>" + String.join("", content) + "</w:p>";
    }

    static String styled(String style, String... content) {
        return pp("<w:pStyle w:val=\"" + style + "\"/>", content);
    }

    /** A run of text, its spaces kept. */
    static String r(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    }

    /** A run with properties ({@code <w:i/>}, {@code <w:rStyle w:val="Emphasis"/>}). */
    static String rp(String properties, String text) {
        return "<w:r><w:rPr>" + properties + "</w:rPr><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    }

    static String ins(String... runs) {
        return "<w:ins w:id=\"" + next() + "\" w:author=\"Ed\" w:date=\"2026-11-02T10:00:00Z\">" + String.join("", runs)
                + "</w:ins>";
    }

    /** Deleted text, as Word keeps it: runs whose text is {@code w:delText}. */
    static String del(String text) {
        return "<w:del w:id=\"" + next() + "\" w:author=\"Ed\" w:date=\"2026-11-02T10:00:00Z\"><w:r>"
                + "<w:delText xml:space=\"preserve\">" + text + "</w:delText></w:r></w:del>";
    }

    /** A paragraph style: id, name, optional basedOn and its run properties. */
    static String paragraphStyle(String id, String name, String basedOn, String rPr) {
        return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
                + (basedOn == null ? "" : "<w:basedOn w:val=\"" + basedOn + "\"/>") + "<w:qFormat/>"
                + "<w:rPr>" + rPr + "</w:rPr></w:style>";
    }

    static String characterStyle(String id, String name, String basedOn, String rPr) {
        return "<w:style w:type=\"character\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
                + (basedOn == null ? "" : "<w:basedOn w:val=\"" + basedOn + "\"/>")
                + "<w:rPr>" + rPr + "</w:rPr></w:style>";
    }

    /** Word's own Normal, Emphasis, Quote and title-page styles, as a new Word document has them. */
    static String[] wordStyles() {
        return new String[] {
            "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme=\"minorHAnsi\"/><w:sz w:val=\"24\"/>"
                    + "</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>",
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
                    + "</w:style>",
            "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val="
                    + "\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>",
            paragraphStyle("Title", "Title", "Normal", "<w:sz w:val=\"56\"/>"),
            paragraphStyle("Heading1", "heading 1", "Normal", "<w:b/><w:sz w:val=\"32\"/>"),
            paragraphStyle("Heading2", "heading 2", "Normal", "<w:b/><w:sz w:val=\"26\"/>"),
            paragraphStyle("Quote", "Quote", "Normal", "<w:i/><w:iCs/><w:color w:val=\"404040\"/>"),
            paragraphStyle("Author", "Author", "Normal", ""),
            paragraphStyle("Date", "Date", "Normal", ""),
            paragraphStyle("Abstract", "Abstract", "Normal", "<w:sz w:val=\"20\"/>"),
            paragraphStyle("Subtitle", "Subtitle", "Normal", "<w:i/>"),
            characterStyle("Emphasis", "Emphasis", "DefaultParagraphFont", "<w:i/><w:iCs/>"),
            characterStyle("Strong", "Strong", "DefaultParagraphFont", "<w:b/><w:bCs/>"),
            characterStyle("FootnoteReference", "footnote reference", "DefaultParagraphFont",
                    "<w:vertAlign w:val=\"superscript\"/>"),
        };
    }

    private static int ids = 100;

    private static synchronized int next() {
        return ids++;
    }
}
