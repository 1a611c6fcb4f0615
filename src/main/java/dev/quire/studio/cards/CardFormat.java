package dev.quire.studio.cards;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** How a card file holds its card. Quire reads all three and writes PNG and JSON. */
public enum CardFormat {
    /** An image with the card, base64 JSON, in a tEXt chunk ({@code chara} for V2, {@code ccv3} for V3). */
    PNG("png"),
    /** The card object itself. */
    JSON("json"),
    /** A zip with {@code card.json} at its root, and assets (read only). */
    CHARX("charx");

    private final String extension;

    CardFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public boolean writable() {
        return this != CHARX;
    }

    /** "png", "JSON", "charx". */
    public static Optional<CardFormat> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (CardFormat f : values()) {
            if (f.extension.equals(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format a file name's extension says, if it says one. */
    public static Optional<CardFormat> ofFileName(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : parse(n.substring(dot + 1));
    }
}
