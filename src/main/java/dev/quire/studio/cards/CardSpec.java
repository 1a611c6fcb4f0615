package dev.quire.studio.cards;

import java.util.Locale;
import java.util.Optional;

/** The two character card specifications Quire reads and writes. */
public enum CardSpec {
    /** {@code chara_card_v2}, version 2.0: SillyTavern's and most tools' format. */
    V2("chara_card_v2", "2.0", "chara"),
    /** {@code chara_card_v3}, version 3.0: adds nickname, assets, group-only greetings and dates. */
    V3("chara_card_v3", "3.0", "ccv3");

    private final String spec;
    private final String version;
    private final String pngKeyword;

    CardSpec(String spec, String version, String pngKeyword) {
        this.spec = spec;
        this.version = version;
        this.pngKeyword = pngKeyword;
    }

    /** The value of the card's {@code spec} field. */
    public String spec() {
        return spec;
    }

    /** The {@code spec_version} Quire writes. */
    public String version() {
        return version;
    }

    /** The keyword of the PNG tEXt chunk that carries a card of this spec. */
    String pngKeyword() {
        return pngKeyword;
    }

    /** "v2" or "v3", as the command line spells it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CardSpec> ofSpec(String spec) {
        for (CardSpec s : values()) {
            if (s.spec.equals(spec)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** "v2", "V3", "2", "chara_card_v3"… */
    public static Optional<CardSpec> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (CardSpec s : values()) {
            if (t.equals(s.label()) || t.equals(s.label().substring(1)) || t.equals(s.spec)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
