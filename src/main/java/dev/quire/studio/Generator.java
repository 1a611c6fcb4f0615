package dev.quire.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatMessage;
import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandle;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.Ollama;
import dev.quire.llm.ProviderError;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.SerialExecutor;
import dev.quire.llm.Providers;
import dev.quire.llm.SystemBlock;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.Generation;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.model.Variant;
import dev.quire.prompt.AssembledPrompt;
import dev.quire.prompt.Frame;
import dev.quire.prompt.PromptInput;
import dev.quire.prompt.PromptReport;
import dev.quire.store.PersistenceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Asks a provider for N variants of a scene, of what comes next from the cursor, or of a passage rewritten: the
 * "generate" use case, in its three {@link Mode modes}.
 *
 * <p>{@link #prepare} resolves the story, the scene, the frame and the provider and builds the prompt (through
 * {@link Prompts}) without sending anything, so a caller can show what will be sent. {@link #start} records the
 * generation in the library <em>before</em> sending (the exact system blocks and messages, parameters, provider,
 * model, estimated input tokens), streams, saves each variant's text as it arrives (at most every
 * {@link #SAVE_INTERVAL} per variant, always when it ends) so that a crash never loses a variant that arrived, and
 * when all have ended records each variant's status, stop reason and error, and the generation's status and summed
 * usage.
 *
 * <p>Threads: the library is written on one background thread of this generator; the caller's
 * {@link GenerationHandler} is called on the {@code Executor} it passes, one call at a time and in order, and
 * never on the FX thread unless that is the executor given. Its {@code onFinished} comes after the library
 * holds the final state, and {@link Running#done()} completes after it.
 */
public final class Generator {

    /** The most time a variant's streamed text waits before it is saved. */
    public static final Duration SAVE_INTERVAL = Duration.ofMillis(500);

    /**
     * What a generation writes. Offsets into a scene's text are {@code String} offsets (UTF-16 code units, as the
     * editor's caret counts them) into the text the library holds: save the scene before asking.
     */
    public enum Mode {
        /** A scene, or more of one: the scene's text as it stands goes with the instruction. */
        SCENE("scene"),
        /**
         * What comes next from the cursor. Only the scene's text up to the cursor is sent, and the model continues
         * from where it stops; the text after the cursor is not sent, so it cannot pull the continuation ahead of
         * itself, and joining the two stays the writer's.
         */
        CONTINUE("continue"),
        /**
         * The selected passage rewritten as the instruction says: the passage goes exactly as selected, and the
         * scene around it with the passage's place marked; the model replies with the new passage only.
         */
        REWRITE("rewrite");

        private final String defaultFrame;

        Mode(String defaultFrame) {
            this.defaultFrame = defaultFrame;
        }

        /** The built-in frame used when the writer chooses none. */
        public String defaultFrame() {
            return defaultFrame;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Studio studio;
    private final BooleanSupplier ollamaRunning;
    private final ScheduledThreadPoolExecutor recorder;

    public Generator(Studio studio) {
        this(studio, Ollama::isRunning);
    }

    /** With a stand-in for "is Ollama running at its default address", for tests. */
    Generator(Studio studio, BooleanSupplier ollamaRunning) {
        this.studio = Objects.requireNonNull(studio, "studio");
        this.ollamaRunning = ollamaRunning;
        this.recorder = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "quire-generation-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        recorder.setKeepAliveTime(10, TimeUnit.SECONDS);
        recorder.allowCoreThreadTimeOut(true);
        recorder.setRemoveOnCancelPolicy(true);
    }

    // ---- what to generate ----

    /**
     * What the writer asks for.
     *
     * @param storyId         the story
     * @param scene           the scene's position in story order, from 1; null for a new scene after the last
     *                        (only in {@link Mode#SCENE})
     * @param instruction     what to write; may be empty when continuing
     * @param provider        a profile name or a provider kind ({@code anthropic}, {@code openai},
     *                        {@code openai-compatible}, {@code ollama}); null for the story's provider
     * @param model           null for the profile's default model
     * @param baseUrl         null for the profile's address; another address is used with a key from the
     *                        environment only: a stored key goes to its own profile's address and nowhere else
     * @param variants        1 to {@value ChatRequest#MAX_VARIANTS}
     * @param maxOutputTokens null for the profile's
     * @param temperature     null for the provider's default; 0 to 2
     * @param seed            null for none
     * @param frame           a frame's key or name, the writer's own included ({@link Prompts#frame}); null for
     *                        the mode's {@link Mode#defaultFrame() default}
     * @param mode            null for {@link Mode#SCENE}
     * @param anchorStart     the cursor ({@link Mode#CONTINUE}) or the passage's start ({@link Mode#REWRITE}) in
     *                        the scene's text; null for a scene
     * @param anchorEnd       the passage's end, after {@code anchorStart}; the cursor again when continuing (null
     *                        there means the same); null for a scene
     */
    public record Request(long storyId, Integer scene, String instruction, String provider, String model,
                          String baseUrl, int variants, Integer maxOutputTokens, Double temperature, Long seed,
                          String frame, Mode mode, Integer anchorStart, Integer anchorEnd) {

        public Request {
            mode = mode == null ? Mode.SCENE : mode;
            instruction = instruction == null && mode == Mode.CONTINUE ? "" : instruction;
            Objects.requireNonNull(instruction, "instruction");
            provider = blankToNull(provider);
            model = blankToNull(model);
            baseUrl = blankToNull(baseUrl);
            frame = blankToNull(frame);
            if (instruction.isBlank() && mode != Mode.CONTINUE) {
                throw new IllegalArgumentException(mode == Mode.REWRITE
                        ? "The instruction is empty: say how the passage should be rewritten."
                        : "The instruction is empty: say what the scene should do.");
            }
            if (scene != null && scene < 1) {
                throw new IllegalArgumentException("Scenes are counted from 1, not " + scene + ".");
            }
            switch (mode) {
                case CONTINUE:
                    if (scene == null) {
                        throw new IllegalArgumentException("Continuing from the cursor needs the scene to continue:"
                                + " choose a scene.");
                    }
                    if (anchorStart == null || anchorStart < 0) {
                        throw new IllegalArgumentException("The cursor is counted in characters from the start of "
                                + "the scene's text, from 0, not " + anchorStart + ".");
                    }
                    if (anchorEnd != null && !anchorEnd.equals(anchorStart)) {
                        throw new IllegalArgumentException("Continuing goes from one place, the cursor, not from "
                                + anchorStart + " to " + anchorEnd + ": rewrite a passage instead.");
                    }
                    anchorEnd = anchorStart;
                    break;
                case REWRITE:
                    if (scene == null) {
                        throw new IllegalArgumentException("Rewriting a passage needs the scene it is in: choose a "
                                + "scene.");
                    }
                    if (anchorStart == null || anchorEnd == null || anchorStart < 0) {
                        throw new IllegalArgumentException("The passage to rewrite runs from a start to an end, "
                                + "counted in characters from the start of the scene's text, from 0.");
                    }
                    if (anchorEnd <= anchorStart) {
                        throw new IllegalArgumentException("The selection is empty (" + anchorStart + " to "
                                + anchorEnd + "): select the passage to rewrite.");
                    }
                    break;
                case SCENE:
                default:
                    if (anchorStart != null || anchorEnd != null) {
                        throw new IllegalArgumentException("A scene is written whole: a cursor or a selection "
                                + "belongs to continuing or rewriting.");
                    }
                    break;
            }
            if (variants < 1 || variants > ChatRequest.MAX_VARIANTS) {
                throw new IllegalArgumentException("Ask for 1 to " + ChatRequest.MAX_VARIANTS + " variants, not "
                        + variants + ".");
            }
            if (maxOutputTokens != null && maxOutputTokens < 1) {
                throw new IllegalArgumentException("The maximum output must be at least 1 token, not "
                        + maxOutputTokens + ".");
            }
            if (temperature != null && (temperature.isNaN() || temperature < 0 || temperature > 2)) {
                throw new IllegalArgumentException("The temperature must be between 0 and 2, not " + temperature
                        + ".");
            }
        }

        /** As before modes and frames: a {@link Mode#SCENE} with the default frame. */
        public Request(long storyId, Integer scene, String instruction, String provider, String model,
                       String baseUrl, int variants, Integer maxOutputTokens, Double temperature, Long seed) {
            this(storyId, scene, instruction, provider, model, baseUrl, variants, maxOutputTokens, temperature, seed,
                    null, Mode.SCENE, null, null);
        }

        public static Builder builder(long storyId, String instruction) {
            return new Builder(storyId, instruction);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        /** Mutable helper; unset options keep the story's provider and the profile's defaults. */
        public static final class Builder {
            private final long storyId;
            private final String instruction;
            private Integer scene;
            private String provider;
            private String model;
            private String baseUrl;
            private int variants = 1;
            private Integer maxOutputTokens;
            private Double temperature;
            private Long seed;
            private String frame;
            private Mode mode = Mode.SCENE;
            private Integer anchorStart;
            private Integer anchorEnd;

            private Builder(long storyId, String instruction) {
                this.storyId = storyId;
                this.instruction = instruction;
            }

            /** The scene's position in story order, from 1; null (the default) for a new scene. */
            public Builder scene(Integer position) {
                scene = position;
                return this;
            }

            public Builder provider(String nameOrKind) {
                provider = nameOrKind;
                return this;
            }

            public Builder model(String value) {
                model = value;
                return this;
            }

            public Builder baseUrl(String value) {
                baseUrl = value;
                return this;
            }

            public Builder variants(int value) {
                variants = value;
                return this;
            }

            public Builder maxOutputTokens(Integer value) {
                maxOutputTokens = value;
                return this;
            }

            public Builder temperature(Double value) {
                temperature = value;
                return this;
            }

            public Builder seed(Long value) {
                seed = value;
                return this;
            }

            /** A frame's key or name, the writer's own included; null (the default) for the mode's own frame. */
            public Builder frame(String keyOrName) {
                frame = keyOrName;
                return this;
            }

            /** Continue the scene from the cursor, a character offset into its text; needs {@link #scene}. */
            public Builder continueAt(int cursor) {
                mode = Mode.CONTINUE;
                anchorStart = cursor;
                anchorEnd = cursor;
                return this;
            }

            /**
             * Rewrite the passage from {@code start} to {@code end} (exclusive) of the scene's text; needs
             * {@link #scene}.
             */
            public Builder rewrite(int start, int end) {
                mode = Mode.REWRITE;
                anchorStart = start;
                anchorEnd = end;
                return this;
            }

            /** Write a scene (the default), forgetting any cursor or selection. */
            public Builder wholeScene() {
                mode = Mode.SCENE;
                anchorStart = null;
                anchorEnd = null;
                return this;
            }

            /** @throws IllegalArgumentException when the options do not go together, saying which */
            public Request build() {
                return new Request(storyId, scene, instruction, provider, model, baseUrl, variants, maxOutputTokens,
                        temperature, seed, frame, mode, anchorStart, anchorEnd);
            }
        }
    }

    /** A generation ready to send: what it is for, who it goes to, and exactly what it says. */
    public static final class Prepared {
        private final Story story;
        private final Scene scene;
        private final Mode mode;
        private final Integer anchorStart;
        private final Integer anchorEnd;
        private final Frame frame;
        private final ProviderProfile profile;
        private final ChatProvider provider;
        private final ChatRequest chatRequest;
        private final AssembledPrompt prompt;
        private final boolean storedKeyWithheld;

        private Prepared(Story story, Scene scene, Request request, Frame frame, ProviderProfile profile,
                         ChatProvider provider, ChatRequest chatRequest, AssembledPrompt prompt,
                         boolean storedKeyWithheld) {
            this.story = story;
            this.scene = scene;
            this.mode = request.mode();
            this.anchorStart = request.anchorStart();
            this.anchorEnd = request.anchorEnd();
            this.frame = frame;
            this.profile = profile;
            this.provider = provider;
            this.chatRequest = chatRequest;
            this.prompt = prompt;
            this.storedKeyWithheld = storedKeyWithheld;
        }

        public Story story() {
            return story;
        }

        /** The scene written into, as it was when the prompt was built; empty for a new scene. */
        public Optional<Scene> scene() {
            return Optional.ofNullable(scene);
        }

        public Mode mode() {
            return mode;
        }

        /** The cursor, or the start of the passage to rewrite, in the scene's text; null for a scene. */
        public Integer anchorStart() {
            return anchorStart;
        }

        /** The end of the passage to rewrite (exclusive); the cursor again when continuing; null for a scene. */
        public Integer anchorEnd() {
            return anchorEnd;
        }

        /**
         * The passage to rewrite exactly as it stood when the prompt was built, so a caller can tell whether the
         * writer changed it since; "" unless rewriting.
         */
        public String passage() {
            return mode == Mode.REWRITE ? scene.prose().text().substring(anchorStart, anchorEnd) : "";
        }

        /** The frame used; its {@link Frame#key() key} is what the library records. */
        public Frame frame() {
            return frame;
        }

        /** The profile the request goes to, with any base URL override applied. */
        public ProviderProfile profile() {
            return profile;
        }

        /** The request as it will be sent. */
        public ChatRequest request() {
            return chatRequest;
        }

        /** The model that will be asked: the override, else the profile's default. */
        public String model() {
            return chatRequest.model() != null ? chatRequest.model() : profile.defaultModel();
        }

        /**
         * The prompt's tokens as counted before sending: exact for OpenAI models (their tokenizer is public), a
         * calibrated estimate for the rest. The library keeps it beside the provider's own count.
         */
        public int estimatedInputTokens() {
            return prompt.tokens();
        }

        /** What went into the prompt, what was left out and why, against the budget. */
        public PromptReport report() {
            return prompt.report();
        }

        /**
         * Whether a key is stored for the chosen profile but is not sent, because the base URL was overridden and
         * a stored key goes only to its profile's own address.
         */
        public boolean storedKeyWithheld() {
            return storedKeyWithheld;
        }

        /** The system blocks and messages exactly as sent, as JSON: what the library records. */
        public String messagesJson() {
            return Generator.messagesJson(chatRequest);
        }

        /** Provider kind and address, variants, and the sampling settings, as JSON. */
        public String parametersJson() {
            ObjectNode p = JSON.createObjectNode();
            p.put("kind", profile.kind().name());
            p.put("baseUrl", profile.baseUrl());
            p.put("variants", chatRequest.variants());
            p.put("maxOutputTokens", chatRequest.maxOutputTokens() != null ? chatRequest.maxOutputTokens()
                    : profile.maxOutputTokens());
            if (chatRequest.temperature() != null) {
                p.put("temperature", chatRequest.temperature());
            }
            if (scene != null) {
                p.put("scenePosition", scene.position() + 1);
            }
            p.put("mode", mode.name());
            if (anchorStart != null) {
                p.put("anchorStart", anchorStart);
                p.put("anchorEnd", anchorEnd);
            }
            return p.toString();
        }
    }

    /**
     * How a generation ended, after the library recorded it.
     *
     * @param usage       summed over the variants (each counts its own request's input); null counts when the
     *                    provider reported none
     * @param error       the failed or cut-off variants' messages, null when none failed
     * @param saveFailure when the library could not record part of it (a full disk); the texts are still here
     */
    public record Outcome(long generationId, Generation.Status status, List<VariantResult> variants, Usage usage,
                          String error, PersistenceException saveFailure) {
        public Outcome {
            variants = List.copyOf(variants);
        }
    }

    /** A generation in flight. */
    public static final class Running {
        private final long generationId;
        private final GenerationHandle handle;
        private final CompletableFuture<Outcome> done;

        private Running(long generationId, GenerationHandle handle, CompletableFuture<Outcome> done) {
            this.generationId = generationId;
            this.handle = handle;
            this.done = done;
        }

        /** The library's id of this generation, recorded before anything was sent. */
        public long generationId() {
            return generationId;
        }

        /** Variant indices, from 0 ("A"). */
        public List<Integer> variants() {
            return handle.variants();
        }

        /** Stops every variant still streaming; their text so far is kept, status CANCELLED. */
        public void cancel() {
            handle.cancel();
        }

        /** Stops one variant; the others go on. */
        public void cancel(int variant) {
            handle.cancel(variant);
        }

        /** Completes, never exceptionally, once the library holds the outcome and the handler's onFinished ran. */
        public CompletableFuture<Outcome> done() {
            return done;
        }
    }

    // ---- the use case ----

    /**
     * Resolves everything and builds the request without sending or recording anything.
     *
     * @throws CannotGenerateException  when the story, the scene, the cursor or selection in it ({@link
     *                                  CannotGenerateException.Reason#NO_SUCH_SCENE}), or the provider cannot be
     *                                  found or used
     * @throws IllegalArgumentException when there is no such frame, or the frame cannot carry the request (a
     *                                  rewrite needs a frame with {@code {{passage}}}, a continuation one with
     *                                  {@code {{scene_text}}}); the message names the frames or the missing slot
     */
    public Prepared prepare(Request request) {
        Objects.requireNonNull(request, "request");
        Optional<String> tuning = studio.providerTuningProblem();
        if (tuning.isPresent()) {
            throw new CannotGenerateException(CannotGenerateException.Reason.BAD_SETTING, tuning.get());
        }
        Story story = studio.stories().get(request.storyId()).orElseThrow(() -> new CannotGenerateException(
                CannotGenerateException.Reason.NO_SUCH_STORY, "There is no story with id " + request.storyId()
                + " in this library."));
        List<Scene> scenes = studio.scenes().all(story.id());
        Scene target = null;
        if (request.scene() != null) {
            if (request.scene() > scenes.size()) {
                throw new CannotGenerateException(CannotGenerateException.Reason.NO_SUCH_SCENE, "“" + story.title()
                        + "” has " + countOf(scenes.size(), "scene") + ", so there is no scene " + request.scene()
                        + ". Choose " + (scenes.isEmpty() ? "none" : "a scene from 1 to " + scenes.size()
                        + ", or none") + " to write a new scene.");
            }
            target = scenes.get(request.scene() - 1);
        }
        if (request.mode() != Mode.SCENE) {
            String problem = placeProblem(request.mode(), target, request.anchorStart(), request.anchorEnd());
            if (problem != null) {
                throw new CannotGenerateException(CannotGenerateException.Reason.NO_SUCH_SCENE, problem);
            }
        }
        Frame frame = frameFor(studio.prompts(), story.id(), request.mode(), request.frame());

        ProviderSettings providers = studio.providers();
        ProviderProfile profile = resolveProfile(request, story, providers);
        boolean stored = providers.profiles().stream().anyMatch(p -> p.name().equals(profile.name()));
        ProviderProfile used = profile;
        ChatProvider provider;
        boolean withheld = false;
        if (request.baseUrl() != null && !profile.withBaseUrl(request.baseUrl()).baseUrl().equals(profile.baseUrl())) {
            used = profile.withBaseUrl(request.baseUrl());
            if (!stored) {
                used = used.withName(profile.kind().displayName());
            }
            requireUsable(used, "The base URL " + request.baseUrl() + " cannot be used for " + profile.name());
            // a stored key belongs to its profile's address: only a key from the environment follows an override
            ApiKey key = providers.keySource(used) == ProviderSettings.KeySource.ENVIRONMENT
                    ? providers.key(used).orElse(ApiKey.none()) : ApiKey.none();
            withheld = !key.isPresent() && providers.keySource(profile) == ProviderSettings.KeySource.STORED;
            provider = Providers.create(used, key, studio.providerTimeouts());
        } else {
            requireUsable(profile, "The provider “" + profile.name() + "” cannot be used as it is set up");
            provider = providers.provider(profile);
        }

        String model = request.model() != null ? request.model() : used.defaultModel();
        AssembledPrompt prompt = studio.prompts().assemble(story, scenes, target, frame, request.instruction(),
                anchor(request.mode(), request.anchorStart(), request.anchorEnd()),
                Prompts.budget(used, request.maxOutputTokens()), Prompts.counter(used, model));
        ChatRequest.Builder chat = ChatRequest.builder()
                .model(request.model())
                .maxOutputTokens(request.maxOutputTokens())
                .temperature(request.temperature())
                .seed(request.seed())
                .variants(request.variants());
        for (AssembledPrompt.Block block : prompt.system()) {
            chat.system(new SystemBlock(block.text(), block.cacheBreakpoint()));
        }
        chat.message(ChatMessage.user(prompt.user()));
        return new Prepared(story, target, request, frame, used, provider, chat.build(), prompt, withheld);
    }

    /** The prompt layer's view of a mode's place in the scene; null for a whole scene. */
    static PromptInput.Anchor anchor(Mode mode, Integer start, Integer end) {
        switch (mode) {
            case CONTINUE:
                return PromptInput.Anchor.cursor(start);
            case REWRITE:
                return PromptInput.Anchor.passage(start, end);
            case SCENE:
            default:
                return null;
        }
    }

    /**
     * What is wrong with a cursor or a selection in {@code scene}, in the writer's words; null when it is a place in
     * the scene's text. The request has already checked that they are in order and not negative.
     */
    static String placeProblem(Mode mode, Scene scene, Integer start, Integer end) {
        if (mode == Mode.SCENE) {
            return null;
        }
        if (scene == null) {
            return mode == Mode.CONTINUE ? "Continuing from the cursor needs the scene to continue: choose a scene."
                    : "Rewriting a passage needs the scene it is in: choose a scene.";
        }
        String text = scene.prose().text();
        int length = text.length();
        String which = "Scene " + (scene.position() + 1) + (scene.title().isBlank() ? "" : ", “"
                + scene.title().strip() + "”,") + " has " + countOf(length, "character");
        if (mode == Mode.CONTINUE) {
            if (start > length) {
                return which + ", so there is no place " + start + " in it to continue from. Put the cursor "
                        + "within its text, from 0 to " + length + ".";
            }
            if (splitsACharacter(text, start)) {
                return "The cursor at " + start + " falls inside a character of scene " + (scene.position() + 1)
                        + ": move it one place.";
            }
            return null;
        }
        if (end > length) {
            return which + ", so the selection from " + start + " to " + end + " runs past its end. Select a "
                    + "passage within its text, from 0 to " + length + ".";
        }
        if (splitsACharacter(text, start) || splitsACharacter(text, end)) {
            return "The selection from " + start + " to " + end + " cuts a character of scene "
                    + (scene.position() + 1) + " in two: widen it by one place.";
        }
        return null;
    }

    /** Whether {@code at} falls between the two halves of a character outside the Basic Multilingual Plane. */
    private static boolean splitsACharacter(String text, int at) {
        return at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))
                && Character.isLowSurrogate(text.charAt(at));
    }

    /**
     * The frame asked for, else the mode's own; refused when it cannot carry the request.
     *
     * @throws IllegalArgumentException naming the frames there are, or the slot the frame lacks
     */
    static Frame frameFor(Prompts prompts, long storyId, Mode mode, String keyOrName) {
        Frame frame = prompts.frame(storyId, keyOrName != null ? keyOrName : mode.defaultFrame());
        Set<String> slots = frame.slots();
        if (mode == Mode.REWRITE && !slots.contains("passage")) {
            throw new IllegalArgumentException("The frame “" + frame.name() + "” has no {{passage}} slot, so the "
                    + "passage to rewrite would not be sent. Choose a rewrite frame, or add {{passage}} to it.");
        }
        if (mode == Mode.CONTINUE && !slots.contains("scene_text")) {
            throw new IllegalArgumentException("The frame “" + frame.name() + "” has no {{scene_text}} slot, so the "
                    + "text to continue from would not be sent. Choose a continue frame, or add {{scene_text}} to "
                    + "it.");
        }
        return frame;
    }

    private ProviderProfile resolveProfile(Request request, Story story, ProviderSettings providers) {
        if (request.provider() != null) {
            return providers.find(request.provider()).orElseThrow(() -> {
                List<String> names = new ArrayList<>();
                providers.profiles().forEach(p -> names.add(p.name()));
                return new CannotGenerateException(CannotGenerateException.Reason.UNKNOWN_PROVIDER,
                        "There is no provider named “" + request.provider() + "”. "
                                + (names.isEmpty() ? "No profiles are stored yet" : "The stored profiles are "
                                + String.join(", ", names)) + "; a provider kind (anthropic, openai, "
                                + "openai-compatible, ollama) can also be named.");
            });
        }
        Optional<ProviderProfile> chosen = providers.profileFor(story.id());
        if (chosen.isPresent()) {
            return chosen.get();
        }
        Optional<String> storyChoice = providers.storyProfileName(story.id());
        Optional<String> dangling = storyChoice.or(providers::defaultProfileName);
        if (dangling.isPresent()) {
            throw new CannotGenerateException(CannotGenerateException.Reason.UNUSABLE_PROVIDER,
                    "The provider “" + dangling.get() + "”, " + (storyChoice.isPresent() ? "chosen for “" + story.title()
                            + "”" : "the library's default") + ", is no longer set up. Choose another one, or add "
                            + "it again.");
        }
        boolean ollama = ollamaRunning.getAsBoolean();
        throw new CannotGenerateException(CannotGenerateException.Reason.NO_PROVIDER,
                "No provider is set up for “" + story.title() + "”. Add one (Anthropic, OpenAI, an OpenAI-compatible"
                        + " server, or Ollama) on the Providers page or with `quire provider add`, and make it the"
                        + " default."
                        + (ollama ? " Ollama is running on this computer at " + Ollama.DEFAULT_BASE_URL
                        + ": choose it to generate locally, with no key." : ""),
                ollama);
    }

    private static void requireUsable(ProviderProfile profile, String what) {
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new CannotGenerateException(CannotGenerateException.Reason.UNUSABLE_PROVIDER,
                    what + ": " + String.join(" ", problems));
        }
    }

    /** Prepares and starts; see {@link #start(Prepared, GenerationHandler, Executor)}. */
    public Running start(Request request, GenerationHandler handler, Executor callbacks) {
        return start(prepare(request), handler, callbacks);
    }

    /**
     * Records the generation, then sends it. Returns at once; the handler hears the rest on {@code callbacks}.
     *
     * @throws PersistenceException when the library cannot record the generation (nothing was sent then)
     */
    public Running start(Prepared prepared, GenerationHandler handler, Executor callbacks) {
        Objects.requireNonNull(prepared, "prepared");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(callbacks, "callbacks");
        ChatRequest chat = prepared.chatRequest;
        Generation recorded = studio.generations().create(new Generation(0, prepared.story.id(),
                prepared.scene == null ? null : prepared.scene.id(), null, prepared.frame.key(),
                prepared.profile.name(), prepared.model(), prepared.messagesJson(), prepared.parametersJson(),
                chat.seed(), chat.variants(),
                new Generation.Usage(prepared.estimatedInputTokens(), null, null, null), null, null,
                Generation.Status.STREAMING, null));
        Recording recording = new Recording(recorded.id(), chat.variants(), handler, new SerialExecutor(callbacks));
        GenerationHandle handle;
        try {
            handle = prepared.provider.stream(chat, recording, recorder);
        } catch (RuntimeException e) {
            studio.generations().finish(recorded.id(), Generation.Status.FAILED, Generation.Usage.NONE,
                    "Quire could not send the request (" + e.getClass().getSimpleName() + ").");
            throw e;
        }
        return new Running(recorded.id(), handle, recording.done);
    }

    // ---- recording, on the generator's own thread ----

    /** Receives the provider's callbacks on {@link #recorder}, saves, and passes them on to the caller in order. */
    private final class Recording implements GenerationHandler {
        private final long id;
        private final GenerationHandler caller;
        private final Executor out;
        private final StreamingVariant[] variants;
        private final CompletableFuture<Outcome> done = new CompletableFuture<>();
        private PersistenceException saveFailure;

        Recording(long id, int count, GenerationHandler caller, Executor out) {
            this.id = id;
            this.caller = caller;
            this.out = out;
            this.variants = new StreamingVariant[count];
            for (int i = 0; i < count; i++) {
                variants[i] = new StreamingVariant(i);
            }
        }

        @Override
        public void onText(int variant, String delta) {
            StreamingVariant v = variant(variant);
            if (v != null && !v.ended) {
                v.text.append(delta);
                v.dirty = true;
                long sinceSaved = System.nanoTime() - v.savedAt;
                if (!v.everSaved || sinceSaved >= SAVE_INTERVAL.toNanos()) {
                    save(v);
                } else if (!v.flushPending) {
                    v.flushPending = true;
                    recorder.schedule(() -> flush(v), SAVE_INTERVAL.toNanos() - sinceSaved, TimeUnit.NANOSECONDS);
                }
            }
            out.execute(() -> caller.onText(variant, delta));
        }

        private void flush(StreamingVariant v) {
            v.flushPending = false;
            if (!v.ended && v.dirty) {
                save(v);
            }
        }

        private void save(StreamingVariant v) {
            v.savedAt = System.nanoTime();
            v.everSaved = true;
            try {
                studio.generations().saveVariant(id, v.index, v.text.toString(), Variant.Status.STREAMING, null,
                        null);
                v.dirty = false;
            } catch (PersistenceException e) {
                failedToSave(e);
            }
        }

        @Override
        public void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
            out.execute(() -> caller.onRetry(variant, error, attempt, delay));
        }

        @Override
        public void onVariantFinished(VariantResult result) {
            StreamingVariant v = variant(result.index());
            if (v != null) {
                v.ended = true;
            }
            try {
                studio.generations().saveVariant(id, result.index(), result.text(), statusOf(result.status()),
                        result.stopReason(), result.error() == null ? null : result.error().message());
            } catch (PersistenceException e) {
                failedToSave(e);
            }
            out.execute(() -> caller.onVariantFinished(result));
        }

        @Override
        public void onFinished(List<VariantResult> results) {
            Generation.Status status = statusOf(results);
            Usage usage = sum(results);
            String error = errorOf(results);
            try {
                studio.generations().finish(id, status, new Generation.Usage(null, usage.input(), usage.output(),
                        usage.cachedInput()), error);
            } catch (PersistenceException e) {
                failedToSave(e);
            }
            Outcome outcome = new Outcome(id, status, results, usage, error, saveFailure);
            out.execute(() -> {
                try {
                    caller.onFinished(results);
                } finally {
                    done.complete(outcome);
                }
            });
        }

        private void failedToSave(PersistenceException e) {
            if (saveFailure == null) {
                saveFailure = e;
            }
        }

        private StreamingVariant variant(int index) {
            return index >= 0 && index < variants.length ? variants[index] : null;
        }
    }

    /** One variant's text as it streams; touched only on {@link #recorder}. */
    private static final class StreamingVariant {
        final int index;
        final StringBuilder text = new StringBuilder();
        long savedAt;
        boolean everSaved;
        boolean dirty;
        boolean flushPending;
        boolean ended;

        StreamingVariant(int index) {
            this.index = index;
        }
    }

    /** The system blocks and messages of a request exactly as sent, as JSON: what the library records. */
    static String messagesJson(ChatRequest chatRequest) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode system = root.putArray("system");
        for (SystemBlock b : chatRequest.system()) {
            system.addObject().put("text", b.text()).put("cacheBreakpoint", b.cacheBreakpoint());
        }
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : chatRequest.messages()) {
            messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("text", m.text());
        }
        return root.toString();
    }

    // ---- outcome ----

    /** How the library records a variant that ended this way. */
    public static Variant.Status statusOf(VariantResult.Status status) {
        switch (status) {
            case COMPLETE:
                return Variant.Status.COMPLETE;
            case INCOMPLETE:
                return Variant.Status.INCOMPLETE;
            case CANCELLED:
                return Variant.Status.CANCELLED;
            case FAILED:
            default:
                return Variant.Status.FAILED;
        }
    }

    /**
     * COMPLETE when every variant is; FAILED when every one failed with nothing to show; CANCELLED when the writer
     * stopped some and none failed; otherwise PARTIAL (some failed or were cut off, the rest are kept).
     */
    static Generation.Status statusOf(List<VariantResult> results) {
        int complete = 0;
        int failed = 0;
        int incomplete = 0;
        for (VariantResult r : results) {
            switch (r.status()) {
                case COMPLETE:
                    complete++;
                    break;
                case FAILED:
                    failed++;
                    break;
                case INCOMPLETE:
                    incomplete++;
                    break;
                default:
                    break;
            }
        }
        if (complete == results.size()) {
            return Generation.Status.COMPLETE;
        }
        if (failed == results.size()) {
            return Generation.Status.FAILED;
        }
        if (failed + incomplete == 0) {
            return Generation.Status.CANCELLED;
        }
        return Generation.Status.PARTIAL;
    }

    static Usage sum(List<VariantResult> results) {
        Integer input = null;
        Integer output = null;
        Integer cached = null;
        Integer creation = null;
        for (VariantResult r : results) {
            input = add(input, r.usage().input());
            output = add(output, r.usage().output());
            cached = add(cached, r.usage().cachedInput());
            creation = add(creation, r.usage().cacheCreation());
        }
        return new Usage(input, output, cached, creation);
    }

    private static Integer add(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(a + b);
    }

    /** The distinct messages of the variants that failed or were cut off, labelled when there are several variants. */
    static String errorOf(List<VariantResult> results) {
        Set<String> messages = new LinkedHashSet<>();
        for (VariantResult r : results) {
            if (r.error() != null) {
                messages.add(r.error().message());
            }
        }
        if (messages.isEmpty()) {
            return null;
        }
        if (messages.size() == 1) {
            return messages.iterator().next();
        }
        List<String> lines = new ArrayList<>();
        for (VariantResult r : results) {
            if (r.error() != null) {
                lines.add(Variant.labelFor(r.index()) + ": " + r.error().message());
            }
        }
        return String.join("\n", lines);
    }

    private static String countOf(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
