package dev.quire.studio;

import dev.quire.llm.GenerationHandler;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Conversation;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.model.Message;
import dev.quire.model.Note;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.prompt.PromptReport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Brainstorms (per story) and scene discussions (per scene) with the model, and pinning what they establish into
 * the story. Obtained from {@link Studio#threads()}.
 *
 * <p>Messages form a tree: regenerating a reply or editing a message adds a sibling and keeps the original as an
 * alternative; saying something after an earlier message starts a branch. {@link #path} walks one branch from the
 * root to a leaf.
 *
 * <p>A reply ({@link Replies}) is sent with the conversation's frame through the prompt builder (the bible; the
 * characters involved: a scene's cast for a scene discussion, everyone for a brainstorm; the scene's current text
 * for a discussion; the shared notes, never the private ones; the always-on and triggered lore), with the branch's
 * earlier messages as the chat history. It is recorded as a {@link dev.quire.model.Generation} before sending, and
 * its text is saved into the reply's message as it streams (at most every {@link Generator#SAVE_INTERVAL}, always
 * when it ends), so a crash or a dropped connection keeps what arrived.
 *
 * <p>Pins ({@link Pins}): a passage pinned as a fact keeps a link to its message ({@link Fact#sourceMessageId()}).
 * A passage pinned to a sheet field, a lore entry or the story notes becomes plain text there, with no link back.
 */
public final class ConversationThreads {

    /** The frames a conversation can have, as {@link Conversation#frame()} stores them. */
    public static final String COWRITER = "cowriter";
    public static final String ANALYST = "analyst";
    public static final String CRITIC = "critic";

    /** What the model is asked when a reply follows its own message rather than the writer's. */
    static final String GO_ON = "Go on.";

    private final Studio studio;
    private final Replies replies;
    private final Pins pins;

    ConversationThreads(Studio studio) {
        this.studio = studio;
        this.replies = new Replies(studio);
        this.pins = new Pins(studio);
    }

    /** A reply streaming in. */
    public interface Reply {
        /** The reply's message, in the library from the start (with empty text) and filled as the text arrives. */
        long messageId();

        /** Stops the reply; the text so far is kept. */
        void cancel();

        /**
         * Completes once the library holds the reply's final text and the handler's {@code onFinished} ran: with the
         * message when the reply ended or was cancelled; exceptionally with a {@link ReplyFailedException}, which
         * carries the message and its partial text, when the provider failed or the connection dropped.
         */
        CompletableFuture<Message> done();
    }

    /** A reply that failed or broke off; whatever text arrived is kept in {@link #reply()}. */
    public static final class ReplyFailedException extends RuntimeException {
        private final transient Message reply;

        ReplyFailedException(String message, Message reply) {
            super(message);
            this.reply = reply;
        }

        /** The reply's message as the library holds it, with the text that arrived before the failure. */
        public Message reply() {
            return reply;
        }
    }

    // ---- conversations ----

    /**
     * Starts a conversation.
     *
     * @param sceneId  the scene discussed; null for a brainstorm about the whole story
     * @param title    blank for "Brainstorm" or the scene's title
     * @param frameKey {@link #COWRITER}, {@link #ANALYST} or {@link #CRITIC} (null or blank for the co-writer); a
     *                 prompt frame's own key ({@code co-writer}, {@code frame-12}…) works too
     * @throws IllegalArgumentException when the story, the scene or the frame does not exist
     */
    public Conversation start(long storyId, Long sceneId, String title, String frameKey) {
        Story story = story(storyId);
        String key = frameKey == null || frameKey.isBlank() ? COWRITER : frameKey.strip();
        studio.prompts().frame(storyId, promptFrameKey(key)); // fails, naming the frames, when there is none
        Scene scene = sceneId == null ? null : scene(story, sceneId);
        String name = title != null && !title.isBlank() ? title.strip()
                : scene == null ? "Brainstorm" : "Scene " + (scene.position() + 1)
                + (scene.title().isBlank() ? "" : ": " + scene.title().strip());
        return studio.conversations().create(new Conversation(0, storyId, sceneId, name, key, null));
    }

    /** The story's conversations, the most recently active first. */
    public List<Conversation> list(long storyId) {
        return studio.conversations().list(storyId);
    }

    /** The prompt builder's frame key for a conversation's frame. */
    static String promptFrameKey(String conversationFrame) {
        return switch (conversationFrame == null ? "" : conversationFrame.strip()) {
            case "", COWRITER -> "co-writer";
            case CRITIC -> "critique";
            default -> conversationFrame.strip();
        };
    }

    // ---- the message tree ----

    /**
     * One branch, from the root to {@code leafId}, following parent links.
     *
     * @param leafId null for the most recently created message with no replies; it need not be a leaf
     * @return empty for a conversation with no messages
     * @throws IllegalArgumentException when the message is not in this conversation
     */
    public List<Message> path(long conversationId, Long leafId) {
        List<Message> all = studio.conversations().messages(conversationId);
        Map<Long, Message> byId = new HashMap<>();
        Set<Long> parents = new HashSet<>();
        for (Message m : all) {
            byId.put(m.id(), m);
            if (m.parentId() != null) {
                parents.add(m.parentId());
            }
        }
        Message at;
        if (leafId == null) {
            at = null;
            for (Message m : all) { // in id order: the last leaf is the newest
                if (!parents.contains(m.id())) {
                    at = m;
                }
            }
        } else {
            at = byId.get(leafId);
            if (at == null) {
                throw new IllegalArgumentException("The message " + leafId + " is not in this conversation.");
            }
        }
        List<Message> path = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (at != null && seen.add(at.id())) {
            path.add(at);
            at = at.parentId() == null ? null : byId.get(at.parentId());
        }
        Collections.reverse(path);
        return path;
    }

    /** The message and its alternatives: the messages with the same parent and role, oldest first. */
    public List<Message> alternatives(long messageId) {
        Message message = message(messageId);
        List<Message> out = new ArrayList<>();
        for (Message m : studio.conversations().messages(message.conversationId())) {
            if (Objects.equals(m.parentId(), message.parentId()) && m.role() == message.role()) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The writer says something, after {@code parentId} (null to open the conversation). Saying something after
     * an earlier message starts a branch; the later messages stay on theirs.
     *
     * @throws IllegalArgumentException when the text is blank or the parent is not in this conversation
     */
    public Message say(long conversationId, Long parentId, String text) {
        requireText(text, "The message is empty: write something to say.");
        conversation(conversationId);
        if (parentId != null) {
            requireIn(conversationId, parentId);
        }
        return studio.conversations().add(new Message(0, conversationId, parentId, Message.Role.USER, text, null,
                null));
    }

    /**
     * Edits a message, the writer's or the model's: the edit becomes a new sibling and the original stays as an
     * alternative. Continue from the returned message ({@link #reply} after an edited writer's message).
     */
    public Message edit(long messageId, String newText) {
        requireText(newText, "The edited message is empty. Delete nothing this way: write the new text.");
        Message original = message(messageId);
        return studio.conversations().add(new Message(0, original.conversationId(), original.parentId(),
                original.role(), newText, null, null));
    }

    // ---- replies ----

    /**
     * Asks the model to reply after {@code parentMessageId}: usually the writer's message, which is then the
     * request and the branch before it the history; after one of the model's own messages it is asked to go on.
     * Returns once the request is recorded and sent; the handler hears the stream on {@code callbacks}, one call at
     * a time and in order, after the library saved what it reports.
     *
     * @param handler   may be null when only {@link Reply#done()} is wanted
     * @param callbacks where the handler is called, e.g. the FX thread; null to call it on the recording thread
     * @throws CannotGenerateException when the story has no usable provider (nothing is recorded or sent then)
     * @throws IllegalArgumentException when the message is not in the conversation
     */
    public Reply reply(long conversationId, long parentMessageId, GenerationHandler handler, Executor callbacks) {
        Conversation conversation = conversation(conversationId);
        requireIn(conversationId, parentMessageId);
        return replies.reply(conversation, parentMessageId, path(conversationId, parentMessageId), handler,
                callbacks);
    }

    /**
     * Asks again for a reply to the same message: a new sibling of {@code assistantMessageId}, which stays as an
     * alternative.
     */
    public Reply regenerate(long assistantMessageId, GenerationHandler handler, Executor callbacks) {
        Message old = message(assistantMessageId);
        if (old.role() != Message.Role.ASSISTANT) {
            throw new IllegalArgumentException("Only the model's replies can be regenerated; this message is the "
                    + "writer's. Edit it instead.");
        }
        if (old.parentId() == null) {
            throw new IllegalArgumentException("This reply opens the conversation, so there is nothing to reply to.");
        }
        return reply(old.conversationId(), old.parentId(), handler, callbacks);
    }

    /**
     * What {@link #reply} would send if {@code draft} were said now after {@code leafId} (null for the newest
     * leaf), for the context meter. With a blank draft, what a reply to the branch as it stands would send.
     */
    public PromptReport preview(long conversationId, Long leafId, String draft) {
        Conversation conversation = conversation(conversationId);
        return replies.preview(conversation, path(conversationId, leafId), draft);
    }

    // ---- pinning ----

    /**
     * Adds the passage to the character's established facts, linked to the message it came from. Facts reach
     * later prompts through the character's sheet.
     *
     * @return the new fact, with its id
     */
    public Fact pinAsFact(long characterId, String passage, long sourceMessageId) {
        return pins.pinAsFact(characterId, passage, sourceMessageId);
    }

    /**
     * Appends the passage to a field of the character's sheet, after a blank line. The field holds plain text: the
     * link back to the message is not kept (pin as a fact to keep it).
     */
    public void pinToField(long characterId, CharacterSheet.Field field, String passage, long sourceMessageId) {
        pins.pinToField(characterId, field, passage, sourceMessageId);
    }

    /**
     * Pins the passage to a lore entry: a new one when {@code loreEntryId} is null (titled {@code title}, its
     * keywords the title's words), else appended to the entry's content after a blank line. Plain text, with no
     * link back to the message.
     */
    public LoreEntry pinToLore(long storyId, Long loreEntryId, String title, String passage, long sourceMessageId) {
        return pins.pinToLore(storyId, loreEntryId, title, passage, sourceMessageId);
    }

    /** Appends the passage to the story's notes after a blank line, as plain text. */
    public void pinToNotes(long storyId, String passage, long sourceMessageId) {
        pins.pinToNotes(storyId, passage, sourceMessageId);
    }

    // ---- "yes, and" notes ----

    /**
     * Keeps a note about something in a variant, a scene or a reply.
     *
     * @param sharedWithModel whether the note reaches the model as context; a private note never does
     * @param sourceKind      {@code variant}, {@code scene} or {@code message}; null for none
     */
    public Note addNote(long storyId, String text, boolean sharedWithModel, String sourceKind, Long sourceId) {
        return pins.addNote(storyId, text, sharedWithModel, sourceKind, sourceId);
    }

    /** The story's notes, oldest first. */
    public List<Note> notes(long storyId) {
        return pins.notes(storyId);
    }

    /** Shares the note with the model, or makes it private again. */
    public void setShared(long noteId, boolean shared) {
        pins.setShared(noteId, shared);
    }

    public void deleteNote(long noteId) {
        pins.deleteNote(noteId);
    }

    // ---- lookups ----

    private Story story(long storyId) {
        return studio.stories().get(storyId).orElseThrow(() -> new IllegalArgumentException(
                "There is no story with id " + storyId + " in this library."));
    }

    private Scene scene(Story story, long sceneId) {
        for (Scene s : studio.scenes().all(story.id())) {
            if (s.id() == sceneId) {
                return s;
            }
        }
        throw new IllegalArgumentException("“" + story.title() + "” has no scene with id " + sceneId + ".");
    }

    private Conversation conversation(long id) {
        return studio.conversations().get(id).orElseThrow(() -> new IllegalArgumentException(
                "There is no conversation with id " + id + "; it may have been deleted."));
    }

    private Message message(long id) {
        return studio.conversations().message(id).orElseThrow(() -> new IllegalArgumentException(
                "There is no message with id " + id + "; its conversation may have been deleted."));
    }

    private void requireIn(long conversationId, long messageId) {
        if (message(messageId).conversationId() != conversationId) {
            throw new IllegalArgumentException("The message " + messageId + " is not in this conversation.");
        }
    }

    static void requireText(String text, String problem) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(problem);
        }
    }
}
