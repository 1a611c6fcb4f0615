package dev.quire.llm;

/** The four wire formats Quire speaks. */
public enum ProviderKind {
    /** Anthropic Messages API ({@code POST /v1/messages}, SSE). */
    ANTHROPIC("Anthropic"),
    /** OpenAI Chat Completions ({@code POST /chat/completions}, SSE, native {@code n}). */
    OPENAI("OpenAI"),
    /** Any server with the OpenAI Chat Completions shape: OpenRouter, DeepSeek, llama.cpp, LM Studio, vLLM, KoboldCpp. */
    OPENAI_COMPATIBLE("OpenAI-compatible server"),
    /** Ollama's native API ({@code POST /api/chat}, NDJSON). */
    OLLAMA("Ollama");

    private final String displayName;

    ProviderKind(String displayName) {
        this.displayName = displayName;
    }

    /** A name for menus and messages. */
    public String displayName() {
        return displayName;
    }

    /** Whether requests carry an API key at all (Ollama needs none). */
    public boolean needsKey() {
        return this != OLLAMA;
    }
}
