package dev.quire.manuscript;

import dev.quire.studio.manuscript.ImportReport.Item;
import dev.quire.studio.manuscript.Manuscript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.quire.manuscript.Manuscripts.describe;
import static dev.quire.manuscript.WordFile.p;
import static dev.quire.manuscript.WordFile.pp;
import static dev.quire.manuscript.WordFile.r;
import static dev.quire.manuscript.WordFile.rp;
import static dev.quire.manuscript.WordFile.styled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drop caps, text boxes, pictures, line breaks and the title page, read as Word shows them. */
class DocxAsWordShowsItTest {

    static final String DROP_CAP = "<w:framePr w:dropCap=\"drop\" w:lines=\"3\" w:wrap=\"around\""
            + " w:vAnchor=\"text\" w:hAnchor=\"text\"/><w:spacing w:line=\"1265\" w:lineRule=\"exact\"/>";

    /** A text box as Word 2010+ saves it: a wps shape in the Choice, the same box as VML in the Fallback. */
    static String textBox(String... paragraphs) {
        String content = "<w:txbxContent>" + String.join("", paragraphs) + "</w:txbxContent>";
        return "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\""
                + " distL=\"114300\" distR=\"114300\" simplePos=\"0\" relativeHeight=\"251659264\" behindDoc=\"0\""
                + " locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>"
                + "<wp:extent cx=\"2360930\" cy=\"1404620\"/><wp:docPr id=\"217\" name=\"Text Box 2\"/>"
                + "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
                + "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/><wps:txbx>" + content + "</wps:txbx><wps:bodyPr/>"
                + "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
                + "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,"
                + "l21600,xe\"/><v:shape id=\"Text Box 2\" o:spid=\"_x0000_s1026\" type=\"#_x0000_t202\">"
                + "<v:textbox>" + content + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
    }

    static String picture() {
        return "<w:r><w:drawing><wp:inline><wp:extent cx=\"100\" cy=\"100\"/><wp:docPr id=\"3\" name=\"Picture 3\"/>"
                + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
                + "<pic:blipFill><a:blip r:embed=\"rId8\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>"
                + "</wp:inline></w:drawing></w:r>";
    }

    /** The issue's manuscript: every kind of thing Word writes that the import used to get wrong. */
    static WordFile manuscript() {
        String moveFromMark = "<w:rPr><w:moveFrom w:id=\"20\" w:author=\"Ed\" w:date=\"2026-11-02T10:00:00Z\"/></w:rPr>";
        return WordFile.body(
                styled("Title", r("The Lighthouse Keeper")),
                styled("Author", r("Ada Marsh")),
                styled("Date", r("November 2026")),
                styled("Abstract", r("A keeper's daughter and a letter.")),
                styled("Heading1", r("The Lamp")),
                pp(DROP_CAP, r("T")),
                p(r("he lamp was lit at "), rp("<w:smallCaps/>", "six o'clock"), r(", as every night.")),
                pp(moveFromMark, "<w:moveFrom w:id=\"21\" w:author=\"Ed\">" + r("The gulls were loud.")
                        + "</w:moveFrom>"),
                p(r("She climbed the stairs."), textBox(p(r("KEEP OUT, said the sign.")))),
                pp("<w:rPr><w:moveTo w:id=\"22\" w:author=\"Ed\" w:date=\"2026-11-02T10:00:00Z\"/></w:rPr>",
                        "<w:moveTo w:id=\"23\" w:author=\"Ed\">" + r("The gulls were loud.") + "</w:moveTo>"),
                styled("Quote", r("Come home.")),
                p(rp("<w:rStyle w:val=\"Emphasis\"/>", "Nothing "), rp("<w:rStyle w:val=\"Emphasis\"/><w:i w:val=\"0\"/>",
                        "else"), rp("<w:rStyle w:val=\"Emphasis\"/>", ", it said.")),
                p(r("Dear Father,"), "<w:r><w:br/></w:r>", r("the lamp is lit."), picture()))
                .styles(WordFile.wordStyles())
                .core("The Lighthouse Keeper", "Ada Marsh");
    }

    @Test
    void theIssuesManuscriptReadsAsWordShowsIt() {
        Manuscript m = manuscript().read();

        assertEquals("The Lighthouse Keeper", m.title());
        assertEquals("Ada Marsh", m.author());
        assertEquals(List.of("[The Lamp] The lamp was lit at six o'clock, as every night. ¶ She climbed the stairs."
                + " ¶ KEEP OUT, said the sign. ¶ The gulls were loud. ¶ _Come home._ ¶ _Nothing _else_, it said._"
                + " ¶ Dear Father, ↵ the lamp is lit."), describe(m));
        assertEquals("1 tracked move accepted, 1 text box read, 1 drop cap joined,"
                + " 3 title-page lines (author, date, abstract) left out of the prose, 1 image left out",
                m.report().summary());
    }

    @Test
    void aLineBreakStaysALineBreakInsideItsParagraph() {
        Manuscript m = WordFile.body(
                p(r("Dear Father, "), "<w:r><w:br/></w:r>", r(" the lamp is "), rp("<w:i/>", "lit"), "<w:r><w:br"
                        + " w:type=\"textWrapping\"/></w:r>", r("Your Ada")),
                p(r("Roses are red,"), "<w:r><w:cr/></w:r>", r("violets blue.")),
                p(r("Then morning."), "<w:r><w:br/></w:r>")).read();

        assertEquals(List.of("[] Dear Father, ↵ the lamp is _lit_ ↵ Your Ada ¶ Roses are red, ↵ violets blue."
                + " ¶ Then morning."), describe(m));
        assertEquals("Dear Father,\u2028the lamp is lit\u2028Your Ada", m.scenes().get(0).prose().text()
                .split("\n")[0]);
        assertTrue(m.report().summary().isEmpty(), "a line break kept is nothing changed: " + m.report().summary());
    }

    @Test
    void aPageBreakIsStillNoLineBreak() {
        Manuscript m = WordFile.body(p(r("One."), "<w:r><w:br w:type=\"page\"/></w:r>", r("Two."))).read();

        assertEquals(List.of("[] One. ¶ Two."), describe(m));
    }

    @Test
    void aDropCapJoinsWhateverFollowsIntoOneWordAndOneParagraph() {
        Manuscript m = WordFile.body(pp(DROP_CAP, rp("<w:sz w:val=\"120\"/>", "O")), p(r("nce, there was a lamp.")),
                p(r("Then morning."))).read();

        assertEquals(List.of("[] Once, there was a lamp. ¶ Then morning."), describe(m));
        assertEquals(1, m.report().count(Item.DROP_CAPS));
    }

    @Test
    void aTextBoxIsReadOnceFromTheChoiceOrFromTheFallbackWhenThereIsNoChoice() {
        Manuscript both = WordFile.body(p(r("Before."), textBox(p(r("In the box."))))).read();
        assertEquals(List.of("[] Before. ¶ In the box."), describe(both));

        String fallbackOnly = "<w:r><mc:AlternateContent><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
                + p(r("Only VML.")) + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
                + "</mc:AlternateContent></w:r>";
        Manuscript old = WordFile.body(p(r("Before."), fallbackOnly)).read();
        assertEquals(List.of("[] Before. ¶ Only VML."), describe(old));
        assertEquals(1, old.report().count(Item.TEXT_BOXES));
    }

    @Test
    void pictureChartsAndObjectsAreCountedAsLeftOut() {
        Manuscript m = WordFile.body(p(r("See:"), picture(), picture()),
                p(r("And:"), "<w:r><w:object><v:shape><v:imagedata r:id=\"rId5\"/></v:shape></w:object></w:r>"))
                .read();

        assertEquals(2, m.report().count(Item.IMAGES));
        assertEquals(1, m.report().count(Item.OBJECTS));
        assertTrue(m.report().summary().contains("2 images left out"), m.report().summary());
    }

    @Test
    void theAuthorLineWinsOverTheProgramsNameAndTitlePageLinesAreNeverProse() {
        Manuscript m = WordFile.body(styled("Subtitle", r("A novella")), styled("Author", r("Ada Marsh")),
                p(r("The text."))).styles(WordFile.wordStyles()).core(null, "Microsoft Office User").read();

        assertEquals("Ada Marsh", m.author());
        assertEquals(List.of("[] The text."), describe(m));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&lt;%= title %&gt;", ".", "—", "{{title}}", "Document1"})
    void aTemplatesPlaceholderPropertyIsIgnored(String junk) {
        Manuscript m = WordFile.body(p(r("The text."))).core(junk, junk).read();

        assertEquals("word", m.title()); // from the file's name
        assertEquals("", m.author());
    }

    @Test
    void theDocumentPropertiesGiveTitleAndAuthor() {
        Manuscript m = WordFile.body(p(r("The text."))).core("Salt and Iron", "Ada Marsh").read();

        assertEquals("Salt and Iron", m.title());
        assertEquals("Ada Marsh", m.author());
    }

    @Test
    void aTableOfContentsIsWordsNotTheWriters() {
        Manuscript m = WordFile.body(styled("TOC1", r("The Lamp 1")), styled("TOCHeading", r("Contents")),
                p(r("The text."))).styles(
                WordFile.paragraphStyle("TOC1", "toc 1", null, ""),
                WordFile.paragraphStyle("TOCHeading", "TOC Heading", null, "")).read();

        assertEquals(List.of("[] The text."), describe(m));
    }
}
