package dev.quire.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One generation, as immutable values. Null optional fields are not sent, so the provider's own default
 * applies.
 *
 * @param system          system prompt blocks, in order (may be empty)
 * @param messages        the conversation, at least one message, usually ending with the user's instruction
 * @param model           model id; null or blank means the profile's default model
 * @param maxOutputTokens null means the profile's {@link ProviderProfile#maxOutputTokens()}
 * @param temperature     null for the provider default; Anthropic accepts 0–1, larger values are clamped to 1
 * @param topP            null for the provider default
 * @param stop            stop sequences (may be empty)
 * @param seed            null for none; not sent to Anthropic, which has none. When variants are fanned out
 *                        as separate requests, variant {@code i} gets {@code seed + i} so they differ
 * @param variants        how many texts to generate, 1 to 6
 * @param bans            words and phrases the model should never write (the story's avoid list); sent as
 *                        provider-level bans only where the profile says how (may be empty)
 */
public record ChatRequest(List<SystemBlock> system, List<ChatMessage> messages, String model,
                          Integer maxOutputTokens, Double temperature, Double topP, List<String> stop, Long seed,
                          int variants, List<String> bans) {

    public static final int MAX_VARIANTS = 6;

    public ChatRequest {
        system = system == null ? List.of() : List.copyOf(system);
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        stop = stop == null ? List.of() : List.copyOf(stop);
        bans = bans == null ? List.of() : bans.stream().filter(b -> b != null && !b.isBlank()).map(String::strip)
                .distinct().toList();
        model = model == null || model.isBlank() ? null : model.strip();
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("A request needs at least one message.");
        }
        if (variants < 1 || variants > MAX_VARIANTS) {
            throw new IllegalArgumentException("Variants must be between 1 and " + MAX_VARIANTS + ", not " + variants + ".");
        }
        if (maxOutputTokens != null && maxOutputTokens <= 0) {
            throw new IllegalArgumentException("Max output tokens must be positive, not " + maxOutputTokens + ".");
        }
    }

    public ChatRequest(List<SystemBlock> system, List<ChatMessage> messages, String model, Integer maxOutputTokens,
                       Double temperature, Double topP, List<String> stop, Long seed, int variants) {
        this(system, messages, model, maxOutputTokens, temperature, topP, stop, seed, variants, List.of());
    }

    /** The simplest request: one system text, one user instruction, one variant. */
    public static ChatRequest of(String system, String user) {
        return builder().system(system).user(user).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy asking for a different number of variants. */
    public ChatRequest withVariants(int count) {
        return new ChatRequest(system, messages, model, maxOutputTokens, temperature, topP, stop, seed, count, bans);
    }

    public ChatRequest withModel(String newModel) {
        return new ChatRequest(system, messages, newModel, maxOutputTokens, temperature, topP, stop, seed, variants,
                bans);
    }

    public ChatRequest withMaxOutputTokens(Integer tokens) {
        return new ChatRequest(system, messages, model, tokens, temperature, topP, stop, seed, variants,
                bans);
    }

    public ChatRequest withSeed(Long newSeed) {
        return new ChatRequest(system, messages, model, maxOutputTokens, temperature, topP, stop, newSeed,
                variants, bans);
    }

    /** All system blocks joined by a blank line, as OpenAI-style providers receive them. */
    public String systemText() {
        StringBuilder sb = new StringBuilder();
        for (SystemBlock block : system) {
            if (block.text().isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(block.text());
        }
        return sb.toString();
    }

    /** Mutable helper for building a request; {@link #build()} makes the immutable value. */
    public static final class Builder {
        private final List<SystemBlock> system = new ArrayList<>();
        private final List<ChatMessage> messages = new ArrayList<>();
        private final List<String> stop = new ArrayList<>();
        private final List<String> bans = new ArrayList<>();
        private String model;
        private Integer maxOutputTokens;
        private Double temperature;
        private Double topP;
        private Long seed;
        private int variants = 1;

        private Builder() {
        }

        public Builder system(String text) {
            system.add(SystemBlock.of(text));
            return this;
        }

        /** A system block that ends the cached, stable part of the prompt. */
        public Builder cachedSystem(String text) {
            system.add(SystemBlock.cached(text));
            return this;
        }

        public Builder system(SystemBlock block) {
            system.add(block);
            return this;
        }

        public Builder user(String text) {
            messages.add(ChatMessage.user(text));
            return this;
        }

        public Builder assistant(String text) {
            messages.add(ChatMessage.assistant(text));
            return this;
        }

        public Builder message(ChatMessage message) {
            messages.add(message);
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder maxOutputTokens(Integer value) {
            maxOutputTokens = value;
            return this;
        }

        public Builder temperature(Double value) {
            temperature = value;
            return this;
        }

        public Builder topP(Double value) {
            topP = value;
            return this;
        }

        public Builder stop(String sequence) {
            stop.add(sequence);
            return this;
        }

        /** Words and phrases to ban where the provider takes bans. */
        public Builder bans(List<String> values) {
            bans.addAll(values);
            return this;
        }

        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        public Builder variants(int value) {
            variants = value;
            return this;
        }

        public ChatRequest build() {
            return new ChatRequest(system, messages, model, maxOutputTokens, temperature, topP, stop, seed, variants,
                bans);
        }
    }
}
