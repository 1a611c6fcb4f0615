package dev.quire.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One configured provider. Thread-safe; create it once per profile with {@link Providers#create}. Nothing here
 * touches the FX thread: streaming work runs on the layer's own threads and every callback is handed to the
 * {@code callbacks} executor the caller passes (the FX thread's {@code Platform::runLater}, or
 * {@code Runnable::run} in the command line and tests).
 */
public interface ChatProvider {

    ProviderProfile profile();

    /**
     * Starts generating {@link ChatRequest#variants()} texts, indices 0..n-1. Uses one request with native
     * {@code n} on OpenAI, otherwise one request per variant, at most {@link Providers.Settings#concurrency()}
     * at a time. Never throws for provider failures: they arrive as failed results.
     */
    GenerationHandle stream(ChatRequest request, GenerationHandler handler, Executor callbacks);

    /**
     * Generates one variant again (after a failure, or because the writer wants another take), reported under
     * {@code variantIndex}; {@link ChatRequest#variants()} is ignored. With a seed, it is {@code seed + variantIndex}
     * as in a fan-out.
     */
    GenerationHandle streamOne(ChatRequest request, int variantIndex, GenerationHandler handler, Executor callbacks);

    /**
     * The model ids the server offers ({@code GET /v1/models}; Ollama {@code GET /api/tags}), in the server's
     * order. Blocking.
     *
     * @throws ProviderException with a message for the writer
     */
    List<String> listModels();

    /**
     * Sends a tiny real generation (one output token) with the profile's default model and returns how long the
     * round trip took. Blocking; for the settings screen's "Test connection".
     *
     * @throws ProviderException with a message for the writer
     */
    Duration testConnection();

    /** As {@link #testConnection()}, with the given model. */
    Duration testConnection(String model);

    /**
     * What an OpenAI-compatible server said it is (from its model list), once it has been asked; empty for other
     * providers and before then.
     */
    default java.util.Optional<ServerKind> serverKind() {
        return java.util.Optional.empty();
    }
}
