package dev.quire.conversation;

import dev.quire.model.Message;
import dev.quire.model.TokenUsage;
import dev.quire.store.UsageRepository;
import dev.quire.studio.ConversationThreads;
import dev.quire.testing.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A conversation reply's usage, as the provider reported it on the wire, is kept with the message it wrote. */
class ReplyUsageTest {

    @TempDir
    Path dir;
    Desk desk;
    ConversationThreads threads;

    @BeforeEach
    void open() {
        desk = new Desk(dir);
        threads = desk.threads();
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void theReplysUsageIsKeptWithItsMessageAndCountsInTheStorysSpend() throws Exception {
        long c = threads.start(desk.storyId(), null, "Motives", "analyst").id();
        Message q = threads.say(c, null, "Why does Mara stay?");
        // Wire.anthropic reports 25 uncached, 5 written to the cache, 100 read from it; 15 out
        desk.server.enqueue(Wire.sse(Wire.anthropic("She owes her father.")).build());

        Message reply = Desk.settle(threads.reply(c, q.id(), null, desk.caller));

        TokenUsage used = new UsageRepository(desk.studio.database()).forMessage(reply.id()).orElseThrow();
        assertEquals(new TokenUsage(1, 130, 15, 100, 5), used);
        assertEquals(1, desk.studio.spending().report(desk.storyId(), null).total().tokens().requests());
    }
}
