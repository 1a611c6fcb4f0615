package dev.quire.llm;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A real HTTP server on loopback speaking one provider's wire format, and a provider pointed at it. */
final class Loopback implements AutoCloseable {

    static final String KEY = "sk-test-QUIRE-SECRET-123";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Fast settings: tiny backoff, short stall, three attempts. */
    static final Providers.Settings FAST = new Providers.Settings(Duration.ofSeconds(2), Duration.ofMillis(1500),
            Duration.ofSeconds(5), 3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5), 4);

    final MockWebServer server = new MockWebServer();
    final ProviderKind kind;
    final ProviderProfile profile;

    Loopback(ProviderKind kind) {
        this(kind, "Test " + kind.displayName());
    }

    Loopback(ProviderKind kind, String name) {
        this.kind = kind;
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String root = "http://127.0.0.1:" + server.getPort();
        boolean v1 = kind == ProviderKind.OPENAI || kind == ProviderKind.OPENAI_COMPATIBLE;
        this.profile = ProviderProfile.defaults(kind).withName(name).withBaseUrl(root + (v1 ? "/v1" : ""));
    }

    ChatProvider provider() {
        return provider(FAST);
    }

    ChatProvider provider(Providers.Settings settings) {
        return Providers.create(profile, kind.needsKey() ? ApiKey.of(KEY) : ApiKey.none(), settings);
    }

    ChatProvider provider(ProviderProfile custom, Providers.Settings settings) {
        return Providers.create(custom, kind.needsKey() ? ApiKey.of(KEY) : ApiKey.none(), settings);
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    void enqueue(MockResponse.Builder response) {
        server.enqueue(response.build());
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request arrived");
            }
            return request;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode body(RecordedRequest request) {
        try {
            return JSON.readTree(request.getBody().string(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port on loopback that nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
