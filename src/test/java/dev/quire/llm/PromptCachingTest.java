package dev.quire.llm;

import dev.quire.bench.CachePrompts;
import dev.quire.bench.CacheRun;
import dev.quire.bench.CachingAnthropicServer;
import dev.quire.prompt.AssembledPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three variants of a 30K-token scene prompt against a loopback server that follows Anthropic's caching rules:
 * billed input, in units of one uncached prompt (input × 1 + cache write × 1.25 + cache read × 0.1).
 */
class PromptCachingTest {

    final CachingAnthropicServer server = new CachingAnthropicServer(Duration.ofMillis(150));
    final CacheRun run = new CacheRun(server, Duration.ofSeconds(10));
    final CachePrompts story = new CachePrompts();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void threeVariantsColdThenWarmThenTheNextSceneAfterAnEdit() {
        AssembledPrompt prompt = story.assemble();
        assertTrue(prompt.tokens() > 25_000, "a long prompt: " + prompt.tokens());

        double cold = run.send(CachePrompts.request(prompt, 3));
        assertTrue(cold <= 1.5, "cold: " + cold);
        List<CachingAnthropicServer.Billed> first = run.billed();
        assertTrue(first.get(0).cacheWrite() > 0);
        assertEquals(0, first.get(1).cacheWrite(), "the second variant reads what the first wrote");
        assertTrue(first.get(1).cacheRead() > 0);

        double warm = run.send(CachePrompts.request(prompt, 3));
        assertTrue(warm <= 0.35, "warm: " + warm);

        story.editCurrentScene();
        AssembledPrompt edited = story.assemble();
        run.send(CachePrompts.request(edited, 3));
        CachingAnthropicServer.Billed afterEdit = run.billed().get(0);
        int cached = CachingAnthropicServerTokens.of(edited.cachedPrefix());
        assertTrue(afterEdit.cacheRead() >= cached - 16, "the system prompt is read: " + afterEdit + " of " + cached);
        int tail = CachingAnthropicServerTokens.of("user:" + edited.user());
        assertTrue(afterEdit.cacheWrite() <= tail + 16, "only the tail is written: " + afterEdit + ", tail " + tail);
        assertTrue(afterEdit.cacheWrite() < afterEdit.prompt() / 5);
    }

    @Test
    void withoutStaggeringEveryVariantWritesTheCache() {
        CacheRun parallel = new CacheRun(server, Duration.ZERO);
        double cold = parallel.send(CachePrompts.request(story.assemble(), 3));
        assertTrue(cold > 3.0, "all three wrote: " + cold);
    }

    /** The server's own count, four characters a token. */
    static final class CachingAnthropicServerTokens {
        static int of(String text) {
            return (text.length() + 3) / 4;
        }
    }
}
