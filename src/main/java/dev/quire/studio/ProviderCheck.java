package dev.quire.studio;

import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatProvider;
import dev.quire.llm.ProviderException;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Providers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Whether providers answer, found by asking each for its model list: free, unlike a test generation, and quick.
 * Profiles are checked at the same time, each bounded by the timeout and never retried. A profile that needs a
 * key and has none is not contacted. The checks run on the studio's streaming executor.
 */
public final class ProviderCheck {

    public enum State { REACHABLE, UNREACHABLE, NOT_CHECKED }

    /**
     * @param latency how long the model list took; null unless reachable
     * @param models  how many models the server offers; 0 unless reachable
     * @param message why it is unreachable or was not checked, for the writer; null when reachable
     */
    /** {@code server} is what an OpenAI-compatible server said it is in its model list (null otherwise). */
    public record Result(ProviderProfile profile, State state, Duration latency, int models, String message,
                         dev.quire.llm.ServerKind server) {
        Result(ProviderProfile profile, State state, Duration latency, int models, String message) {
            this(profile, state, latency, models, message, null);
        }
    }

    private ProviderCheck() {
    }

    /** Checks the profiles in parallel; results in the same order. Blocking, for at most about {@code timeout}. */
    public static List<Result> check(Studio studio, List<ProviderProfile> profiles, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (profiles.isEmpty()) {
            return List.of();
        }
        Providers.Settings settings = studio.providerTimeouts().withTimeouts(timeout, timeout, timeout)
                .withRetry(1, Duration.ZERO, Duration.ZERO);
        // each check is bounded by the timeout, so none holds a streaming thread for longer
        List<CompletableFuture<Result>> pending = new ArrayList<>();
        for (ProviderProfile p : profiles) {
            pending.add(CompletableFuture.supplyAsync(() -> checkOne(studio.providers(), p, settings),
                    studio.streaming()));
        }
        List<Result> results = new ArrayList<>();
        for (CompletableFuture<Result> f : pending) {
            results.add(f.join());
        }
        return results;
    }

    private static Result checkOne(ProviderSettings providers, ProviderProfile profile, Providers.Settings settings) {
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            return new Result(profile, State.NOT_CHECKED, null, 0, "not usable as set up: "
                    + String.join(" ", problems));
        }
        ProviderSettings.KeySource source = providers.keySource(profile);
        if (source == ProviderSettings.KeySource.MISSING && !ProviderSettings.keyOptional(profile)) {
            return new Result(profile, State.NOT_CHECKED, null, 0, "no API key"
                    + providers.keyVariable(profile).map(v -> " (set " + v + ", or store one)").orElse(""));
        }
        ChatProvider provider = Providers.create(profile, providers.key(profile).orElse(ApiKey.none()), settings);
        long started = System.nanoTime();
        try {
            int models = provider.listModels().size();
            return new Result(profile, State.REACHABLE, Duration.ofNanos(System.nanoTime() - started), models, null,
                    provider.serverKind().orElse(null));
        } catch (ProviderException e) {
            return new Result(profile, State.UNREACHABLE, null, 0, e.getMessage());
        } catch (RuntimeException e) {
            // the message of an exception no rule foresaw could quote the server: name only its type
            return new Result(profile, State.UNREACHABLE, null, 0, "the check failed unexpectedly ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
