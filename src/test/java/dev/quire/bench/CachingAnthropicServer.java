package dev.quire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A loopback Messages API that follows Anthropic's documented prompt-caching rules, and reports usage as Anthropic
 * does ({@code input_tokens} uncached after the last breakpoint, {@code cache_creation_input_tokens},
 * {@code cache_read_input_tokens}).
 *
 * <ul>
 *   <li>The prompt is system blocks then messages, in order; a block with {@code cache_control} is a breakpoint, and
 *       the prefix up to and including it is a cache entry. At most four.</li>
 *   <li>A request reads the longest cached prefix that ends at one of its breakpoints, and writes every later
 *       breakpoint's prefix. What comes after its last breakpoint is uncached input.</li>
 *   <li>A prefix shorter than {@link #MIN_TOKENS} is never cached.</li>
 *   <li>An entry becomes readable only once the response that wrote it has begun (after {@code prefill}), and lives
 *       for the TTL (5 minutes, or 1 hour when asked), refreshed by each read.</li>
 * </ul>
 * Tokens are counted as four characters each; the same count for every request, so ratios are exact.
 */
public final class CachingAnthropicServer implements AutoCloseable {

    public static final int MIN_TOKENS = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request's usage as reported. */
    public record Billed(int input, int cacheWrite, int cacheRead, int output) {
        /** Billed input in units of uncached tokens: input × 1 + cache write × 1.25 + cache read × 0.1. */
        public double units() {
            return input + cacheWrite * 1.25 + cacheRead * 0.1;
        }

        public int prompt() {
            return input + cacheWrite + cacheRead;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final Duration prefill;
    private final Map<String, Long> cache = new ConcurrentHashMap<>(); // prefix hash -> readable from (nanos)
    private final Map<String, Long> expiry = new ConcurrentHashMap<>();
    public final List<Billed> billed = Collections.synchronizedList(new ArrayList<>());
    private volatile long clockOffsetNanos;

    /** @param prefill how long the server "reads" an uncached prompt before its reply begins */
    public CachingAnthropicServer(Duration prefill) {
        this.prefill = prefill;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Moves the server's clock on, to let entries expire without waiting. */
    public void advance(Duration d) {
        clockOffsetNanos += d.toNanos();
    }

    public void clearBilled() {
        billed.clear();
    }

    private long now() {
        return System.nanoTime() + clockOffsetNanos;
    }

    private MockResponse answer(RecordedRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            return new MockResponse.Builder().code(400).body("{}").build();
        }
        // the prompt as a list of blocks: (text, breakpoint, ttl)
        List<String> texts = new ArrayList<>();
        List<String> ttls = new ArrayList<>();
        for (JsonNode b : body.path("system")) {
            texts.add(b.path("text").asText());
            ttls.add(b.has("cache_control") ? b.path("cache_control").path("ttl").asText("5m") : null);
        }
        for (JsonNode m : body.path("messages")) {
            JsonNode content = m.path("content");
            String role = m.path("role").asText();
            if (content.isTextual()) {
                texts.add(role + ":" + content.asText());
                ttls.add(null);
            } else {
                for (JsonNode b : content) {
                    texts.add(role + ":" + b.path("text").asText());
                    ttls.add(b.has("cache_control") ? b.path("cache_control").path("ttl").asText("5m") : null);
                }
            }
        }
        long arrived = now();
        int total = 0;
        int[] ends = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            total += tokens(texts.get(i));
            ends[i] = total;
        }
        List<Integer> breakpoints = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (ttls.get(i) != null) {
                breakpoints.add(i);
            }
        }
        if (breakpoints.size() > 4) {
            return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                    .body("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                            + "\"A maximum of 4 blocks with cache_control may be provided.\"}}").build();
        }
        String[] keys = new String[texts.size()];
        MessageDigest digest = sha();
        for (int i = 0; i < texts.size(); i++) {
            digest.update(texts.get(i).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            keys[i] = HexFormat.of().formatHex(((MessageDigest) clone(digest)).digest());
        }
        int read = 0;
        int hitAt = -1;
        for (int k = breakpoints.size() - 1; k >= 0; k--) {
            int i = breakpoints.get(k);
            Long from = cache.get(keys[i]);
            Long until = expiry.get(keys[i]);
            if (from != null && from <= arrived && until != null && until > arrived && ends[i] >= MIN_TOKENS) {
                read = ends[i];
                hitAt = k;
                break;
            }
        }
        int write = 0;
        int lastEnd = read;
        boolean cold = false;
        for (int k = hitAt + 1; k < breakpoints.size(); k++) {
            int i = breakpoints.get(k);
            if (ends[i] < MIN_TOKENS) {
                continue;
            }
            write += ends[i] - lastEnd;
            lastEnd = ends[i];
            cold = true;
        }
        int input = total - read - write;
        long readyAt = arrived + (cold || read == 0 ? prefill.toNanos() : 0);
        for (int k = 0; k < breakpoints.size(); k++) {
            int i = breakpoints.get(k);
            if (ends[i] < MIN_TOKENS) {
                continue;
            }
            long ttl = "1h".equals(ttls.get(i)) ? TimeUnit.HOURS.toNanos(1) : TimeUnit.MINUTES.toNanos(5);
            if (k > hitAt) {
                Long until = expiry.get(keys[i]);
                if (until == null || until <= arrived) {
                    cache.put(keys[i], readyAt); // a new entry, or one that expired: readable once this reply begins
                    expiry.put(keys[i], arrived + ttl);
                } else {
                    cache.merge(keys[i], readyAt, Math::min);
                }
            }
            expiry.merge(keys[i], arrived + ttl, Math::max);
        }
        int output = 40;
        billed.add(new Billed(input, write, read, output));
        String sse = "event: message_start\n"
                + "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_c\",\"type\":\"message\",\"role\":"
                + "\"assistant\",\"content\":[],\"model\":\"" + body.path("model").asText() + "\",\"stop_reason\":null,"
                + "\"usage\":{\"input_tokens\":" + input + ",\"cache_creation_input_tokens\":" + write
                + ",\"cache_read_input_tokens\":" + read + ",\"output_tokens\":1}}}\n\n"
                + "event: content_block_start\n"
                + "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                + "event: content_block_delta\n"
                + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                + "\"The tide turned.\"}}\n\n"
                + "event: content_block_stop\n"
                + "data: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\n"
                + "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                + "\"usage\":{\"output_tokens\":" + output + "}}\n\n"
                + "event: message_stop\n"
                + "data: {\"type\":\"message_stop\"}\n\n";
        long wait = Math.max(0, readyAt - arrived);
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .headersDelay(wait, TimeUnit.NANOSECONDS).body(sse).build();
    }

    static int tokens(String text) {
        return (text.length() + 3) / 4;
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object clone(MessageDigest d) {
        try {
            return d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
