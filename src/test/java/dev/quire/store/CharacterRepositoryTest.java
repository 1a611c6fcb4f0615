package dev.quire.store;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Conversation;
import dev.quire.model.Fact;
import dev.quire.model.Message;
import dev.quire.model.PlayedBy;
import dev.quire.model.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharacterRepositoryTest {

    @TempDir
    Path dir;

    private Path file;
    private Database db;
    private CharacterRepository characters;
    private long storyId;

    @BeforeEach
    void open() {
        file = dir.resolve("quire.db");
        db = Database.open(file);
        characters = new CharacterRepository(db);
        storyId = new StoryRepository(db).create(Story.titled("Story")).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static CharacterSheet fullSheet(long storyId) {
        CharacterSheet sheet = CharacterSheet.named(storyId, "Maud Iredale")
                .withAliases(List.of("Maud", "Mrs Iredale"))
                .withPlayedBy(PlayedBy.WRITER)
                .withFacts(List.of(Fact.of("Keeps bees"), Fact.of("Crossed the Hard in 1979")));
        for (CharacterSheet.Field field : CharacterSheet.Field.values()) {
            sheet = sheet.with(field, "the " + field.label().toLowerCase() + " of Maud");
        }
        return sheet;
    }

    @Test
    void sheetRoundTripsWithEveryFieldAndItsFacts() {
        CharacterSheet sheet = fullSheet(storyId);

        CharacterSheet created = characters.create(sheet);
        CharacterSheet loaded = characters.get(created.id()).orElseThrow();

        assertEquals(created, loaded);
        assertEquals(sheet.withId(created.id(), storyId).withFacts(loaded.facts()), loaded);
        for (CharacterSheet.Field field : CharacterSheet.Field.values()) {
            assertEquals("the " + field.label().toLowerCase() + " of Maud", loaded.get(field), field.name());
        }
        assertEquals(List.of("Maud", "Mrs Iredale"), loaded.aliases());
        assertEquals(PlayedBy.WRITER, loaded.playedBy());
        assertEquals(List.of("Keeps bees", "Crossed the Hard in 1979"), loaded.facts().stream().map(Fact::text).toList());
        assertTrue(loaded.facts().stream().allMatch(f -> f.id() > 0));
    }

    @Test
    void listGivesTheStorysCharactersInTheOrderTheyWereAddedWithTheirFacts() {
        characters.create(CharacterSheet.named(storyId, "Odile").withFacts(List.of(Fact.of("Records sounds"))));
        characters.create(CharacterSheet.named(storyId, "Bert"));
        characters.create(CharacterSheet.named(storyId, "Maud").withFacts(List.of(Fact.of("a"), Fact.of("b"))));
        long other = new StoryRepository(db).create(Story.titled("Other")).id();
        characters.create(CharacterSheet.named(other, "Stranger"));

        List<CharacterSheet> list = characters.list(storyId);

        assertEquals(List.of("Odile", "Bert", "Maud"), list.stream().map(CharacterSheet::name).toList());
        assertEquals(List.of(1, 0, 2), list.stream().map(c -> c.facts().size()).toList());
        assertEquals(List.of("a", "b"), list.get(2).facts().stream().map(Fact::text).toList());
        assertEquals(List.of("Stranger"), characters.list(other).stream().map(CharacterSheet::name).toList());
    }

    @Test
    void updateEditsKeepsAddsAndRemovesFactsInTheGivenOrder() {
        CharacterSheet created = characters.create(CharacterSheet.named(storyId, "Bert")
                .withFacts(List.of(Fact.of("one"), Fact.of("two"), Fact.of("three"))));
        Fact one = created.facts().get(0);
        Fact three = created.facts().get(2);

        CharacterSheet updated = characters.update(created.withName("Bertram").withFacts(List.of(
                new Fact(three.id(), "three, edited", null), Fact.of("four"), one)));

        assertEquals("Bertram", updated.name());
        assertEquals(List.of("three, edited", "four", "one"), updated.facts().stream().map(Fact::text).toList());
        assertEquals(three.id(), updated.facts().get(0).id());
        assertEquals(one.id(), updated.facts().get(2).id());
        assertNotEquals(0, updated.facts().get(1).id());
        assertEquals(updated, characters.get(created.id()).orElseThrow());
        assertEquals(3, Jdbc.count(file, "character_fact"));
    }

    @Test
    void updateWithNoFactsRemovesThemAll() {
        CharacterSheet created = characters.create(CharacterSheet.named(storyId, "Bert")
                .withFacts(List.of(Fact.of("one"), Fact.of("two"))));

        characters.update(created.withFacts(List.of()));

        assertEquals(List.of(), characters.get(created.id()).orElseThrow().facts());
        assertEquals(0, Jdbc.count(file, "character_fact"));
    }

    @Test
    void factIdOfAnotherCharacterIsAddedAsANewFactNotStolen() {
        CharacterSheet bert = characters.create(CharacterSheet.named(storyId, "Bert").withFacts(List.of(Fact.of("his"))));
        CharacterSheet maud = characters.create(CharacterSheet.named(storyId, "Maud"));
        Fact his = bert.facts().get(0);

        CharacterSheet updated = characters.update(maud.withFacts(List.of(new Fact(his.id(), "hers", null))));

        assertNotEquals(his.id(), updated.facts().get(0).id());
        assertEquals(List.of(his), characters.get(bert.id()).orElseThrow().facts());
    }

    @Test
    void updatingADeletedCharacterSaysItIsGone() {
        CharacterSheet created = characters.create(CharacterSheet.named(storyId, "Ghost"));
        characters.delete(created.id());

        PersistenceException e = assertThrows(PersistenceException.class, () -> characters.update(created));
        assertTrue(e.getMessage().startsWith("Ghost is no longer in the library"), e.getMessage());
        assertTrue(characters.get(created.id()).isEmpty());
    }

    @Test
    void deletingACharacterDeletesItsFacts() {
        CharacterSheet created = characters.create(CharacterSheet.named(storyId, "Bert")
                .withFacts(List.of(Fact.of("one"), Fact.of("two"))));

        characters.delete(created.id());

        assertEquals(0, Jdbc.count(file, "character_fact"));
        assertEquals(List.of(), characters.list(storyId));
    }

    @Test
    void factKeepsItsSourceMessage() {
        ConversationRepository conversations = new ConversationRepository(db);
        Conversation talk = conversations.create(new Conversation(0, storyId, null, "", "analyst", null));
        Message m = conversations.add(new Message(0, talk.id(), null, Message.Role.ASSISTANT, "She fears the flood.",
                null, null));

        CharacterSheet created = characters.create(CharacterSheet.named(storyId, "Maud")
                .withFacts(List.of(new Fact(0, "Fears the flood tide", m.id()))));

        assertEquals(m.id(), characters.get(created.id()).orElseThrow().facts().get(0).sourceMessageId());
    }

    @Test
    void deletingTheSourceConversationKeepsTheFactButForgetsItsSource() {
        ConversationRepository conversations = new ConversationRepository(db);
        Conversation talk = conversations.create(new Conversation(0, storyId, null, "", "analyst", null));
        Message m = conversations.add(new Message(0, talk.id(), null, Message.Role.ASSISTANT, "She fears the flood.",
                null, null));
        CharacterSheet created = characters.create(CharacterSheet.named(storyId, "Maud")
                .withFacts(List.of(new Fact(0, "Fears the flood tide", m.id()))));

        conversations.delete(talk.id());

        Fact fact = characters.get(created.id()).orElseThrow().facts().get(0);
        assertEquals("Fears the flood tide", fact.text());
        assertNull(fact.sourceMessageId());
        assertEquals(0, Jdbc.count(file, "message"));
    }

    @Test
    void deletingTheSourceMessageItselfSetsTheFactsSourceToNull() {
        ConversationRepository conversations = new ConversationRepository(db);
        Conversation talk = conversations.create(new Conversation(0, storyId, null, "", "analyst", null));
        Message m = conversations.add(new Message(0, talk.id(), null, Message.Role.ASSISTANT, "Bees.", null, null));
        CharacterSheet created = characters.create(CharacterSheet.named(storyId, "Maud")
                .withFacts(List.of(new Fact(0, "Keeps bees", m.id()))));

        db.write("delete the message", c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM message WHERE id = " + m.id());
            }
            return null;
        });

        assertNull(characters.get(created.id()).orElseThrow().facts().get(0).sourceMessageId());
        assertEquals(1, Jdbc.queryLong(file, "SELECT count(*) FROM character_fact WHERE source_message_id IS NULL"));
    }

    @Test
    void creationTimeIsWhenTheRowWasMadeAndGoesWithIt() {
        long before = System.currentTimeMillis();
        long id = characters.create(CharacterSheet.named(storyId, "Maud")).id();

        Instant created = characters.created(id).orElseThrow();

        assertEquals(Jdbc.queryLong(file, "SELECT created_at FROM character WHERE id = " + id), created.toEpochMilli());
        assertTrue(created.toEpochMilli() >= before, created::toString);
        characters.delete(id);
        assertEquals(Optional.empty(), characters.created(id));
    }
}

