package dev.quire.llm.internal;

import dev.quire.llm.ApiKey;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import okhttp3.Dns;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The one class that touches OkHttp, and the only place the API key is written into a request.
 * Redirects are never followed, so a key only ever goes to the profile's own base URL.
 */
public final class Http {

    private static final MediaType JSON = MediaType.get("application/json");

    /** Shared connection pool and threads; every provider derives its client from it. */
    private static final OkHttpClient ROOT = new OkHttpClient.Builder()
            .followRedirects(false)
            .followSslRedirects(false)
            .dns(new LocalNames(Dns.SYSTEM))
            .build();

    private final OkHttpClient streaming;
    private final OkHttpClient bounded;
    private final Duration stall;

    /**
     * @param firstByte longest wait for the reply to begin: its headers and the first byte of its body
     * @param stall     longest silence inside a stream once it has begun (at most {@code firstByte})
     * @param request   whole-call limit for short calls (model lists, connection tests)
     */
    public Http(Duration connect, Duration firstByte, Duration stall, Duration request) {
        this(connect, firstByte, stall, request, null);
    }

    /** As above, with the name resolver under the local-name check replaced (tests stand in for DNS with it). */
    public Http(Duration connect, Duration firstByte, Duration stall, Duration request, Dns resolver) {
        Duration waitForFirst = firstByte.compareTo(stall) < 0 ? stall : firstByte;
        this.stall = stall;
        streaming = ROOT.newBuilder()
                .connectTimeout(connect)
                .writeTimeout(connect.plus(waitForFirst))
                .readTimeout(waitForFirst)
                .callTimeout(Duration.ZERO)
                .dns(resolver == null ? ROOT.dns() : new LocalNames(resolver))
                .build();
        bounded = streaming.newBuilder()
                .readTimeout(request)
                .callTimeout(request)
                .build();
    }

    /** How the key travels. */
    public enum Auth { NONE, BEARER, X_API_KEY }

    /**
     * A request to make. {@code headers} carries no secret; {@code auth} says how {@code key} is added.
     * {@code body} null means GET.
     */
    public record Exchange(String url, Map<String, String> headers, byte[] body, Auth auth, ApiKey key) {
        public Exchange {
            Objects.requireNonNull(url, "url");
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            auth = auth == null ? Auth.NONE : auth;
            key = key == null ? ApiKey.none() : key;
        }

        @Override
        public String toString() {
            return "Exchange[" + (body == null ? "GET " : "POST ") + url + ", auth " + auth + "]";
        }
    }

    /** A call for a stream: no overall time limit, only the stall limit between bytes. */
    public Call streamingCall(Exchange exchange) {
        return new Call(streaming.newCall(build(exchange)), stall);
    }

    /** A call for a short request, bounded as a whole by the request timeout. */
    public Call boundedCall(Exchange exchange) {
        return new Call(bounded.newCall(build(exchange)), null);
    }

    private static Request build(Exchange exchange) {
        Request.Builder builder = new Request.Builder().url(exchange.url());
        builder.header("User-Agent", "Quire");
        for (Map.Entry<String, String> header : exchange.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        if (exchange.key().isPresent()) {
            switch (exchange.auth()) {
                case BEARER -> builder.header("Authorization", "Bearer " + exchange.key().reveal());
                case X_API_KEY -> builder.header("x-api-key", exchange.key().reveal());
                case NONE -> { }
            }
        }
        if (exchange.body() != null) {
            builder.post(RequestBody.create(exchange.body(), JSON));
        } else {
            builder.get();
        }
        return builder.build();
    }

    /**
     * Whether a GET of {@code url} answers 200 within {@code timeout} and its body contains {@code expected}.
     * Never throws.
     */
    public static boolean probe(String url, Duration timeout, String expected) {
        OkHttpClient client = ROOT.newBuilder()
                .connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout)
                .retryOnConnectionFailure(false)
                .build();
        try (Response response = client.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (response.code() != 200) {
                return false;
            }
            byte[] head = readAtMost(response.body().byteStream(), 4096);
            return new String(head, StandardCharsets.UTF_8).contains(expected);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while (total < max && (n = in.read(buffer, 0, Math.min(buffer.length, max - total))) != -1) {
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    /** One HTTP call; {@link #cancel()} may come from any thread at any time. */
    public static final class Call {
        private final okhttp3.Call call;
        private final Duration stall;

        private Call(okhttp3.Call call, Duration stall) {
            this.call = call;
            this.stall = stall;
        }

        /** Sends the request and waits for the status line and headers. */
        public Reply execute() throws IOException {
            return new Reply(call.execute(), stall);
        }

        public void cancel() {
            call.cancel();
        }

        public boolean isCancelled() {
            return call.isCanceled();
        }
    }

    /** A response whose body is read incrementally. */
    public static final class Reply implements Closeable {
        private final Response response;
        private final Duration stall;
        private InputStream body;
        private volatile boolean begun;

        private Reply(Response response, Duration stall) {
            this.response = response;
            this.stall = stall;
        }

        /** Whether any byte of the body has arrived. */
        public boolean begun() {
            return begun;
        }

        public int status() {
            return response.code();
        }

        public boolean isSuccessful() {
            return response.code() >= 200 && response.code() < 300;
        }

        /** A header value, or null. */
        public String header(String name) {
            return response.header(name);
        }

        /** The content type in lower case without parameters, or "" when absent. */
        public String contentType() {
            String value = response.header("Content-Type");
            if (value == null) {
                return "";
            }
            int semicolon = value.indexOf(';');
            return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * The body as it arrives from the socket. Until its first byte the first-byte limit applies; from then on
         * the (shorter) stall limit.
         */
        public InputStream body() {
            if (body == null) {
                okio.BufferedSource source = response.body().source();
                body = new java.io.FilterInputStream(source.inputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        if (b >= 0) {
                            arrived(source);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = super.read(buffer, offset, length);
                        if (n > 0) {
                            arrived(source);
                        }
                        return n;
                    }
                };
            }
            return body;
        }

        private void arrived(okio.BufferedSource source) {
            if (!begun) {
                begun = true;
                if (stall != null) {
                    source.timeout().timeout(stall.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                }
            }
        }

        /** At most {@code max} bytes of the body as text (for error bodies and one-shot JSON). */
        public String bodyText(int max) throws IOException {
            return new String(readAtMost(body(), max), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
