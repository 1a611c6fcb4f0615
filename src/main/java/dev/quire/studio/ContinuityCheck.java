package dev.quire.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatMessage;
import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandle;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.SystemBlock;
import dev.quire.llm.VariantResult;
import dev.quire.model.Finding;
import dev.quire.model.Generation;
import dev.quire.model.Note;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.prompt.PromptTooSmallException;
import dev.quire.store.SummaryRepository.SceneSummary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The continuity check: asks the model which words of a scene contradict what the story has established, and
 * keeps what the writer decides about each finding. Obtained from {@link Studio#continuity()}.
 *
 * <p>{@link #start} sends the scene's text with the story's canon, the sheets of the characters in the scene (never
 * their private notes) and the summaries of the earlier scenes, stale ones marked ({@link ContinuityPrompt}). The
 * request is recorded as a {@link Generation} (frame {@value #FRAME}) before it is sent, and the answer is saved as
 * its one variant as it streams, like any other generation. The answer is read as JSON findings
 * ({@link ContinuityAnswer}), each located in the scene's text as it was sent.
 *
 * <p>A finding the writer dismisses stays dismissed in later checks of the scene: the library's settings hold, per
 * scene, the {@link Finding#key() keys} of the dismissed ones. A finding turned into a "yes, and" note (the mistake
 * kept as a clue) is dismissed too.
 */
public final class ContinuityCheck {

    /** What the library records as the generation's frame. */
    public static final String FRAME = "continuity";
    /** What the library records as a stereotype check's frame. */
    public static final String STEREOTYPE_FRAME = "stereotype";
    /** The setting holding a scene's dismissed findings, followed by the scene's id. */
    static final String DISMISSED = "continuity.dismissed.";
    /** How much of an answer that cannot be read is quoted back: enough to see what the model did instead. */
    static final int QUOTED = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Studio studio;

    ContinuityCheck(Studio studio) {
        this.studio = studio;
    }

    /**
     * What to check.
     *
     * @param provider a stored profile or a provider kind; null for the story's provider
     * @param model    the model to ask; null for the profile's default
     */
    public record Request(long sceneId, String provider, String model, Lens lens) {
        public Request {
            provider = provider == null || provider.isBlank() ? null : provider.strip();
            model = model == null || model.isBlank() ? null : model.strip();
            lens = lens == null ? Lens.CONTINUITY : lens;
        }

        public Request(long sceneId, String provider, String model) {
            this(sceneId, provider, model, Lens.CONTINUITY);
        }

        /** The scene, with the story's provider and its default model. */
        public static Request of(long sceneId) {
            return new Request(sceneId, null, null);
        }

        /** The scene's stock figures and reactions, with the story's provider and its default model. */
        public static Request stereotypes(long sceneId) {
            return new Request(sceneId, null, null, Lens.STEREOTYPE);
        }
    }

    /**
     * What a check looks for: contradictions of what the story established, or stereotypes (default names, the
     * all-knowing genius, explainer characters, stock reactions). Both answer in the same findings.
     */
    public enum Lens {
        CONTINUITY(FRAME, "The continuity check"),
        STEREOTYPE(STEREOTYPE_FRAME, "The stereotype check");

        private final String frame;
        private final String what;

        Lens(String frame, String what) {
            this.frame = frame;
            this.what = what;
        }

        /** What the library records as the generation's frame. */
        public String frame() {
            return frame;
        }
    }

    /**
     * What a check found.
     *
     * @param scene       the scene's place in story order, from 1, when it was checked
     * @param checkedText the scene's text as it was sent: the findings' offsets count into it, so a caller whose
     *                    text differs now must not mark them without finding the quotes again
     * @param findings    the contradictions found, in the model's order, less the dismissed ones; empty for none
     * @param dismissed   those the writer had dismissed before
     */
    public record Report(long generationId, long storyId, long sceneId, int scene, String checkedText,
                         List<Finding> findings, List<Finding> dismissed) {
        public Report {
            findings = List.copyOf(findings);
            dismissed = List.copyOf(dismissed);
        }
    }

    /** Why a check that was sent has no report. The request and whatever answer came are kept in the library. */
    public static final class CheckFailedException extends RuntimeException {

        public enum Reason {
            /** The provider failed, or the answer broke off. */
            PROVIDER_FAILED,
            /** The writer stopped it. */
            CANCELLED,
            /** An answer came but held no findings that could be read. */
            UNREADABLE_ANSWER
        }

        private final Reason reason;
        private final long generationId;

        CheckFailedException(Reason reason, long generationId, String message) {
            super(message);
            this.reason = reason;
            this.generationId = generationId;
        }

        public Reason reason() {
            return reason;
        }

        /** The generation that recorded the request and the answer. */
        public long generationId() {
            return generationId;
        }
    }

    /** A check in flight. */
    public static final class Running {
        private final long generationId;
        private final GenerationHandle handle;
        private final CompletableFuture<Report> done;

        private Running(long generationId, GenerationHandle handle, CompletableFuture<Report> done) {
            this.generationId = generationId;
            this.handle = handle;
            this.done = done;
        }

        public long generationId() {
            return generationId;
        }

        /** Stops the check; {@link #done()} then fails with {@link CheckFailedException.Reason#CANCELLED}. */
        public void cancel() {
            handle.cancel();
        }

        /**
         * Completes on one of the studio's streaming threads once the library holds the answer: with the report, or
         * exceptionally with a {@link CheckFailedException}.
         */
        public CompletableFuture<Report> done() {
            return done;
        }
    }

    // ---- checking ----

    /**
     * Records the request and sends it; returns at once.
     *
     * @throws CannotGenerateException when the scene is gone or empty, or no provider can be used (nothing is sent
     *                                 or recorded then)
     * @throws dev.quire.store.PersistenceException when the library cannot record the request (nothing was sent)
     * @throws PromptTooSmallException when the prompt is over the model's budget (nothing is sent or recorded)
     */
    public Running start(Request request) {
        Objects.requireNonNull(request, "request");
        Optional<String> tuning = studio.providerTuningProblem();
        if (tuning.isPresent()) {
            throw new CannotGenerateException(CannotGenerateException.Reason.BAD_SETTING, tuning.get());
        }
        Scene scene = studio.scenes().get(request.sceneId()).orElseThrow(() -> new CannotGenerateException(
                CannotGenerateException.Reason.NO_SUCH_SCENE, "Scene " + request.sceneId() + " is no longer in the "
                + "library."));
        Story story = studio.stories().get(scene.storyId()).orElseThrow(() -> new CannotGenerateException(
                CannotGenerateException.Reason.NO_SUCH_STORY, "The story of scene " + scene.id() + " is gone."));
        if (scene.prose().text().isBlank()) {
            throw new CannotGenerateException(CannotGenerateException.Reason.NO_SUCH_SCENE, "Scene "
                    + (scene.position() + 1) + " of “" + story.title() + "” is empty: there is nothing to check yet.");
        }
        ProviderProfile profile = profile(request, story);
        ChatProvider provider = studio.providers().provider(profile);

        ContinuityPrompt prompt = request.lens() == Lens.STEREOTYPE
                ? ContinuityPrompt.stereotypes(scene, ContinuityPrompt.cast(scene, studio.characters().list(story.id())))
                : prompt(story, scene);
        ChatRequest chat = ChatRequest.builder().model(request.model()).variants(1)
                .system(SystemBlock.of(prompt.system())).message(ChatMessage.user(prompt.user())).build();
        String model = request.model() != null ? request.model() : profile.defaultModel();
        int estimate = Prompts.counter(profile, model).messages(List.of(prompt.system(), prompt.user()));
        int budget = Prompts.budget(profile, null);
        if (estimate > budget) {
            throw PromptTooSmallException.whole(request.lens().what, estimate, budget);
        }
        ObjectNode parameters = JSON.createObjectNode()
                .put("kind", profile.kind().name())
                .put("baseUrl", profile.baseUrl())
                .put("variants", 1)
                .put("maxOutputTokens", profile.maxOutputTokens())
                .put("scenePosition", scene.position() + 1)
                .put("mode", request.lens().name());
        Generation recorded = studio.generations().create(new Generation(0, story.id(), scene.id(), null,
                request.lens().frame(),
                profile.name(), model, GenerationRecords.messagesJson(chat), parameters.toString(), null, 1,
                new Generation.Usage(estimate, null, null, null), null, null, Generation.Status.STREAMING, null));

        StreamRecorder recorder = new StreamRecorder(1, new GenerationRecords.Variants(studio.generations(),
                recorded.id()), studio.streaming(), Generator.SAVE_INTERVAL, (variant, delta) -> { }, Runnable::run);
        GenerationHandle handle = recorder.send(provider, chat);
        String sent = scene.prose().text();
        String key = studio.providers().key(profile).map(ApiKey::reveal).orElse("");
        CompletableFuture<Report> done = new CompletableFuture<>();
        recorder.done().whenComplete((ending, thrown) -> {
            try {
                if (thrown != null || ending.results().isEmpty()) {
                    throw new CheckFailedException(CheckFailedException.Reason.PROVIDER_FAILED, recorded.id(),
                            request.lens().what + " of scene " + (scene.position() + 1) + " ended without an answer"
                                    + (thrown == null ? "." : ": " + thrown.getMessage()));
                }
                done.complete(report(recorded.id(), scene, sent, ending.results().get(0), key));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        studio.recording(done);
        return new Running(recorded.id(), handle, done);
    }

    /** The prompt a check of the scene would send now; nothing is sent or recorded. */
    ContinuityPrompt prompt(Story story, Scene scene) {
        List<SceneSummary> earlier = new ArrayList<>();
        for (SceneSummary s : studio.summaries().list(story.id())) {
            if (s.position() < scene.position()) {
                earlier.add(s);
            }
        }
        return ContinuityPrompt.of(scene, studio.canon().list(story.id()),
                ContinuityPrompt.cast(scene, studio.characters().list(story.id())), earlier);
    }

    private Report report(long generationId, Scene scene, String sent, VariantResult answer, String key) {
        String where = "scene " + (scene.position() + 1);
        return switch (answer.status()) {
            case CANCELLED -> throw new CheckFailedException(CheckFailedException.Reason.CANCELLED, generationId,
                    "The continuity check of " + where + " was stopped.");
            case FAILED, INCOMPLETE -> throw new CheckFailedException(CheckFailedException.Reason.PROVIDER_FAILED,
                    generationId, "The continuity check of " + where + " failed: " + (answer.error() == null
                    ? "the provider gave no answer." : answer.error().message()));
            case COMPLETE, CUT_OFF, REFUSED, FILTERED -> {
                List<Finding> found = ContinuityAnswer.read(answer.text(), sent).orElseThrow(() ->
                        unreadable(generationId, where, answer, key));
                Set<String> dismissedKeys = dismissed(scene.id());
                List<Finding> open = new ArrayList<>();
                List<Finding> dismissed = new ArrayList<>();
                for (Finding f : found) {
                    (dismissedKeys.contains(f.key()) ? dismissed : open).add(f);
                }
                yield new Report(generationId, scene.storyId(), scene.id(), scene.position() + 1, sent, open,
                        dismissed);
            }
        };
    }

    private static CheckFailedException unreadable(long generationId, String where, VariantResult answer,
                                                   String key) {
        // hidden before cutting, so no part of a key is left at the cut
        String text = key.isEmpty() ? answer.text().strip() : answer.text().strip().replace(key, "[key hidden]");
        String start = text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text;
        String stop = answer.stopReason();
        boolean cutOff = "length".equals(stop) || "max_tokens".equals(stop);
        return new CheckFailedException(CheckFailedException.Reason.UNREADABLE_ANSWER, generationId,
                "The model's answer to the continuity check of " + where + " could not be read as findings"
                        + (cutOff ? " (it was cut off at the output limit)" : "") + ": a JSON list of {quote, "
                        + "conflict, source} was asked for. " + (text.isEmpty() ? "The answer was empty."
                        : "It began: “" + start + "”") + " Try again, or another model; the answer is kept with "
                        + "generation " + generationId + ".");
    }

    // ---- what the writer decides ----

    /** The keys of the scene's dismissed findings ({@link Finding#key()}). */
    public Set<String> dismissed(long sceneId) {
        return studio.settings().get(DISMISSED + sceneId).map(ContinuityCheck::keys).orElseGet(Set::of);
    }

    /** Dismisses a finding: later checks of the scene list it among the {@link Report#dismissed()}. */
    public void dismiss(long sceneId, Finding finding) {
        Objects.requireNonNull(finding, "finding");
        studio.database().transaction("dismiss the finding", () -> {
            scene(sceneId);
            Set<String> keys = new LinkedHashSet<>(dismissed(sceneId));
            if (keys.add(finding.key())) {
                save(sceneId, keys);
            }
            return null;
        });
    }

    /** Takes a dismissal back: later checks show the finding again. */
    public void undismiss(long sceneId, Finding finding) {
        Objects.requireNonNull(finding, "finding");
        studio.database().transaction("bring the finding back", () -> {
            Set<String> keys = new LinkedHashSet<>(dismissed(sceneId));
            if (keys.remove(finding.key())) {
                save(sceneId, keys);
            }
            return null;
        });
    }

    /**
     * Keeps the contradiction as a clue rather than a mistake ("yes, and…"): a note about the scene saying what it
     * contradicts, and the finding dismissed, both or neither.
     *
     * @param sharedWithModel whether the note reaches the model, so later scenes build on the clue
     */
    public Note toNote(long sceneId, Finding finding, boolean sharedWithModel) {
        Objects.requireNonNull(finding, "finding");
        return studio.database().transaction("keep the finding as a note", () -> {
            Scene scene = scene(sceneId);
            String text = "Scene " + (scene.position() + 1) + ": “" + finding.quote() + "” contradicts "
                    + (finding.source().isBlank() ? "what was established" : finding.source()) + ". "
                    + finding.conflict() + " Yes, and: keep it as a clue, not a mistake.";
            Note note = studio.threads().addNote(scene.storyId(), text, sharedWithModel, "scene", sceneId);
            dismiss(sceneId, finding);
            return note;
        });
    }

    private void save(long sceneId, Set<String> keys) {
        try {
            studio.settings().put(DISMISSED + sceneId, JSON.writeValueAsString(keys));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    /** The keys a setting holds; a setting damaged by hand counts as none dismissed rather than failing a check. */
    private static Set<String> keys(String json) {
        try {
            return Set.copyOf(JSON.readValue(json, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException | RuntimeException e) {
            return Set.of();
        }
    }

    // ---- lookups ----

    private Scene scene(long sceneId) {
        return studio.scenes().get(sceneId).orElseThrow(() -> new IllegalArgumentException("Scene " + sceneId
                + " is no longer in the library."));
    }

    /** The provider named, else the story's; the same rules and words as a generation's. */
    private ProviderProfile profile(Request request, Story story) {
        ProviderSettings providers = studio.providers();
        ProviderProfile profile;
        if (request.provider() != null) {
            profile = providers.find(request.provider()).orElseThrow(() -> new CannotGenerateException(
                    CannotGenerateException.Reason.UNKNOWN_PROVIDER, "There is no provider named “"
                    + request.provider() + "”; a stored profile or a provider kind (anthropic, openai, "
                    + "openai-compatible, ollama) can be named."));
        } else {
            profile = providers.profileFor(story.id()).orElseThrow(() -> new CannotGenerateException(
                    CannotGenerateException.Reason.NO_PROVIDER, "No provider is set up for “" + story.title()
                    + "”, or the one chosen is no longer there. Add one (Anthropic, OpenAI, an OpenAI-compatible "
                    + "server, or Ollama) on the Providers page or with `quire provider add`, and make it the "
                    + "default."));
        }
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new CannotGenerateException(CannotGenerateException.Reason.UNUSABLE_PROVIDER, "The provider “"
                    + profile.name() + "” cannot be used as it is set up: " + String.join(" ", problems));
        }
        return profile;
    }
}
