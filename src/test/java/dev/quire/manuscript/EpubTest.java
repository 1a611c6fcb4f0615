package dev.quire.manuscript;

import dev.quire.studio.Studio;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EPUB 3 export: the package structure, well-formed XHTML, and epubcheck where it is installed (CI installs it). */
class EpubTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    @TempDir
    Path dir;

    /** The sample story, and a story with provenance marks, unused variants and text that needs escaping. */
    private List<Path> exportBoth() {
        Cli cli = new Cli(dir);
        try (Studio studio = cli.open()) {
            Provenanced.addTo(studio);
        }
        Path sample = dir.resolve("remarks.epub");
        Path marked = dir.resolve("harbour.epub");
        Cli.Run one = cli.run("export", "--story", "The Remarks Column", "--format", "epub", "--out", sample.toString());
        Cli.Run two = cli.run("export", "--story", "Harbour Days", "--format", "epub", "--out", marked.toString(),
                "--provenance", "--unused-variants");
        assertEquals(0, one.code(), one.toString());
        assertEquals(0, two.code(), two.toString());
        return List.of(sample, marked);
    }

    @Test
    void theEpubHasMimetypeFirstAndStoredThenContainerPackageNavAndPages() throws Exception {
        Path epub = exportBoth().get(0);

        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            ZipEntry first = zip.entries().nextElement();
            assertEquals("mimetype", first.getName());
            assertEquals(ZipEntry.STORED, first.getMethod());
            assertEquals(null, first.getExtra(), "no extra field on mimetype");
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        byte[] raw = Files.readAllBytes(epub);
        assertEquals("mimetypeapplication/epub+zip", new String(raw, 30, 28, StandardCharsets.US_ASCII),
                "the mimetype's bytes sit at offset 30, uncompressed");
        assertArrayEquals("application/epub+zip".getBytes(StandardCharsets.US_ASCII), entries.get("mimetype"));
        assertEquals(List.of("mimetype", "META-INF/container.xml", "OEBPS/content.opf", "OEBPS/nav.xhtml",
                "OEBPS/style.css", "OEBPS/title.xhtml", "OEBPS/scene-001.xhtml", "OEBPS/scene-002.xhtml",
                "OEBPS/scene-003.xhtml", "OEBPS/scene-004.xhtml"), new ArrayList<>(entries.keySet()));

        Document container = parse(entries.get("META-INF/container.xml"));
        assertEquals("OEBPS/content.opf", ((Element) container.getElementsByTagNameNS("*", "rootfile").item(0))
                .getAttribute("full-path"));
        Document opf = parse(entries.get("OEBPS/content.opf"));
        assertEquals("3.0", opf.getDocumentElement().getAttribute("version"));
        assertEquals("The Remarks Column", opf.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        NodeList items = opf.getElementsByTagNameNS("*", "item");
        boolean nav = false;
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            nav |= item.getAttribute("properties").equals("nav") && item.getAttribute("href").equals("nav.xhtml");
            assertTrue(entries.containsKey("OEBPS/" + item.getAttribute("href")), item.getAttribute("href"));
        }
        assertTrue(nav, "the manifest names the navigation document");
        assertEquals(5, opf.getElementsByTagNameNS("*", "itemref").getLength(), "title page and four scenes");

        Document navDoc = parse(entries.get("OEBPS/nav.xhtml"));
        List<String> contents = new ArrayList<>();
        NodeList links = navDoc.getElementsByTagNameNS(XHTML, "a");
        for (int i = 0; i < links.getLength(); i++) {
            contents.add(links.item(i).getTextContent());
        }
        assertTrue(contents.containsAll(List.of("The Remarks Column", "Nine O’Clock, Greenwich Time", "Don’t Round")),
                contents.toString());

        Document title = parse(entries.get("OEBPS/title.xhtml"));
        assertEquals("The Remarks Column", title.getElementsByTagNameNS(XHTML, "h1").item(0).getTextContent());
        Document scene = parse(entries.get("OEBPS/scene-001.xhtml"));
        assertEquals("Nine O’Clock, Greenwich Time", scene.getElementsByTagNameNS(XHTML, "h2").item(0).getTextContent());
        assertTrue(scene.getElementsByTagNameNS(XHTML, "p").getLength() > 3);
        assertTrue(scene.getElementsByTagNameNS(XHTML, "em").getLength() >= 1, "italics are <em>");
    }

    @Test
    void everyXhtmlPageIsWellFormedWithEscapedTextMarksAndAnAppendix() throws Exception {
        Path epub = exportBoth().get(1);

        Map<String, Document> pages = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().endsWith(".xhtml") || e.getName().endsWith(".opf") || e.getName().endsWith(".xml")) {
                    pages.put(e.getName(), parse(zip.getInputStream(e).readAllBytes()));
                }
            }
        }
        assertTrue(pages.keySet().containsAll(List.of("OEBPS/marks.xhtml", "OEBPS/unused-variants.xhtml")),
                pages.keySet().toString());
        Document second = pages.get("OEBPS/scene-002.xhtml");
        assertEquals("Evening & after <dark>.", second.getElementsByTagNameNS(XHTML, "p").item(1).getTextContent());
        assertEquals("scene-break", ((Element) second.getElementsByTagNameNS(XHTML, "p").item(0)).getAttribute("class"));
        Element mark = (Element) pages.get("OEBPS/scene-001.xhtml").getElementsByTagNameNS(XHTML, "span").item(0);
        assertEquals("Variant A", mark.getAttribute("title"));
        assertEquals(Provenanced.USED, mark.getTextContent());
        assertTrue(pages.get("OEBPS/unused-variants.xhtml").getDocumentElement().getTextContent()
                .contains(Provenanced.UNUSED));
    }

    @Test
    void epubcheckPassesBothBooksAndOneInChapters() throws Exception {
        Path epubcheck = onPath("epubcheck");
        Assumptions.assumeTrue(epubcheck != null, "epubcheck is not installed here (apt-get install epubcheck);"
                + " CI installs it");
        List<Path> books = new ArrayList<>(exportBoth());
        Cli cli = new Cli(dir);
        try (Studio studio = cli.open()) {
            Chaptered.addTo(studio);
        }
        Path chaptered = dir.resolve("ferry.epub");
        Cli.Run run = cli.run("export", "--story", Chaptered.TITLE, "--format", "epub", "--out", chaptered.toString());
        assertEquals(0, run.code(), run.toString());
        books.add(chaptered);
        for (Path epub : books) {
            Process p = new ProcessBuilder(command(epubcheck, epub)).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "epubcheck finished");
            assertEquals(0, p.exitValue(), "epubcheck on " + epub.getFileName() + ":\n" + output);
            assertTrue(output.contains("No errors or warnings detected"), output);
        }
    }

    /**
     * Debian's epubcheck is the jar itself, linked into /usr/bin and run through binfmt_misc, which a
     * container may lack: a jar is run with this JVM's java instead.
     */
    private static List<String> command(Path epubcheck, Path epub) throws Exception {
        Path real = epubcheck.toRealPath();
        byte[] head = new byte[2];
        try (java.io.InputStream in = Files.newInputStream(real)) {
            in.readNBytes(head, 0, 2);
        }
        if (head[0] == 'P' && head[1] == 'K') {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return List.of(java, "-jar", real.toString(), epub.toString());
        }
        return List.of(epubcheck.toString(), epub.toString());
    }

    private static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return b.parse(new ByteArrayInputStream(xml));
    }
}
