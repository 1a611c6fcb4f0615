package dev.quire.studio;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkupTest {

    /** Spans as "length+flags", e.g. "2 1i 3b 4ib": i italic, b bold. */
    private static String shape(Prose prose) {
        return prose.spans().stream()
                .map(s -> s.length() + (s.italic() ? "i" : "") + (s.bold() ? "b" : ""))
                .collect(Collectors.joining(" "));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            plain words                        | plain words                  | 11
            a *b* c                            | a b c                        | 2 1i 2
            **bold** then not                  | bold then not                | 4b 9
            ***both*** ends                    | both ends                    | 4ib 5
            *it **and bold** it*               | it and bold it               | 3i 8ib 3i
            one\\n\\ntwo                       | one\\ntwo                    | 7
            one\\ntwo                          | one two                      | 7
            \\n\\n  first  \\n\\n\\n\\n  second  \\n | first\\nsecond         | 12
            *open\\n\\nclosed*                 | *open\\nclosed*              | 13
            a *b*\\n\\n**c** d                 | a b\\nc d                    | 2 1i 1 1b 2
            """)
    void parsesItalicsBoldAndParagraphs(String source, String text, String shape) {
        Prose prose = Markup.parse(unescape(source), Provenance.WRITER);

        assertEquals(unescape(text), prose.text());
        assertEquals(shape, shape(prose));
    }

    @Test
    void everySpanOfTextCarriesTheGivenProvenanceAndBreaksArePlainAndTheWriters() {
        Provenance b = Provenance.variant("B", 12L);

        Prose prose = Markup.parse("First *para*.\n\nSecond **one**.", b);

        assertEquals("First para.\nSecond one.", prose.text());
        int at = 0;
        for (Span span : prose.spans()) {
            String piece = prose.text().substring(at, at + span.length());
            if (piece.equals("\n")) {
                assertEquals(new Span(1, Provenance.WRITER, false, false), span);
            } else {
                assertEquals(b, span.provenance(), piece);
                assertFalse(piece.contains("\n"), piece);
            }
            at += span.length();
        }
    }

    @Test
    void wordCountOfParsedProseIgnoresTheMarkup() {
        assertEquals(5, Markup.parse("*One* **two** three.\n\nFour five.", Provenance.WRITER).wordCount());
    }

    @Test
    void windowsLineEndingsLeaveNoCarriageReturnsInTheText() {
        Prose prose = Markup.parse("First line\r\nstill first.\r\n\r\nSecond *para*.\r\n", Provenance.WRITER);

        assertEquals("First line still first.\nSecond para.", prose.text());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Rated 4* by the club.     | Rated 4* by the club.
            * * *                     | * * *
            5 * 3 = 15                | 5 * 3 = 15
            """)
    void asteriskWithoutAPartnerIsKeptAsText(String source, String text) {
        Prose prose = Markup.parse(source, Provenance.WRITER);

        assertEquals(text, prose.text());
        assertTrue(prose.spans().stream().noneMatch(Span::italic));
    }
}
