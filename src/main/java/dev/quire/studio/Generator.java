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
import dev.quire.prompt.Frames;
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
 * Asks a provider for N variants of a scene: the "generate" use case.
 *
 * <p>{@link #prepare} resolves the story, the scene and the provider and builds the prompt (the scene frame, through {@link Prompts})
 * without sending anything, so a caller can show what will be sent. {@link #start} records the generation in the
 * library <em>before</em> sending (the exact system blocks and messages, parameters, provider, model, estimated
 * input tokens), streams, saves each variant's text as it arrives (at most every {@link #SAVE_INTERVAL} per
 * variant, always when it ends) so that a crash never loses a variant that arrived, and when all have ended
 * records each variant's status, stop reason and error, and the generation's status and summed usage.
 *
 * <p>Threads: the library is written on one background thread of this generator; the caller's
 * {@link GenerationHandler} is called on the {@code Executor} it passes, one call at a time and in order, and
 * never on the FX thread unless that is the executor given. Its {@code onFinished} comes after the library
 * holds the final state, and {@link Running#done()} completes after it.
 */
public final class Generator {

    /** The most time a variant's streamed text waits before it is saved. */
    public static final Duration SAVE_INTERVAL = Duration.ofMillis(500);

    /** The frame recorded on scene generations. */
    public static final String FRAME = "scene";

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
     * @param instruction     what to write
     * @param provider        a profile name or a provider kind ({@code anthropic}, {@code openai},
     *                        {@code openai-compatible}, {@code ollama}); null for the story's provider
     * @param model           null for the profile's default model
     * @param baseUrl         null for the profile's address; another address is used with a key from the
     *                        environment only: a stored key goes to its own profile's address and nowhere else
     * @param variants        1 to {@value ChatRequest#MAX_VARIANTS}
     * @param maxOutputTokens null for the profile's
     * @param temperature     null for the provider's default; 0 to 2
     * @param seed            null for none
     */
    public record Request(long storyId, Integer scene, String instruction, String provider, String model,
                          String baseUrl, int variants, Integer maxOutputTokens, Double temperature, Long seed) {

        public Request {
            Objects.requireNonNull(instruction, "instruction");
            provider = blankToNull(provider);
            model = blankToNull(model);
            baseUrl = blankToNull(baseUrl);
            if (instruction.isBlank()) {
                throw new IllegalArgumentException("The instruction is empty: say what the scene should do.");
            }
            if (scene != null && scene < 1) {
                throw new IllegalArgumentException("Scenes are counted from 1, not " + scene + ".");
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

            public Request build() {
                return new Request(storyId, scene, instruction, provider, model, baseUrl, variants, maxOutputTokens,
                        temperature, seed);
            }
        }
    }

    /** A generation ready to send: what it is for, who it goes to, and exactly what it says. */
    public static final class Prepared {
        private final Story story;
        private final Scene scene;
        private final ProviderProfile profile;
        private final ChatProvider provider;
        private final ChatRequest chatRequest;
        private final AssembledPrompt prompt;
        private final boolean storedKeyWithheld;

        private Prepared(Story story, Scene scene, ProviderProfile profile, ChatProvider provider,
                         ChatRequest chatRequest, AssembledPrompt prompt, boolean storedKeyWithheld) {
            this.story = story;
            this.scene = scene;
            this.profile = profile;
            this.provider = provider;
            this.chatRequest = chatRequest;
            this.prompt = prompt;
            this.storedKeyWithheld = storedKeyWithheld;
        }

        public Story story() {
            return story;
        }

        /** The scene written into; empty for a new scene. */
        public Optional<Scene> scene() {
            return Optional.ofNullable(scene);
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
     * @throws CannotGenerateException when the story, scene or provider cannot be found or used
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
        AssembledPrompt prompt = studio.prompts().assemble(story, scenes, target,
                Frames.builtIn(FRAME).orElseThrow(), request.instruction(),
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
        return new Prepared(story, target, used, provider, chat.build(), prompt, withheld);
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
                prepared.scene == null ? null : prepared.scene.id(), null, FRAME, prepared.profile.name(),
                prepared.model(), prepared.messagesJson(), prepared.parametersJson(), chat.seed(), chat.variants(),
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

    static Variant.Status statusOf(VariantResult.Status status) {
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
