package dev.quire.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatMessage;
import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandle;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderError;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Providers;
import dev.quire.llm.SystemBlock;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.store.PersistenceException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Continues a variant in place: the model carries on from exactly where the variant stops, and what it writes is
 * appended to the same variant, which keeps its label and provenance. Anthropic gets the variant's text as the start
 * of its own reply (a prefill, trailing whitespace trimmed, as the API requires), except with extended thinking, which
 * takes no prefill; every other provider gets the text back with a request for what comes next, without repeating it.
 *
 * <p>Each continuation is recorded as a request of its own, before it is sent, with its own usage. Only a
 * continuation that ended well (or that the writer stopped) goes into the variant, in one transaction with its
 * record; one that fails leaves the variant as it was, and says why.
 */
public final class Continuation {

    /** What a continue request asks, after the text so far. */
    static final String ASK = "Continue the text above exactly from where it stops. Do not repeat any of it and do"
            + " not comment on it: reply with only what comes next.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Studio studio;

    public Continuation(Studio studio) {
        this.studio = studio;
    }

    /**
     * How a continuation ended, once the library recorded it.
     *
     * @param variant the variant as the library now holds it: continued, or as it was when the continuation failed
     * @param error   why the continuation failed; null when it went into the variant
     */
    public record Outcome(long continuationId, Variant variant, VariantResult result, String error,
                          PersistenceException saveFailure) {
    }

    /** A continuation in flight. */
    public static final class Running {
        private final long continuationId;
        private final String base;
        private final GenerationHandle handle;
        private final CompletableFuture<Outcome> done;

        private Running(long continuationId, String base, GenerationHandle handle, CompletableFuture<Outcome> done) {
            this.continuationId = continuationId;
            this.base = base;
            this.handle = handle;
            this.done = done;
        }

        public long continuationId() {
            return continuationId;
        }

        /** The variant's text the continuation goes on from (a prefill's trailing whitespace trimmed). */
        public String base() {
            return base;
        }

        /** Stops it; what arrived is kept in the variant. */
        public void cancel() {
            handle.cancel();
        }

        /** Completes, never exceptionally, once the library holds the outcome and the handler's onFinished ran. */
        public CompletableFuture<Outcome> done() {
            return done;
        }
    }

    /**
     * Records the continuation, then sends it. The handler hears its text as variant 0, the first piece with the
     * space (if any) that joins it to {@link Running#base()}.
     *
     * @param maxOutputTokens null for what the variant's generation asked
     * @throws IllegalArgumentException when the variant is not in the library, still streaming, or has no text
     * @throws CannotGenerateException  when its provider is no longer set up
     */
    public Running start(long variantId, Integer maxOutputTokens, GenerationHandler handler, Executor callbacks) {
        Objects.requireNonNull(handler, "handler");
        Variant variant = studio.generations().variant(variantId).orElseThrow(() -> new IllegalArgumentException(
                "There is no variant " + variantId + " in the library."));
        Generation generation = Mix.asAsked(studio.generations().get(variant.generationId()).orElseThrow(),
                studio.generations().requests(variant.generationId()), variant.index());
        if (variant.status() == Variant.Status.STREAMING) {
            throw new IllegalArgumentException("Variant " + variant.label() + " is still being written.");
        }
        if (variant.text().isBlank()) {
            throw new IllegalArgumentException("Variant " + variant.label() + " has no text to continue from: "
                    + "regenerate it instead.");
        }
        JsonNode parameters = parse(generation.parametersJson());
        Resolved resolved = resolve(generation, parameters);
        // Anthropic takes the text as the start of its reply, unless extended thinking is on, which takes no prefill
        boolean prefill = resolved.profile.kind() == ProviderKind.ANTHROPIC && !resolved.profile.thinking();
        String base = prefill ? variant.text().stripTrailing() : variant.text();
        ChatRequest.Builder chat = ChatRequest.builder().model(generation.model());
        Integer limit = maxOutputTokens != null ? maxOutputTokens
                : parameters.path("maxOutputTokens").isInt() ? Integer.valueOf(parameters.path("maxOutputTokens")
                .intValue()) : null;
        chat.maxOutputTokens(limit);
        if (parameters.path("temperature").isNumber()) {
            chat.temperature(parameters.path("temperature").doubleValue());
        }
        JsonNode sent = parse(generation.messagesJson());
        for (JsonNode block : sent.path("system")) {
            chat.system(new SystemBlock(block.path("text").asText(""), block.path("cacheBreakpoint").asBoolean()));
        }
        for (JsonNode m : sent.path("messages")) {
            chat.message("assistant".equals(m.path("role").asText()) ? ChatMessage.assistant(m.path("text").asText(""))
                    : ChatMessage.user(m.path("text").asText("")));
        }
        chat.assistant(base);
        if (!prefill) {
            chat.user(ASK);
        }
        ChatRequest request = chat.build();

        ObjectNode p = JSON.createObjectNode();
        p.put("kind", resolved.profile.kind().name());
        p.put("baseUrl", resolved.profile.baseUrl());
        p.put("maxOutputTokens", limit != null ? limit : resolved.profile.maxOutputTokens());
        p.put("prefill", prefill);
        p.put("generation", generation.id());
        long id = studio.continuations().start(variant.id(), resolved.profile.name(), generation.model(),
                GenerationRecords.messagesJson(request), p.toString());

        Joining caller = new Joining(handler, base);
        Into target = new Into(id, variant, caller);
        StreamRecorder recorder = new StreamRecorder(1, target, studio.streaming(), Generator.SAVE_INTERVAL, caller,
                callbacks);
        GenerationHandle handle = recorder.send(resolved.provider, request);
        CompletableFuture<Outcome> done = recorder.done().thenApply(e -> {
            Variant now = studio.generations().variant(variant.id()).orElse(variant);
            VariantResult result = e.results().isEmpty() ? null : e.results().get(0);
            return new Outcome(id, now, result, target.failure, e.saveFailure());
        });
        studio.recording(done);
        return new Running(id, base, handle, done);
    }

    private record Resolved(ProviderProfile profile, ChatProvider provider) {
    }

    /** The variant's provider as it was asked: its profile, at the address the generation went to. */
    private Resolved resolve(Generation generation, JsonNode parameters) {
        ProviderSettings providers = studio.providers();
        ProviderProfile profile = providers.find(generation.provider())
                .or(() -> ProviderSettings.kindNamed(parameters.path("kind").asText("").toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '-')).map(ProviderProfile::defaults))
                .orElseThrow(() -> new CannotGenerateException(CannotGenerateException.Reason.UNKNOWN_PROVIDER,
                        "The provider “" + generation.provider() + "” that wrote this variant is no longer set up."));
        String baseUrl = parameters.path("baseUrl").asText("");
        if (!baseUrl.isEmpty() && !profile.withBaseUrl(baseUrl).baseUrl().equals(profile.baseUrl())) {
            ProviderProfile used = profile.withBaseUrl(baseUrl);
            // a stored key belongs to its profile's address: only a key from the environment follows an override
            ApiKey key = providers.keySource(used) == ProviderSettings.KeySource.ENVIRONMENT
                    ? providers.key(used).orElse(ApiKey.none()) : ApiKey.none();
            return new Resolved(used, Providers.create(used.validate(), key, studio.providerTimeouts()));
        }
        return new Resolved(profile, providers.provider(profile));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The space that joins a continuation to the text it goes on from: none where either side already has one. */
    static String spaceBetween(String base, String first) {
        if (base.isEmpty() || first.isEmpty()) {
            return "";
        }
        char last = base.charAt(base.length() - 1);
        char next = first.charAt(0);
        if (Character.isWhitespace(last) || Character.isWhitespace(next) || last == '—' || last == '-') {
            return "";
        }
        return Character.isLetterOrDigit(next) || next == '“' || next == '"' || next == '(' ? " " : "";
    }

    /** The caller's handler, with the joining space before the first piece. */
    private static final class Joining implements GenerationHandler {
        private final GenerationHandler caller;
        private final String base;
        private String separator;

        Joining(GenerationHandler caller, String base) {
            this.caller = caller;
            this.base = base;
        }

        /** Decided once, by the first piece; called on the recorder's lane and, later, the caller's executor. */
        synchronized String separator(String first) {
            if (separator == null) {
                separator = spaceBetween(base, first);
            }
            return separator;
        }

        private boolean first = true;

        @Override
        public void onText(int variant, String delta) {
            String piece = delta;
            if (first) {
                first = false;
                piece = separator(delta) + delta;
            }
            caller.onText(variant, piece);
        }

        @Override
        public void onVariantFinished(VariantResult result) {
            caller.onVariantFinished(result);
        }

        @Override
        public void onFinished(List<VariantResult> results) {
            caller.onFinished(results);
        }

        @Override
        public void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
            caller.onRetry(variant, error, attempt, delay);
        }
    }

    /** Keeps the continuation's text in its record as it streams, and puts it into the variant when it ends well. */
    private final class Into implements StreamRecorder.Target {
        private final long id;
        private final Variant variant;
        private final Joining joining;
        volatile String failure;

        Into(long id, Variant variant, Joining joining) {
            this.id = id;
            this.variant = variant;
            this.joining = joining;
        }

        @Override
        public void saveStreaming(int index, String text) {
            studio.continuations().saveText(id, text);
        }

        @Override
        public void saveEnded(VariantResult result, String text) {
            Variant.Status status = StreamRecorder.statusOf(result.status());
            boolean keep = result.status().ended()
                    || result.status() == VariantResult.Status.CANCELLED && !text.isEmpty();
            Usage usage = result.usage();
            Generation.Usage counted = new Generation.Usage(null, usage.input(), usage.output(), usage.cachedInput());
            String error = result.error() == null ? null : result.error().message();
            if (!keep) {
                failure = error != null ? error : "The continuation was stopped before any text arrived.";
                studio.continuations().finish(id, text, status, result.stopReason(), failure, counted,
                        variant.generationId(), null);
                return;
            }
            String base = joiningBase();
            String joined = base + (text.isEmpty() ? "" : joining.separator(text)) + text;
            String thinking = variant.thinking().isEmpty() || result.thinking().isEmpty()
                    ? variant.thinking() + result.thinking() : variant.thinking() + "\n\n" + result.thinking();
            Integer output = variant.outputTokens() == null || usage.output() == null ? null
                    : variant.outputTokens() + usage.output();
            String variantError = result.status() == VariantResult.Status.FILTERED
                    ? StreamRecorder.filterMessage(result.filter()) : null;
            Variant continued = new Variant(variant.id(), variant.generationId(), variant.index(), joined, status,
                    result.stopReason(), variantError, variant.rating(), variant.note(),
                    result.refusal() != null ? result.refusal() : variant.refusal(), thinking, output);
            studio.continuations().finish(id, text, status, result.stopReason(), null, counted,
                    variant.generationId(), continued);
        }

        private String joiningBase() {
            return joining.base;
        }

        @Override
        public void saveOutcome(Generation.Status status, Generation.Usage usage, String error) {
            // the continuation's usage was recorded with how it ended
        }

        @Override
        public void saveUsage(VariantResult result, dev.quire.store.UsageRepository.Counts counts) {
            new dev.quire.store.UsageRepository(studio.database()).recordContinuation(id, counts,
                    java.time.Instant.now());
        }
    }
}
