package dev.quire.llm;

import java.util.Objects;

/**
 * One piece of the system prompt. Put the stable story context first and set {@code cacheBreakpoint} on its
 * last block: Anthropic then caches everything up to and including it ({@code cache_control: ephemeral}),
 * so later generations on the same story read it from the cache. OpenAI-style providers join all blocks
 * into one system message (their caching is automatic on identical prefixes).
 */
public record SystemBlock(String text, boolean cacheBreakpoint) {

    public SystemBlock {
        Objects.requireNonNull(text, "text");
    }

    public static SystemBlock of(String text) {
        return new SystemBlock(text, false);
    }

    /** A block that ends the cached prefix. */
    public static SystemBlock cached(String text) {
        return new SystemBlock(text, true);
    }
}
