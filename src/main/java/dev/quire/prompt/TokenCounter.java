package dev.quire.prompt;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

import java.util.Locale;

/**
 * Counts a text's tokens before it is sent. Exact counts come only from the provider (llm-protocols.md, "Token
 * counts"); OpenAI's encodings are public, so for OpenAI models this is exact, and for every other model it is a
 * calibrated estimate.
 */
public interface TokenCounter {

    /** Tokens each message adds beyond its content (role markers and separators), as OpenAI's chat format does. */
    int MESSAGE_OVERHEAD = 4;

    int count(String text);

    /** A short description for reports: "o200k_base", "estimate (4 characters a token)". */
    String name();

    /** Whether the count is the model's own (OpenAI's public encodings), not an estimate. */
    default boolean exact() {
        return false;
    }

    /**
     * A prompt's tokens: each message's content with its {@link #MESSAGE_OVERHEAD}; empty ones (a system message
     * that is not sent) count nothing. Every figure shown for a whole prompt is counted here, so the context meter,
     * the Prompt Preview, {@code quire prompt} and the estimate a generation records agree.
     */
    default int messages(Iterable<String> contents) {
        int n = 0;
        for (String c : contents) {
            if (!c.isEmpty()) {
                n += count(c) + MESSAGE_OVERHEAD;
            }
        }
        return n;
    }

    /**
     * The calibrated estimate: about four characters a token for English (and other Latin-script) text, two for
     * other alphabets, one for CJK ideographs and kana, which tokenizers split far finer.
     */
    static TokenCounter estimate() {
        return Estimate.INSTANCE;
    }

    /** The estimate scaled by {@code factor}, the provider's count over the estimate as seen for a model. */
    static TokenCounter estimate(double factor) {
        return factor == 1.0 || !(factor > 0) ? Estimate.INSTANCE : new Estimate(factor);
    }

    /** OpenAI's own encoding for {@code model}: o200k_base for the GPT-4o, 4.1, 5 and o-series, cl100k_base before. */
    static TokenCounter openAi(String model) {
        return new Tiktoken(Tiktoken.encodingFor(model));
    }

    /** The real tokenizer when the provider is OpenAI itself, else the estimate. */
    static TokenCounter forProvider(boolean openAi, String model) {
        return openAi ? openAi(model) : estimate();
    }

    /** See {@link TokenCounter#estimate()}. */
    final class Estimate implements TokenCounter {
        static final Estimate INSTANCE = new Estimate(1.0);

        private final double factor;

        private Estimate(double factor) {
            this.factor = factor;
        }

        @Override
        public int count(String text) {
            int latin = 0;
            int alphabetic = 0;
            int ideographic = 0;
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x250 || c >= 0x2000 && c < 0x2070) { // Latin, and general punctuation such as “ ” — …
                    latin++;
                } else if (c >= 0x2E80 && c < 0xA000 || c >= 0xAC00 && c < 0xD7B0 || c >= 0xF900 && c < 0xFB00) {
                    ideographic++;
                } else if (!Character.isLowSurrogate(c)) {
                    alphabetic++;
                }
            }
            double tokens = (latin / 4.0 + alphabetic / 2.0 + ideographic) * factor;
            return (int) Math.ceil(tokens);
        }

        @Override
        public String name() {
            return factor == 1.0 ? "estimate (about 4 characters a token)"
                    : String.format(Locale.ROOT, "estimate (about 4 characters a token, × %.2f)", factor);
        }
    }

    /**
     * OpenAI's byte-pair encodings through jtokkit; the registry loads each encoding once per process, and the
     * counts of long lines are kept per encoding for the whole process ({@link LineCounts}).
     */
    final class Tiktoken implements TokenCounter {
        private static volatile EncodingRegistry registry;
        private static final java.util.Map<EncodingType, LineCounts> LINES =
                new java.util.concurrent.ConcurrentHashMap<>();

        private final Encoding encoding;
        private final LineCounts lines;

        Tiktoken(EncodingType type) {
            this.encoding = registry().getEncoding(type);
            // ordinary: a story that quotes "<|endoftext|>" is text, not a control token
            this.lines = LINES.computeIfAbsent(type, t -> new LineCounts(encoding::countTokensOrdinary));
        }

        private static EncodingRegistry registry() {
            EncodingRegistry r = registry;
            if (r == null) {
                synchronized (Tiktoken.class) {
                    r = registry;
                    if (r == null) {
                        r = Encodings.newLazyEncodingRegistry();
                        registry = r;
                    }
                }
            }
            return r;
        }

        static EncodingType encodingFor(String model) {
            String m = model == null ? "" : model.toLowerCase(Locale.ROOT).strip();
            int slash = m.lastIndexOf('/');
            if (slash >= 0) {
                m = m.substring(slash + 1); // "openai/gpt-4o" as routers name it
            }
            boolean older = m.startsWith("gpt-4") && !m.startsWith("gpt-4o") && !m.startsWith("gpt-4.")
                    || m.startsWith("gpt-3.5") || m.startsWith("text-embedding");
            return older ? EncodingType.CL100K_BASE : EncodingType.O200K_BASE;
        }

        @Override
        public int count(String text) {
            return lines.count(text);
        }

        /** Forgets every kept count, as at start-up: how a first assembly is measured. */
        static void forgetLineCounts() {
            LINES.values().forEach(LineCounts::forget);
        }

        /** The count with nothing kept: what {@link #count} must always equal. */
        int countAfresh(String text) {
            return encoding.countTokensOrdinary(text);
        }

        @Override
        public String name() {
            return encoding.getName();
        }

        @Override
        public boolean exact() {
            return true;
        }
    }
}
