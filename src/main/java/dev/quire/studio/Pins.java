package dev.quire.studio;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.model.Message;
import dev.quire.model.Note;
import dev.quire.model.Story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a conversation establishes, kept in the story: passages pinned into a sheet, the lore or the notes, and
 * "yes, and" notes about a variant, a scene or a reply. Reached through {@link ConversationThreads}.
 *
 * <p>A passage pinned as a fact keeps a link to its message ({@link Fact#sourceMessageId()}). A passage pinned to a
 * sheet field, a lore entry or the story notes becomes plain text there, with no link back.
 */
final class Pins {

    private static final Set<String> NOTE_SOURCES = Set.of("variant", "scene", "message");
    private static final Set<String> SMALL_WORDS = Set.of("the", "and", "for", "with", "from", "into", "that",
            "this", "about", "her", "his", "its", "their", "our", "your", "not", "but", "are", "was", "were");

    private final Studio studio;

    Pins(Studio studio) {
        this.studio = studio;
    }

    // ---- pinning ----

    /** See {@link ConversationThreads#pinAsFact}. */
    Fact pinAsFact(long characterId, String passage, long sourceMessageId) {
        String text = passage(passage);
        return studio.database().transaction("pin the fact", () -> {
            CharacterSheet sheet = character(characterId);
            requireSource(sourceMessageId, sheet.storyId());
            List<Fact> facts = new ArrayList<>(sheet.facts());
            facts.add(new Fact(0, text, sourceMessageId));
            List<Fact> saved = studio.characters().update(sheet.withFacts(facts)).facts();
            return saved.get(saved.size() - 1);
        });
    }

    /** See {@link ConversationThreads#pinToField}. */
    void pinToField(long characterId, CharacterSheet.Field field, String passage, long sourceMessageId) {
        Objects.requireNonNull(field, "field");
        String text = passage(passage);
        studio.database().transaction("pin to " + field.label(), () -> {
            CharacterSheet sheet = character(characterId);
            requireSource(sourceMessageId, sheet.storyId());
            studio.characters().update(sheet.with(field, append(sheet.get(field), text)));
            return null;
        });
    }

    /** See {@link ConversationThreads#pinToLore}. */
    LoreEntry pinToLore(long storyId, Long loreEntryId, String title, String passage, long sourceMessageId) {
        String text = passage(passage);
        return studio.database().transaction("pin to the lore", () -> {
            story(storyId);
            requireSource(sourceMessageId, storyId);
            if (loreEntryId == null) {
                String name = title == null || title.isBlank() ? firstWords(text) : title.strip();
                return studio.lore().create(new LoreEntry(0, storyId, name, keywords(name), text, false, true));
            }
            LoreEntry entry = studio.lore().get(loreEntryId).filter(e -> e.storyId() == storyId).orElseThrow(() ->
                    new IllegalArgumentException("There is no lore entry " + loreEntryId + " in this story."));
            LoreEntry updated = entry.with(entry.title(), entry.keywords(), append(entry.content(), text),
                    entry.alwaysOn(), entry.enabled());
            studio.lore().update(updated);
            return studio.lore().get(loreEntryId).orElseThrow();
        });
    }

    /** See {@link ConversationThreads#pinToNotes}. */
    void pinToNotes(long storyId, String passage, long sourceMessageId) {
        String text = passage(passage);
        studio.database().transaction("pin to the story notes", () -> {
            Story story = story(storyId);
            requireSource(sourceMessageId, storyId);
            studio.stories().update(story.withNotes(append(story.notes(), text)));
            return null;
        });
    }

    // ---- "yes, and" notes ----

    /** See {@link ConversationThreads#addNote}. */
    Note addNote(long storyId, String text, boolean sharedWithModel, String sourceKind, Long sourceId) {
        ConversationThreads.requireText(text, "The note is empty.");
        story(storyId);
        String kind = sourceKind == null || sourceKind.isBlank() ? null : sourceKind.strip().toLowerCase(Locale.ROOT);
        if (kind != null && !NOTE_SOURCES.contains(kind)) {
            throw new IllegalArgumentException("A note is about a variant, a scene or a message, not “" + sourceKind
                    + "”.");
        }
        return studio.notes().add(new Note(0, storyId, text.strip(), sharedWithModel, kind, kind == null ? null
                : sourceId, null));
    }

    List<Note> notes(long storyId) {
        return studio.notes().list(storyId);
    }

    void setShared(long noteId, boolean shared) {
        studio.notes().setShared(noteId, shared);
    }

    void deleteNote(long noteId) {
        studio.notes().delete(noteId);
    }

    // ---- lookups ----

    private Story story(long storyId) {
        return studio.stories().get(storyId).orElseThrow(() -> new IllegalArgumentException(
                "There is no story with id " + storyId + " in this library."));
    }

    private CharacterSheet character(long id) {
        return studio.characters().get(id).orElseThrow(() -> new IllegalArgumentException(
                "There is no character with id " + id + "; the sheet may have been deleted."));
    }

    /** The pinned message must be in a conversation of the same story. */
    private void requireSource(long messageId, long storyId) {
        Message m = studio.conversations().message(messageId).orElseThrow(() -> new IllegalArgumentException(
                "There is no message with id " + messageId + "; its conversation may have been deleted."));
        long conversationStory = studio.conversations().get(m.conversationId()).orElseThrow(() ->
                new IllegalArgumentException("There is no conversation with id " + m.conversationId()
                        + "; it may have been deleted.")).storyId();
        if (conversationStory != storyId) {
            throw new IllegalArgumentException("The message " + messageId + " belongs to another story.");
        }
    }

    private static String passage(String passage) {
        ConversationThreads.requireText(passage, "Nothing is selected to pin: select a passage first.");
        return passage.strip();
    }

    private static String append(String existing, String passage) {
        return existing == null || existing.isBlank() ? passage : existing.stripTrailing() + "\n\n" + passage;
    }

    private static String firstWords(String text) {
        String[] words = text.split("\\s+");
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(5, words.length)));
    }

    /** The title's words of three letters or more, less the small ones, as lore keywords. */
    static List<String> keywords(String title) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : title.split("[^\\p{L}\\p{N}'’-]+")) {
            String word = w.replaceAll("^['’-]+|['’-]+$", "");
            if (word.length() >= 3 && !SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                out.add(word);
            }
        }
        return List.copyOf(out);
    }
}
