package dev.quire.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.ServiceLoader;

/** Makes {@link ChatProvider}s. */
public final class Providers {

    private Providers() {
    }

    /** A provider with {@link Settings#defaults()}. */
    public static ChatProvider create(ProviderProfile profile, ApiKey key) {
        return create(profile, key, Settings.defaults());
    }

    /**
     * A provider for this profile. The key is sent only to the profile's base URL (redirects are not followed).
     *
     * @param key {@link ApiKey#none()} for Ollama and keyless local servers
     * @throws IllegalArgumentException when the profile is not valid ({@link ProviderProfile#problems()})
     */
    public static ChatProvider create(ProviderProfile profile, ApiKey key, Settings settings) {
        Objects.requireNonNull(profile, "profile").validate();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(settings, "settings");
        return backend().create(profile, key, settings);
    }

    /** The wire code under {@code internal}, found at run time so that this package does not depend on it. */
    static ProviderBackend backend() {
        return Backend.INSTANCE;
    }

    /** Loaded on first use, not when {@link Settings} is first named. */
    private static final class Backend {
        static final ProviderBackend INSTANCE = ServiceLoader
                .load(ProviderBackend.class, Providers.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("This build of Quire has no "
                        + ProviderBackend.class.getName() + " (META-INF/services is missing from it)"));
    }

    /**
     * Timeouts, retry policy and fan-out bound.
     *
     * @param connectTimeout  to open the connection
     * @param stallTimeout    longest silence allowed while waiting for or reading a stream (a stall)
     * @param requestTimeout  whole-call limit for {@link ChatProvider#listModels()} and
     *                        {@link ChatProvider#testConnection()}
     * @param maxAttempts     attempts per request, including the first (1 = never retry)
     * @param baseBackoff     first retry waits about this long (with jitter), doubling each time
     * @param maxBackoff      cap on the computed wait
     * @param maxRetryAfter   a {@code retry-after} longer than this is not waited for: the error is reported
     * @param concurrency     most requests in flight at once per provider (fan-out bound)
     * @param firstByteTimeout longest wait for a reply to begin (its first byte), which may take longer than the
     *                        silences inside it while a model reads a long prompt; a server that sends nothing
     *                        within it is not asked again
     * @param staggerWait     see {@link #STAGGER_WAIT}
     */
    public record Settings(Duration connectTimeout, Duration stallTimeout, Duration requestTimeout, int maxAttempts,
                           Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter, int concurrency,
                           Duration firstByteTimeout, Duration staggerWait) {

        /**
         * How long the other variants of a cacheable prompt wait for the first one's reply to begin, so they read the
         * prompt cache it writes, before they go anyway.
         */
        public static final Duration STAGGER_WAIT = Duration.ofSeconds(4);

        /** Settings whose first-byte limit is the stall limit, with the usual stagger. */
        public Settings(Duration connectTimeout, Duration stallTimeout, Duration requestTimeout, int maxAttempts,
                        Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter, int concurrency) {
            this(connectTimeout, stallTimeout, requestTimeout, maxAttempts, baseBackoff, maxBackoff, maxRetryAfter,
                    concurrency, stallTimeout, STAGGER_WAIT);
        }

        /** Settings with the first-byte limit given, and the usual stagger. */
        public Settings(Duration connectTimeout, Duration stallTimeout, Duration requestTimeout, int maxAttempts,
                        Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter, int concurrency,
                        Duration firstByteTimeout) {
            this(connectTimeout, stallTimeout, requestTimeout, maxAttempts, baseBackoff, maxBackoff, maxRetryAfter,
                    concurrency, firstByteTimeout, STAGGER_WAIT);
        }

        public Settings {
            requirePositive(firstByteTimeout, "firstByteTimeout");
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(stallTimeout, "stallTimeout");
            requirePositive(requestTimeout, "requestTimeout");
            Objects.requireNonNull(baseBackoff, "baseBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1");
            }
            staggerWait = staggerWait == null || staggerWait.isNegative() ? STAGGER_WAIT : staggerWait;
        }

        /**
         * Connect 10 s, first byte 120 s, stall 90 s, request 60 s, 3 attempts, backoff 1 s doubling to 20 s,
         * retry-after up to 60 s, 4 at once, the later variants of a cacheable prompt waiting up to 4 s.
         */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(90), Duration.ofSeconds(60), 3,
                    Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(60), 4, Duration.ofSeconds(120),
                    STAGGER_WAIT);
        }

        /** New connect, stall and request limits; the first-byte limit becomes the stall limit. */
        public Settings withTimeouts(Duration connect, Duration stall, Duration request) {
            return new Settings(connect, stall, request, maxAttempts, baseBackoff, maxBackoff, maxRetryAfter,
                    concurrency, stall, staggerWait);
        }

        public Settings withFirstByteTimeout(Duration value) {
            return new Settings(connectTimeout, stallTimeout, requestTimeout, maxAttempts, baseBackoff, maxBackoff,
                    maxRetryAfter, concurrency, value, staggerWait);
        }

        public Settings withStaggerWait(Duration value) {
            return new Settings(connectTimeout, stallTimeout, requestTimeout, maxAttempts, baseBackoff, maxBackoff,
                    maxRetryAfter, concurrency, firstByteTimeout, value);
        }

        public Settings withRetry(int attempts, Duration base, Duration max) {
            return new Settings(connectTimeout, stallTimeout, requestTimeout, attempts, base, max, maxRetryAfter,
                    concurrency, firstByteTimeout, staggerWait);
        }

        public Settings withMaxRetryAfter(Duration value) {
            return new Settings(connectTimeout, stallTimeout, requestTimeout, maxAttempts, baseBackoff, maxBackoff,
                    value, concurrency, firstByteTimeout, staggerWait);
        }

        public Settings withConcurrency(int value) {
            return new Settings(connectTimeout, stallTimeout, requestTimeout, maxAttempts, baseBackoff, maxBackoff,
                    maxRetryAfter, value, firstByteTimeout, staggerWait);
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration");
            }
        }
    }
}
