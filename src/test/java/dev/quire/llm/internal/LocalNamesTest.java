package dev.quire.llm.internal;

import dev.quire.llm.ApiKey;
import dev.quire.llm.ProviderError;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Providers;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A name trusted for plain http because it ends in .local or .localhost is only used at an address that really
 * is local; a resolver answering it with a public address gets nothing, least of all the key.
 */
class LocalNamesTest {

    static final String KEY = "sk-local-QUIRE-SECRET-9";
    final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A resolver standing in for DNS: every name answers with these addresses. */
    static Dns answering(String... addresses) {
        return host -> {
            List<InetAddress> out = new java.util.ArrayList<>();
            for (String a : addresses) {
                out.add(InetAddress.getByName(a));
            }
            return out;
        };
    }

    Http http(Dns resolver) {
        return new Http(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3),
                resolver);
    }

    Http.Exchange exchange(String host) {
        return new Http.Exchange("http://" + host + ":" + server.getPort() + "/v1/chat/completions", Map.of(),
                "{}".getBytes(), Http.Auth.BEARER, ApiKey.of(KEY));
    }

    @Test
    void aLocalNameThatResolvesToAPublicAddressIsRefusedBeforeAnythingIsSent() {
        IOException e = assertThrows(IOException.class,
                () -> http(answering("203.0.113.7")).streamingCall(exchange("studio.local")).execute().close());
        assertNotNull(LocalNames.find(e), String.valueOf(e));
        assertEquals(0, server.getRequestCount());

        ProviderProfile profile = ProviderProfile.defaults(ProviderKind.OPENAI_COMPATIBLE).withName("Studio box")
                .withBaseUrl("http://studio.local:" + server.getPort() + "/v1");
        ProviderError error = new Errors(profile, Providers.Settings.defaults(), ApiKey.of(KEY)).fromIo(e, false);
        assertEquals(ProviderError.Kind.CONNECTION_REFUSED, error.kind());
        assertFalse(error.retryable());
        assertTrue(error.message().contains("203.0.113.7"), error.message());
        assertTrue(error.message().contains("Nothing was sent"), error.message());
        assertFalse(error.message().contains(KEY), error.message());
    }

    @Test
    void aDotLocalhostNameIsRefusedTooWhenItIsNotLoopback() {
        IOException e = assertThrows(IOException.class,
                () -> http(answering("8.8.8.8")).streamingCall(exchange("model.localhost")).execute().close());
        assertNotNull(LocalNames.find(e));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aLocalNameIsUsedAtItsLocalAddressOnly() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        try (Http.Reply reply = http(answering("203.0.113.7", "127.0.0.1")).streamingCall(exchange("studio.local"))
                .execute()) {
            assertEquals(200, reply.status());
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void whatCountsAsLocal() throws Exception {
        for (String a : List.of("127.0.0.1", "::1", "10.1.2.3", "172.16.0.9", "192.168.1.20", "169.254.3.4",
                "fe80::1", "fd12:3456::1")) {
            assertTrue(LocalNames.local(InetAddress.getByName(a)), a);
        }
        for (String a : List.of("203.0.113.7", "8.8.8.8", "172.32.0.1", "2001:db8::1")) {
            assertFalse(LocalNames.local(InetAddress.getByName(a)), a);
        }
        assertTrue(LocalNames.trustedByName("Printer.LOCAL."));
        assertFalse(LocalNames.trustedByName("api.openai.com"));
    }
}
