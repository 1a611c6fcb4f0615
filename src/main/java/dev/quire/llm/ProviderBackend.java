package dev.quire.llm;

import java.time.Duration;

/**
 * The wire side of this layer as the API sees it: what builds a {@link ChatProvider} and reaches a server.
 * Callers use {@link Providers} and {@link Ollama}, never this.
 *
 * <p>The one implementation lives under {@code internal}, which depends on this package; {@link Providers} finds
 * it with {@link java.util.ServiceLoader}, so this package does not depend back on it (see decision 0009).
 */
public interface ProviderBackend {

    /** A provider for a profile already validated, with a key and settings that are not null. */
    ChatProvider create(ProviderProfile profile, ApiKey key, Providers.Settings settings);

    /** Whether {@code GET url} answers 200 with {@code expected} in the start of its body within {@code timeout}. Never throws. */
    boolean answers(String url, Duration timeout, String expected);
}
