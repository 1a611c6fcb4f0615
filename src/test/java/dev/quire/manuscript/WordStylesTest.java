package dev.quire.manuscript;

import dev.quire.studio.manuscript.Manuscript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static dev.quire.manuscript.Manuscripts.describe;
import static dev.quire.manuscript.WordFile.characterStyle;
import static dev.quire.manuscript.WordFile.p;
import static dev.quire.manuscript.WordFile.paragraphStyle;
import static dev.quire.manuscript.WordFile.pp;
import static dev.quire.manuscript.WordFile.r;
import static dev.quire.manuscript.WordFile.rp;
import static dev.quire.manuscript.WordFile.styled;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Italic and bold resolved as Word resolves them: direct formatting over the character style over the paragraph
 * style over the document defaults, "based on" chains followed, and {@code w:val="0"}/{@code "false"} turning a
 * property off.
 */
class WordStylesTest {

    private static String italicOf(String directRPr, String characterStyle, String paragraphStyle) {
        String rPr = directRPr + (characterStyle.isEmpty() ? "" : "<w:rStyle w:val=\"" + characterStyle + "\"/>");
        return pp(paragraphStyle.isEmpty() ? "" : "<w:pStyle w:val=\"" + paragraphStyle + "\"/>", rp(rPr, "word"));
    }

    /**
     * Every combination of: direct formatting (none, on, off as "0", off as "false"), character style (none,
     * italic, explicitly upright), paragraph style (none, italic, based on an italic one, explicitly upright), and
     * document defaults (upright, italic).
     */
    @Test
    void italicFollowsWordsOrderOfPrecedenceInEveryCombination() {
        String[] directs = {"", "<w:i/>", "<w:i w:val=\"0\"/>", "<w:i w:val=\"false\"/>", "<w:i w:val=\"true\"/>"};
        String[] characters = {"", "Em", "Upright"};
        String[] paragraphs = {"", "Q", "QChild", "Plain"};
        for (boolean defaultItalic : new boolean[] {false, true}) {
            List<String> body = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (String d : directs) {
                for (String c : characters) {
                    for (String q : paragraphs) {
                        body.add(italicOf(d, c, q));
                        Boolean direct = d.isEmpty() ? null : !(d.contains("\"0\"") || d.contains("false"));
                        Boolean fromCharacter = c.isEmpty() ? null : c.equals("Em");
                        Boolean fromParagraph = q.isEmpty() ? null : !q.equals("Plain");
                        boolean italic;
                        if (direct != null) {
                            italic = direct;
                        } else if (fromCharacter == null && fromParagraph == null) {
                            italic = defaultItalic;
                        } else {
                            // Word's toggle: each style level that turns italic on flips it
                            italic = Boolean.TRUE.equals(fromCharacter) ^ Boolean.TRUE.equals(fromParagraph);
                        }
                        expected.add(italic ? "_word_" : "word");
                    }
                }
            }
            Manuscript m = WordFile.body(body.toArray(new String[0])).styles(
                    "<w:docDefaults><w:rPrDefault><w:rPr>" + (defaultItalic ? "<w:i/>" : "")
                            + "</w:rPr></w:rPrDefault></w:docDefaults>",
                    paragraphStyle("Q", "Quote", null, "<w:i/>"),
                    paragraphStyle("QChild", "Quote Child", "Q", "<w:color w:val=\"404040\"/>"),
                    paragraphStyle("Plain", "Plain", "Q", "<w:i w:val=\"0\"/>"),
                    characterStyle("Em", "Emphasis", null, "<w:i/>"),
                    characterStyle("Upright", "Upright", "Em", "<w:i w:val=\"false\"/>")).read();

            assertEquals("[] " + String.join(" ¶ ", expected), describe(m).get(0), "document default italic "
                    + defaultItalic);
        }
    }

    @Test
    void aQuoteParagraphIsItalicAndARunTurnedUprightInsideEmphasisIsNot() {
        Manuscript m = WordFile.body(
                styled("Quote", r("Never again, she wrote.")),
                p(rp("<w:rStyle w:val=\"Emphasis\"/>", "Come "), rp("<w:rStyle w:val=\"Emphasis\"/><w:i w:val=\"0\"/>",
                        "home"), rp("<w:rStyle w:val=\"Emphasis\"/>", " now."))).styles(WordFile.wordStyles()).read();

        assertEquals(List.of("[] _Never again, she wrote._ ¶ _Come _home_ now._"), describe(m));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<w:b/>|**word**",
        "<w:b w:val=\"0\"/><w:rStyle w:val=\"Strong\"/>|word",
        "<w:rStyle w:val=\"Strong\"/>|**word**",
        "<w:b w:val=\"off\"/>|word",
    })
    void boldFollowsTheSameRules(String rPr, String expected) {
        Manuscript m = WordFile.body(p(rp(rPr, "word"))).styles(WordFile.wordStyles()).read();

        assertEquals(List.of("[] " + expected), describe(m));
    }

    @Test
    void smallCapsAndAllCapsKeepTheTextAsTyped() {
        Manuscript m = WordFile.body(
                p(rp("<w:smallCaps/>", "The lamp"), r(" was lit at "), rp("<w:caps/>", "six"), r(".")),
                styled("SmallCapsLead", r("Morning came."))).styles(
                paragraphStyle("SmallCapsLead", "Lead", null, "<w:smallCaps/><w:caps/>")).read();

        assertEquals(List.of("[] The lamp was lit at six. ¶ Morning came."), describe(m));
    }

    @Test
    void hiddenTextIsLeftOutAsWordDoesNotShowIt() {
        Manuscript m = WordFile.body(p(r("Shown. "), rp("<w:vanish/>", "A note to self."), r("Shown too.")),
                p(rp("<w:rStyle w:val=\"Secret\"/>", "All hidden."))).styles(
                characterStyle("Secret", "Secret", null, "<w:vanish/>")).read();

        assertEquals(List.of("[] Shown. Shown too."), describe(m));
    }
}
