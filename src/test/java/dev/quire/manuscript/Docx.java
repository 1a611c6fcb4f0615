package dev.quire.manuscript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A DOCX's parts as the XML Word reads, and its body paragraphs as their XML, for asserting a layout. */
record Docx(String document, String styles, String headers, String footers, String core) {

    static Docx read(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            StringBuilder headers = new StringBuilder();
            StringBuilder footers = new StringBuilder();
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().matches("word/header\\d*\\.xml")) {
                    headers.append(part(zip, e.getName())).append('\n');
                } else if (e.getName().matches("word/footer\\d*\\.xml")) {
                    footers.append(part(zip, e.getName())).append('\n');
                }
            }
            return new Docx(part(zip, "word/document.xml"), part(zip, "word/styles.xml"), headers.toString(),
                    footers.toString(), part(zip, "docProps/core.xml"));
        }
    }

    private static String part(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            return "";
        }
        try (var in = zip.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The body's paragraphs, each as its XML. */
    List<String> paragraphs() {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<w:p>.*?</w:p>|<w:p .*?</w:p>", Pattern.DOTALL).matcher(document);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** A paragraph's text, tabs as \t and line breaks as \n. */
    static String text(String paragraphXml) {
        StringBuilder b = new StringBuilder();
        Matcher m = Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:tab/>|<w:br/>").matcher(paragraphXml);
        while (m.find()) {
            b.append(m.group(1) != null ? m.group(1) : m.group().equals("<w:tab/>") ? "\t" : "\n");
        }
        return b.toString().replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }

    static String style(String paragraphXml) {
        Matcher m = Pattern.compile("<w:pStyle w:val=\"([^\"]+)\"/>").matcher(paragraphXml);
        return m.find() ? m.group(1) : "";
    }

    /** The XML of the style with this id. */
    String styleXml(String id) {
        Matcher m = Pattern.compile("<w:style [^>]*w:styleId=\"" + Pattern.quote(id) + "\".*?</w:style>",
                Pattern.DOTALL).matcher(styles);
        if (!m.find()) {
            throw new AssertionError("no style " + id + " in " + styles);
        }
        return m.group();
    }

    String docDefaults() {
        int from = styles.indexOf("<w:docDefaults>");
        return from < 0 ? "" : styles.substring(from, styles.indexOf("</w:docDefaults>") + 16);
    }
}
