package dev.quire.prompt;

import dev.quire.model.Chapter;
import dev.quire.model.ContentHash;
import dev.quire.model.SummaryState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coverage line, and the values that decide a summary is stale. */
class CoverageTest {

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void theLineSaysHowEachEarlierSceneIsCarriedNumberedFromOne() {
        Coverage c = new Coverage(range(97, 118), range(31, 96), 12, range(1, 3), range(1, 30), List.of());

        assertEquals("scenes 31–96 by summary (12 stale), 97–118 verbatim, chapters 1–3 by chapter summary",
                c.line());
        assertTrue(c.complete());
    }

    @Test
    void gapsSingletonsAndLeftOutScenesReadPlainly() {
        Coverage c = new Coverage(List.of(5, 9, 10), List.of(1, 2, 3, 4, 6), 0, List.of(), List.of(),
                List.of(7, 8));

        assertEquals("scenes 1–4, 6 by summary, 5, 9–10 verbatim, scenes 7–8 left out", c.line());
        assertFalse(c.complete());
        assertEquals("scene 1 verbatim", new Coverage(List.of(1), List.of(), 0, List.of(), List.of(), List.of())
                .line());
        assertEquals("chapter 2 by chapter summary, scene 12 left out", new Coverage(List.of(), List.of(), 0,
                List.of(2), List.of(11), List.of(12)).line());
        assertEquals("", Coverage.NONE.line(), "no earlier scenes");
    }

    @Test
    void aContentHashIsTheSha256OfTheTextsUtf8() throws Exception {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.of("abc"));
        for (String text : List.of("", "Mara’s café — 語 😀", "a lone \uD800 surrogate", "é\u0301")) {
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            assertEquals(HexFormat.of().formatHex(expected), ContentHash.of(text), text);
        }
    }

    @Test
    void aSummaryIsStaleOnceItsScenesTextChanges() {
        SummaryState made = SummaryState.madeFrom("The tide came in.", false, Instant.EPOCH);

        assertFalse(made.isStaleFor("The tide came in."));
        assertTrue(made.isStaleFor("The tide came in at night."));
        assertTrue(SummaryState.NONE.isStaleFor(""), "a summary of unknown source is not known to be current");
        assertFalse(made.failed());
        assertTrue(new SummaryState("", false, "The provider refused: 429", Instant.EPOCH).failed());
    }

    @Test
    void aChapterIsNamedAsTheWriterCountsIt() {
        Chapter c = Chapter.titled(1, 2, "The Ledger");
        assertEquals("Chapter 3: The Ledger", c.label());
        assertEquals("", c.part());
        assertEquals("Chapter 1", Chapter.titled(1, 0, null).label());
        assertEquals("New.", c.withSummary("New.", ContentHash.of("x"), true).summary());
    }
}
