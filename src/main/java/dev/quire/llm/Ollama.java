package dev.quire.llm;

import java.time.Duration;

/** Finding a local Ollama, so the studio can offer it when no provider is set up. */
public final class Ollama {

    /** Where Ollama listens unless told otherwise. */
    public static final String DEFAULT_BASE_URL = "http://localhost:11434";

    private Ollama() {
    }

    /** Whether Ollama answers at its default address within half a second. */
    public static boolean isRunning() {
        return isRunning(DEFAULT_BASE_URL);
    }

    /** Whether Ollama answers at {@code baseUrl} (its server root) within half a second. */
    public static boolean isRunning(String baseUrl) {
        return isRunning(baseUrl, Duration.ofMillis(500));
    }

    /** Whether {@code GET {baseUrl}/api/version} answers 200 with a version within {@code timeout}. Never throws. */
    public static boolean isRunning(String baseUrl, Duration timeout) {
        String root = baseUrl == null ? "" : baseUrl.strip();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        if (root.isEmpty()) {
            return false;
        }
        return Providers.backend().answers(root + "/api/version", timeout, "\"version\"");
    }
}
