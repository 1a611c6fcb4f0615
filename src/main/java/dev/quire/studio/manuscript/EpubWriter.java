package dev.quire.studio.manuscript;

import dev.quire.model.Prose;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An EPUB 3 book, written directly: {@code mimetype} first and stored uncompressed, the container,
 * an OPF package, a navigation document, a title page, one XHTML file per scene and a stylesheet;
 * the legend of provenance marks and the appendix of unused variants as their own pages when asked
 * for. Titled scenes open with their heading; an untitled scene after the first opens with a
 * {@code * * *} break. In a story with chapters, the first scene of each chapter opens with the chapter's
 * heading, and the contents list each chapter with its scenes nested under it. Provenance marks are
 * {@code <span class="mark variant-a" title="Variant A">}, coloured by the stylesheet.
 */
final class EpubWriter {

    static final String MIMETYPE = "application/epub+zip";
    private static final String[] COLOURS = {"#fff3a0", "#c8f0f5", "#cdf5c4", "#f7d0ec", "#e4e4e4"};

    private final ExportedStory story;
    private final StoryExport.Options options;
    private final Map<String, Integer> labels;

    private EpubWriter(ExportedStory story, StoryExport.Options options) {
        this.story = story;
        this.options = options;
        this.labels = options.provenance() ? story.markLabels() : Map.of();
    }

    static void write(ExportedStory story, StoryExport.Options options, OutputStream out) throws IOException {
        new EpubWriter(story, options).write(out);
    }

    /**
     * A page of the book: its file, its title for the contents, and its body.
     *
     * @param chapter the chapter of a scene's page, as an index into the story's chapters; -1 for none
     * @param opens   the heading of the chapter the page opens; null when it opens none
     */
    private record Page(String id, String file, String title, String body, int chapter, String opens) {
        Page(String id, String file, String title, String body) {
            this(id, file, title, body, ExportedStory.Section.NO_CHAPTER, null);
        }
    }

    private void write(OutputStream stream) throws IOException {
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("title-page", "title.xhtml", story.title(), titlePage()));
        List<ExportedStory.Section> scenes = story.scenes();
        for (int i = 0; i < scenes.size(); i++) {
            ExportedStory.Section s = scenes.get(i);
            String name = s.title().isEmpty() ? "Scene " + (i + 1) : s.title();
            String opens = story.chapterOpenedBy(i);
            pages.add(new Page("scene-" + (i + 1), String.format("scene-%03d.xhtml", i + 1), name, scene(s, i, opens),
                    s.chapter(), opens));
        }
        if (!labels.isEmpty()) {
            pages.add(new Page("marks", "marks.xhtml", "About the marks", marksPage()));
        }
        if (!story.unused().isEmpty()) {
            pages.add(new Page("unused-variants", "unused-variants.xhtml", "Variants not used", unusedPage()));
        }

        ZipOutputStream zip = new ZipOutputStream(stream, StandardCharsets.UTF_8);
        byte[] mimetype = MIMETYPE.getBytes(StandardCharsets.US_ASCII);
        ZipEntry first = new ZipEntry("mimetype");
        first.setMethod(ZipEntry.STORED);
        first.setSize(mimetype.length);
        first.setCompressedSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        first.setCrc(crc.getValue());
        zip.putNextEntry(first);
        zip.write(mimetype);
        zip.closeEntry();
        zip.setMethod(ZipOutputStream.DEFLATED);
        entry(zip, "META-INF/container.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles>
                    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
                  </rootfiles>
                </container>
                """);
        entry(zip, "OEBPS/content.opf", opf(pages));
        entry(zip, "OEBPS/nav.xhtml", nav(pages));
        entry(zip, "OEBPS/style.css", css());
        for (Page p : pages) {
            entry(zip, "OEBPS/" + p.file(), xhtml(p.title(), p.body()));
        }
        zip.finish();
        zip.flush();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String opf(List<Page> pages) {
        UUID id = UUID.nameUUIDFromBytes(("quire-story-" + story.id() + "-" + story.title())
                .getBytes(StandardCharsets.UTF_8));
        Instant modified = (story.modified() == null ? Instant.now() : story.modified()).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder manifest = new StringBuilder();
        StringBuilder spine = new StringBuilder();
        manifest.append("    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
        manifest.append("    <item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n");
        for (Page p : pages) {
            manifest.append("    <item id=\"").append(p.id()).append("\" href=\"").append(p.file())
                    .append("\" media-type=\"application/xhtml+xml\"/>\n");
            spine.append("    <itemref idref=\"").append(p.id()).append("\"/>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\""
                + " xml:lang=\"en\">\n"
                + "  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "    <dc:identifier id=\"book-id\">urn:uuid:" + id + "</dc:identifier>\n"
                + "    <dc:title>" + Xml.escape(story.title().isBlank() ? "Untitled" : story.title()) + "</dc:title>\n"
                + "    <dc:language>en</dc:language>\n"
                + (story.metadata().byline().isEmpty() ? ""
                        : "    <dc:creator id=\"author\">" + Xml.escape(story.metadata().byline()) + "</dc:creator>\n"
                        + "    <meta refines=\"#author\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n")
                + "    <meta property=\"dcterms:modified\">" + modified + "</meta>\n"
                + "    <meta name=\"generator\" content=\"Quire\"/>\n"
                + "  </metadata>\n"
                + "  <manifest>\n" + manifest + "  </manifest>\n"
                + "  <spine>\n" + spine + "  </spine>\n"
                + "</package>\n";
    }

    /** The contents: each page in order; under chapters, each chapter with its scenes' pages nested in it. */
    private String nav(List<Page> pages) {
        StringBuilder items = new StringBuilder();
        boolean inChapter = false;
        for (Page p : pages) {
            if (inChapter && (p.opens() != null || p.chapter() == ExportedStory.Section.NO_CHAPTER)) {
                items.append("        </ol>\n      </li>\n");
                inChapter = false;
            }
            if (p.opens() != null) {
                items.append("      <li><a href=\"").append(p.file()).append('#').append(chapterId(p.chapter()))
                        .append("\">").append(Xml.escape(p.opens())).append("</a>\n        <ol>\n");
                inChapter = true;
            }
            // the contents must follow reading order: a chapter's first scene comes after the chapter's heading
            String href = p.opens() != null ? p.file() + "#" + p.id() : p.file();
            items.append(inChapter ? "    " : "").append("      <li><a href=\"").append(href).append("\">")
                    .append(Xml.escape(p.title())).append("</a></li>\n");
        }
        if (inChapter) {
            items.append("        </ol>\n      </li>\n");
        }
        String body = "  <nav epub:type=\"toc\" id=\"toc\">\n    <h1>Contents</h1>\n    <ol>\n" + items
                + "    </ol>\n  </nav>\n"
                + "  <nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n    <ol>\n"
                + "      <li><a epub:type=\"titlepage\" href=\"title.xhtml\">Title page</a></li>\n"
                + (pages.size() > 1 ? "      <li><a epub:type=\"bodymatter\" href=\"" + pages.get(1).file()
                + "\">Start of the story</a></li>\n" : "")
                + "    </ol>\n  </nav>\n";
        return xhtml("Contents", body);
    }

    private String titlePage() {
        int words = story.words();
        return "  <section epub:type=\"titlepage\" class=\"title-page\">\n"
                + "    <h1 class=\"title\">" + Xml.escape(story.title()) + "</h1>\n"
                + (story.metadata().byline().isEmpty() ? ""
                        : "    <p class=\"author\">" + Xml.escape(story.metadata().byline()) + "</p>\n")
                + "    <p class=\"words\">" + String.format("%,d", words) + (words == 1 ? " word" : " words") + "</p>\n"
                + "  </section>\n";
    }

    private static String chapterId(int chapter) {
        return "chapter-" + (chapter + 1);
    }

    /**
     * A scene's page; the first scene of a chapter opens with the chapter's heading, before the scene's own section
     * so that the contents can link to each in reading order.
     */
    private String scene(ExportedStory.Section s, int index, String opensChapter) {
        StringBuilder b = new StringBuilder();
        if (opensChapter != null) {
            b.append("  <h1 class=\"chapter\" id=\"").append(chapterId(s.chapter())).append("\">")
                    .append(Xml.escape(opensChapter)).append("</h1>\n");
            b.append("  <section epub:type=\"chapter\" id=\"scene-").append(index + 1).append("\">\n");
        } else {
            b.append("  <section epub:type=\"chapter\">\n");
        }
        if (!s.title().isEmpty()) {
            b.append("    <h2>").append(Xml.escape(s.title())).append("</h2>\n");
        } else if (index > 0 && opensChapter == null) {
            b.append("    <p class=\"scene-break\">").append(SceneBreaks.MARK).append("</p>\n");
        }
        prose(b, s.prose(), labels);
        return b.append("  </section>\n").toString();
    }

    private String marksPage() {
        StringBuilder b = new StringBuilder("  <section epub:type=\"appendix\">\n    <h2>About the marks</h2>\n");
        b.append("    <p>Marked passages came from the language model, in one colour per variant. Everything else"
                + " is the writer's own.</p>\n    <ul>\n");
        for (Map.Entry<String, Integer> e : labels.entrySet()) {
            b.append("      <li><span class=\"mark mark-").append(e.getValue() % COLOURS.length).append("\">Variant ")
                    .append(Xml.escape(e.getKey())).append("</span></li>\n");
        }
        return b.append("    </ul>\n  </section>\n").toString();
    }

    private String unusedPage() {
        StringBuilder b = new StringBuilder("  <section epub:type=\"appendix\">\n    <h2>Variants not used</h2>\n");
        for (ExportedStory.UnusedVariant v : story.unused()) {
            b.append("    <h3>").append(Xml.escape(v.heading())).append("</h3>\n");
            b.append("    <p class=\"details\">").append(Xml.escape(v.details())).append("</p>\n");
            prose(b, v.prose(), Map.of());
        }
        return b.append("  </section>\n").toString();
    }

    private static void prose(StringBuilder b, Prose prose, Map<String, Integer> labels) {
        for (List<StyledRun> runs : StyledRun.paragraphs(prose)) {
            b.append("    <p>");
            for (StyledRun r : runs) {
                String text = Xml.escape(r.text()).replace("\u2028", "<br/>");
                if (r.bold()) {
                    text = "<strong>" + text + "</strong>";
                }
                if (r.italic()) {
                    text = "<em>" + text + "</em>";
                }
                Integer mark = !r.provenance().isVariant() ? null : labels.get(ExportedStory.markLabel(r.provenance()));
                if (mark != null) {
                    String label = ExportedStory.markLabel(r.provenance());
                    text = "<span class=\"mark mark-" + (mark % COLOURS.length) + "\" title=\"Variant "
                            + Xml.escape(label) + "\">" + text + "</span>";
                }
                b.append(text);
            }
            b.append("</p>\n");
        }
    }

    private static String xhtml(String title, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\""
                + " xml:lang=\"en\" lang=\"en\">\n"
                + "<head>\n"
                + "  <meta charset=\"UTF-8\"/>\n"
                + "  <title>" + Xml.escape(title.isBlank() ? "Untitled" : title) + "</title>\n"
                + "  <link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n"
                + "</head>\n"
                + "<body>\n" + body + "</body>\n"
                + "</html>\n";
    }

    private static String css() {
        StringBuilder b = new StringBuilder("""
                body { font-family: serif; line-height: 1.45; margin: 0 5%; }
                h1, h2, h3 { font-weight: bold; page-break-after: avoid; }
                h2 { margin: 2em 0 1em; text-align: center; }
                p { margin: 0; text-indent: 1.5em; text-align: justify; }
                h1.chapter { margin: 3em 0 1em; text-align: center; }
                h2 + p, h1.chapter + p, p.scene-break + p, p.details + p { text-indent: 0; }
                p.scene-break { margin: 1em 0; text-align: center; text-indent: 0; }
                p.details { font-style: italic; text-indent: 0; margin-bottom: 0.5em; }
                .title-page { margin-top: 30%; text-align: center; }
                .title-page h1 { font-size: 2em; }
                .title-page p.words { text-align: center; text-indent: 0; margin-top: 2em; }
                .title-page p.author { text-align: center; text-indent: 0; font-size: 1.2em; margin-top: 1em; }
                """);
        for (int i = 0; i < COLOURS.length; i++) {
            b.append(".mark-").append(i).append(" { background-color: ").append(COLOURS[i]).append("; }\n");
        }
        return b.toString();
    }
}
