package dev.quire.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.cli.QuireCommand;
import dev.quire.testing.Wire;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.model.Message;
import dev.quire.studio.ConversationThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pinning a passage of a conversation into the story, and what later prompts see of it. */
class PinningTest {

    static final String PASSAGE = "PINNED-MARK Mara cannot swim.";

    @TempDir
    Path dir;
    Desk desk;
    ConversationThreads threads;
    long conversation;
    Message reply;

    @BeforeEach
    void open() throws Exception {
        desk = new Desk(dir);
        threads = desk.threads();
        conversation = threads.start(desk.storyId(), null, "Mara", "analyst").id();
        Message q = threads.say(conversation, null, "What is Mara afraid of?");
        desk.server.enqueue(Wire.sse(Wire.anthropic("Open water, because ", PASSAGE, " She never learned.")).build());
        reply = Desk.settle(threads.reply(conversation, q.id(), null, desk.caller));
    }

    @AfterEach
    void close() {
        desk.close();
    }

    /** {@code quire prompt --json} for the Lighthouse story, run in-process on the library as it is on disk. */
    JsonNode promptJson(String... more) throws Exception {
        desk.studio.close();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("--data-dir", desk.library().toString(), "prompt",
                "--story", dev.quire.generate.Lighthouse.TITLE, "--json"));
        args.addAll(List.of(more));
        int code = QuireCommand.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]), desk.env, o -> { });
        desk.reopen();
        threads = desk.threads();
        assertEquals(0, code, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void aPassagePinnedAsAFactFromAReplyIsInTheNextPromptAndLinksToItsMessage() throws Exception {
        assertTrue(reply.text().contains(PASSAGE));

        Fact fact = threads.pinAsFact(desk.story.mara.id(), PASSAGE, reply.id());

        assertEquals(PASSAGE, fact.text());
        assertEquals(reply.id(), fact.sourceMessageId());
        assertTrue(fact.id() > 0);
        JsonNode json = promptJson("--scene", "1");
        String system = json.get("messages").get(0).get("content").asText();
        assertTrue(system.contains("Established facts:\n- MARA-FACT-MARK keeps her father's logbook\n- " + PASSAGE),
                system);
        CharacterSheet mara = desk.studio.characters().get(desk.story.mara.id()).orElseThrow();
        Fact kept = mara.facts().get(mara.facts().size() - 1);
        assertEquals(reply.id(), kept.sourceMessageId(), "go to source: the fact still points at the reply");
        Message source = desk.studio.conversations().message(kept.sourceMessageId()).orElseThrow();
        assertEquals(conversation, source.conversationId());
        assertTrue(source.text().contains(PASSAGE));
    }

    @Test
    void aPassagePinnedToAFieldIsAppendedAfterABlankLine() throws Exception {
        threads.pinToField(desk.story.mara.id(), CharacterSheet.Field.FEARS, PASSAGE, reply.id());

        assertEquals("open water\n\n" + PASSAGE, desk.studio.characters().get(desk.story.mara.id()).orElseThrow()
                .fears());
        String system = promptJson("--scene", "1").get("messages").get(0).get("content").asText();
        assertTrue(system.contains("Fears: open water\n\n" + PASSAGE), system);
    }

    @Test
    void aPassagePinnedToLoreMakesOrExtendsAnEntry() throws Exception {
        LoreEntry made = threads.pinToLore(desk.storyId(), null, "The causeway tides", PASSAGE, reply.id());

        assertEquals(List.of("causeway", "tides"), made.keywords(), "the title's words");
        assertEquals(PASSAGE, made.content());
        LoreEntry extended = threads.pinToLore(desk.storyId(), made.id(), null, "SECOND-PIN-MARK", reply.id());
        assertEquals(PASSAGE + "\n\nSECOND-PIN-MARK", extended.content());
        assertEquals("The causeway tides", extended.title());
        String system = promptJson("--scene", "2").get("messages").get(0).get("content").asText();
        assertTrue(system.contains("## The causeway tides\n" + PASSAGE + "\n\nSECOND-PIN-MARK"),
                "triggered by “causeway” in scene 2: " + system);
    }

    @Test
    void aPassagePinnedToTheStoryNotesIsAppended() {
        threads.pinToNotes(desk.storyId(), PASSAGE, reply.id());
        threads.pinToNotes(desk.storyId(), "Another.", reply.id());

        desk.reopen();
        assertEquals(PASSAGE + "\n\nAnother.", desk.studio.stories().get(desk.storyId()).orElseThrow().notes());
    }

    @Test
    void aPinNeedsAPassageAndAMessageOfTheSameStoryAndChangesNothingOtherwise() {
        long other = desk.studio.stories().create(dev.quire.model.Story.titled("Other")).id();
        CharacterSheet stranger = desk.studio.characters().create(CharacterSheet.named(other, "Stranger"));

        assertThrows(IllegalArgumentException.class, () -> threads.pinAsFact(desk.story.mara.id(), "  ", reply.id()));
        assertThrows(IllegalArgumentException.class, () -> threads.pinAsFact(stranger.id(), PASSAGE, reply.id()));
        assertThrows(IllegalArgumentException.class, () -> threads.pinAsFact(desk.story.mara.id(), PASSAGE, 999_999));
        assertThrows(IllegalArgumentException.class, () -> threads.pinToNotes(other, PASSAGE, reply.id()));

        assertEquals(1, desk.studio.characters().get(desk.story.mara.id()).orElseThrow().facts().size());
        assertTrue(desk.studio.characters().get(stranger.id()).orElseThrow().facts().isEmpty());
        assertFalse(desk.studio.stories().get(other).orElseThrow().notes().contains("PINNED"));
    }
}
