package dev.quire.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An OpenAI-compatible server on loopback that answers every {@code POST .../chat/completions}
 * with a Chat Completions SSE stream, one token per event, paced in real time: event {@code i}
 * leaves at {@code start + i / tokensPerSecond}, whatever the client does, so a stream of 1,000
 * tokens at 200 a second lasts five seconds. Each request gets the next of the texts, in turn.
 *
 * <p>It can speak Anthropic's Messages stream ({@code POST /v1/messages}, SSE) or Ollama's chat
 * ({@code POST /api/chat}, NDJSON) instead, and wait a fixed time before the first token, as a
 * provider does while it reads the prompt.
 */
final class PacedSseServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<List<String>> texts;
    private final long nanosPerToken;
    private final AtomicInteger requests = new AtomicInteger();
    private final Format format;
    private final long firstTokenNanos;

    /** The wire format spoken. */
    enum Format { OPENAI, ANTHROPIC, OLLAMA }

    PacedSseServer(List<List<String>> texts, int tokensPerSecond) {
        this(texts, tokensPerSecond, Format.OPENAI, 0);
    }

    PacedSseServer(List<List<String>> texts, int tokensPerSecond, Format format, long firstTokenMillis) {
        this.texts = texts;
        this.format = format;
        this.firstTokenNanos = firstTokenMillis * 1_000_000L;
        this.nanosPerToken = 1_000_000_000L / tokensPerSecond;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-sse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
    }

    /** The base URL a profile takes: {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/v1";
    }

    /** The server's root, for Anthropic and Ollama profiles: {@code http://127.0.0.1:PORT}. */
    String root() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            String expected = switch (format) {
                case OPENAI -> "/chat/completions";
                case ANTHROPIC -> "/v1/messages";
                case OLLAMA -> "/api/chat";
            };
            if (!path.endsWith(expected)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (format != Format.OPENAI) {
                answerOther(exchange, texts.get(requests.getAndIncrement() % texts.size()));
                return;
            }
            List<String> tokens = texts.get(requests.getAndIncrement() % texts.size());
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            send(out, "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
            long start = System.nanoTime() + firstTokenNanos;
            for (int i = 0; i < tokens.size(); i++) {
                // pacing: the stream is the workload, at a fixed rate from the first token
                long due = start + (i + 1) * nanosPerToken;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                send(out, "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                        + "\"model\":\"local\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                        + JSON.writeValueAsString(tokens.get(i)) + "},\"finish_reason\":null}]}\n\n");
            }
            send(out, "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                    + "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                    + "\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":" + tokens.size() + ",\"total_tokens\":"
                    + (900 + tokens.size()) + "}}\n\n"
                    + "data: [DONE]\n\n");
            out.close();
        }
    }

    private void answerOther(HttpExchange exchange, List<String> tokens) throws IOException {
        boolean ollama = format == Format.OLLAMA;
        exchange.getResponseHeaders().set("Content-Type", ollama ? "application/x-ndjson" : "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        if (!ollama) {
            send(out, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_bench\","
                    + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"bench\","
                    + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":900,"
                    + "\"output_tokens\":1}}}\n\n"
                    + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        }
        long start = System.nanoTime() + firstTokenNanos;
        for (int i = 0; i < tokens.size(); i++) {
            long due = start + (i + 1) * nanosPerToken;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            String text = JSON.writeValueAsString(tokens.get(i));
            send(out, ollama
                    ? "{\"model\":\"bench\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":"
                    + "\"assistant\",\"content\":" + text + "},\"done\":false}\n"
                    : "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + text + "}}\n\n");
        }
        send(out, ollama
                ? "{\"model\":\"bench\",\"created_at\":\"2025-01-01T00:00:01Z\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                + "\"prompt_eval_count\":900,\"eval_count\":" + tokens.size() + "}\n"
                : "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + tokens.size() + "}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        out.close();
    }

    private static void send(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
