package dev.quire.model;

import java.util.List;
import java.util.Locale;

/**
 * The colours of provenance, one per variant letter (A blue, B red, C green, D purple, E amber, F teal, then
 * again), shared by everything that paints them: the editor and stitching pane (through quire.css, which a test
 * holds to these values) and exported manuscripts. The writer's own text has no colour.
 */
public final class ProvenancePalette {

    /** A variant's colour at full strength; text is painted with a tint of it, so black text stays readable. */
    public record Colour(String name, int red, int green, int blue) {

        /** The colour laid at {@code strength} (0–1) over white, as six hex digits ("C6D9FB"). */
        public String tintHex(double strength) {
            return String.format(Locale.ROOT, "%02X%02X%02X", tint(red, strength), tint(green, strength),
                    tint(blue, strength));
        }

        private static int tint(int channel, double strength) {
            return (int) Math.round(255 - strength * (255 - channel));
        }
    }

    /** How strongly legend chips, column badges and printed marks are tinted. */
    public static final double MARK_STRENGTH = 0.30;

    public static final List<Colour> VARIANTS = List.of(
            new Colour("blue", 66, 133, 244),
            new Colour("red", 219, 68, 55),
            new Colour("green", 15, 157, 88),
            new Colour("purple", 171, 71, 188),
            new Colour("amber", 244, 180, 0),
            new Colour("teal", 0, 172, 193));

    private ProvenancePalette() {
    }

    /** Which colour a variant's text takes: by its letter, so A is the same colour everywhere; -1 for the writer and for unknown text. */
    public static int indexOf(Provenance provenance) {
        if (!provenance.isVariant()) {
            return -1;
        }
        String label = provenance.label().strip();
        int index = label.length() == 1 && label.charAt(0) >= 'A' && label.charAt(0) <= 'Z' ? label.charAt(0) - 'A'
                : 0;
        return index % VARIANTS.size();
    }

    /** The colour of a variant's text. */
    public static Colour of(Provenance provenance) {
        int index = indexOf(provenance);
        if (index < 0) {
            throw new IllegalArgumentException("the writer's own text has no provenance colour");
        }
        return VARIANTS.get(index);
    }
}
