package dev.quire.llm;

import java.util.Objects;

/** Thrown by the blocking calls ({@link ChatProvider#listModels()}, {@link ChatProvider#testConnection()}). */
public class ProviderException extends RuntimeException {

    private final ProviderError error;

    public ProviderException(ProviderError error) {
        super(Objects.requireNonNull(error, "error").message());
        this.error = error;
    }

    public ProviderException(ProviderError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").message(), cause);
        this.error = error;
    }

    public ProviderError error() {
        return error;
    }

    public ProviderError.Kind kind() {
        return error.kind();
    }
}
