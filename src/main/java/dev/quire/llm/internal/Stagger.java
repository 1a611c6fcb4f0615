package dev.quire.llm.internal;

import dev.quire.llm.ChatMessage;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.SystemBlock;

/**
 * When the variants of one request go one after another rather than all at once. A provider that caches prompts
 * writes the cache while the first request is read; requests that start before its reply begins find nothing and
 * each writes the cache again. So where the provider caches and takes no {@code n}, and the prompt is long enough to
 * be cached, the first variant goes alone and the others follow as soon as its reply begins (or, should it not begin
 * within {@link dev.quire.llm.Providers.Settings#staggerWait()}, anyway).
 */
final class Stagger {

    /** Anthropic caches nothing shorter (more for some models); OpenAI's automatic caching starts there too. */
    static final int MIN_CACHEABLE_TOKENS = 1024;

    private Stagger() {
    }

    /** Whether {@code requests} separate requests for the same prompt should be staggered. */
    static boolean applies(ProviderKind kind, ChatRequest request, int requests) {
        if (requests < 2 || kind == ProviderKind.OLLAMA) {
            return false;
        }
        return estimatedTokens(request) >= MIN_CACHEABLE_TOKENS;
    }

    /** A quick estimate, four characters a token: enough to tell a long prompt from a short one. */
    static int estimatedTokens(ChatRequest request) {
        long chars = 0;
        for (SystemBlock b : request.system()) {
            chars += b.text().length();
        }
        for (ChatMessage m : request.messages()) {
            chars += m.text().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, chars / 4);
    }
}
