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
 * <p>{@link #prepare} resolves a {@link GenerationRequest} (the story, the scene, the frame and the provider) and
 * builds the prompt (through {@link Prompts}; the rules of each mode are in {@link GenerationModes}) without sending
 * anything, so a caller can show what will be sent. {@link #start} records the generation in the library
 * <em>before</em> sending (the exact system blocks and messages, parameters, provider, model, estimated input tokens:
 * {@link GenerationRecords}), streams, saves each variant's text as it arrives (at most every {@link #SAVE_INTERVAL}
 * per variant, always when it ends: {@link StreamRecorder}) so that a crash never loses a variant that arrived, and
 * when all have ended records each variant's status, stop reason and error, and the generation's status and summed
 * usage.
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

        Prepared(Story story, Scene scene, GenerationRequest request, Frame frame, ProviderProfile profile,
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

        /** The provider the request goes to. */
        ChatProvider provider() {
            return provider;
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
    public Prepared prepare(GenerationRequest request) {
        Objects.requireNonNull(request, "request");
        return GenerationModes.prepare(studio, ollamaRunning, request);
    }

    /** Prepares and starts; see {@link #start(Prepared, GenerationHandler, Executor)}. */
    public Running start(GenerationRequest request, GenerationHandler handler, Executor callbacks) {
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

    // ---- a mixed set: a column per request ----

    /**
     * Prepares a mixed set: the set's request asked of each column's own provider and model, with its own
     * temperature and instruction, one variant each; nothing is sent or recorded. Each column's prompt is fitted to
     * its own model's budget.
     *
     * @throws Mix.ColumnException naming the first column that cannot be asked, and why
     */
    public Mix.Prepared prepare(GenerationRequest set, List<Column> columns) {
        Objects.requireNonNull(columns, "columns");
        return Mix.prepare(studio, ollamaRunning, set, columns);
    }

    /**
     * As {@link #prepare(GenerationRequest, List)}, but a column that cannot be asked (no such provider, no key, a
     * prompt its model cannot carry) is kept, to end failed with its reason in its own column while the others
     * stream: the studio's way. Throws only when no column can be asked.
     *
     * @throws Mix.ColumnException when no column can be asked, naming the first
     */
    public Mix.Prepared prepareEach(GenerationRequest set, List<Column> columns) {
        Objects.requireNonNull(columns, "columns");
        return Mix.prepare(studio, ollamaRunning, set, columns, false);
    }

    /**
     * Asks each column's provider for its models and refuses a column whose model it does not offer; sends nothing
     * of the story. Slow (a request per provider): not on the FX thread.
     *
     * @throws Mix.ColumnException naming the column
     */
    public void checkModels(Mix.Prepared mix) {
        Mix.checkModels(mix);
    }

    /**
     * Records the mixed set as one generation (each variant with what its column asked), then sends every column's
     * request at once. Variant indices are the columns'. A column that fails ends failed alone.
     *
     * @throws PersistenceException when the library cannot record the generation (nothing was sent then)
     */
    public Running start(Mix.Prepared mix, GenerationHandler handler, Executor callbacks) {
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(callbacks, "callbacks");
        Generation recorded = GenerationRecords.record(studio.generations(), mix);
        StreamRecorder recorder = new StreamRecorder(mix.size(),
                new GenerationRecords.MixedVariants(studio.generations(), recorded.id()), studio.streaming(),
                SAVE_INTERVAL, handler, callbacks);
        GenerationHandle handle = Mix.send(mix, recorder);
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
