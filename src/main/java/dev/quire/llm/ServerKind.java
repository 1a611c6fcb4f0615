package dev.quire.llm;

import java.util.Locale;

/**
 * What an OpenAI-compatible server says it is, where it says so. It decides how a profile whose bans are
 * {@code auto} sends the story's avoid list: each server takes bans in its own field, and one that is not known
 * gets none, since a compatible server may reject a field it does not know.
 */
public enum ServerKind {
    KOBOLDCPP("KoboldCpp", "koboldcpp", "the avoid list goes as banned_tokens"),
    LLAMACPP("llama.cpp server", "llamacpp", "the avoid list's single words go as logit_bias"),
    OTHER("an OpenAI-compatible server", "none", "the avoid list goes in the prompt only");

    private final String displayName;
    private final String bans;
    private final String bansNote;

    ServerKind(String displayName, String bans, String bansNote) {
        this.displayName = displayName;
        this.bans = bans;
        this.bansNote = bansNote;
    }

    public String displayName() {
        return displayName;
    }

    /** The bans setting this server takes ({@link ProviderProfile#BANS}). */
    public String bans() {
        return bans;
    }

    /** How the avoid list reaches this server, for the writer ("the avoid list goes as banned_tokens"). */
    public String bansNote() {
        return bansNote;
    }

    /**
     * The kind an {@code owned_by} value in a model list names: KoboldCpp writes {@code koboldcpp}, llama.cpp's
     * server {@code llamacpp}; null for any other value (vLLM, LM Studio, routers), which says nothing about bans.
     */
    public static ServerKind fromOwner(String ownedBy) {
        if (ownedBy == null) {
            return null;
        }
        String owner = ownedBy.strip().toLowerCase(Locale.ROOT).replace(".", "").replace("-", "").replace("_", "");
        return switch (owner) {
            case "koboldcpp" -> KOBOLDCPP;
            case "llamacpp" -> LLAMACPP;
            default -> null;
        };
    }
}
