package dev.quire.manuscript;

import dev.quire.studio.manuscript.ImportOptions;
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
import static dev.quire.manuscript.WordFile.styled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Footnotes become bracketed notes at the end of their scene; rules and (when asked) page breaks are breaks. */
class DocxNotesAndBreaksTest {

    private static String footnoteRef(int id) {
        return "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"" + id
                + "\"/></w:r>";
    }

    private static String footnote(int id, String... paragraphs) {
        StringBuilder b = new StringBuilder("<w:footnote w:id=\"" + id + "\">");
        for (int i = 0; i < paragraphs.length; i++) {
            b.append(styled("FootnoteText", i == 0 ? "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
                    + "<w:footnoteRef/></w:r>" + r(" ") : "", paragraphs[i]));
        }
        return b.append("</w:footnote>").toString();
    }

    @Test
    void footnotesAreKeptAsBracketedNotesAtTheEndOfTheirSceneNeverAsJunk() {
        Manuscript m = WordFile.body(
                styled("Heading1", r("The Harbour")),
                p(r("The lamp was lit at six."), footnoteRef(20), r(" She watched it turn.")),
                p(r("The sea was loud."), footnoteRef(21)),
                styled("Heading1", r("Morning")),
                p(r("Grey, and late."), footnoteRef(22)))
                .styles(WordFile.wordStyles())
                .footnotes(footnote(20, r("As it was every night.")),
                        footnote(21, r("In the ") + WordFile.rp("<w:i/>", "log") + r("'s words.")),
                        footnote(22, r("First paragraph."), r("Second paragraph."))).read();

        assertEquals(List.of(
                "[The Harbour] The lamp was lit at six.[1] She watched it turn. ¶ The sea was loud.[2]"
                        + " ¶ [1] As it was every night. ¶ [2] In the _log_'s words.",
                "[Morning] Grey, and late.[3] ¶ [3] First paragraph. Second paragraph."), describe(m));
        assertEquals(3, m.report().count(Item.FOOTNOTES));
        assertTrue(m.report().summary().contains("3 footnotes kept as notes"), m.report().summary());
        assertTrue(m.report().warnings().stream().anyMatch(w -> w.contains("no footnotes")), m.report().toString());
        assertFalse(describe(m).toString().contains("footnoteRef"));
    }

    @Test
    void endnotesAreKeptTooNumberedAsWordNumbersThem() {
        Manuscript m = WordFile.body(p(r("Gone."), "<w:r><w:endnoteReference w:id=\"2\"/></w:r>"))
                .endnotes("<w:endnote w:type=\"separator\" w:id=\"-1\">" + p("<w:r><w:separator/></w:r>")
                                + "</w:endnote>",
                        "<w:endnote w:id=\"2\">" + p("<w:r><w:endnoteRef/></w:r>", r(" Or so she said."))
                                + "</w:endnote>").read();

        assertEquals(List.of("[] Gone.[i] ¶ [i] Or so she said."), describe(m));
        assertEquals(1, m.report().count(Item.ENDNOTES));
    }

    @Test
    void anEmptyParagraphWithABorderIsASceneBreak() {
        String rule = "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>";
        Manuscript m = WordFile.body(
                p(r("First scene.")),
                pp(rule),
                p(r("Second scene.")),
                pp("<w:pBdr><w:bottom w:val=\"nil\"/></w:pBdr>"),
                p(r("Still the second.")),
                pp(rule, r("Bordered text is text.")),
                pp("<w:pBdr><w:top w:val=\"double\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>"),
                p(r("Third."))).read();

        assertEquals(List.of("[] First scene.", "[] Second scene. ¶ Still the second. ¶ Bordered text is text.",
                "[] Third."), describe(m));
        assertEquals(2, m.report().count(Item.RULES));
    }

    @Test
    void aRuleFromAStyleIsABreakToo() {
        Manuscript m = WordFile.body(p(r("Before.")), styled("Rule"), p(r("After.")))
                .styles("<w:style w:type=\"paragraph\" w:styleId=\"Rule\"><w:name w:val=\"Scene Rule\"/><w:pPr>"
                        + "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\"/></w:pBdr></w:pPr></w:style>").read();

        assertEquals(List.of("[] Before.", "[] After."), describe(m));
    }

    @Test
    void pandocsAndWordsHorizontalLineShapeIsASceneBreak() {
        // pandoc writes "* * *" in Markdown as this VML rule; Word's Insert > Horizontal Line is the same shape
        String hr = "<w:r><w:pict><v:rect style=\"width:0;height:1.5pt\" o:hralign=\"center\" o:hrstd=\"t\""
                + " o:hr=\"t\"/></w:pict></w:r>";
        Manuscript m = WordFile.body(p(r("Night.")), p(hr), p(r("Day."))).read();

        assertEquals(List.of("[] Night.", "[] Day."), describe(m));
    }

    @ParameterizedTest
    @ValueSource(strings = {"***", "* * *", "#", "⁂", "—  —  —"})
    void typedBreakLinesAreStillBreaks(String line) {
        Manuscript m = WordFile.body(p(r("One.")), p(r(line)), p(r("Two."))).read();

        assertEquals(List.of("[] One.", "[] Two."), describe(m));
    }

    @Test
    void pageBreaksAreSceneBreaksOnlyWhenTheWriterAsks() {
        WordFile file = WordFile.body(
                p(r("The first scene ends here."), "<w:r><w:br w:type=\"page\"/></w:r>", r("The second begins.")),
                p(r("It goes on.")),
                p("<w:r><w:br w:type=\"page\"/></w:r>"),
                pp("<w:pageBreakBefore/>", r("A third.")));

        assertEquals(List.of("[] The first scene ends here. ¶ The second begins. ¶ It goes on. ¶ A third."),
                describe(file.read()));
        Manuscript split = file.read(new ImportOptions(true));
        assertEquals(List.of("[] The first scene ends here.", "[] The second begins. ¶ It goes on.", "[] A third."),
                describe(split));
        assertEquals(2, split.report().count(Item.PAGE_BREAKS));
    }
}
