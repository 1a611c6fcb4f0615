package dev.quire.studio;

import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandle;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderError;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.model.VariantRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * A mixed variant set: one generation whose columns each ask their own provider and model, with their own
 * temperature and instruction, over the set's story context, frame and mode. Each column is prepared as a request of
 * its own, so its story-so-far is fitted to its own model's budget; columns that ask exactly the same of the same
 * provider go as one request of several variants (OpenAI's {@code n}). All requests stream at once; a column whose
 * request fails ends failed alone, and the others stream on.
 */
public final class Mix {

    private Mix() {
    }

    /** A mixed set ready to send: each column's own prepared request, of one variant. */
    public static final class Prepared {
        private final GenerationRequest set;
        private final List<Column> columns;
        private final List<Generator.Prepared> requests;
        private final List<String> refusals;
        private final List<String[]> named;

        Prepared(GenerationRequest set, List<Column> columns, List<Generator.Prepared> requests,
                 List<String> refusals, List<String[]> named) {
            this.named = List.copyOf(named);
            this.set = set;
            this.columns = List.copyOf(columns);
            this.requests = java.util.Collections.unmodifiableList(new ArrayList<>(requests));
            this.refusals = java.util.Collections.unmodifiableList(new ArrayList<>(refusals));
        }

        /** The set's own request: its instruction, frame, mode and defaults. */
        public GenerationRequest set() {
            return set;
        }

        public List<Column> columns() {
            return columns;
        }

        /**
         * Column i's request as it will be sent (its prompt report shows its own fit); null for a column that
         * cannot be asked ({@link #refusal}).
         */
        public List<Generator.Prepared> requests() {
            return requests;
        }

        /** Why column i cannot be asked, in the writer's words; null when it can. */
        public String refusal(int i) {
            return refusals.get(i);
        }

        /** Column i's provider profile, as far as it is known ("" when not). */
        public String provider(int i) {
            return named.get(i)[0];
        }

        /** Column i's model, as far as it is known ("" when not). */
        public String model(int i) {
            return named.get(i)[1];
        }

        /** The first column that can be asked. */
        public Generator.Prepared first() {
            return requests.stream().filter(Objects::nonNull).findFirst().orElseThrow();
        }

        public int size() {
            return requests.size();
        }
    }

    /** A column that cannot be asked: which one, and why, in the writer's words. */
    public static final class ColumnException extends RuntimeException {
        private final int column;
        /** The column's request when it was built but cannot be sent (no key); null otherwise. */
        private final transient Generator.Prepared unsent;

        ColumnException(int column, String why, RuntimeException cause) {
            this(column, why, cause, null);
        }

        ColumnException(int column, String why, RuntimeException cause, Generator.Prepared unsent) {
            super("Column " + Variant.labelFor(column) + ": " + why, cause);
            this.column = column;
            this.unsent = unsent;
        }

        /** The column's index, from 0 ("A"). */
        public int column() {
            return column;
        }
    }

    // ---- preparing ----

    /**
     * Prepares every column; nothing is sent or recorded.
     *
     * @throws ColumnException naming the first column that cannot be asked: no such provider, a profile that cannot
     *                         be used, a provider that needs a key and has none, a prompt its model cannot carry
     */
    static Prepared prepare(Studio studio, BooleanSupplier ollamaRunning, GenerationRequest set,
                            List<Column> columns) {
        return prepare(studio, ollamaRunning, set, columns, true);
    }

    /**
     * As {@link #prepare(Studio, BooleanSupplier, GenerationRequest, List)}, but {@code strict == false} keeps a
     * column that cannot be asked as a refusal, to end failed with its reason while the others are sent; it throws
     * only when no column can be asked.
     */
    static Prepared prepare(Studio studio, BooleanSupplier ollamaRunning, GenerationRequest set,
                            List<Column> columns, boolean strict) {
        Objects.requireNonNull(set, "set");
        if (columns.isEmpty() || columns.size() > ChatRequest.MAX_VARIANTS) {
            throw new IllegalArgumentException("A mixed set has 1 to " + ChatRequest.MAX_VARIANTS + " columns, not "
                    + columns.size() + ".");
        }
        List<Generator.Prepared> requests = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<String[]> named = new ArrayList<>();
        ColumnException firstRefusal = null;
        for (int i = 0; i < columns.size(); i++) {
            try {
                Generator.Prepared p = prepareOne(studio, ollamaRunning, set, columns.get(i), i);
                requests.add(p);
                refusals.add(null);
                named.add(new String[] {p.profile().name(), p.model()});
            } catch (ColumnException e) {
                if (strict) {
                    throw e;
                }
                firstRefusal = firstRefusal == null ? e : firstRefusal;
                requests.add(null);
                refusals.add(e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
                Column c = columns.get(i);
                String provider = c.provider() != null ? c.provider() : set.provider();
                String model = c.model() != null ? c.model() : set.model();
                named.add(e.unsent != null ? new String[] {e.unsent.profile().name(), e.unsent.model()}
                        : new String[] {provider == null ? "" : provider, model == null ? "" : model});
            }
        }
        if (firstRefusal != null && requests.stream().allMatch(Objects::isNull)) {
            throw firstRefusal;
        }
        return new Prepared(set, columns, requests, refusals, named);
    }

    private static Generator.Prepared prepareOne(Studio studio, BooleanSupplier ollamaRunning, GenerationRequest set,
                                                 Column column, int i) {
        Generator.Prepared p;
        try {
            p = GenerationModes.prepare(studio, ollamaRunning, column.apply(set));
        } catch (RuntimeException e) {
            throw new ColumnException(i, e.getMessage(), e);
        }
        ProviderProfile profile = p.profile();
        boolean noKey = !ProviderSettings.keyOptional(profile)
                && (p.storedKeyWithheld() || studio.providers().keySource(profile)
                == ProviderSettings.KeySource.MISSING);
        if (noKey) {
            throw new ColumnException(i, "“" + profile.name() + "” needs a key and has none"
                    + studio.providers().keyVariable(profile).map(v -> " (set " + v + ", or store one with "
                    + "`quire provider key`)").orElse("") + ". Nothing was sent.", null, p);
        }
        return p;
    }

    /**
     * Asks each column's provider which models it offers, and refuses a column whose model is not among them. A
     * provider that cannot say (no listing, or it fails) is not held against its column: the request will tell.
     *
     * @throws ColumnException naming the column and the models its provider offers
     */
    static void checkModels(Prepared mix) {
        Map<String, List<String>> offered = new LinkedHashMap<>();
        for (int i = 0; i < mix.size(); i++) {
            Generator.Prepared p = mix.requests().get(i);
            if (p == null) {
                continue;
            }
            String where = p.profile().name() + " " + p.profile().baseUrl();
            List<String> models = offered.computeIfAbsent(where, k -> {
                try {
                    return p.provider().listModels();
                } catch (RuntimeException e) {
                    return List.of();
                }
            });
            String model = p.model();
            if (!models.isEmpty() && model != null && !models.contains(model)
                    && !models.contains(model + ":latest")) {
                throw new ColumnException(i, "“" + p.profile().name() + "” does not offer the model “" + model
                        + "”. It offers " + String.join(", ", models.subList(0, Math.min(12, models.size())))
                        + (models.size() > 12 ? "…" : "") + ". Nothing was sent.", null);
            }
        }
    }

    // ---- recording ----

    /** What the library keeps of column i's request, before it is sent. */
    static List<VariantRequest> requests(Prepared mix, Instant now) {
        List<VariantRequest> out = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) {
            Generator.Prepared p = mix.requests().get(i);
            if (p == null) {
                // nothing was sent: what it would have asked, as the writer set it
                out.add(new VariantRequest(i, mix.provider(i), mix.model(i), "{\"mixed\":true}",
                        mix.columns().get(i).instructionFor(mix.set().instruction()), "{}", null, null, now, now));
                continue;
            }
            // marked as one of a mixed set's: what shows the set names no one column's model
            String parameters = "{\"mixed\":true," + p.parametersJson().substring(1);
            out.add(new VariantRequest(i, p.profile().name(), p.model(), parameters, p.instruction(),
                    p.messagesJson(), null, null, now, null));
        }
        return out;
    }

    // ---- sending ----

    /** Columns that ask exactly the same of the same provider: one request, several variants. */
    record Group(Generator.Prepared prepared, List<Integer> columns) {
        ChatRequest request() {
            return prepared.request().withVariants(columns.size());
        }
    }

    static List<Group> groups(Prepared mix) {
        Map<List<Object>, List<Integer>> byRequest = new LinkedHashMap<>();
        for (int i = 0; i < mix.size(); i++) {
            Generator.Prepared p = mix.requests().get(i);
            if (p == null) {
                continue;
            }
            List<Object> key = List.of(p.profile(), p.request().withVariants(1));
            byRequest.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<Group> out = new ArrayList<>();
        byRequest.values().forEach(cols -> out.add(new Group(mix.requests().get(cols.get(0)), List.copyOf(cols))));
        return out;
    }

    /**
     * Sends every group with the recorder listening, each group's variants renumbered into the set's columns; when
     * every group has ended, the recorder hears the whole set's ending. A group that cannot even be sent ends its
     * columns failed, and the others go on.
     */
    static GenerationHandle send(Prepared mix, StreamRecorder recorder) {
        List<Group> groups = groups(mix);
        int size = mix.size();
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (mix.refusal(i) != null) {
                refused.add(i);
            }
        }
        Fan fan = new Fan(recorder, groups.size() + refused.size(), size);
        for (int i : refused) {
            GenerationHandler into = fan.group(List.of(i));
            String why = mix.refusal(i);
            recorder.lane().execute(() -> {
                VariantResult r = new VariantResult(0, "", VariantResult.Status.FAILED, null, Usage.NONE,
                        failure(why));
                into.onVariantFinished(r);
                into.onFinished(List.of(r));
            });
        }
        List<GenerationHandle> handles = new ArrayList<>();
        List<Group> started = new ArrayList<>();
        for (Group g : groups) {
            GenerationHandler into = fan.group(g.columns());
            ChatProvider provider = g.prepared().provider();
            try {
                handles.add(provider.stream(g.request(), into, recorder.lane()));
                started.add(g);
            } catch (RuntimeException e) {
                recorder.lane().execute(() -> {
                    List<VariantResult> failed = new ArrayList<>();
                    for (int local = 0; local < g.columns().size(); local++) {
                        VariantResult r = new VariantResult(local, "", VariantResult.Status.FAILED, null, Usage.NONE,
                                failure("Quire could not send this column's request ("
                                        + e.getClass().getSimpleName() + ")."));
                        failed.add(r);
                        into.onVariantFinished(r);
                    }
                    into.onFinished(failed);
                });
            }
        }
        return new Handle(started, handles, size);
    }

    private static ProviderError failure(String message) {
        return new ProviderError(ProviderError.Kind.MALFORMED_RESPONSE, message, null, null, false, null);
    }

    /** Gathers the groups' callbacks, on the recorder's lane, into one set's. */
    private static final class Fan {
        private final StreamRecorder recorder;
        private final VariantResult[] results;
        private int groupsLeft;

        Fan(StreamRecorder recorder, int groups, int size) {
            this.recorder = recorder;
            this.results = new VariantResult[size];
            this.groupsLeft = groups;
        }

        GenerationHandler group(List<Integer> columns) {
            return new GenerationHandler() {
                @Override
                public void onText(int variant, String delta) {
                    if (variant >= 0 && variant < columns.size()) {
                        recorder.onText(columns.get(variant), delta);
                    }
                }

                @Override
                public void onRetry(int variant, ProviderError error, int attempt, Duration delay) {
                    if (variant >= 0 && variant < columns.size()) {
                        recorder.onRetry(columns.get(variant), error, attempt, delay);
                    }
                }

                @Override
                public void onVariantFinished(VariantResult result) {
                    if (result.index() >= 0 && result.index() < columns.size()) {
                        VariantResult r = renumbered(result, columns.get(result.index()));
                        results[r.index()] = r;
                        recorder.onVariantFinished(r);
                    }
                }

                @Override
                public void onFinished(List<VariantResult> ended) {
                    for (VariantResult r : ended) {
                        if (r.index() >= 0 && r.index() < columns.size() && results[columns.get(r.index())] == null) {
                            results[columns.get(r.index())] = renumbered(r, columns.get(r.index()));
                        }
                    }
                    if (--groupsLeft == 0) {
                        List<VariantResult> all = new ArrayList<>();
                        for (int i = 0; i < results.length; i++) {
                            all.add(results[i] != null ? results[i] : new VariantResult(i, "",
                                    VariantResult.Status.FAILED, null, Usage.NONE, failure(
                                    "The provider ended without this column.")));
                        }
                        recorder.onFinished(all);
                    }
                }
            };
        }

        private static VariantResult renumbered(VariantResult r, int index) {
            return new VariantResult(index, r.text(), r.status(), r.stopReason(), r.usage(), r.error(), r.refusal(),
                    r.thinking(), r.filter(), r.requestUsage());
        }
    }

    /** The set's requests in flight, as one. */
    private record Handle(List<Group> groups, List<GenerationHandle> handles, int size) implements GenerationHandle {

        @Override
        public void cancel() {
            handles.forEach(GenerationHandle::cancel);
        }

        @Override
        public void cancel(int variant) {
            for (int g = 0; g < groups.size(); g++) {
                int local = groups.get(g).columns().indexOf(variant);
                if (local >= 0) {
                    handles.get(g).cancel(local);
                }
            }
        }

        @Override
        public List<Integer> variants() {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                all.add(i);
            }
            return all;
        }

        @Override
        public CompletableFuture<List<VariantResult>> done() {
            return CompletableFuture.allOf(handles.stream().map(GenerationHandle::done)
                    .toArray(CompletableFuture[]::new)).thenApply(v -> List.of());
        }
    }

    /**
     * The generation as one of its variants was asked: in a mixed set, with that variant's own provider, model,
     * parameters, messages and instruction; otherwise as it is.
     */
    public static Generation asAsked(Generation g, List<VariantRequest> requests, int index) {
        for (VariantRequest r : requests) {
            if (r.index() == index) {
                return new Generation(g.id(), g.storyId(), g.sceneId(), g.conversationId(), g.frame(), r.provider(),
                        r.model(), r.messagesJson(), r.parametersJson(), g.seed(), g.variantCount(),
                        new Generation.Usage(null, r.inputTokens(), null, r.cachedInputTokens()), r.started(),
                        r.finished(), g.status(), g.error(), r.instruction());
            }
        }
        return g;
    }

    /** How the library records a mixed set's generation: the set's instruction, the first column's provider. */
    static Generation.Usage estimated(Prepared mix) {
        int sum = 0;
        for (Generator.Prepared p : mix.requests()) {
            sum += p == null ? 0 : p.estimatedInputTokens();
        }
        return new Generation.Usage(sum, null, null, null);
    }
}
