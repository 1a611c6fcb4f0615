package dev.quire.studio;

import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandle;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.Ollama;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.Generation;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.model.Variant;
import dev.quire.prompt.AssembledPrompt;
import dev.quire.prompt.Frame;
import dev.quire.prompt.PromptReport;
import dev.quire.store.PersistenceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Asks a provider for N variants of a scene, of what comes next from the cursor, or of a passage rewritten: the
 * "generate" use case, in its three {@link Mode modes}. One is shared per open library ({@link Studio#generator()}).
 *
 * <p>{@link #prepare} resolves the story, the scene, the frame and the provider and builds the prompt (through
 * {@link Prompts}; the rules of each mode are in {@link GenerationModes}) without sending anything, so a caller can
 * show what will be sent. {@link #start} records the generation in the library <em>before</em> sending (the exact
 * system blocks and messages, parameters, provider, model, estimated input tokens: {@link GenerationRecords}),
 * streams, saves each variant's text as it arrives (at most every {@link #SAVE_INTERVAL} per variant, always when it
 * ends: {@link StreamRecorder}) so that a crash never loses a variant that arrived, and when all have ended records
 * each variant's status, stop reason and error, and the generation's status and summed usage.
 *
 * <p>Threads: the library is written on the studio's streaming executor; the caller's {@link GenerationHandler} is
 * called on the {@code Executor} it passes, one call at a time and in order, and never on the FX thread unless that
 * is the executor given. Its {@code onFinished} comes after the library holds the final state, and
 * {@link Running#done()} completes after it.
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

    private final Studio studio;
    private final BooleanSupplier ollamaRunning;

    /** A generator over the studio's streaming executor; {@link Studio#generator()} is the shared one. */
    public Generator(Studio studio) {
        this(studio, Ollama::isRunning);
    }

    /** With a stand-in for "is Ollama running at its default address", for tests. */
    Generator(Studio studio, BooleanSupplier ollamaRunning) {
        this.studio = Objects.requireNonNull(studio, "studio");
        this.ollamaRunning = ollamaRunning;
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
     * @param writerPlays     characters the writer plays in this request (names or aliases), beside those whose
     *                        sheets say so: the model leaves them to the writer and stops where one would act or
     *                        speak next (co-writing turns)
     */
    public record Request(long storyId, Integer scene, String instruction, String provider, String model,
                          String baseUrl, int variants, Integer maxOutputTokens, Double temperature, Long seed,
                          String frame, Mode mode, Integer anchorStart, Integer anchorEnd, List<String> writerPlays) {

        public Request {
            mode = mode == null ? Mode.SCENE : mode;
            instruction = instruction == null && mode == Mode.CONTINUE ? "" : instruction;
            Objects.requireNonNull(instruction, "instruction");
            provider = blankToNull(provider);
            model = blankToNull(model);
            baseUrl = blankToNull(baseUrl);
            frame = blankToNull(frame);
            List<String> names = new ArrayList<>();
            for (String n : writerPlays == null ? List.<String>of() : writerPlays) {
                if (n != null && !n.isBlank()) {
                    names.add(n.strip());
                }
            }
            writerPlays = List.copyOf(names);
            if (instruction.isBlank() && mode != Mode.CONTINUE) {
                throw new IllegalArgumentException(mode == Mode.REWRITE
                        ? "The instruction is empty: say how the passage should be rewritten."
                        : "The instruction is empty: say what the scene should do.");
            }
            if (scene != null && scene < 1) {
                throw new IllegalArgumentException("Scenes are counted from 1, not " + scene + ".");
            }
            anchorEnd = GenerationModes.checkPlace(mode, scene, anchorStart, anchorEnd);
            GenerationModes.checkSampling(variants, maxOutputTokens, temperature);
        }

        /** With no character played by the writer beyond those whose sheets say so. */
        public Request(long storyId, Integer scene, String instruction, String provider, String model,
                       String baseUrl, int variants, Integer maxOutputTokens, Double temperature, Long seed,
                       String frame, Mode mode, Integer anchorStart, Integer anchorEnd) {
            this(storyId, scene, instruction, provider, model, baseUrl, variants, maxOutputTokens, temperature, seed,
                    frame, mode, anchorStart, anchorEnd, List.of());
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
            private final List<String> writerPlays = new ArrayList<>();

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

            /** The writer plays this character (a name or alias) in this request; may be given more than once. */
            public Builder writerPlays(String name) {
                writerPlays.add(name);
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
                        temperature, seed, frame, mode, anchorStart, anchorEnd, writerPlays);
            }
        }
    }

    /** A generation ready to send: what it is for, who it goes to, and exactly what it says. */
    public static final class Prepared {
        private final Story story;
        private final Scene scene;
        private final Mode mode;
        private final String instruction;
        private final Integer anchorStart;
        private final Integer anchorEnd;
        private final Frame frame;
        private final ProviderProfile profile;
        private final ChatProvider provider;
        private final ChatRequest chatRequest;
        private final AssembledPrompt prompt;
        private final boolean storedKeyWithheld;

        Prepared(Story story, Scene scene, Request request, Frame frame, ProviderProfile profile,
                 ChatProvider provider, ChatRequest chatRequest, AssembledPrompt prompt, boolean storedKeyWithheld) {
            this.story = story;
            this.scene = scene;
            this.mode = request.mode();
            this.instruction = request.instruction();
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

        /** What the writer asked, as typed: the library keeps it with the generation. */
        public String instruction() {
            return instruction;
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
            return GenerationRecords.messagesJson(chatRequest);
        }

        /** Provider kind and address, variants, and the sampling settings, as JSON. */
        public String parametersJson() {
            return GenerationRecords.parametersJson(this);
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
     * @throws dev.quire.prompt.PromptTooSmallException (an {@code IllegalArgumentException}) when the model's budget
     *                                  cannot carry the story's canon: refused before anything is sent or recorded
     */
    public Prepared prepare(Request request) {
        Objects.requireNonNull(request, "request");
        return GenerationModes.prepare(studio, ollamaRunning, request);
    }

    /** Prepares and starts; see {@link #start(Prepared, GenerationHandler, Executor)}. */
    public Running start(Request request, GenerationHandler handler, Executor callbacks) {
        return start(prepare(request), handler, callbacks);
    }

    /**
     * Records the generation, then sends it, fanned out into its variants by the provider. Returns at once; the
     * handler hears the rest on {@code callbacks}.
     *
     * @throws PersistenceException when the library cannot record the generation (nothing was sent then)
     */
    public Running start(Prepared prepared, GenerationHandler handler, Executor callbacks) {
        Objects.requireNonNull(prepared, "prepared");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(callbacks, "callbacks");
        Generation recorded = GenerationRecords.record(studio.generations(), prepared);
        StreamRecorder recorder = new StreamRecorder(prepared.chatRequest.variants(),
                new GenerationRecords.Variants(studio.generations(), recorded.id()), studio.streaming(),
                SAVE_INTERVAL, handler, callbacks);
        GenerationHandle handle = recorder.send(prepared.provider, prepared.chatRequest);
        CompletableFuture<Outcome> done = recorder.done().thenApply(e -> new Outcome(recorded.id(), e.status(),
                e.results(), e.usage(), e.error(), e.saveFailure()));
        studio.recording(done);
        return new Running(recorded.id(), handle, done);
    }

    // ---- outcome ----

    /** How the library records a variant that ended this way. */
    public static Variant.Status statusOf(VariantResult.Status status) {
        return StreamRecorder.statusOf(status);
    }

    /** How the library records a generation whose variants ended so; see {@link StreamRecorder#statusOf(List)}. */
    static Generation.Status statusOf(List<VariantResult> results) {
        return StreamRecorder.statusOf(results);
    }

    static Usage sum(List<VariantResult> results) {
        return StreamRecorder.sum(results);
    }
}
