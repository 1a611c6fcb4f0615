package dev.quire.llm;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's secret. {@link #toString()} never shows it; {@link #reveal()} is for the one class that
 * writes it into a request header, and for a keychain that stores it.
 */
public final class ApiKey {

    private static final ApiKey NONE = new ApiKey("");

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** A key as typed or read from the keychain; surrounding whitespace (a pasted newline) is dropped. */
    public static ApiKey of(String key) {
        Objects.requireNonNull(key, "key");
        String k = key.strip();
        if (k.isEmpty()) {
            throw new IllegalArgumentException("An API key cannot be empty; use ApiKey.none() for keyless servers.");
        }
        return new ApiKey(k);
    }

    /** No key: for Ollama and local servers that take none. */
    public static ApiKey none() {
        return NONE;
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    /** The secret itself. Never log it, never put it in a message. */
    public String reveal() {
        return value;
    }

    /**
     * The environment variable that holds the key for this profile: ANTHROPIC_API_KEY, OPENAI_API_KEY,
     * OPENROUTER_API_KEY (host openrouter.ai), DEEPSEEK_API_KEY (host deepseek.com), QUIRE_API_KEY for any
     * other compatible server; empty for Ollama.
     */
    public static Optional<String> environmentVariable(ProviderProfile profile) {
        return switch (profile.kind()) {
            case ANTHROPIC -> Optional.of("ANTHROPIC_API_KEY");
            case OPENAI -> Optional.of("OPENAI_API_KEY");
            case OPENAI_COMPATIBLE -> Optional.of(isHostOrSubdomain(profile.host(), "openrouter.ai")
                    ? "OPENROUTER_API_KEY"
                    : isHostOrSubdomain(profile.host(), "deepseek.com") ? "DEEPSEEK_API_KEY" : "QUIRE_API_KEY");
            case OLLAMA -> Optional.empty();
        };
    }

    /** The key for this profile from the environment (pass {@code System.getenv()}); blank values count as unset. */
    public static Optional<ApiKey> fromEnvironment(ProviderProfile profile, Map<String, String> environment) {
        return environmentVariable(profile)
                .map(environment::get)
                .filter(v -> !v.isBlank())
                .map(ApiKey::of);
    }

    private static boolean isHostOrSubdomain(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    /** "ApiKey[none]", "ApiKey[set]", or for long keys the last four characters as dashboards show them. */
    @Override
    public String toString() {
        if (value.isEmpty()) {
            return "ApiKey[none]";
        }
        if (value.length() < 20) {
            return "ApiKey[set]";
        }
        return "ApiKey[…" + value.substring(value.length() - 4) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), ((ApiKey) o).value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
