package dev.quire.studio.manuscript;

import java.util.Locale;
import java.util.Optional;

/** The two faces standard manuscript format allows, at 12 pt. */
public enum ManuscriptFont {
    TIMES("times", "Times New Roman"),
    COURIER("courier", "Courier New");

    private final String key;
    private final String face;

    ManuscriptFont(String key, String face) {
        this.key = key;
        this.face = face;
    }

    public String key() {
        return key;
    }

    /** The font's name as Word knows it. */
    public String face() {
        return face;
    }

    /** By the name a writer types: times or courier, or the face's name (any case). */
    public static Optional<ManuscriptFont> named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (ManuscriptFont f : values()) {
            if (f.key.equals(n) || f.face.toLowerCase(Locale.ROOT).equals(n) || n.equals(f.key + " new")
                    || n.equals(f.key + " new roman")) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
