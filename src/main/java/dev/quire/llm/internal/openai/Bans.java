package dev.quire.llm.internal.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The story's avoid list as provider-level bans, in the field each server documents: KoboldCpp's
 * {@code banned_tokens} (phrases), llama.cpp server's {@code logit_bias} with strings ({@code false} = never),
 * OpenAI's {@code logit_bias} of token ids at -100.
 */
final class Bans {

    /** OpenAI takes at most this many entries in {@code logit_bias}. */
    static final int MAX_OPENAI_ENTRIES = 300;

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private Bans() {
    }

    /** Writes {@code bans} into {@code body} for {@code kind} (a profile's {@code bansToSend()}); none for none. */
    static void write(ObjectNode body, String kind, List<String> bans, String model, boolean reasoningModel) {
        if (bans.isEmpty()) {
            return;
        }
        switch (kind) {
            case "koboldcpp" -> {
                ArrayNode banned = body.putArray("banned_tokens");
                bans.forEach(banned::add);
            }
            case "llamacpp" -> {
                // the server bans every token of a string: a phrase would ban "her" and "a" too, so single words only
                List<String> words = bans.stream().filter(Bans::oneWord).toList();
                if (!words.isEmpty()) {
                    ArrayNode bias = body.putArray("logit_bias");
                    words.forEach(b -> bias.addArray().add(b).add(false));
                }
            }
            case "openai" -> {
                if (reasoningModel) {
                    return; // the o-series and GPT-5 reasoning models reject logit_bias
                }
                Set<Integer> ids = openAiTokens(bans, model);
                if (!ids.isEmpty()) {
                    ObjectNode bias = body.putObject("logit_bias");
                    ids.forEach(id -> bias.put(Integer.toString(id), -100));
                }
            }
            default -> {
            }
        }
    }

    /**
     * The token ids to ban for {@code model}'s encoding: each single-word entry, as written and with a leading space
     * (as it appears mid-sentence), where that form is one token, at most {@link #MAX_OPENAI_ENTRIES}, earlier
     * entries first. A phrase, or a form that takes several tokens, is left to the prompt's instruction: banning its
     * pieces would ban "her", "a" or the first syllable of other words too.
     */
    static Set<Integer> openAiTokens(List<String> bans, String model) {
        var encoding = REGISTRY.getEncoding(encodingFor(model));
        Set<Integer> ids = new LinkedHashSet<>();
        for (String ban : bans) {
            if (!oneWord(ban)) {
                continue;
            }
            for (String form : List.of(ban, " " + ban)) {
                int[] tokens = encoding.encodeOrdinary(form).toArray();
                if (tokens.length == 1) {
                    if (ids.size() >= MAX_OPENAI_ENTRIES) {
                        return ids;
                    }
                    ids.add(tokens[0]);
                }
            }
        }
        return ids;
    }

    private static boolean oneWord(String ban) {
        return !ban.isBlank() && ban.strip().chars().noneMatch(Character::isWhitespace);
    }

    /** o200k_base for GPT-4o, 4.1, 5 and the o-series; cl100k_base for the models before. */
    static EncodingType encodingFor(String model) {
        String m = model == null ? "" : model.toLowerCase(Locale.ROOT).strip();
        int slash = m.lastIndexOf('/');
        if (slash >= 0) {
            m = m.substring(slash + 1);
        }
        boolean older = m.startsWith("gpt-4") && !m.startsWith("gpt-4o") && !m.startsWith("gpt-4.")
                || m.startsWith("gpt-3.5");
        return older ? EncodingType.CL100K_BASE : EncodingType.O200K_BASE;
    }
}
