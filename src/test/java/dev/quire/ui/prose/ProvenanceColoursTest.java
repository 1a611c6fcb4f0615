package dev.quire.ui.prose;

import dev.quire.model.Provenance;
import dev.quire.model.ProvenancePalette;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provenance colours have one source: quire.css paints with the palette's colours (the DOCX export uses the
 * same palette), and a selection looks like no variant.
 */
class ProvenanceColoursTest {

    private static String css() throws IOException {
        try (InputStream in = ProvenanceColoursTest.class.getResourceAsStream("/dev/quire/ui/quire.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theStylesheetPaintsEveryVariantInThePalettesColour() throws IOException {
        String css = css();
        for (int i = 0; i < ProvenancePalette.VARIANTS.size(); i++) {
            ProvenancePalette.Colour c = ProvenancePalette.VARIANTS.get(i);
            String cls = ProvenancePaint.classOf(Provenance.variant(String.valueOf((char) ('A' + i)), null));
            String rgb = "rgba(" + c.red() + ", " + c.green() + ", " + c.blue() + ",";
            for (String rule : new String[] {".prose-area.show-provenance .text." + cls + " {",
                    ".legend-chip." + cls}) {
                int at = css.indexOf(rule);
                assertTrue(at >= 0, "quire.css has " + rule);
                String line = css.substring(at, css.indexOf('\n', at));
                assertTrue(line.contains(rgb), rule + " is " + c.name() + " " + rgb + ": " + line);
            }
        }
    }

    @Test
    void aSelectionIsGreyNotAVariantsColour() throws IOException {
        Matcher m = Pattern.compile("\\.prose-area \\.selection \\{([^}]*)}").matcher(css());
        assertTrue(m.find());
        String rule = m.group(1);
        assertFalse(rule.contains("accent"), "the accent is variant A's blue: " + rule);
        Matcher fill = Pattern.compile("-fx-fill: rgba\\((\\d+), (\\d+), (\\d+),").matcher(rule);
        assertTrue(fill.find(), rule);
        assertEquals(fill.group(1), fill.group(2), "grey: " + rule);
        assertEquals(fill.group(2), fill.group(3), "grey: " + rule);
    }

    @Test
    void aVariantHasTheColourOfItsLetterEverywhere() {
        assertEquals("prov-a", ProvenancePaint.classOf(Provenance.variant("A", 7L)));
        assertEquals("prov-c", ProvenancePaint.classOf(Provenance.variant("C", null)));
        assertEquals("prov-a", ProvenancePaint.classOf(Provenance.variant("G", null)), "after F, again from A");
        assertEquals("prov-writer", ProvenancePaint.classOf(Provenance.WRITER));
        assertEquals("blue", ProvenancePalette.of(Provenance.variant("A", null)).name());
    }
}
