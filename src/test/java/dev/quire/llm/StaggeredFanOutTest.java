package dev.quire.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.testing.Wire;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The variants of a cacheable prompt go one after another on the wire: the first alone, the others once its reply
 * has begun (so they read the cache it wrote), or after a bounded wait when it does not begin. The server holds the
 * first reply until the test lets it go.
 */
class StaggeredFanOutTest {

    final Recorder recorder = new Recorder();
    final CountDownLatch releaseFirst = new CountDownLatch(1);
    final AtomicInteger arrived = new AtomicInteger();
    Loopback server;

    @AfterEach
    void close() {
        releaseFirst.countDown();
        server.close();
        recorder.close();
    }

    private void serve(ProviderKind kind) {
        server = new Loopback(kind);
        server.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (arrived.incrementAndGet() == 1) {
                    releaseFirst.await(20, TimeUnit.SECONDS);
                }
                return switch (kind) {
                    case ANTHROPIC -> Wire.sse(Wire.anthropic("Rain.")).build();
                    case OLLAMA -> Wire.ndjson(Wire.ollama("Rain.")).build();
                    default -> Wire.sse(Wire.openAi("Rain.")).build();
                };
            }
        });
    }

    static ChatRequest longStory(int variants) {
        return ChatRequest.builder().system("You are a co-writer.")
                .cachedSystem("STORY BIBLE. " + "The lighthouse keeper counts the ships. ".repeat(200))
                .user("Write the next scene.").variants(variants).build();
    }

    private RecordedRequest next(Duration within) {
        try {
            return server.server.takeRequest(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anthropicSendsTheFirstVariantAloneAndTheOthersOnceItsReplyBegins() {
        serve(ProviderKind.ANTHROPIC);
        GenerationHandle handle = server.provider().stream(longStory(3), recorder, recorder.executor);

        assertNotNull(next(Duration.ofSeconds(10)), "the first variant goes at once");
        // the default wait is seconds: within half of one, nothing else may be sent while the first has not begun
        assertNull(next(Duration.ofMillis(500)), "the others wait for the first reply to begin");

        releaseFirst.countDown();
        RecordedRequest second = next(Duration.ofSeconds(10));
        RecordedRequest third = next(Duration.ofSeconds(10));
        assertNotNull(second);
        assertNotNull(third);
        List<VariantResult> results = recorder.await(handle);
        assertEquals(3, results.size());
        assertTrue(results.stream().allMatch(VariantResult::isComplete));
        assertEquals(List.of(), recorder.violations);

        // all three send the same bytes, the end of the prompt marked, so the later ones read all of it
        JsonNode body = Loopback.body(second);
        JsonNode last = body.get("messages").get(0).get("content").get(0);
        assertEquals("ephemeral", last.get("cache_control").get("type").asText());
        int marks = 0;
        for (JsonNode block : body.get("system")) {
            marks += block.has("cache_control") ? 1 : 0;
        }
        assertTrue(marks + 1 <= 4, "at most four breakpoints");
    }

    @Test
    void theWaitIsBoundedWhenTheFirstReplyDoesNotBegin() {
        serve(ProviderKind.ANTHROPIC);
        ChatProvider provider = server.provider(Loopback.FAST.withStaggerWait(Duration.ofMillis(200)));
        GenerationHandle handle = provider.stream(longStory(3), recorder, recorder.executor);

        assertNotNull(next(Duration.ofSeconds(10)));
        // the first is still held by the server: the others went anyway once the wait ran out
        assertNotNull(next(Duration.ofSeconds(10)));
        assertNotNull(next(Duration.ofSeconds(10)));
        assertEquals(1, releaseFirst.getCount(), "the first reply had not begun");
        releaseFirst.countDown();
        assertEquals(3, recorder.await(handle).size());
    }

    @Test
    void openAiCompatibleServersWithoutNAreStaggeredToo() {
        serve(ProviderKind.OPENAI_COMPATIBLE);
        GenerationHandle handle = server.provider().stream(longStory(2), recorder, recorder.executor);

        assertNotNull(next(Duration.ofSeconds(10)));
        assertNull(next(Duration.ofMillis(500)));
        releaseFirst.countDown();
        assertNotNull(next(Duration.ofSeconds(10)));
        assertEquals(2, recorder.await(handle).size());
    }

    @Test
    void aPromptTooShortToCacheGoesAllAtOnce() {
        serve(ProviderKind.ANTHROPIC);
        ChatRequest shortOne = ChatRequest.builder().system("Short.").user("Write.").variants(3).build();
        GenerationHandle handle = server.provider().stream(shortOne, recorder, recorder.executor);

        assertNotNull(next(Duration.ofSeconds(10)));
        assertNotNull(next(Duration.ofSeconds(10)), "the second goes while the first is held");
        assertNotNull(next(Duration.ofSeconds(10)));
        releaseFirst.countDown();
        assertEquals(3, recorder.await(handle).size());
    }

    @Test
    void ollamaIsNeverStaggered() {
        serve(ProviderKind.OLLAMA);
        GenerationHandle handle = server.provider().stream(longStory(2), recorder, recorder.executor);

        assertNotNull(next(Duration.ofSeconds(10)));
        assertNotNull(next(Duration.ofSeconds(10)));
        releaseFirst.countDown();
        assertEquals(2, recorder.await(handle).size());
        assertFalse(recorder.finished.isEmpty());
    }
}
