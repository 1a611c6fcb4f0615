package dev.quire.generate;

import dev.quire.testing.Wire;

import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key search of issue 3: a recognisable key, stored through {@code quire provider key} or set in the
 * environment, goes through generations that fail in every way of section 4; then the library's files (with its
 * write-ahead log), everything printed, and every log record are searched for it, and it is nowhere. The key does
 * reach the server in its header, so the search would find it if it leaked.
 */
class KeySearchTest {

    static final String KEY = "sk-ant-QUIRE-LEAK-CHECK-7f3a9c";
    /** Any recognisable part of it; servers echo keys partly masked. */
    static final String PART = "LEAK-CHECK";

    enum KeySource { STORED, ENVIRONMENT }

    /** One fault: the responses that make it, which wire format, and words its message must contain. */
    record Fault(String name, boolean openAi, List<MockResponse> responses, String says) {
    }

    @TempDir
    Path dir;

    MockWebServer server;
    final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logged.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    Level rootLevel;

    @BeforeEach
    void listen() {
        server = Wire.start();
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        server.close();
    }

    static MockResponse.Builder[] times(int n, MockResponse.Builder response) {
        MockResponse.Builder[] out = new MockResponse.Builder[n];
        java.util.Arrays.fill(out, response);
        return out;
    }

    static Fault anthropic(String name, String says, MockResponse.Builder... responses) {
        List<MockResponse> built = new ArrayList<>();
        for (MockResponse.Builder b : responses) {
            built.add(b.build());
        }
        return new Fault(name, false, built, says);
    }

    static Fault openAi(String name, String says, MockResponse.Builder... responses) {
        List<MockResponse> built = new ArrayList<>();
        for (MockResponse.Builder b : responses) {
            built.add(b.build());
        }
        return new Fault(name, true, built, says);
    }

    /** Every fault of section 4, several of them with the key echoed back by the server. */
    static List<Fault> faults() {
        String start = Wire.anthropicStart();
        return List.of(
                anthropic("bad key (401)", "rejected the API key (401)",
                        Wire.anthropicError(401, "authentication_error", "invalid x-api-key: " + KEY)),
                anthropic("no permission (403)", "refused the request (403)",
                        Wire.anthropicError(403, "permission_error", "The key " + KEY + " may not use this model")),
                anthropic("unknown model (404)", "has no model",
                        Wire.anthropicError(404, "not_found_error", "model: claude-nope")),
                anthropic("prompt too large (400)", "too large",
                        Wire.anthropicError(400, "invalid_request_error", "prompt is too long: 210000 tokens > "
                                + "200000 maximum (request by " + KEY + ")")),
                anthropic("request too large (413)", "too large",
                        Wire.anthropicError(413, "request_too_large", "Request exceeds the maximum allowed number "
                                + "of bytes.")),
                openAi("quota (429 insufficient_quota)", "out of credit or quota",
                        Wire.jsonStatus(429, Wire.openAiErrorBody("You exceeded your current quota, please check "
                                + "your plan and billing details. Key: sk-ant-QUIRE-LEA****7f3a9c", "insufficient_quota",
                                "insufficient_quota"))),
                anthropic("rate limited until the attempts run out (429)", "limiting how fast",
                        times(3, Wire.anthropicError(429, "rate_limit_error", "Too many requests from " + KEY)
                                .setHeader("retry-after", "0"))),
                anthropic("overloaded (529)", "overloaded",
                        times(3, Wire.anthropicError(529, "overloaded_error", "Overloaded"))),
                openAi("unavailable (503)", "overloaded",
                        times(3, Wire.jsonStatus(503, Wire.openAiErrorBody("busy, key " + KEY, "server_error",
                                null)))),
                anthropic("server error (500)", "internal error (500)",
                        times(3, Wire.anthropicError(500, "api_error", "Internal error handling " + KEY))),
                anthropic("no answer in time", "sent nothing within",
                        times(1, Wire.sse(Wire.anthropic("late")).headersDelay(2, TimeUnit.SECONDS))),
                anthropic("stalled stream", "stopped sending in the middle",
                        Wire.stalledAfter("text/event-stream", start + Wire.anthropicDelta("The wind "))),
                anthropic("dropped connection", "dropped in the middle of the reply",
                        Wire.droppedAfter("text/event-stream", start + Wire.anthropicDelta("Salt spray"))),
                anthropic("malformed JSON", "cannot read",
                        Wire.sse(start + Wire.anthropicDelta("Good ") + "event: content_block_delta\n"
                                + "data: {\"type\":\"content_block_delta\",\"delta\":{\"text\n\n"
                                + Wire.anthropicEnd("end_turn"))),
                anthropic("HTML page on 200", "web page",
                        Wire.status(200, "text/html; charset=utf-8", Wire.html("Sign in again. Authorization: "
                                + "Bearer " + KEY))),
                anthropic("HTML gateway error (502)", "web page",
                        times(3, Wire.status(502, "text/html", Wire.html("upstream rejected x-api-key " + KEY)))),
                anthropic("error event inside a 200 stream", "overloaded",
                        Wire.sse(start + Wire.anthropicDelta("Half ") + Wire.anthropicErrorEvent("overloaded_error",
                                "Overloaded while serving " + KEY))));
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void theKeyIsInNoFileOutputOrLogAfterEveryKindOfFailure(KeySource source) throws Exception {
        Quire quire = new Quire(dir);
        quire.env.put("QUIRE_PROVIDER_STALL_SECONDS", "0.5");
        String refused = "http://127.0.0.1:" + Wire.closedPort();
        List<String> anthropicArgs;
        List<String> openAiArgs;
        List<String> refusedArgs;
        try (Studio held = quire.open()) { // held open, so the write-ahead log stays on disk to be searched
            Lighthouse.addTo(held);
            if (source == KeySource.STORED) {
                add(quire, "leak", "anthropic", Wire.root(server));
                add(quire, "leak-openai", "openai", Wire.root(server) + "/v1");
                add(quire, "leak-refused", "anthropic", refused);
                anthropicArgs = List.of("--provider", "leak");
                openAiArgs = List.of("--provider", "leak-openai");
                refusedArgs = List.of("--provider", "leak-refused");
            } else {
                quire.env.put("ANTHROPIC_API_KEY", KEY);
                quire.env.put("OPENAI_API_KEY", KEY);
                anthropicArgs = List.of("--provider", "anthropic", "--base-url", Wire.root(server));
                openAiArgs = List.of("--provider", "openai", "--base-url", Wire.root(server) + "/v1");
                refusedArgs = List.of("--provider", "anthropic", "--base-url", refused);
            }

            int expectedRequests = 0;
            boolean asJson = false;
            for (Fault fault : faults()) {
                fault.responses().forEach(server::enqueue);
                expectedRequests += fault.responses().size();
                Quire.Run run = generate(quire, fault.openAi() ? openAiArgs : anthropicArgs, asJson);
                assertEquals(4, run.code(), fault.name() + ": " + run);
                assertTrue(run.err().contains(fault.says()), fault.name() + ": " + run.err());
                asJson = !asJson;
            }
            Quire.Run refusedRun = generate(quire, refusedArgs, false);
            assertEquals(4, refusedRun.code(), refusedRun.toString());
            assertTrue(refusedRun.err().contains("Nothing is answering at " + refused), refusedRun.err());

            // the model-list check of `quire providers`, answered with the key echoed in a 401
            if (source == KeySource.STORED) {
                server.setDispatcher(new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return Wire.anthropicError(401, "authentication_error", "invalid x-api-key: " + KEY).build();
                    }
                });
                Quire.Run providers = quire.run("providers");
                assertEquals(0, providers.code(), providers.toString());
                assertTrue(providers.out().contains("unreachable: leak at " + Wire.root(server)
                        + " rejected the API key (401)"), providers.out());
                expectedRequests += 2;
                assertEquals(0, quire.run("providers", "--json").code());
                expectedRequests += 2;
            } else {
                assertEquals(0, quire.run("providers", "--no-check").code());
            }

            // the key did travel: every request the server received carried it, in its provider's header
            List<RecordedRequest> requests = Wire.drain(server);
            assertEquals(expectedRequests, requests.size());
            for (RecordedRequest r : requests) {
                String header = r.getTarget().startsWith("/v1/chat") || r.getTarget().equals("/v1/models")
                        && r.getHeaders().get("x-api-key") == null
                        ? r.getHeaders().get("Authorization") : r.getHeaders().get("x-api-key");
                assertTrue(header != null && header.contains(KEY), r.getTarget() + " carried " + header);
            }
            assertSearchFindsNothing(quire, "while the library is open");
            assertTrue(Files.exists(quire.dataDir.resolve(LibraryLocation.FILE_NAME + "-wal")),
                    "the write-ahead log was searched");
        }
        assertSearchFindsNothing(quire, "after the library closed");

        Path vault = quire.configDir.resolve("keys.json");
        if (source == KeySource.STORED) {
            assertTrue(Files.readString(vault).contains(KEY), "the control: stored keys live in the vault");
        } else {
            assertFalse(Files.exists(vault) && Files.readString(vault).contains(KEY));
        }
    }

    private static void add(Quire quire, String name, String kind, String baseUrl) {
        Quire.Run added = quire.run("provider", "add", name, "--kind", kind, "--base-url", baseUrl);
        assertEquals(0, added.code(), added.toString());
        Quire.Run key = quire.withInput(KEY + "\n", "provider", "key", name);
        assertEquals(0, key.code(), key.toString());
    }

    private static Quire.Run generate(Quire quire, List<String> providerArgs, boolean json) {
        List<String> args = new ArrayList<>(List.of("generate", "--story", Lighthouse.TITLE, "--instruction",
                "The storm reaches the tower."));
        args.addAll(providerArgs);
        if (json) {
            args.add("--json");
        }
        return quire.run(args.toArray(new String[0]));
    }

    private void assertSearchFindsNothing(Quire quire, String when) throws IOException {
        assertFalse(quire.runs.isEmpty());
        for (Quire.Run run : quire.runs) {
            assertFalse(run.out().contains(KEY) || run.out().contains(PART), when + ", stdout: " + run.out());
            assertFalse(run.err().contains(KEY) || run.err().contains(PART), when + ", stderr: " + run.err());
        }
        for (String record : new ArrayList<>(logged)) {
            assertFalse(record.contains(KEY) || record.contains(PART), when + ", log: " + record);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(quire.dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.contains(quire.dataDir.resolve(LibraryLocation.FILE_NAME)), files.toString());
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        byte[] part = PART.getBytes(StandardCharsets.UTF_8);
        byte[] keyUtf16 = KEY.getBytes(StandardCharsets.UTF_16LE);
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
            assertFalse(contains(bytes, key), when + ": the key is in " + file);
            assertFalse(contains(bytes, part), when + ": part of the key is in " + file);
            assertFalse(contains(bytes, keyUtf16), when + ": the key (UTF-16) is in " + file);
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
