package dev.quire.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.llm.ChatMessage;
import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandle;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.SystemBlock;
import dev.quire.llm.VariantResult;
import dev.quire.model.Conversation;
import dev.quire.model.Generation;
import dev.quire.model.Message;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.prompt.AssembledPrompt;
import dev.quire.prompt.Frame;
import dev.quire.prompt.PromptInput;
import dev.quire.prompt.PromptReport;
import dev.quire.prompt.TokenCounter;
import dev.quire.store.ConversationRepository;
import dev.quire.store.GenerationRepository;
import dev.quire.store.PersistenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The model's replies in a conversation: the prompt for a branch, the reply recorded as a {@link Generation} with an
 * empty message before sending, and its text saved into that message as it streams ({@link StreamRecorder}).
 * Reached through {@link ConversationThreads}, which checks the conversation and the message first.
 */
final class Replies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Studio studio;

    Replies(Studio studio) {
        this.studio = studio;
    }

    /** See {@link ConversationThreads#reply}; {@code branch} runs from the root to {@code parentMessageId}. */
    ConversationThreads.Reply reply(Conversation conversation, long parentMessageId, List<Message> branch,
                                    GenerationHandler handler, Executor callbacks) {
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

        AssembledPrompt prompt = prompt(conversation, branch, null, Prompts.budget(profile, null),
                Prompts.counter(profile, null));
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
        String frameKey = ConversationThreads.promptFrameKey(conversation.frame());
        Generation recorded = studio.generations().create(new Generation(0, story.id(), conversation.sceneId(),
                conversation.id(), frameKey, profile.name(), profile.defaultModel(),
                GenerationRecords.messagesJson(request), parameters.toString(), null, 1,
                new Generation.Usage(prompt.tokens(), null, null, null), null, null, Generation.Status.STREAMING,
                null));
        Message message;
        try {
            message = studio.conversations().add(new Message(0, conversation.id(), parentMessageId,
                    Message.Role.ASSISTANT, "", recorded.id(), null));
        } catch (PersistenceException e) {
            studio.generations().finish(recorded.id(), Generation.Status.FAILED, Generation.Usage.NONE,
                    "Quire could not save the reply (" + e.getMessage() + "); nothing was sent.");
            throw e;
        }
        ReplyText target = new ReplyText(studio.generations(), studio.conversations(), recorded.id(), message.id());
        StreamRecorder recorder = new StreamRecorder(1, target, studio.streaming(), Generator.SAVE_INTERVAL,
                handler != null ? handler : (variant, delta) -> { },
                callbacks != null ? callbacks : Runnable::run);
        GenerationHandle handle = recorder.send(provider, request);
        CompletableFuture<Message> done = new CompletableFuture<>();
        recorder.done().thenAccept(ending -> settle(target, ending, done));
        studio.recording(done);
        return new Streaming(message.id(), handle, done);
    }

    /** See {@link ConversationThreads#preview}; {@code branch} runs from the root to the leaf. */
    PromptReport preview(Conversation conversation, List<Message> branch, String draft) {
        Optional<ProviderProfile> profile = studio.providers().profileFor(conversation.storyId());
        int budget = profile.map(p -> Prompts.budget(p, null)).orElse(Prompts.DEFAULT_BUDGET);
        TokenCounter counter = profile.map(p -> Prompts.counter(p, null)).orElse(TokenCounter.estimate());
        String said = draft == null || draft.isBlank() ? null : draft;
        return prompt(conversation, branch, said, budget, counter).report();
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
            instruction = history.isEmpty() ? "" : ConversationThreads.GO_ON;
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
        Frame frame = studio.prompts().frame(story.id(), ConversationThreads.promptFrameKey(conversation.frame()));
        return studio.prompts().assemble(story, scenes, target, frame, turns, instruction,
                conversation.sceneId() == null, budget, counter);
    }

    private Story story(long storyId) {
        return studio.stories().get(storyId).orElseThrow(() -> new IllegalArgumentException(
                "There is no story with id " + storyId + " in this library."));
    }

    /**
     * Completes the reply once the library holds its final text: with the message, or with a
     * {@link ConversationThreads.ReplyFailedException} carrying it when the provider failed, the connection dropped
     * or the library could not save all of it.
     */
    private void settle(ReplyText target, StreamRecorder.Ending ending, CompletableFuture<Message> done) {
        Message saved;
        try {
            saved = studio.conversations().message(target.messageId()).orElse(null);
        } catch (PersistenceException e) {
            saved = null;
        }
        if (saved == null) {
            saved = new Message(target.messageId(), 0, null, Message.Role.ASSISTANT, target.lastText(),
                    target.generationId(), null);
        }
        if (ending.status() == Generation.Status.FAILED || ending.status() == Generation.Status.PARTIAL) {
            done.completeExceptionally(new ConversationThreads.ReplyFailedException(ending.error() == null
                    ? "The reply failed." : ending.error(), saved));
        } else if (ending.saveFailure() != null) {
            done.completeExceptionally(new ConversationThreads.ReplyFailedException("The reply arrived but the "
                    + "library could not save all of it: " + ending.saveFailure().getMessage(), saved));
        } else {
            done.complete(saved);
        }
    }

    /** Saves the reply's text into its message as it streams and ends, and the generation's outcome. */
    private static final class ReplyText implements StreamRecorder.Target {
        private final GenerationRepository generations;
        private final ConversationRepository conversations;
        private final long generationId;
        private final long messageId;
        /** What was last given to save, for a reply the library could not give back; written on the lane only. */
        private volatile String lastText = "";

        ReplyText(GenerationRepository generations, ConversationRepository conversations, long generationId,
                  long messageId) {
            this.generations = generations;
            this.conversations = conversations;
            this.generationId = generationId;
            this.messageId = messageId;
        }

        long generationId() {
            return generationId;
        }

        long messageId() {
            return messageId;
        }

        String lastText() {
            return lastText;
        }

        @Override
        public void saveStreaming(int variant, String text) {
            lastText = text;
            conversations.editText(messageId, text);
        }

        @Override
        public void saveEnded(VariantResult result, String text) {
            lastText = text;
            conversations.editText(messageId, text);
            // the reply's own record keeps how it ended and the model's thinking, which the message never holds
            generations.saveEnded(generationId, StreamRecorder.ended(result, text));
        }

        @Override
        public void saveOutcome(Generation.Status status, Generation.Usage usage, String error) {
            generations.finish(generationId, status, usage, error);
        }

        @Override
        public void saveUsage(VariantResult result, dev.quire.store.UsageRepository.Counts counts) {
            generations.recordUsage(generationId, result.index(), messageId, counts);
        }
    }

    /** A reply in flight. */
    private record Streaming(long messageId, GenerationHandle handle, CompletableFuture<Message> done)
            implements ConversationThreads.Reply {

        @Override
        public void cancel() {
            handle.cancel();
        }
    }
}
