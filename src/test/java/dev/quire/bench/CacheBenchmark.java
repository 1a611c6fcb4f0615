package dev.quire.bench;

import dev.quire.llm.ChatRequest;
import dev.quire.prompt.AssembledPrompt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

/**
 * What three variants of a 30K-token scene prompt cost on the wire, against a loopback server that follows
 * Anthropic's documented caching rules ({@link CachingAnthropicServer}), as billed input in units of one uncached
 * prompt: input × 1 + cache write × 1.25 + cache read × 0.1.
 *
 * <p>Measured, with the studio's staggered fan-out and cache-aware layout: three variants cold (target ≤ 1.5×), the
 * same again within the TTL (≤ 0.35×), and the next scene's three after the writer edited the current one (only the
 * changed tail is written). The baseline: the same cold send with all three variants at once, as before.
 *
 * <p>Prints the ratios and verdicts; fails only when a request fails.
 */
@Tag("bench")
class CacheBenchmark {

    /** How long the server reads an uncached prompt before its reply begins: a 30K prompt's time to first token. */
    private static final Duration PREFILL = Duration.ofMillis(800);

    @Test
    void billedInputRatios() {
        try (CachingAnthropicServer server = new CachingAnthropicServer(PREFILL)) {
            CacheRun staggered = new CacheRun(server, Duration.ofSeconds(4));
            CachePrompts story = new CachePrompts();
            AssembledPrompt prompt = story.assemble();
            ChatRequest three = CachePrompts.request(prompt, 3);

            double cold = staggered.send(three);
            String coldDetail = staggered.billed().toString();
            double warm = staggered.send(three);

            story.editCurrentScene();
            double edited = staggered.send(CachePrompts.request(story.assemble(), 3));
            CachingAnthropicServer.Billed editedFirst = staggered.billed().get(0);
            story.nextScene();
            AssembledPrompt next = story.assemble();
            double nextScene = staggered.send(CachePrompts.request(next, 3));
            CachingAnthropicServer.Billed nextFirst = staggered.billed().get(0);

            server.advance(Duration.ofMinutes(10)); // past the 5-minute TTL: everything is cold again
            CacheRun parallel = new CacheRun(server, Duration.ZERO);
            double baseline = parallel.send(three);

            System.out.println("\n[bench] prompt caching: scene prompt of " + prompt.tokens() + " tokens (estimate), "
                    + "3 variants, prefill " + PREFILL.toMillis() + " ms; billed input in uncached prompts");
            System.out.println(row("3 variants, cold (staggered)", cold, "≤ 1.50×", cold <= 1.5));
            System.out.println("[bench]   requests: " + coldDetail);
            System.out.println(row("3 variants again within the TTL", warm, "≤ 0.35×", warm <= 0.35));
            System.out.println(row("3 variants after editing the scene", edited, "tail only",
                    editedFirst.cacheWrite() < editedFirst.prompt() / 4));
            System.out.println(String.format(Locale.ROOT, "[bench]   after the edit, first request: %d read, %d written "
                    + "(the scene being written and the instruction), %d uncached", editedFirst.cacheRead(),
                    editedFirst.cacheWrite(), editedFirst.input()));
            System.out.println(row("next scene's 3 variants", nextScene, "(report)", true));
            System.out.println(String.format(Locale.ROOT, "[bench]   next scene, first request: %d read, %d written "
                    + "(the story so far moved on), %d uncached", nextFirst.cacheRead(), nextFirst.cacheWrite(),
                    nextFirst.input()));
            System.out.println(row("baseline: 3 variants cold, all at once", baseline, "(was 3.3×)", true));
        }
    }

    private static String row(String what, double ratio, String target, boolean within) {
        return String.format(Locale.ROOT, "[bench] %-42s %5.2f×   target %-9s %s", what, ratio, target,
                within ? "ok" : "OVER");
    }
}
