package dev.quire.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandle;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderError;
import dev.quire.llm.ProviderException;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Providers;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The provider behind every wire format: fans variants out (or uses native {@code n}), streams each request on
 * a bounded pool of daemon threads, retries what is worth retrying before any text was shown, and reports
 * everything through {@link Generation}.
 */
public final class StreamingProvider implements ChatProvider {

    private static final System.Logger LOG = System.getLogger(StreamingProvider.class.getName());
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int MAX_JSON_BODY = 16 * 1024 * 1024;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ProviderProfile profile;
    private final ApiKey key;
    private final Providers.Settings settings;
    private final WireFormat format;
    private final Http http;
    private final Errors errors;
    private final ThreadPoolExecutor workers;

    public StreamingProvider(ProviderProfile profile, ApiKey key, Providers.Settings settings, WireFormat format,
                             Http http) {
        this.profile = profile;
        this.key = key;
        this.settings = settings;
        this.format = format;
        this.http = http;
        this.errors = new Errors(profile, settings, key);
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "quire-llm-" + pool + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.workers.allowCoreThreadTimeOut(true);
    }

    @Override
    public ProviderProfile profile() {
        return profile;
    }

    @Override
    public GenerationHandle stream(ChatRequest request, GenerationHandler handler, Executor callbacks) {
        Objects.requireNonNull(request, "request");
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < request.variants(); i++) {
            indices.add(i);
        }
        return start(request, indices, handler, callbacks);
    }

    @Override
    public GenerationHandle streamOne(ChatRequest request, int variantIndex, GenerationHandler handler,
                                      Executor callbacks) {
        Objects.requireNonNull(request, "request");
        if (variantIndex < 0) {
            throw new IllegalArgumentException("variant index must not be negative");
        }
        return start(request, List.of(variantIndex), handler, callbacks);
    }

    private GenerationHandle start(ChatRequest request, List<Integer> indices, GenerationHandler handler,
                                   Executor callbacks) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(callbacks, "callbacks");
        Generation generation = new Generation(indices, handler, callbacks);
        if (missingKey()) {
            ProviderError error = errors.noKey();
            for (int index : indices) {
                generation.fail(generation.variant(index), error);
            }
            return generation;
        }
        String model = model(request.model());
        int maxTokens = request.maxOutputTokens() != null ? request.maxOutputTokens() : profile.maxOutputTokens();
        List<Unit> units = new ArrayList<>();
        if (format.nativeVariants() && indices.size() > 1) {
            List<Generation.Variant> all = new ArrayList<>();
            for (int index : indices) {
                all.add(generation.variant(index));
            }
            units.add(new Unit(all, new WireFormat.Call(model, maxTokens, indices.size(), request.seed(), true)));
        } else {
            for (int index : indices) {
                Long seed = request.seed() == null ? null : request.seed() + index;
                units.add(new Unit(List.of(generation.variant(index)),
                        new WireFormat.Call(model, maxTokens, 1, seed, true)));
            }
        }
        if (Stagger.applies(profile.kind(), request, units.size())) {
            Unit first = units.get(0);
            workers.execute(() -> run(request, first, generation));
            first.begun().completeOnTimeout(null, settings.staggerWait().toMillis(), TimeUnit.MILLISECONDS)
                    .thenRun(() -> {
                        for (Unit unit : units.subList(1, units.size())) {
                            workers.execute(() -> run(request, unit, generation));
                        }
                    });
            return generation;
        }
        for (Unit unit : units) {
            workers.execute(() -> run(request, unit, generation));
        }
        return generation;
    }

    // ---- one request, with retries ----

    private void run(ChatRequest request, Unit unit, Generation generation) {
        askServerKind(request);
        try {
            runAttempts(request, unit, generation);
        } finally {
            unit.begin(); // ended without a reply beginning: whoever waits for it goes now
        }
    }

    private void runAttempts(ChatRequest request, Unit unit, Generation generation) {
        int attempt = 0;
        while (true) {
            attempt++;
            if (unit.aborted()) {
                return;
            }
            unit.resetUsage();
            ProviderError error;
            try {
                error = attempt(request, unit, generation);
            } catch (RuntimeException e) {
                // a bug or a reply no rule foresaw; the exception's message may quote the server, so it is not logged
                LOG.log(System.Logger.Level.WARNING, "unexpected failure in a " + profile.kind() + " stream: "
                        + e.getClass().getName());
                error = errors.malformed("an unexpected reply: " + e.getClass().getSimpleName());
            }
            if (error == null || unit.aborted()) {
                return;
            }
            if (error.retryable() && !unit.textDelivered && attempt < settings.maxAttempts()) {
                Long delay = backoffMillis(attempt, error.retryAfter());
                if (delay != null) {
                    for (Generation.Variant v : unit.variants) {
                        generation.retrying(v, error, attempt, Duration.ofMillis(delay));
                    }
                    if (unit.sleepUnlessAborted(delay)) {
                        return;
                    }
                    continue;
                }
            }
            ProviderError last = Errors.afterAttempts(error, attempt);
            unit.settle();
            for (Generation.Variant v : unit.variants) {
                generation.fail(v, last);
            }
            return;
        }
    }

    /** Asks the server what it is when the request's body depends on it; a failure leaves that to the chat. */
    private void askServerKind(ChatRequest request) {
        Http.Exchange probe = format.serverProbe(request, key);
        if (probe == null) {
            return;
        }
        JsonNode reply = null;
        try {
            reply = fetchJson(probe, null);
        } catch (RuntimeException e) {
            // the chat request that follows reports what is wrong with the server, if anything
        } finally {
            format.serverProbed(reply);
        }
    }

    @Override
    public java.util.Optional<dev.quire.llm.ServerKind> serverKind() {
        return java.util.Optional.ofNullable(format.serverKind());
    }

    /** One HTTP exchange; null when the unit completed (or was aborted), else the error. */
    private ProviderError attempt(ChatRequest request, Unit unit, Generation generation) {
        Http.Call call = http.streamingCall(format.chat(request, unit.call, key));
        if (!unit.attach(call)) {
            return null;
        }
        Http.Reply reply;
        try {
            reply = call.execute();
        } catch (IOException e) {
            if (unit.aborted()) {
                return null;
            }
            return Errors.isReadTimeout(e) ? errors.nothingArrived() : errors.fromIo(e, false);
        }
        try (reply) {
            if (!reply.isSuccessful()) {
                return statusError(reply, unit.call.model(), format.chatPath());
            }
            Sink sink = new Sink(unit, generation);
            String contentType = reply.contentType();
            if (contentType.contains("html")) {
                return errors.fromProblem(StreamProblem.notAnApi("a web page (HTTP " + reply.status() + ", "
                        + contentType + ")"), unit.call.model());
            }
            try {
                if (!format.isStreamType(contentType) && contentType.contains("json")) {
                    JsonNode root = Json.parseOrNull(reply.bodyText(MAX_JSON_BODY));
                    if (root == null) {
                        return errors.malformed("a JSON reply that does not parse");
                    }
                    StreamProblem problem = format.parseError(reply.status(), root);
                    if (problem != null) {
                        return errors.fromProblem(problem, unit.call.model());
                    }
                    if (!format.decodeWhole(root, sink)) {
                        return errors.jsonInsteadOfStream();
                    }
                } else {
                    format.decode(reply.body(), sink);
                }
            } catch (StreamProblem problem) {
                return unit.aborted() ? null : errors.fromProblem(problem, unit.call.model());
            } catch (IOException e) {
                if (unit.aborted()) {
                    return null;
                }
                if (Errors.isReadTimeout(e)) {
                    if (!reply.begun()) {
                        return errors.nothingArrived();
                    }
                    if (!unit.textDelivered) {
                        return errors.stalledBeforeText();
                    }
                }
                return errors.fromIo(e, true);
            }
            if (unit.aborted()) {
                return null;
            }
            if (!sink.ended) {
                return errors.endedEarly(format.endMarker());
            }
            unit.settle();
            for (Generation.Variant v : unit.variants) {
                boolean seen;
                synchronized (v) {
                    seen = v.seen || v.stopReason != null || v.refusal.length() > 0 || v.thinking.length() > 0;
                }
                if (!seen && unit.variants.size() > 1) {
                    generation.fail(v, errors.missingVariant(unit.variants.size()));
                } else {
                    generation.finish(v, VariantResult.Status.COMPLETE, null);
                }
            }
            return null;
        }
    }

    private ProviderError statusError(Http.Reply reply, String model, String path) {
        String body;
        try {
            body = reply.bodyText(MAX_ERROR_BODY);
        } catch (IOException e) {
            body = "";
        }
        JsonNode root = Json.parseOrNull(body);
        StreamProblem problem = root == null ? null : format.parseError(reply.status(), root);
        return errors.fromStatus(reply.status(), reply.contentType(), body, problem,
                Errors.retryAfter(reply.header("retry-after"), reply.header("retry-after-ms")),
                reply.header("Location"), model, path);
    }

    /** Exponential backoff with jitter, or exactly what retry-after asked; null when that is too long to wait. */
    private Long backoffMillis(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            if (retryAfter.compareTo(settings.maxRetryAfter()) > 0) {
                return null;
            }
            return Math.max(0, retryAfter.toMillis());
        }
        long base = Math.max(0, settings.baseBackoff().toMillis());
        long cap = Math.max(0, settings.maxBackoff().toMillis());
        long exp = Math.min(cap, base << Math.min(attempt - 1, 20));
        long half = exp / 2;
        return half + ThreadLocalRandom.current().nextLong(exp - half + 1);
    }

    /** Routes decoded events of one request to its variants. */
    private static final class Sink implements StreamSink {
        private final Unit unit;
        private final Generation generation;
        boolean ended;

        Sink(Unit unit, Generation generation) {
            this.unit = unit;
            this.generation = generation;
        }

        @Override
        public void text(int choice, String delta) {
            unit.begin();
            if (delta == null || delta.isEmpty()) {
                return;
            }
            Generation.Variant v = unit.forChoice(choice);
            if (v != null) {
                unit.textDelivered = true;
                generation.text(v, delta);
            }
        }

        @Override
        public void thinking(int choice, String delta) {
            unit.begin();
            aside(choice, delta, false);
        }

        @Override
        public void refusal(int choice, String delta) {
            unit.begin();
            aside(choice, delta, true);
        }

        private void aside(int choice, String delta, boolean refusal) {
            Generation.Variant v = unit.forChoice(choice);
            if (v != null && delta != null && !delta.isEmpty()) {
                unit.textDelivered = true;
                generation.aside(v, delta, refusal);
            }
        }

        @Override
        public void filtered(int choice, String name) {
            unit.begin();
            Generation.Variant v = unit.forChoice(choice);
            if (v != null && name != null) {
                synchronized (v) {
                    v.filter = name;
                }
            }
        }

        @Override
        public void stopReason(int choice, String reason) {
            unit.begin();
            Generation.Variant v = unit.forChoice(choice);
            if (v != null && reason != null) {
                synchronized (v) {
                    v.stopReason = reason;
                }
            }
        }

        @Override
        public void usage(Usage usage) {
            unit.begin();
            if (usage != null) {
                unit.addUsage(usage);
            }
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    // ---- blocking calls ----

    @Override
    public List<String> listModels() {
        if (missingKey()) {
            throw new ProviderException(errors.noKey());
        }
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            JsonNode root = fetchJson(format.models(key, cursor), null);
            WireFormat.ModelPage models = format.parseModels(root);
            if (models == null) {
                throw new ProviderException(errors.malformed("a model list without models"));
            }
            ids.addAll(models.ids());
            if (models.nextCursor() == null || models.ids().isEmpty()) {
                break;
            }
            cursor = models.nextCursor();
        }
        return List.copyOf(ids);
    }

    @Override
    public Duration testConnection() {
        return testConnection(profile.defaultModel());
    }

    @Override
    public Duration testConnection(String model) {
        if (missingKey()) {
            throw new ProviderException(errors.noKey());
        }
        ChatRequest ping = ChatRequest.builder().user("Reply with the word OK.").maxOutputTokens(1).build();
        WireFormat.Call call = new WireFormat.Call(model(model), 1, 1, null, false);
        long started = System.nanoTime();
        fetchJson(format.chat(ping, call, key), call.model());
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private JsonNode fetchJson(Http.Exchange exchange, String model) {
        String path = pathOf(exchange.url());
        try (Http.Reply reply = http.boundedCall(exchange).execute()) {
            if (!reply.isSuccessful()) {
                throw new ProviderException(statusError(reply, model, path));
            }
            String contentType = reply.contentType();
            String body = reply.bodyText(MAX_JSON_BODY);
            if (contentType.contains("html") || body.stripLeading().startsWith("<")) {
                throw new ProviderException(errors.fromProblem(
                        StreamProblem.notAnApi("a web page (HTTP " + reply.status() + ")"), model));
            }
            JsonNode root = Json.parseOrNull(body);
            if (root == null) {
                throw new ProviderException(errors.malformed("a reply that is not JSON"));
            }
            StreamProblem problem = format.parseError(reply.status(), root);
            if (problem != null) {
                throw new ProviderException(errors.fromProblem(problem, model));
            }
            return root;
        } catch (IOException e) {
            throw new ProviderException(errors.fromIo(e, false));
        }
    }

    private String pathOf(String url) {
        String path = url.startsWith(profile.baseUrl()) ? url.substring(profile.baseUrl().length()) : url;
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private boolean missingKey() {
        return !key.isPresent() && (profile.kind() == ProviderKind.ANTHROPIC || profile.kind() == ProviderKind.OPENAI);
    }

    private String model(String requested) {
        return requested == null || requested.isBlank() ? profile.defaultModel() : requested.strip();
    }

    @Override
    public String toString() {
        return "ChatProvider[" + profile.name() + ", " + profile.kind() + ", " + profile.baseUrl() + "]";
    }
}
