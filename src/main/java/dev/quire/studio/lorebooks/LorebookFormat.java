package dev.quire.studio.lorebooks;

import java.util.Locale;
import java.util.Optional;

/** The lorebook formats Quire reads and writes. */
public enum LorebookFormat {
    /** SillyTavern World Info: an object whose {@code entries} is an object of entries keyed by uid. */
    SILLYTAVERN("SillyTavern World Info", "json"),
    /** NovelAI: {@code lorebookVersion}, an array of {@code entries}, and {@code categories}. */
    NOVELAI("NovelAI lorebook", "lorebook");

    private final String label;
    private final String extension;

    LorebookFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }

    /** The format named on the command line: {@code sillytavern} (or {@code st}) or {@code novelai} (or {@code nai}). */
    public static Optional<LorebookFormat> named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "sillytavern", "st", "silly-tavern", "worldinfo" -> Optional.of(SILLYTAVERN);
            case "novelai", "nai", "lorebook" -> Optional.of(NOVELAI);
            default -> Optional.empty();
        };
    }
}
