package dev.quire.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.llm.ChatMessage;
import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandle;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderError;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.SerialExecutor;
import dev.quire.llm.SystemBlock;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Conversation;
import dev.quire.model.Fact;
import dev.quire.model.Generation;
import dev.quire.model.LoreEntry;
import dev.quire.model.Message;
import dev.quire.model.Note;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.prompt.AssembledPrompt;
import dev.quire.prompt.Frame;
import dev.quire.prompt.PromptInput;
import dev.quire.prompt.PromptReport;
import dev.quire.prompt.TokenCounter;
import dev.quire.store.PersistenceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brainstorms (per story) and scene discussions (per scene) with the model, and pinning what they establish into
 * the story. Obtained from {@link Studio#threads()}.
 *
 * <p>Messages form a tree: regenerating a reply or editing a message adds a sibling and keeps the original as an
 * alternative; saying something after an earlier message starts a branch. {@link #path} walks one branch from the
 * root to a leaf.
 *
 * <p>A reply is sent with the conversation's frame through the prompt builder (the bible; the characters involved:
 * a scene's cast for a scene discussion, everyone for a brainstorm; the scene's current text for a discussion; the
 * shared notes, never the private ones; the always-on and triggered lore), with the branch's earlier messages as
 * the chat history. It is recorded as a {@link Generation} before sending, and its text is saved into the reply's
 * message as it streams (at most every {@link Generator#SAVE_INTERVAL}, always when it ends), so a crash or a
 * dropped connection keeps what arrived.
 *
 * <p>Pins: a passage pinned as a fact keeps a link to its message ({@link Fact#sourceMessageId()}). A passage
 * pinned to a sheet field, a lore entry or the story notes becomes plain text there, with no link back.
 */
public final class ConversationThreads {

    /** The frames a conversation can have, as {@link Conversation#frame()} stores them. */
    public static final String COWRITER = "cowriter";
    public static final String ANALYST = "analyst";
    public static final String CRITIC = "critic";

    /** What the model is asked when a reply follows its own message rather than the writer's. */
    static final String GO_ON = "Go on.";

    private static final Set<String> NOTE_SOURCES = Set.of("variant", "scene", "message");
    private static final Set<String> SMALL_WORDS = Set.of("the", "and", "for", "with", "from", "into", "that",
            "this", "about", "her", "his", "its", "their", "our", "your", "not", "but", "are", "was", "were");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Studio studio;
    private final ScheduledThreadPoolExecutor recorder;

    ConversationThreads(Studio studio) {
        this.studio = studio;
        this.recorder = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "quire-reply-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        recorder.setKeepAliveTime(10, TimeUnit.SECONDS);
        recorder.allowCoreThreadTimeOut(true);
        recorder.setRemoveOnCancelPolicy(true);
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
        switch (conversationFrame == null ? "" : conversationFrame.strip()) {
            case "":
            case COWRITER:
                return "co-writer";
            case CRITIC:
                return "critique";
            default:
                return conversationFrame.strip();
        }
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
        Optional<String> tuning = studio.providerTuningProblem();
        if (tuning.isPresent()) {
            throw new CannotGenerateException(CannotGenerateException.Reason.BAD_SETTING, tuning.get());
        }
        Story story = story(conversation.storyId());
        ProviderProfile profile = studio.providers().profileFor(story.id()).orElseThrow(() ->
                new CannotGenerateException(CannotGenerateException.Reason.NO_PROVIDER, "No provider is set up for “"
                        + story.title() + "”. Add one (Anthropic, OpenAI, an OpenAI-compatible server, or Ollama) on"
                        + " the Providers page or with `quire provider add`, and make it the default."));
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new CannotGenerateException(CannotGenerateException.Reason.UNUSABLE_PROVIDER, "The provider “"
                    + profile.name() + "” cannot be used as it is set up: " + String.join(" ", problems));
        }
        ChatProvider provider = studio.providers().provider(profile);

        AssembledPrompt prompt = prompt(conversation, path(conversationId, parentMessageId), null,
                Prompts.budget(profile, null), Prompts.counter(profile, null));
        ChatRequest.Builder chat = ChatRequest.builder().variants(1);
        for (AssembledPrompt.Block block : prompt.system()) {
            chat.system(new SystemBlock(block.text(), block.cacheBreakpoint()));
        }
        for (PromptInput.Turn t : prompt.history()) {
            chat.message(t.role() == PromptInput.Turn.Role.USER ? ChatMessage.user(t.text())
                    : ChatMessage.assistant(t.text()));
        }
        chat.message(ChatMessage.user(prompt.user()));
        ChatRequest request = chat.build();

        ObjectNode parameters = JSON.createObjectNode();
        parameters.put("kind", profile.kind().name());
        parameters.put("baseUrl", profile.baseUrl());
        parameters.put("variants", 1);
        parameters.put("maxOutputTokens", profile.maxOutputTokens());
        parameters.put("parentMessageId", parentMessageId);
        String frameKey = promptFrameKey(conversation.frame());
        Generation recorded = studio.generations().create(new Generation(0, story.id(), conversation.sceneId(),
                conversation.id(), frameKey, profile.name(), profile.defaultModel(), Generator.messagesJson(request),
                parameters.toString(), null, 1, new Generation.Usage(prompt.tokens(), null, null, null), null, null,
                Generation.Status.STREAMING, null));
        Message message;
        try {
            message = studio.conversations().add(new Message(0, conversationId, parentMessageId,
                    Message.Role.ASSISTANT, "", recorded.id(), null));
        } catch (PersistenceException e) {
            studio.generations().finish(recorded.id(), Generation.Status.FAILED, Generation.Usage.NONE,
                    "Quire could not save the reply (" + e.getMessage() + "); nothing was sent.");
            throw e;
        }
        Recording recording = new Recording(recorded.id(), message.id(),
                handler != null ? handler : new GenerationHandler() {
                    @Override
                    public void onText(int variant, String delta) {
                    }
                }, new SerialExecutor(callbacks != null ? callbacks : Runnable::run));
        GenerationHandle handle;
        try {
            handle = provider.stream(request, recording, recorder);
        } catch (RuntimeException e) {
            studio.generations().finish(recorded.id(), Generation.Status.FAILED, Generation.Usage.NONE,
                    "Quire could not send the request (" + e.getClass().getSimpleName() + ").");
            throw e;
        }
        return new Streaming(message.id(), handle, recording.done);
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
        Optional<ProviderProfile> profile = studio.providers().profileFor(conversation.storyId());
        int budget = profile.map(p -> Prompts.budget(p, null)).orElse(Prompts.DEFAULT_BUDGET);
        TokenCounter counter = profile.map(p -> Prompts.counter(p, null)).orElse(TokenCounter.estimate());
        String said = draft == null || draft.isBlank() ? null : draft;
        return prompt(conversation, path(conversationId, leafId), said, budget, counter).report();
    }

    /**
     * The prompt for a reply after the last message of {@code branch}, or after {@code draft} said next when not
     * null.
     */
    private AssembledPrompt prompt(Conversation conversation, List<Message> branch, String draft, int budget,
                                   TokenCounter counter) {
        List<Message> history = new ArrayList<>(branch);
        String instruction;
        if (draft != null) {
            instruction = draft;
        } else if (!history.isEmpty() && history.get(history.size() - 1).role() == Message.Role.USER) {
            instruction = history.remove(history.size() - 1).text();
        } else {
            instruction = history.isEmpty() ? "" : GO_ON;
        }
        List<PromptInput.Turn> turns = new ArrayList<>();
        for (Message m : history) {
            if (m.role() == Message.Role.USER) {
                turns.add(new PromptInput.Turn(m.id(), PromptInput.Turn.Role.USER, m.text()));
            } else if (m.role() == Message.Role.ASSISTANT) {
                turns.add(new PromptInput.Turn(m.id(), PromptInput.Turn.Role.ASSISTANT, m.text()));
            }
        }
        Story story = story(conversation.storyId());
        List<Scene> scenes = studio.scenes().all(story.id());
        Scene target = null;
        if (conversation.sceneId() != null) {
            for (Scene s : scenes) {
                if (s.id() == conversation.sceneId()) {
                    target = s;
                }
            }
        }
        Frame frame = studio.prompts().frame(story.id(), promptFrameKey(conversation.frame()));
        return studio.prompts().assemble(story, scenes, target, frame, turns, instruction,
                conversation.sceneId() == null, budget, counter);
    }

    /** Receives the provider's callbacks on {@link #recorder}, saves the reply, and passes them on in order. */
    private final class Recording implements GenerationHandler {
        private final long generationId;
        private final long messageId;
        private final GenerationHandler caller;
        private final Executor out;
        private final CompletableFuture<Message> done = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private long savedAt;
        private boolean everSaved;
        private boolean dirty;
        private boolean flushPending;
        private boolean ended;
        private PersistenceException saveFailure;

        Recording(long generationId, long messageId, GenerationHandler caller, Executor out) {
            this.generationId = generationId;
            this.messageId = messageId;
            this.caller = caller;
            this.out = out;
        }

        @Override
        public void onText(int variant, String delta) {
            if (!ended) {
                text.append(delta);
                dirty = true;
                long sinceSaved = System.nanoTime() - savedAt;
                if (!everSaved || sinceSaved >= Generator.SAVE_INTERVAL.toNanos()) {
                    save(text.toString());
                } else if (!flushPending) {
                    flushPending = true;
                    recorder.schedule(this::flush, Generator.SAVE_INTERVAL.toNanos() - sinceSaved,
                            TimeUnit.NANOSECONDS);
                }
            }
            out.execute(() -> caller.onText(variant, delta));
        }

        private void flush() {
            flushPending = false;
            if (!ended && dirty) {
                save(text.toString());
            }
        }

        private void save(String value) {
            savedAt = System.nanoTime();
            everSaved = true;
            try {
                studio.conversations().editText(messageId, value);
                dirty = false;
            } catch (PersistenceException e) {
                if (saveFailure == null) {
                    saveFailure = e;
                }
            }
        }

        @Override
        public void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
            out.execute(() -> caller.onRetry(variant, error, attempt, delay));
        }

        @Override
        public void onVariantFinished(VariantResult result) {
            ended = true;
            // the result holds everything that arrived, whatever the status
            save(result.text().isEmpty() ? text.toString() : result.text());
            out.execute(() -> caller.onVariantFinished(result));
        }

        @Override
        public void onFinished(List<VariantResult> results) {
            Generation.Status status = Generator.statusOf(results);
            Usage usage = Generator.sum(results);
            String error = Generator.errorOf(results);
            try {
                studio.generations().finish(generationId, status, new Generation.Usage(null, usage.input(),
                        usage.output(), usage.cachedInput()), error);
            } catch (PersistenceException e) {
                if (saveFailure == null) {
                    saveFailure = e;
                }
            }
            out.execute(() -> {
                try {
                    caller.onFinished(results);
                } finally {
                    settle(status, error);
                }
            });
        }

        private void settle(Generation.Status status, String error) {
            Message saved;
            try {
                saved = studio.conversations().message(messageId).orElse(null);
            } catch (PersistenceException e) {
                saved = null;
            }
            if (saved == null) {
                saved = new Message(messageId, 0, null, Message.Role.ASSISTANT, text.toString(), generationId, null);
            }
            if (status == Generation.Status.FAILED || status == Generation.Status.PARTIAL) {
                done.completeExceptionally(new ReplyFailedException(error == null ? "The reply failed." : error,
                        saved));
            } else if (saveFailure != null) {
                done.completeExceptionally(new ReplyFailedException("The reply arrived but the library could not "
                        + "save all of it: " + saveFailure.getMessage(), saved));
            } else {
                done.complete(saved);
            }
        }
    }

    private static final class Streaming implements Reply {
        private final long messageId;
        private final GenerationHandle handle;
        private final CompletableFuture<Message> done;

        Streaming(long messageId, GenerationHandle handle, CompletableFuture<Message> done) {
            this.messageId = messageId;
            this.handle = handle;
            this.done = done;
        }

        @Override
        public long messageId() {
            return messageId;
        }

        @Override
        public void cancel() {
            handle.cancel();
        }

        @Override
        public CompletableFuture<Message> done() {
            return done;
        }
    }

    // ---- pinning ----

    /**
     * Adds the passage to the character's established facts, linked to the message it came from. Facts reach
     * later prompts through the character's sheet.
     *
     * @return the new fact, with its id
     */
    public Fact pinAsFact(long characterId, String passage, long sourceMessageId) {
        String text = passage(passage);
        return studio.database().write("pin the fact", c -> {
            CharacterSheet sheet = character(characterId);
            requireSource(sourceMessageId, sheet.storyId());
            List<Fact> facts = new ArrayList<>(sheet.facts());
            facts.add(new Fact(0, text, sourceMessageId));
            List<Fact> saved = studio.characters().update(sheet.withFacts(facts)).facts();
            return saved.get(saved.size() - 1);
        });
    }

    /**
     * Appends the passage to a field of the character's sheet, after a blank line. The field holds plain text: the
     * link back to the message is not kept (pin as a fact to keep it).
     */
    public void pinToField(long characterId, CharacterSheet.Field field, String passage, long sourceMessageId) {
        Objects.requireNonNull(field, "field");
        String text = passage(passage);
        studio.database().write("pin to " + field.label(), c -> {
            CharacterSheet sheet = character(characterId);
            requireSource(sourceMessageId, sheet.storyId());
            studio.characters().update(sheet.with(field, append(sheet.get(field), text)));
            return null;
        });
    }

    /**
     * Pins the passage to a lore entry: a new one when {@code loreEntryId} is null (titled {@code title}, its
     * keywords the title's words), else appended to the entry's content after a blank line. Plain text, with no
     * link back to the message.
     */
    public LoreEntry pinToLore(long storyId, Long loreEntryId, String title, String passage, long sourceMessageId) {
        String text = passage(passage);
        return studio.database().write("pin to the lore", c -> {
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

    /** Appends the passage to the story's notes after a blank line, as plain text. */
    public void pinToNotes(long storyId, String passage, long sourceMessageId) {
        String text = passage(passage);
        studio.database().write("pin to the story notes", c -> {
            Story story = story(storyId);
            requireSource(sourceMessageId, storyId);
            studio.stories().update(story.withNotes(append(story.notes(), text)));
            return null;
        });
    }

    // ---- "yes, and" notes ----

    /**
     * Keeps a note about something in a variant, a scene or a reply.
     *
     * @param sharedWithModel whether the note reaches the model as context; a private note never does
     * @param sourceKind      {@code variant}, {@code scene} or {@code message}; null for none
     */
    public Note addNote(long storyId, String text, boolean sharedWithModel, String sourceKind, Long sourceId) {
        requireText(text, "The note is empty.");
        story(storyId);
        String kind = sourceKind == null || sourceKind.isBlank() ? null : sourceKind.strip().toLowerCase(Locale.ROOT);
        if (kind != null && !NOTE_SOURCES.contains(kind)) {
            throw new IllegalArgumentException("A note is about a variant, a scene or a message, not “" + sourceKind
                    + "”.");
        }
        return studio.notes().add(new Note(0, storyId, text.strip(), sharedWithModel, kind, kind == null ? null
                : sourceId, null));
    }

    /** The story's notes, oldest first. */
    public List<Note> notes(long storyId) {
        return studio.notes().list(storyId);
    }

    /** Shares the note with the model, or makes it private again. */
    public void setShared(long noteId, boolean shared) {
        studio.notes().setShared(noteId, shared);
    }

    public void deleteNote(long noteId) {
        studio.notes().delete(noteId);
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

    private CharacterSheet character(long id) {
        return studio.characters().get(id).orElseThrow(() -> new IllegalArgumentException(
                "There is no character with id " + id + "; the sheet may have been deleted."));
    }

    private void requireIn(long conversationId, long messageId) {
        if (message(messageId).conversationId() != conversationId) {
            throw new IllegalArgumentException("The message " + messageId + " is not in this conversation.");
        }
    }

    /** The pinned message must be in a conversation of the same story. */
    private void requireSource(long messageId, long storyId) {
        Message m = message(messageId);
        if (conversation(m.conversationId()).storyId() != storyId) {
            throw new IllegalArgumentException("The message " + messageId + " belongs to another story.");
        }
    }

    private static void requireText(String text, String problem) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String passage(String passage) {
        requireText(passage, "Nothing is selected to pin: select a passage first.");
        return passage.strip();
    }

    private static String append(String existing, String passage) {
        return existing == null || existing.isBlank() ? passage : existing.stripTrailing() + "\n\n" + passage;
    }

    private static String firstWords(String text) {
        String[] words = text.split("\\s+");
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(5, words.length)));
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
