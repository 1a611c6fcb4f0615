package dev.quire.stitch;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.stitch.Shares.Share;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharesTest {

    private static final Provenance B = Provenance.variant("B", 12L);
    private static final Provenance C = Provenance.variant("C", 13L);

    @Test
    void anEmptyCompositionHasNoShares() {
        assertEquals(List.of(), Shares.of(Prose.EMPTY));
        assertEquals("", Shares.describe(List.of()));
    }

    @Test
    void blankTextHasNoShares() {
        assertEquals(List.of(), Shares.of(Prose.from(" \n  ", B)));
    }

    @Test
    void theWritersOwnTextIsAllYours() {
        List<Share> shares = Shares.of(Prose.plain("The tide turned at noon."));

        assertEquals(List.of(new Share(Provenance.WRITER, 20, 100)), shares);
        assertEquals("100% yours", Shares.describe(shares));
    }

    @Test
    void sharesCountCharactersThatAreNotWhitespace() {
        Prose prose = new Prose.Builder()
                .append("x".repeat(38))
                .append(" \n ", B, false, false)
                .append("y".repeat(20) + "  " + "y".repeat(20), B, false, false)
                .append("z".repeat(22), C, true, false)
                .build();

        List<Share> shares = Shares.of(prose);

        assertEquals(List.of(new Share(Provenance.WRITER, 38, 38), new Share(B, 40, 40), new Share(C, 22, 22)),
                shares);
        assertEquals("38% yours · 40% B · 22% C", Shares.describe(shares));
    }

    @Test
    void theWriterComesFirstAndVariantsGoByLabel() {
        Prose prose = new Prose.Builder()
                .append("Cold rain.", C, false, false)
                .append(" Then ", B, false, false)
                .append("the lamps.")
                .build();

        List<Share> shares = Shares.of(prose);

        assertEquals(List.of(Provenance.WRITER, B, C), shares.stream().map(Share::source).toList());
        assertEquals("41% yours · 18% B · 41% C", Shares.describe(shares));
    }

    @Test
    void variantsWithOneLabelAreOneSourceKnownByTheFirstInTheText() {
        Provenance laterB = Provenance.variant("B", 40L);
        Prose prose = new Prose.Builder()
                .append("Salt", laterB, false, false)
                .append(" and ", C, false, false)
                .append("wind", B, false, false)
                .build();

        List<Share> shares = Shares.of(prose);

        assertEquals(List.of(new Share(laterB, 8, 73), new Share(C, 3, 27)), shares);
    }

    @Test
    void percentsRoundByLargestRemainderToExactlyAHundred() {
        Prose thirds = new Prose.Builder()
                .append("a")
                .append("b", B, false, false)
                .append("c", C, false, false)
                .build();

        assertEquals("34% yours · 33% B · 33% C", Shares.describe(Shares.of(thirds)));

        // 2/7 and 5/7: 28.57 and 71.43, so the larger remainder (.57) takes the last point
        Prose sevenths = new Prose.Builder().append("ab").append("cdefg", B, false, false).build();
        assertEquals("29% yours · 71% B", Shares.describe(Shares.of(sevenths)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void percentsAlwaysAddUpToAHundred(int seed) {
        Random random = new Random(seed);
        Prose.Builder builder = new Prose.Builder();
        String[] labels = {"A", "B", "C", "D", "E", "F"};
        for (int i = 0; i < 20; i++) {
            String piece = "w".repeat(1 + random.nextInt(97)) + " ";
            int who = random.nextInt(labels.length + 1);
            builder.append(piece, who == labels.length ? Provenance.WRITER
                    : Provenance.variant(labels[who], (long) who), false, false);
        }

        List<Share> shares = Shares.of(builder.build());

        assertEquals(100, shares.stream().mapToInt(Share::percent).sum());
        int characters = shares.stream().mapToInt(Share::characters).sum();
        for (Share s : shares) {
            double exact = 100.0 * s.characters() / characters;
            assertTrue(Math.abs(s.percent() - exact) < 1, s + " is within a point of " + exact);
        }
    }
}
