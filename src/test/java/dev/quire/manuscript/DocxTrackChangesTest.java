package dev.quire.manuscript;

import dev.quire.studio.manuscript.ImportReport.Item;
import dev.quire.studio.manuscript.Manuscript;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.quire.manuscript.Manuscripts.describe;
import static dev.quire.manuscript.WordFile.del;
import static dev.quire.manuscript.WordFile.ins;
import static dev.quire.manuscript.WordFile.p;
import static dev.quire.manuscript.WordFile.pp;
import static dev.quire.manuscript.WordFile.r;
import static dev.quire.manuscript.WordFile.rp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Word file with Track Changes and content controls reads as Word shows it with every change accepted. */
class DocxTrackChangesTest {

    @Test
    void deletionsAreDroppedAndInsertionsKept() {
        Manuscript m = WordFile.body(
                p(r("The lamp was "), del("never "), ins(r("always ")), r("lit at six.")),
                p(del("A whole sentence the editor cut.")),
                p(r("She climbed"), ins(rp("<w:i/>", " slowly")), r(" the stairs."))).read();

        assertEquals(List.of("[] The lamp was always lit at six. ¶ She climbed_ slowly_ the stairs."), describe(m));
        assertEquals(4, m.report().count(Item.TRACKED_CHANGES), m.report().toString()); // 2 deletions, 2 insertions
        assertTrue(m.report().summary().startsWith("4 tracked changes accepted"), m.report().summary());
    }

    @Test
    void anyDeletedTextIsLeftOutWhereverItIs() {
        // a deletion inside an insertion, inside a hyperlink, inside a content control: never live text
        Manuscript m = WordFile.body(
                p(r("Keep "), "<w:hyperlink r:id=\"rId9\">" + del("gone ") + r("link") + "</w:hyperlink>",
                        "<w:sdt><w:sdtContent>" + ins(r(" more")) + del(" cut") + "</w:sdtContent></w:sdt>"))
                .read();

        assertEquals(List.of("[] Keep link more"), describe(m));
    }

    @Test
    void aParagraphWhoseMarkWasDeletedJoinsTheNextAsInWord() {
        String deletedMark = "<w:rPr><w:del w:id=\"7\" w:author=\"Ed\" w:date=\"2026-11-02T10:00:00Z\"/></w:rPr>";
        Manuscript m = WordFile.body(
                pp(deletedMark, r("The boat came")),
                p(r(" late, and grey.")),
                p(r("Morning."))).read();

        assertEquals(List.of("[] The boat came late, and grey. ¶ Morning."), describe(m));
    }

    @Test
    void contentControlTextIsKeptInlineAndAsBlocks() {
        Manuscript m = WordFile.body(
                p(r("Dear "), "<w:sdt><w:sdtPr><w:alias w:val=\"Name\"/><w:tag w:val=\"name\"/></w:sdtPr>"
                        + "<w:sdtContent>" + r("Margaret") + "</w:sdtContent></w:sdt>", r(",")),
                "<w:sdt><w:sdtPr><w:id w:val=\"5\"/></w:sdtPr><w:sdtContent>"
                        + p(r("A paragraph in a block control.")) + p(r("And another."))
                        + "</w:sdtContent></w:sdt>",
                "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
                        + p(r("Click or tap here to enter text.")) + "</w:sdtContent></w:sdt>").read();

        assertEquals(List.of("[] Dear Margaret, ¶ A paragraph in a block control. ¶ And another."), describe(m));
        assertEquals(2, m.report().count(Item.CONTENT_CONTROLS));
    }

    @Test
    void aFileWithTrackedChangesOrCommentsIsReportedWithAWarning() {
        Manuscript clean = WordFile.body(p(r("Nothing tracked here."))).read();
        assertTrue(clean.report().warnings().isEmpty(), clean.report().toString());

        Manuscript tracked = WordFile.body(p(r("Text "), ins(r("added")))).read();
        assertTrue(tracked.report().warnings().stream().anyMatch(w -> w.contains("tracked changes")),
                tracked.report().toString());

        Manuscript commented = WordFile.body(p("<w:commentRangeStart w:id=\"0\"/>", r("Looked at."),
                "<w:commentRangeEnd w:id=\"0\"/>", "<w:r><w:commentReference w:id=\"0\"/></w:r>"))
                .comments("<w:comment w:id=\"0\" w:author=\"Ed\">" + p(r("Too short?")) + "</w:comment>").read();
        assertEquals(List.of("[] Looked at."), describe(commented));
        assertEquals(1, commented.report().count(Item.COMMENTS));
        assertTrue(commented.report().warnings().stream().anyMatch(w -> w.contains("a comment")),
                commented.report().toString());
    }

    @Test
    void aMovedParagraphAppearsOnceWhereItWasMovedTo() {
        String moveFromMark = "<w:rPr><w:moveFrom w:id=\"20\" w:author=\"Ed\" w:date=\"2026-11-02T10:00:00Z\"/></w:rPr>";
        String moveToMark = "<w:rPr><w:moveTo w:id=\"23\" w:author=\"Ed\" w:date=\"2026-11-02T10:00:00Z\"/></w:rPr>";
        Manuscript m = WordFile.body(
                pp(moveFromMark, "<w:moveFromRangeStart w:id=\"21\" w:author=\"Ed\" w:name=\"move1\"/>",
                        "<w:moveFrom w:id=\"22\" w:author=\"Ed\">" + r("The gulls were loud.") + "</w:moveFrom>",
                        "<w:moveFromRangeEnd w:id=\"21\"/>"),
                p(r("The boat came.")),
                pp(moveToMark, "<w:moveToRangeStart w:id=\"24\" w:author=\"Ed\" w:name=\"move1\"/>",
                        "<w:moveTo w:id=\"25\" w:author=\"Ed\">" + r("The gulls were loud.") + "</w:moveTo>",
                        "<w:moveToRangeEnd w:id=\"24\"/>"),
                p(r("Night fell."))).read();

        assertEquals(List.of("[] The boat came. ¶ The gulls were loud. ¶ Night fell."), describe(m));
        assertEquals(1, m.report().count(Item.MOVES));
    }

    @Test
    void aTrackedFormattingChangeIsAccepted() {
        // the run is italic now; it was not before the change
        Manuscript m = WordFile.body(p(r("It said "), "<w:r><w:rPr><w:i/><w:rPrChange w:id=\"3\" w:author=\"Ed\">"
                + "<w:rPr/></w:rPrChange></w:rPr><w:t>come home</w:t></w:r>", r("."))).read();

        assertEquals(List.of("[] It said _come home_."), describe(m));
        assertEquals(1, m.report().count(Item.FORMAT_CHANGES));
    }

    @Test
    void fieldCodesAreNotTextButTheirResultsAre() {
        Manuscript m = WordFile.body(p(r("Page "), "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>",
                "<w:r><w:instrText xml:space=\"preserve\"> PAGE \\* MERGEFORMAT </w:instrText></w:r>",
                "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>", r("4"),
                "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>", r(" of the letter."))).read();

        assertEquals(List.of("[] Page 4 of the letter."), describe(m));
    }

    /**
     * The general rule, on random paragraphs: whatever wraps them (insertions, content controls, hyperlinks, smart
     * tags, moved-to text, nested in any order), kept pieces read in order and deleted or moved-from pieces never.
     */
    @Test
    void keptTextIsExactlyWhatIsNeitherDeletedNorMovedAwayHoweverItIsWrapped() {
        java.util.Random random = new java.util.Random(23);
        for (int trial = 0; trial < 200; trial++) {
            StringBuilder xml = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            int pieces = 1 + random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                String word = "w" + trial + "x" + i + " ";
                switch (random.nextInt(4)) {
                    case 0 -> {
                        xml.append(del(word));
                        continue;
                    }
                    case 1 -> {
                        xml.append("<w:moveFrom w:id=\"9\" w:author=\"Ed\">").append(r(word)).append("</w:moveFrom>");
                        continue;
                    }
                    default -> {
                    }
                }
                String piece = r(word);
                for (int depth = random.nextInt(4); depth > 0; depth--) {
                    piece = switch (random.nextInt(5)) {
                        case 0 -> ins(piece);
                        case 1 -> "<w:sdt><w:sdtPr/><w:sdtContent>" + piece + "</w:sdtContent></w:sdt>";
                        case 2 -> "<w:hyperlink w:anchor=\"a\">" + piece + "</w:hyperlink>";
                        case 3 -> "<w:smartTag w:element=\"place\">" + piece + "</w:smartTag>";
                        default -> "<w:moveTo w:id=\"8\" w:author=\"Ed\">" + piece + "</w:moveTo>";
                    };
                }
                xml.append(piece);
                expected.append(word);
            }
            xml.append(r("end."));
            expected.append("end.");

            Manuscript m = WordFile.body(p(xml.toString())).read();

            assertEquals(List.of("[] " + expected), describe(m), xml.toString());
        }
    }
}
