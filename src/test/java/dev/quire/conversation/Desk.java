package dev.quire.conversation;

import dev.quire.generate.Lighthouse;
import dev.quire.testing.Wire;
import dev.quire.llm.ApiKey;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.VariantResult;
import dev.quire.model.Message;
import dev.quire.studio.ConversationThreads;
import dev.quire.studio.Studio;
import mockwebserver3.MockWebServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A library in a temporary folder with the Lighthouse story, and a loopback provider ("loop") speaking the
 * Anthropic wire format, set up as the story's provider; the config folder is in the same temporary folder.
 */
final class Desk implements AutoCloseable {

    static final String CALLER = "caller-thread";

    final Path dir;
    final Map<String, String> env = new HashMap<>();
    final MockWebServer server;
    final ExecutorService caller = Executors.newSingleThreadExecutor(r -> new Thread(r, CALLER));
    Studio studio;
    final Lighthouse story;

    Desk(Path dir) {
        this.dir = dir;
        env.put("QUIRE_CONFIG_HOME", dir.resolve("config").toString());
        env.put("QUIRE_PROVIDER_STALL_SECONDS", "20");
        studio = Studio.open(library(), Studio.NewLibrary.EMPTY, env);
        story = Lighthouse.addTo(studio);
        server = Wire.start();
        studio.providers().save(new ProviderProfile("loop", ProviderKind.ANTHROPIC, Wire.root(server), "claude-test",
                200_000, 1000), null);
        studio.providers().storeKey("loop", ApiKey.of("sk-test-conversation-0123456789"));
    }

    Path library() {
        return dir.resolve("library");
    }

    ConversationThreads threads() {
        return studio.threads();
    }

    long storyId() {
        return story.story.id();
    }

    /** Closes the library and opens it again, as a restart does. */
    void reopen() {
        studio.close();
        studio = Studio.open(library(), Studio.NewLibrary.EMPTY, env);
    }

    /** Waits for the reply and returns its message, failed or not. */
    static Message settle(ConversationThreads.Reply reply) throws InterruptedException, TimeoutException {
        try {
            return reply.done().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConversationThreads.ReplyFailedException) {
                return ((ConversationThreads.ReplyFailedException) e.getCause()).reply();
            }
            throw new AssertionError(e.getCause());
        }
    }

    /** Records the callbacks, the thread each ran on, and what the library held when each delta arrived. */
    static final class Handler implements GenerationHandler {
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());
        final List<String> deltas = Collections.synchronizedList(new ArrayList<>());
        final List<String> savedWhenHeard = Collections.synchronizedList(new ArrayList<>());
        volatile List<VariantResult> finished;
        private final Studio studio;

        Handler(Studio studio) {
            this.studio = studio;
        }

        @Override
        public void onText(int variant, String delta) {
            threads.add(Thread.currentThread().getName());
            deltas.add(delta);
            savedWhenHeard.add(studio.database().read("test", c -> {
                try (var rs = c.createStatement().executeQuery(
                        "SELECT text FROM message WHERE role = 'ASSISTANT' ORDER BY id DESC LIMIT 1")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }));
        }

        @Override
        public void onFinished(List<VariantResult> results) {
            threads.add(Thread.currentThread().getName());
            finished = results;
        }
    }

    @Override
    public void close() {
        caller.shutdownNow();
        server.close();
        studio.close();
    }
}
