package dev.quire.studio;

import dev.quire.llm.Providers;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Provider timeouts and retry pacing from the environment, for a slow local model (a longer stall limit) and for
 * tests (short stalls and backoffs). Unset variables keep {@link Providers.Settings#defaults()}.
 *
 * <ul>
 *   <li>{@code QUIRE_PROVIDER_STALL_SECONDS}: longest silence allowed while waiting for or reading a reply
 *       (default 90); the whole-call limit of model lists and connection tests follows it, up to 60 s;</li>
 *   <li>{@code QUIRE_PROVIDER_FIRST_BYTE_SECONDS}: longest wait for a reply to begin (default 120, or the stall
 *       limit when only that is set); a server that sends nothing in that time is not asked again;</li>
 *   <li>{@code QUIRE_PROVIDER_BACKOFF_MS}: the first retry's wait in milliseconds (default 1000), doubling each
 *       time up to twenty times that.</li>
 * </ul>
 */
final class ProviderTuning {

    static final String STALL = "QUIRE_PROVIDER_STALL_SECONDS";
    static final String BACKOFF = "QUIRE_PROVIDER_BACKOFF_MS";
    static final String FIRST_BYTE = "QUIRE_PROVIDER_FIRST_BYTE_SECONDS";

    /** The settings, or the defaults and a problem to report when a value cannot be used. */
    record Result(Providers.Settings settings, String problem) {
    }

    private ProviderTuning() {
    }

    static Result fromEnvironment(Map<String, String> env) {
        Providers.Settings settings = Providers.Settings.defaults();
        StringBuilder problems = new StringBuilder();
        Double stall = number(env, STALL, problems, "a number of seconds, such as 90");
        if (stall != null) {
            Duration d = Duration.ofMillis(Math.round(stall * 1000));
            Duration request = d.compareTo(settings.requestTimeout()) < 0 ? d : settings.requestTimeout();
            settings = settings.withTimeouts(settings.connectTimeout(), d, request);
        }
        Double firstByte = number(env, FIRST_BYTE, problems, "a number of seconds, such as 120");
        if (firstByte != null) {
            settings = settings.withFirstByteTimeout(Duration.ofMillis(Math.round(firstByte * 1000)));
        }
        Double backoff = number(env, BACKOFF, problems, "a number of milliseconds, such as 1000");
        if (backoff != null) {
            long ms = Math.round(backoff);
            settings = settings.withRetry(settings.maxAttempts(), Duration.ofMillis(ms), Duration.ofMillis(ms * 20));
        }
        return new Result(settings, problems.length() == 0 ? null : problems.toString());
    }

    private static Double number(Map<String, String> env, String name, StringBuilder problems, String expected) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(raw.strip());
            if (v > 0 && v < 1e7) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (problems.length() > 0) {
            problems.append(' ');
        }
        problems.append(String.format(Locale.ROOT, "The environment variable %s must be %s, not “%s”; fix or unset"
                + " it.", name, expected, raw.strip()));
        return null;
    }
}
